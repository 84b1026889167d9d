// Specification of the timeline made ready for replay
// (src/core/simulator/timelineInput.ts): instants read and written, events in
// replay order (time, ties in timeline order: R14), contacts known only from
// events added with a warning (R23), contacts listed twice counted, the same
// for a timeline given as objects and packed (with its contacts listed
// before its events or not).
import assert from 'node:assert/strict';
import { packTimeline, type PackedTimeline } from '../../../src/core/packedTimeline';
import { SimulationError } from '../../../src/core/simulator/errors';
import { formatInstant, parseInstant, prepareTimeline, timelineWarnings, UNKNOWN_LISTED } from '../../../src/core/simulator/timelineInput';
import type { ContactEvent, Timeline } from '../../../src/core/timeline';
import { T, timeline } from './helpers';

const tag = (at: string, contact: string, tagName = 'go'): ContactEvent => ({ at, contact, type: 'tagAdded', tag: tagName });

/** The prepared timeline's facts that do not depend on how it was given. */
function facts(given: Timeline | PackedTimeline) {
  const p = prepareTimeline(given);
  const replayOrder = Array.from({ length: p.time.length }, (_, k) => (p.order === undefined ? k : p.order[k]!));
  return {
    ids: p.store.ids.slice(),
    replay: replayOrder.map((i) => [p.time[i], p.store.ids[p.contact[i]!], (p.events[i] as { tag?: string }).tag]),
    sorted: p.order === undefined,
    first: p.firstEventTime,
    last: p.lastEventTime,
    warnings: p.warnings,
    duplicateContacts: p.duplicateContacts,
    unknownContacts: p.unknownContacts,
    unknownContactCount: p.unknownContactCount,
  };
}

/** The same timeline packed with its contact ids in another order (as a file with its events before its contacts gives it). */
function packedUnlisted(tl: Timeline): PackedTimeline {
  const packed = packTimeline(tl)!;
  const last = packed.eventContactIds.length - 1;
  return { ...packed, eventContactIds: [...packed.eventContactIds].reverse(), eventContact: packed.eventContact.map((g) => last - g), listedContactIds: -1 };
}

