// The parts of a sharded replay, in process (src/core/simulator/timelineShards.ts
// and shardedReplay.ts): the split puts every contact, and exactly its
// events (each with its own instant, contact and body), in the shard its id
// hashes to (FNV-1a), in timeline order, with their places in the whole
// timeline; a shard opens as the timeline of its contacts; the thread count
// asked for; and what replaySharded reports (where the time went, and why it
// ran on one thread when it did). Quick next to shardedReplay.test.ts.
import assert from 'node:assert/strict';
import { packTimeline, type PackedTimeline } from '../../../src/core/packedTimeline';
import { simulate } from '../../../src/core/simulator/index';
import { replaySharded, threadsFor } from '../../../src/core/simulator/shardedReplay';
import { openShard, shardOf, splitPackedTimeline, withContactColumns } from '../../../src/core/simulator/timelineShards';
import type { ContactEvent } from '../../../src/core/timeline';
import { journey, tagTrigger, timeline } from './helpers';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 9, minute)).toISOString();

/** Contacts c0..c11 (c3 listed twice), tag events for most of them, shared and distinct bodies, and events of ids no contact has. */
function sample(): PackedTimeline {
  const ids = Array.from({ length: 12 }, (_, k) => `c${k}`);
  const events: ContactEvent[] = [];
  ids.forEach((id, k) => {
    if (k % 5 !== 4) events.push({ at: at(k), contact: id, type: 'tagAdded', tag: 'go' });
    if (k % 3 === 0) events.push({ at: at(20 + k), contact: id, type: 'purchase', amount: k + 1 });
  });
  events.push({ at: at(40), contact: 'stranger1', type: 'tagAdded', tag: 'go' }, { at: at(41), contact: 'stranger2', type: 'purchase', amount: 7 }, { at: at(42), contact: 'stranger1', type: 'purchase', amount: 8 });
  const packed = packTimeline(timeline([...ids.map((id) => ({ id })), { id: 'c3', tags: ['again'] }], events));
  assert.ok(packed);
  return packed;
}

/** The packed timeline with its ids in another order and not listed first (as a file with events before contacts gives). */
function unlisted(packed: PackedTimeline): PackedTimeline {
  const last = packed.eventContactIds.length - 1;
  return { ...packed, eventContactIds: [...packed.eventContactIds].reverse(), eventContact: packed.eventContact.map((g) => last - g), listedContactIds: -1 };
}

