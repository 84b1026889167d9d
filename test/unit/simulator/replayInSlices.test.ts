// Specification of the editor's replay in slices (#16, src/core/replayInSlices.ts):
// replayed to the end, it gives exactly the snapshot of one run (R14: the
// same order of every event and timer); between slices it reports how far it
// got and pauses, and a cancel seen after a pause stops it there.
import assert from 'node:assert/strict';
import { runInSlices } from '../../../src/core/replayInSlices';
import { createSimulation, simulate } from '../../../src/core/simulator/index';
import { benchJourney } from '../../bench/simulate/benchJourney';
import { benchTimeline } from '../../bench/simulate/benchTimeline';

describe('the editor\'s replay in slices (#16)', function () {
  this.timeout(60_000);
  const journey = benchJourney();
  const timeline = benchTimeline(3_000);
  /** A clock that moves 30 ms each time it is read: a pause every other slice or so. */
  const ticking = () => {
    let t = 0;
    return () => (t += 30);
  };

  it('R14: replayed slice by slice to the end, the snapshot (stats, queues, trace) is exactly one run\'s, with progress rising to 1', async () => {
    const fractions: number[] = [];
    let pauses = 0;
    const simulation = createSimulation(journey, timeline);
    const done = await runInSlices(simulation, timeline, { onProgress: (f) => fractions.push(f), now: ticking(), pause: async () => void pauses++ });
    assert.equal(done, true);
    assert.deepEqual(simulation.snapshot(), simulate(journey, timeline));
    assert.ok(pauses > 10, `paused ${pauses} times`);
    assert.equal(fractions.at(-1), 1);
    assert.ok(fractions.every((f, k) => f > 0 && f <= 1 && (k === 0 || f > fractions[k - 1]!)), JSON.stringify(fractions));
  });

  it('a cancel seen after a pause stops the replay there: false, part-way, no further slice', async () => {
    const fractions: number[] = [];
    let pauses = 0;
    const simulation = createSimulation(journey, timeline);
    const done = await runInSlices(simulation, timeline, { onProgress: (f) => fractions.push(f), now: ticking(), pause: async () => void pauses++, cancelled: () => pauses === 3 });
    assert.equal(done, false);
    assert.equal(pauses, 3);
    assert.equal(fractions.length, 3);
    assert.ok(fractions.at(-1)! < 1);
    const partWay = simulation.snapshot();
    assert.ok(partWay.at < simulate(journey, timeline).at, 'the replay stopped before the end');
  });
});
