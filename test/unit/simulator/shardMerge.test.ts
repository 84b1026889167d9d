// Small, hand-made cases of the sharded replay on this thread
// (simulateInShards, src/core/simulator/shardedReplay.ts and
// timelineShards.ts): the snapshot of one replay (R14, R15) for a trigger
// journey with queues and suppressions, a date-field journey (R20) and a
// segment journey (R19), contacts listed twice or known only from events
// (R23), apiEntry events for a starting point that is not an API one, a
// replay stepped to an instant, and a timeline given as objects or packed.
// Quick next to the generated property in shardedReplay.test.ts.
import assert from 'node:assert/strict';
import { type PackedTimeline, packTimeline } from '../../../src/core/packedTimeline';
import type { Journey } from '../../../src/core/schema';
import { simulate, type SimulationOptions } from '../../../src/core/simulator/index';
import { simulateInShards } from '../../../src/core/simulator/shardedReplay';
import { shardOf } from '../../../src/core/simulator/timelineShards';
import type { ContactEvent, Timeline } from '../../../src/core/timeline';
import { journey, tagTrigger, timeline } from './helpers';

const at = (hour: number) => new Date(Date.UTC(2026, 2, 2, hour)).toISOString();

/** The timeline as objects, packed (contacts first), and packed with its ids in another order. */
function givenAll(tl: Timeline): [string, Timeline | PackedTimeline][] {
  const packed = packTimeline(tl)!;
  const last = packed.eventContactIds.length - 1;
  const unlisted: PackedTimeline = { ...packed, eventContactIds: [...packed.eventContactIds].reverse(), eventContact: packed.eventContact.map((g) => last - g), listedContactIds: -1 };
  return [
    ['objects', tl],
    ['packed', packed],
    ['packedUnlisted', unlisted],
  ];
}

function sameAsOneReplay(j: Journey, tl: Timeline, options: SimulationOptions = {}): ReturnType<typeof simulate> {
  const one = simulate(j, tl, { ...options, trace: false });
  for (const shards of [2, 3, 5]) for (const [how, given] of givenAll(tl)) assert.deepStrictEqual(simulateInShards(j, given, { ...options, trace: false }, shards), one, `${shards} shards, ${how}`);
  return one;
}

/** Ids spread over shards: for 2 and 3 shards, contacts in every shard. */
const IDS = Array.from({ length: 12 }, (_, k) => `c${k}`);

describe('sharded replay, small cases: the snapshot of one replay (R14)', () => {
  it('the ids spread over every shard', () => {
    for (const shards of [2, 3]) assert.equal(new Set(IDS.map((id) => shardOf(id, shards))).size, shards);
  });

  it('R14, R15, R17, R23: counts, suppressions by reason, queues in arrival then timeline order, contacts listed twice or only in events, warnings in timeline order', () => {
    const j = journey({
      content: [{ id: 'news', channel: 'email', status: 'ready', list: 'letters' }],
      lists: [{ id: 'letters' }],
      startingPoints: [tagTrigger('sp', 'go', 'mail'), { id: 'api', trigger: { type: 'api' }, next: 'mail' }],
      points: [
        { id: 'mail', type: 'sendEmail', content: 'news', next: 'w' },
        { id: 'w', type: 'wait', duration: 'PT5H', next: 'x' },
        { id: 'x', type: 'exit' },
      ],
    });
    const contacts = IDS.map((id, k) => ({ id, ...(k % 3 === 0 ? { lists: { letters: 'subscribed' as const } } : k % 3 === 1 ? { unsubscribedAll: true } : {}) }));
    const events: ContactEvent[] = [];
    IDS.forEach((id, k) => events.push({ at: at(9 + (k % 4)), contact: id, type: 'tagAdded', tag: 'go' }));
    for (let k = 0; k < 25; k++) events.push({ at: at(10), contact: `stranger${k}`, type: 'tagAdded', tag: 'go' });
    events.push({ at: at(11), contact: 'c1', type: 'apiEntry', startingPoint: 'sp' }, { at: at(11), contact: 'c2', type: 'apiEntry', startingPoint: 'nowhere' });
    const tl = timeline([...contacts, { id: 'c4', tags: ['twice'] }, { id: 'c7' }], events);
    const one = sameAsOneReplay(j, tl, { at: at(15) });
    assert.ok(one.queues['w']!.length > 3 && one.points['mail']!.suppressed > 0 && one.stats.exited > 0, JSON.stringify(one.stats));
    assert.ok(one.warnings.some((w) => w.startsWith('2 contact id(s)')) && one.warnings.some((w) => w.startsWith('... and 5 more')) && one.warnings.some((w) => w.includes('"nowhere"')));
    sameAsOneReplay(j, tl);
  });

  it('R20: a date-field journey: every shard ticks its own contacts’ birthdays, one replay’s counts', () => {
    const j = journey({
      settings: { reEntry: { mode: 'afterCompletion' } },
      startingPoints: [{ id: 'sp', trigger: { type: 'dateField', field: 'birthday', time: '09:00' }, next: 'w' }],
      points: [
        { id: 'w', type: 'wait', duration: 'P1D', next: 'e' },
        { id: 'e', type: 'end' },
      ],
    });
    const contacts = IDS.map((id, k) => ({ id, fields: { birthday: `1990-03-0${2 + (k % 3)}` } }));
    const tl = timeline(contacts, [{ at: at(12), contact: 'c0', type: 'fieldChanged', field: 'birthday', value: '1990-03-05' }], { start: at(0), horizon: '2026-03-05T10:00:00Z' });
    const one = sameAsOneReplay(j, tl);
    assert.ok(one.startingPoints['sp']!.entered >= IDS.length, JSON.stringify(one.startingPoints));
    sameAsOneReplay(j, tl, { at: '2026-03-03T12:00:00Z' });
  });

  it('R19: a segment journey (recurring): every shard runs the schedule over its own contacts, one replay’s counts', () => {
    const j = journey({
      kind: 'segment',
      segmentEntry: { segment: 'top', schedule: { type: 'recurring', every: 'PT6H' }, start: '2026-03-02T06:00', timeZone: 'UTC' },
      startingPoints: [{ id: 'sp', trigger: { type: 'segmentEntered', segment: 'top' }, next: 'w' }],
      points: [
        { id: 'w', type: 'wait', duration: 'PT3H', next: 'e' },
        { id: 'e', type: 'end' },
      ],
    } as Partial<Journey> as Parameters<typeof journey>[0]);
    const contacts = IDS.map((id, k) => ({ id, ...(k % 2 === 0 ? { segments: ['top'] } : {}) }));
    const events: ContactEvent[] = IDS.filter((_, k) => k % 2 === 1).map((id, k) => ({ at: at(7 + k), contact: id, type: 'segmentJoined', segment: 'top' }));
    const tl = timeline(contacts, events, { horizon: '2026-03-03T06:00:00Z' });
    const one = sameAsOneReplay(j, tl);
    assert.equal(one.startingPoints['sp']!.entered, IDS.length);
    sameAsOneReplay(j, tl, { at: at(14) });
  });

  it('R23: a timeline with nothing to start from replays as one replay does (its warning)', () => {
    const j = journey({ startingPoints: [tagTrigger('sp', 'go', 'e')], points: [{ id: 'e', type: 'end' }] });
    const one = sameAsOneReplay(j, timeline(IDS.map((id) => ({ id })), []));
    assert.equal(one.warnings.length, 1);
  });
});