describe('sharded replay, its parts in process', () => {
  it('a contact\'s shard is the 32-bit FNV-1a hash of its id, modulo the shards', () => {
    // The FNV-1a reference values: "" → 0x811c9dc5, "a" → 0xe40c292c, "foobar" → 0xbf9cf968.
    assert.equal(shardOf('', 2 ** 32), 0x811c9dc5);
    assert.equal(shardOf('a', 2 ** 32), 0xe40c292c);
    assert.equal(shardOf('foobar', 2 ** 32), 0xbf9cf968);
    assert.equal(shardOf('foobar', 7), 0xbf9cf968 % 7);
  });

  for (const [how, of] of [['contacts listed first', (p: PackedTimeline) => p], ['ids in another order', unlisted]] as const) {
    it(`the split (${how}): every contact and exactly its events in its id's shard, in timeline order, with their places in the whole timeline`, () => {
      const packed = of(sample());
      const shards = 3;
      const split = splitPackedTimeline(packed, shards, { local: 1 });
      assert.equal(split.length, shards);
      const idOfEvent = (i: number) => packed.eventContactIds[packed.eventContact[i]!]!;
      const seenContacts: number[] = [];
      const seenEvents: number[] = [];
      split.forEach((shard, k) => {
        assert.equal(shard.contactCount, packed.contacts.length);
        // Contacts: those whose id hashes here, in list order; the first of each id marked.
        const positions = Array.from(shard.contactPositions);
        assert.deepEqual(positions, packed.contacts.map((c, i) => (shardOf(c.id, shards) === k ? i : -1)).filter((i) => i >= 0), `shard ${k} contacts`);
        assert.deepEqual(Array.from(shard.firstOfId), positions.map((i) => (packed.contacts.findIndex((c) => c.id === packed.contacts[i]!.id) === i ? 1 : 0)));
        seenContacts.push(...positions);
        // Events: those of ids hashing here, in timeline order, each with its instant and body.
        const events = Array.from(shard.eventPositions as ArrayLike<number>);
        assert.deepEqual(events, packed.eventTime.map((_, i) => (shardOf(idOfEvent(i), shards) === k ? i : -1)).filter((i) => i >= 0), `shard ${k} events`);
        assert.deepEqual(Array.from(shard.eventTime as ArrayLike<number>), events.map((i) => packed.eventTime[i]));
        assert.equal(new Set(shard.bodies).size, shard.bodies.length, 'each distinct body once');
        // Opened (as a worker opens it: contacts in columns, a structured clone), it is the timeline of these contacts.
        const opened = k === 1 ? openShard(shard, packed.contacts) : openShard(structuredClone(withContactColumns(shard, packed.contacts)));
        assert.deepEqual(opened.timeline.contacts, positions.map((i) => packed.contacts[i]));
        assert.deepEqual(opened.timeline.eventBody, events.map((i) => packed.eventBody[i]));
        assert.deepEqual(
          Array.from(opened.timeline.eventContact, (c) => opened.timeline.eventContactIds[c]),
          events.map(idOfEvent),
        );
        assert.equal(opened.timeline.listedContactIds, packed.listedContactIds < 0 ? -1 : new Set(opened.timeline.contacts.map((c) => c.id)).size);
        assert.equal(opened.contactCount, packed.contacts.length);
        seenEvents.push(...events);
      });
      assert.deepEqual(seenContacts.sort((a, b) => a - b), packed.contacts.map((_, i) => i), 'every contact in one shard');
      assert.deepEqual(seenEvents.sort((a, b) => a - b), packed.eventTime.map((_, i) => i), 'every event in one shard');
    });
  }

  it('the shard this thread keeps has plain arrays (never sent); the others typed arrays to transfer', () => {
    const split = splitPackedTimeline(sample(), 2, { local: 0 });
    for (const column of ['eventPositions', 'eventTime', 'eventContact', 'eventBody'] as const) {
      assert.ok(Array.isArray(split[0]![column]), `local ${column}`);
      assert.ok(ArrayBuffer.isView(split[1]![column]), `sent ${column}`);
    }
    assert.ok(splitPackedTimeline(sample(), 2).every((s) => ArrayBuffer.isView(s.eventTime)), 'without a local shard, all typed');
  });

  it('threads: as many as asked (whole, at least one); one with a trace', () => {
    const tl = timeline([{ id: 'a' }], []);
    assert.deepEqual([0, -2, 1, 2.9, 4].map((n) => threadsFor(tl, { trace: false }, n)), [1, 1, 1, 2, 4]);
    assert.equal(threadsFor(tl, { trace: true }, 4), 1);
    assert.equal(threadsFor(tl, {}, 4), 1, 'a trace unless trace: false');
  });

  it('replaySharded reports where the time went: every part a time no longer than the whole, one entry per thread, the events of each', async function () {
    this.timeout(120_000);
    const j = journey({ startingPoints: [tagTrigger('sp', 'go', 'w')], points: [{ id: 'w', type: 'wait', duration: 'PT1H', next: 'e' }, { id: 'e', type: 'end' }] });
    const packed = sample();
    const t0 = performance.now();
    const { snapshot, report } = await replaySharded(j, packed, { trace: false }, { threads: 2 });
    const whole = performance.now() - t0;
    assert.deepEqual(snapshot, simulate(j, packed, { trace: false }));
    assert.equal(report.threads, 2);
    assert.equal(report.fallback, undefined);
    for (const ms of [report.packMs, report.splitMs, report.postMs, report.waitMs, report.mergeMs, report.prepareMs[0]!, ...report.replayMs]) assert.ok(ms >= 0 && ms <= whole, `${ms} ms of ${whole}`);
    assert.equal(report.prepareMs.length, 2);
    assert.ok(report.prepareMs.every((ms) => Number.isFinite(ms)));
    assert.equal(report.replayMs.length, 2);
    assert.deepEqual(report.events, splitPackedTimeline(packed, 2).map((s) => s.eventTime.length));
    const t1 = performance.now();
    const objects = await replaySharded(j, timeline([{ id: 'a' }, { id: 'b' }], [{ at: at(1), contact: 'a', type: 'tagAdded', tag: 'go' }]), { trace: false }, { threads: 2 });
    const objectsWhole = performance.now() - t1;
    assert.ok(objects.report.packMs > 0 && objects.report.packMs <= objectsWhole, `a timeline given as objects is packed first: ${objects.report.packMs} ms of ${objectsWhole}`);
  });

  it('replaySharded on one thread says why: nothing to start the replay from, or a worker that could not start (its error)', async function () {
    this.timeout(120_000);
    const j = journey({ startingPoints: [tagTrigger('sp', 'go', 'e')], points: [{ id: 'e', type: 'end' }] });
    const empty = timeline([{ id: 'a' }, { id: 'b' }], []);
    const nothing = await replaySharded(j, empty, { trace: false }, { threads: 2 });
    assert.deepEqual([nothing.report.threads, nothing.report.fallback], [1, 'nothing to start the replay from']);
    assert.deepEqual(nothing.snapshot, simulate(j, empty, { trace: false }));
    assert.deepEqual(nothing.report.events, [0]);
    const tl = packTimeline(timeline([{ id: 'a' }, { id: 'b' }], [{ at: at(1), contact: 'a', type: 'tagAdded', tag: 'go' }]))!;
    const broken = await replaySharded(j, tl, { trace: false }, { threads: 2, workerScript: '/nonexistent/replayShardWorker.js' });
    assert.equal(broken.report.threads, 1);
    assert.match(broken.report.fallback ?? '', /Cannot find module '\/nonexistent\/replayShardWorker.js'/);
    assert.deepEqual(broken.snapshot, simulate(j, tl, { trace: false }));
  });
});
