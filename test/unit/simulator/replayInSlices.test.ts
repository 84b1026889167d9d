// Specification of the editor's replay in slices (#16, src/core/replayInSlices.ts):
// replayed to the end, it gives exactly the snapshot of one run (R14: the
// same order of every event and timer); between slices it reports how far it
// got and pauses, and a cancel seen after a pause stops it there.
import assert from 'node:assert/strict';
import { runInSlices } from '../../../src/core/replayInSlices';
import { eventCount, packTimeline } from '../../../src/core/packedTimeline';
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

  describe('where it pauses: after a sample of the timeline\'s instants, once a slice\'s time is used up', () => {
    const small = benchTimeline(100); // about 500 events: more than the 200 instants of the sample
    const n = eventCount(small);
    const every = Math.ceil(n / 200);
    /** The sample: every `every`-th event's instant, so the progress after instant k of m is k / (m + 1), and 1 at the end. */
    const m = Math.floor(n / every);
    /** A clock that moves `step` ms each time it is read. */
    const clock = (step: number) => {
      let t = 0;
      return () => (t += step);
    };
    const replay = async (timeline: typeof small | NonNullable<ReturnType<typeof packTimeline>>, options: Parameters<typeof runInSlices>[2]) => {
      const simulation = createSimulation(journey, timeline);
      const done = await runInSlices(simulation, timeline, options);
      assert.equal(done, true);
      assert.deepEqual(simulation.snapshot(), simulate(journey, small), 'the same end as one run');
    };

    it('a slice used up at every instant: a pause after each of the sampled instants (every ceil(n / 200)-th event\'s), as a timeline or packed', async () => {
      assert.ok(n > 200 && every > 1, `${n} events`);
      // Also 299 events, sampled every second one: the last event (index 298) is not one of them.
      const cut = { ...small, events: small.events.slice(0, 299) };
      for (const [timeline, events] of [[small, n], [packTimeline(small)!, n], [cut, 299]] as const) {
        const sampled = Math.floor(events / Math.ceil(events / 200));
        const fractions: number[] = [];
        let pauses = 0;
        const simulation = createSimulation(journey, timeline);
        assert.equal(await runInSlices(simulation, timeline, { onProgress: (f) => fractions.push(f), sliceMs: 5, now: clock(5), pause: async () => void pauses++ }), true);
        assert.deepEqual(simulation.snapshot(), simulate(journey, timeline), 'the same end as one run');
        assert.equal(pauses, sampled);
        assert.deepEqual(fractions, [...Array.from({ length: sampled }, (_, k) => (k + 1) / (sampled + 1)), 1]);
      }
    });

    it('a pause once at least `sliceMs` have passed since the last one: a clock read 10 ms apart and slices of 20 ms pause after every second instant', async () => {
      // Read at the start (10), after instant 1 (20: 10 ms used), after instant 2 (30: 20 ms, pause), after the pause (40), ...
      const fractions: number[] = [];
      await replay(small, { onProgress: (f) => fractions.push(f), sliceMs: 20, now: clock(10), pause: async () => undefined });
      const expected = Array.from({ length: Math.floor(m / 2) }, (_, k) => (2 * k + 2) / (m + 1));
      assert.deepEqual(fractions, [...expected, 1]);
    });

    it('without a progress callback it pauses and ends all the same', async () => {
      let pauses = 0;
      await replay(small, { sliceMs: 5, now: clock(5), pause: async () => void pauses++ });
      assert.equal(pauses, m);
    });

    it('with the real clock and pause: slices of an hour never pause on a small timeline; slices of 0 ms pause after each instant with a macrotask', async () => {
      const long: number[] = [];
      await replay(small, { onProgress: (f) => long.push(f), sliceMs: 3_600_000 });
      assert.deepEqual(long, [1]);
      const none: number[] = [];
      await replay(small, { onProgress: (f) => none.push(f), sliceMs: 0 });
      assert.equal(none.length, m + 1);
    });
  });
});
