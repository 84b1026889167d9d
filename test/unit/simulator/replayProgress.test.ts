// Specification of SimulationOptions.onProgress (#16): a replay tells how
// many of its events are replayed, now and then and at its end, in both
// replay strategies (contact by contact without a trace, time order with
// one), and the snapshot is the same as without it.
import assert from 'node:assert/strict';
import { simulate, type SimulationOptions } from '../../../src/core/simulator/index';
import { benchJourney } from '../../bench/simulate/benchJourney';
import { benchTimeline } from '../../bench/simulate/benchTimeline';

describe('progress of a replay (#16)', function () {
  this.timeout(60_000);
  const journey = benchJourney();
  // More contacts and events than between two reports of either strategy.
  const timeline = benchTimeline(40_000);
  const events = timeline.events.length;

  for (const [strategy, options] of [
    ['contact by contact (no trace)', { trace: false }],
    ['in time order (trace)', { trace: true }],
  ] as [string, SimulationOptions][]) {
    it(`${strategy}: reports ascending counts of its events, ending with all of them, and the same snapshot`, () => {
      const reports: [number, number][] = [];
      const shown = simulate(journey, timeline, { ...options, onProgress: (done, total) => reports.push([done, total]) });
      assert.ok(reports.length >= 3, JSON.stringify(reports));
      assert.deepEqual(reports.at(-1), [events, events]);
      assert.ok(reports.every(([done, total], k) => total === events && done <= total && (k === 0 || done >= reports[k - 1]![0])), JSON.stringify(reports));
      assert.ok(reports.some(([done]) => done > 0 && done < events), 'a report half-way');
      assert.deepEqual(shown, simulate(journey, timeline, options));
    });
  }
});
