// When a sharded replay is one replay after all (src/core/simulator/shardedReplay.ts):
// with a trace, with an event whose instant is not valid (the error one
// replay reports), on one thread (nothing split, no worker); and what a
// worker is handed of its shard (timelineShards.ts transferList).
import assert from 'node:assert/strict';
import { packTimeline } from '../../../src/core/packedTimeline';
import { simulate } from '../../../src/core/simulator/index';
import { replaySharded, simulateInShards } from '../../../src/core/simulator/shardedReplay';
import { splitPackedTimeline, transferList, withContactColumns } from '../../../src/core/simulator/timelineShards';
import type { Timeline } from '../../../src/core/timeline';
import { journey, replayOutcome as outcome, tagTrigger, timeline } from './helpers';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 9, minute)).toISOString();
const J = journey({ startingPoints: [tagTrigger('sp', 'go', 'w')], points: [{ id: 'w', type: 'wait', duration: 'PT1H', next: 'e' }, { id: 'e', type: 'end' }] });
const IDS = Array.from({ length: 12 }, (_, k) => `c${k}`);
const TL = timeline(IDS.map((id) => ({ id })), IDS.map((id, k) => ({ at: at(k), contact: id, type: 'tagAdded' as const, tag: 'go' })));


describe('sharded replay: one replay after all', () => {
  it('R14: with a trace, the shards on this thread are one replay (its trace too)', () => {
    const one = simulate(J, TL);
    assert.ok(one.trace.length > 0);
    assert.deepEqual(simulateInShards(J, TL, {}, 3), one);
    assert.deepEqual(simulateInShards(J, TL, { trace: true }, 3), one);
  });

  it('an event whose instant is not valid stops the sharded replay with the error one replay reports', () => {
    const bad = { ...TL, events: [...TL.events, { at: 'someday', contact: 'c1', type: 'tagAdded', tag: 'go' }] } as unknown as Timeline;
    assert.equal(packTimeline(bad), undefined, 'it cannot be packed');
    const one = outcome(() => simulate(J, bad, { trace: false }));
    assert.ok(one && typeof one === 'object' && 'error' in one, 'one replay stops with an error');
    assert.deepEqual(outcome(() => simulateInShards(J, bad, { trace: false }, 3)), one);
  });

  it('on one thread it is one replay: nothing packed, split, handed over or merged, one replay time for all the events', async () => {
    const { snapshot, report } = await replaySharded(J, TL, { trace: false }, { threads: 1 });
    assert.deepEqual(snapshot, simulate(J, TL, { trace: false }));
    assert.deepEqual({ ...report, replayMs: report.replayMs.length }, { threads: 1, packMs: 0, splitMs: 0, postMs: 0, prepareMs: [], replayMs: 1, events: [IDS.length], waitMs: 0, mergeMs: 0 });
  });

  it('a worker is handed its shard\'s typed columns to transfer (plain arrays are not), and its contacts\' columns once they are there', () => {
    const packed = packTimeline(TL)!;
    const [local, sent] = splitPackedTimeline(packed, 2, { local: 0 });
    assert.deepEqual(transferList(local!), [local!.contactPositions.buffer, local!.firstOfId.buffer], 'the shard this thread keeps has its event columns in plain arrays');
    const columns = [sent!.contactPositions, sent!.firstOfId, sent!.eventPositions, sent!.eventTime, sent!.eventContact, sent!.eventBody].map((c) => (c as Int32Array).buffer);
    assert.deepEqual(transferList(sent!), columns);
    withContactColumns(sent!, packed.contacts);
    assert.deepEqual(transferList(sent!), [...columns, sent!.contacts!.ints.buffer, sent!.contacts!.numbers.buffer]);
  });

  it('a worker\'s preparing time is measured on one clock shared by the threads: no longer than the whole replay', async function () {
    this.timeout(120_000);
    const t0 = performance.now();
    const { report } = await replaySharded(J, packTimeline(TL)!, { trace: false }, { threads: 2 });
    const whole = performance.now() - t0;
    assert.equal(report.fallback, undefined);
    assert.ok(report.prepareMs[1]! > -1 && report.prepareMs[1]! <= whole, `${report.prepareMs[1]} ms of ${whole}`);
  });
});
