// Sharded replay (src/core/simulator/shardedReplay.ts), the cases the merge
// must order or count as one replay does (R14): contacts arriving at one
// instant queue in the timeline's order, also when a contact is listed twice
// early on and when contacts are known only from their events (numbered by
// their first event, not a later one); the replay's own seed for a split
// (R13); one warning per unknown API starting point however many shards
// name it; and 'auto' threads when none are asked for.
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { packTimeline } from '../../../src/core/packedTimeline';
import { simulate, type SimulationOptions } from '../../../src/core/simulator/index';
import { SHARD_MIN_EVENTS, simulateInShards, threadsFor } from '../../../src/core/simulator/shardedReplay';
import type { ContactEvent, Timeline } from '../../../src/core/timeline';
import { journey, tagTrigger, timeline } from './helpers';

const at = (hour: number, minute = 0) => new Date(Date.UTC(2026, 2, 2, hour, minute)).toISOString();
const WAIT = journey({ startingPoints: [tagTrigger('sp', 'go', 'w')], points: [{ id: 'w', type: 'wait', duration: 'PT5H', next: 'e' }, { id: 'e', type: 'end' }] });

function sameAsOneReplay(j: Parameters<typeof simulate>[0], tl: Timeline, options: SimulationOptions = {}) {
  const one = simulate(j, tl, { ...options, trace: false });
  for (const shards of [2, 3, 4]) {
    assert.deepEqual(simulateInShards(j, tl, { ...options, trace: false }, shards), one, `${shards} shards`);
    assert.deepEqual(simulateInShards(j, packTimeline(tl)!, { ...options, trace: false }, shards), one, `${shards} shards, packed`);
  }
  return one;
}

describe('sharded replay: order and counts as one replay (R14)', () => {
  it('R14: contacts arriving at one instant queue in list order, also after a contact listed twice at the top of the list', () => {
    const ids = Array.from({ length: 16 }, (_, k) => `c${k}`);
    const contacts = [{ id: 'c0' }, { id: 'c1' }, { id: 'c0', tags: ['again'] }, ...ids.slice(2).map((id) => ({ id }))];
    const events: ContactEvent[] = [...ids].reverse().map((id) => ({ at: at(9), contact: id, type: 'tagAdded', tag: 'go' }));
    const one = sameAsOneReplay(WAIT, timeline(contacts, events), { at: at(10) });
    assert.equal(one.queues['w']!.length, ids.length);
  });

  it('R14: contacts known only from their events queue in the order of their first event, not of a later one', () => {
    const strangers = Array.from({ length: 8 }, (_, k) => `s${k}`);
    const events: ContactEvent[] = [];
    strangers.forEach((id, k) => events.push({ at: at(8, k), contact: id, type: 'purchase', amount: 1 }));
    [...strangers].reverse().forEach((id) => events.push({ at: at(9), contact: id, type: 'tagAdded', tag: 'go' }));
    // Their later events come in the other order.
    [...strangers].reverse().forEach((id, k) => events.push({ at: at(9, 30 + k), contact: id, type: 'purchase', amount: 2 }));
    for (const contacts of [[], [{ id: 'listed' }]]) {
      const one = sameAsOneReplay(WAIT, timeline(contacts, events), { at: at(10) });
      assert.equal(one.queues['w']!.length, strangers.length);
    }
  });

  it('R13: a split takes the seed the replay is given, in every shard', () => {
    const split = journey({
      startingPoints: [tagTrigger('sp', 'go', 's')],
      points: [{ id: 's', type: 'split', branches: [{ percent: 50, next: 'a' }, { percent: 50, next: 'b' }] }, { id: 'a', type: 'end' }, { id: 'b', type: 'end' }],
    });
    const ids = Array.from({ length: 40 }, (_, k) => `c${k}`);
    const tl = timeline(ids.map((id) => ({ id })), ids.map((id) => ({ at: at(9), contact: id, type: 'tagAdded', tag: 'go' })), { seed: 1 });
    const counts = (seed: number) => sameAsOneReplay(split, tl, { seed }).points['a']!.entered;
    assert.notEqual(counts(1), counts(987_654), 'the seed changes the split');
  });

  it('R23: an API entry for a starting point that is not an API one is one warning, however many contacts in however many shards name it', () => {
    const j = journey({ startingPoints: [tagTrigger('sp', 'go', 'e'), { id: 'api', trigger: { type: 'api' }, next: 'e' }], points: [{ id: 'e', type: 'end' }] });
    const ids = Array.from({ length: 12 }, (_, k) => `c${k}`);
    const events: ContactEvent[] = ids.map((id, k) => ({ at: at(9, k), contact: id, type: 'apiEntry', startingPoint: k % 2 === 0 ? 'nowhere' : 'sp' }));
    const one = sameAsOneReplay(j, timeline(ids.map((id) => ({ id })), events));
    assert.equal(one.warnings.filter((w) => w.includes('"nowhere"')).length, 1);
  });

  it("threads: 'auto' when none are asked for", () => {
    const large = { ...packTimeline(timeline([{ id: 'a' }], []))!, eventTime: new Array<number>(SHARD_MIN_EVENTS).fill(0) };
    assert.equal(threadsFor(large, { trace: false }), availableParallelism());
  });
});