describe('the timeline made ready for replay', () => {
  it('reads an instant given as epoch ms, a Date or an ISO string with offset; refuses NaN and unreadable text naming what it is', () => {
    assert.equal(parseInstant(5, 'start'), 5);
    assert.equal(parseInstant(-Infinity, 'start'), -Infinity);
    assert.equal(parseInstant(new Date(T('2026-03-02T09:00:00Z')), 'start'), T('2026-03-02T09:00:00Z'));
    assert.equal(parseInstant('2026-03-02T10:00:00+01:00', 'start'), T('2026-03-02T09:00:00Z'));
    assert.throws(() => parseInstant(NaN, 'horizon'), (e: unknown) => e instanceof SimulationError && e.code === 'invalid-instant' && e.message === 'horizon is not a number.');
    assert.throws(() => parseInstant('soon', 'start'), (e: unknown) => e instanceof SimulationError && e.code === 'invalid-instant' && e.message === 'start: "soon" is not an ISO 8601 instant such as 2026-03-01T09:00:00Z.');
    assert.throws(() => parseInstant(new Date(NaN), 'at'), (e: unknown) => e instanceof SimulationError && e.code === 'invalid-instant' && e.message.startsWith('at: "Invalid Date"'));
  });

  it('writes an instant in ISO form, with milliseconds only when there are some; a non-finite one as it is', () => {
    assert.equal(formatInstant(T('2026-03-02T09:00:00Z')), '2026-03-02T09:00:00Z');
    assert.equal(formatInstant(T('2026-03-02T09:00:00.120Z')), '2026-03-02T09:00:00.120Z');
    assert.equal(formatInstant(Infinity), 'Infinity');
    assert.equal(formatInstant(-Infinity), '-Infinity');
    assert.equal(formatInstant(NaN), 'NaN');
  });

  it('R23: warns about contacts listed twice and names the first UNKNOWN_LISTED events of contacts not listed, then counts the rest', () => {
    assert.deepEqual(timelineWarnings(0, [], 0), []);
    assert.deepEqual(timelineWarnings(2, [{ event: 3, id: 'x' }], 1), [
      '2 contact id(s) appear more than once in contacts: the first of each is used.',
      'events[3] is for contact "x", who is not in contacts: replayed as a new contact with no data.',
    ]);
    const unknown = Array.from({ length: UNKNOWN_LISTED + 5 }, (_, k) => ({ event: k, id: `u${k}` }));
    assert.equal(UNKNOWN_LISTED, 20);
    const exactly = timelineWarnings(0, unknown.slice(0, UNKNOWN_LISTED), UNKNOWN_LISTED);
    assert.equal(exactly.length, UNKNOWN_LISTED);
    assert.ok(!exactly.some((w) => w.startsWith('...')));
    const more = timelineWarnings(0, unknown, UNKNOWN_LISTED + 5);
    assert.equal(more.length, UNKNOWN_LISTED + 1);
    assert.equal(more[UNKNOWN_LISTED - 1], `events[${UNKNOWN_LISTED - 1}] is for contact "u${UNKNOWN_LISTED - 1}", who is not in contacts: replayed as a new contact with no data.`);
    assert.equal(more.at(-1), '... and 5 more events for contacts not in contacts.');
  });

  it('R14, R23: events in time order, ties in timeline order; contacts only in events added in order of first event, each once, with a warning each', () => {
    const tl = timeline(
      [{ id: 'a' }, { id: 'b' }, { id: 'a', tags: ['second'] }],
      [tag('2026-03-02T10:00:00Z', 'b', 'b10'), tag('2026-03-02T09:00:00Z', 'ghost', 'g9'), tag('2026-03-02T10:00:00Z', 'a', 'a10'), tag('2026-03-02T09:00:00Z', 'spook', 's9'), tag('2026-03-02T08:00:00Z', 'ghost', 'g8')],
    );
    const expected = {
      ids: ['a', 'b', 'ghost', 'spook'],
      replay: [
        [T('2026-03-02T08:00:00Z'), 'ghost', 'g8'],
        [T('2026-03-02T09:00:00Z'), 'ghost', 'g9'],
        [T('2026-03-02T09:00:00Z'), 'spook', 's9'],
        [T('2026-03-02T10:00:00Z'), 'b', 'b10'],
        [T('2026-03-02T10:00:00Z'), 'a', 'a10'],
      ],
      sorted: false,
      first: T('2026-03-02T08:00:00Z'),
      last: T('2026-03-02T10:00:00Z'),
      warnings: [
        '1 contact id(s) appear more than once in contacts: the first of each is used.',
        'events[1] is for contact "ghost", who is not in contacts: replayed as a new contact with no data.',
        'events[3] is for contact "spook", who is not in contacts: replayed as a new contact with no data.',
      ],
      duplicateContacts: 1,
      unknownContacts: [
        { event: 1, id: 'ghost' },
        { event: 3, id: 'spook' },
      ],
      unknownContactCount: 2,
    };
    assert.deepStrictEqual(facts(tl), expected);
    assert.deepStrictEqual(facts(packTimeline(tl)!), expected, 'packed, contacts listed first');
    assert.deepStrictEqual(facts(packedUnlisted(tl)), expected, 'packed, ids in another order');
    assert.equal(prepareTimeline(tl).store.view(0).tags, undefined, 'the first of a repeated id is used');
  });

  it('R23: counts every event of a contact not listed past the first UNKNOWN_LISTED, however given', () => {
    const events = Array.from({ length: UNKNOWN_LISTED + 3 }, (_, k) => tag(`2026-03-02T09:00:${String(k).padStart(2, '0')}Z`, `u${k}`));
    const tl = timeline([{ id: 'known' }], [...events, tag('2026-03-02T09:01:00Z', 'u0')]);
    for (const given of [tl, packTimeline(tl)!, packedUnlisted(tl)]) {
      const f = facts(given);
      assert.equal(f.unknownContactCount, UNKNOWN_LISTED + 3);
      assert.equal(f.unknownContacts.length, UNKNOWN_LISTED);
      assert.equal(f.warnings.at(-1), '... and 3 more events for contacts not in contacts.');
      assert.equal(f.ids.length, UNKNOWN_LISTED + 4);
      assert.equal(f.sorted, true);
    }
  });

  it('R23: a timeline that lists no contacts: its first contact (number 0) is added once, with one warning, however many events it has', () => {
    const tl = timeline([], [tag('2026-03-02T09:00:00Z', 'x'), tag('2026-03-02T10:00:00Z', 'x'), tag('2026-03-02T11:00:00Z', 'y'), tag('2026-03-02T12:00:00Z', 'x')]);
    for (const given of [tl, packTimeline(tl)!, packedUnlisted(tl)]) {
      const f = facts(given);
      assert.deepEqual(f.ids, ['x', 'y']);
      assert.deepEqual(f.unknownContacts, [
        { event: 0, id: 'x' },
        { event: 2, id: 'y' },
      ]);
      assert.equal(f.unknownContactCount, 2);
      assert.deepEqual(f.replay.map((r) => r[1]), ['x', 'x', 'y', 'x']);
    }
  });

  it('R14: more than 4,096 events given as objects: every event keeps its own contact in every block of ids read', () => {
    const events = Array.from({ length: 4100 }, (_, k) => tag('2026-03-02T09:00:00Z', k < 4096 ? `a${k % 3}` : `b${k % 3}`));
    const tl = timeline(['a0', 'a1', 'a2', 'b0', 'b1', 'b2'].map((id) => ({ id })), events);
    const f = facts(tl);
    assert.deepEqual(f.replay.map((r) => r[1]), events.map((e) => e.contact));
    assert.deepEqual(f.warnings, []);
  });

  it('R14: a timeline in time order keeps its order (equal instants too); no events: no first or last event', () => {
    const tl = timeline([{ id: 'a' }], [tag('2026-03-02T09:00:00Z', 'a', 'x'), tag('2026-03-02T09:00:00Z', 'a', 'y'), tag('2026-03-02T09:00:01Z', 'a', 'z')]);
    const f = facts(tl);
    assert.equal(f.sorted, true);
    assert.deepEqual(f.replay.map((r) => r[2]), ['x', 'y', 'z']);
    const empty = facts(timeline([{ id: 'a' }], []));
    assert.equal(empty.first, Infinity);
    assert.equal(empty.last, -Infinity);
    assert.deepEqual(empty.warnings, []);
  });

  it('refuses an event whose instant cannot be read, naming the event', () => {
    const tl = { formatVersion: 1, contacts: [], events: [{ at: '2026-03-02T09:00:00Z', contact: 'a', type: 'tagAdded', tag: 'x' }, { at: 'later', contact: 'a', type: 'tagAdded', tag: 'x' }] } as unknown as Timeline;
    assert.throws(() => prepareTimeline(tl), (e: unknown) => e instanceof SimulationError && e.message === 'events[1].at: "later" is not an ISO 8601 instant such as 2026-03-01T09:00:00Z.');
    const asNumber = { ...tl, events: [{ at: NaN, contact: 'a', type: 'tagAdded', tag: 'x' }] } as unknown as Timeline;
    assert.throws(() => prepareTimeline(asNumber), (e: unknown) => e instanceof SimulationError && e.message === 'events[0].at is not a number.');
  });
});
