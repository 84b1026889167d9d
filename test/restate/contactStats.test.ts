// Specification of the stats each contact keeps in its own object (R15):
// the Contact object adds every step's deltas to the contact's stats, and
// the stats and queue queries sum them over the contacts. Checked in-process
// against the simulator on the samples and on generated journeys: the sums
// are the simulator's counters, and the queues hold exactly the contacts the
// simulator has waiting at each point. (The differential test checks the
// same through a real restate-server.)
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Journey } from '../../src/core/schema';
import { simulate, SimulationError, type SimulationResult } from '../../src/core/simulator/index';
import type { Timeline } from '../../src/core/timeline';
import { sumContactStats, toJourneyStats } from '../../src/restate/runtime/statsDelta';
import { scenarioArb } from '../unit/simulator/arbitraries';
import { PROPERTY_SEED } from '../unit/simulator/propertyRuns';
import { runInProcess } from './support/inProcessRuntime';
import { sampleCases } from './support/samples';

const DAY = 86_400_000;

function simulated(journey: Journey, timeline: Timeline): SimulationResult | undefined {
  const horizon = timeline.horizon ? Date.parse(timeline.horizon) : Date.parse(timeline.start ?? timeline.events[0]?.at ?? '2026-01-01T00:00:00Z') + 6 * DAY;
  try {
    return simulate(journey, timeline, { horizon });
  } catch (error) {
    if (error instanceof SimulationError && error.code === 'zero-time-cycle') return undefined;
    throw error;
  }
}

/** Sums the contacts' own stats as the stats query does and compares them with the simulator's. */
function assertSumsAreTheSimulators(label: string, journey: Journey, timeline: Timeline): void {
  const sim = simulated(journey, timeline);
  if (!sim) return;
  const rt = runInProcess(journey, timeline, { start: sim.start, horizon: sim.horizon!, seed: sim.seed, eagerTimers: true });
  const { counters, queues } = sumContactStats(rt.stats, 1);
  const stats = toJourneyStats(counters, queues, journey.points.map((p) => p.id), journey.startingPoints.map((s) => s.id));
  assert.deepEqual(
    { started: stats.started, inProgress: stats.inProgress, completed: stats.completed, exited: stats.exited, exitedBy: stats.exitedBy },
    { started: sim.stats.started, inProgress: sim.stats.inProgress, completed: sim.stats.completed, exited: sim.stats.exited, exitedBy: sim.stats.exitedBy },
    `${label}: journey counters`,
  );
  for (const [id, p] of Object.entries(sim.points)) {
    const q = stats.points[id]!;
    assert.deepEqual({ entered: q.entered, left: q.left, queued: q.queued, sent: q.sent, suppressed: q.suppressed }, { entered: p.entered, left: p.left, queued: p.queued, sent: p.sent, suppressed: p.suppressed }, `${label}: counters of ${id}`);
    const listed = (queues[id] ?? []).map((e) => e.contact);
    assert.deepEqual([...listed].sort(), [...(sim.queues[id] ?? [])].sort(), `${label}: the contacts queued at ${id}`);
    const arrivals = (queues[id] ?? []).map((e) => e.at);
    assert.deepEqual(arrivals, [...arrivals].sort((a, b) => a - b), `${label}: the queue at ${id} is in order of arrival`);
  }
  for (const [id, s] of Object.entries(sim.startingPoints)) assert.equal(stats.startingPoints[id]?.entered, s.entered, `${label}: entries through ${id}`);
}

describe('R15 stats kept by each contact, summed on read, are the simulator\'s (in-process)', function () {
  this.timeout(120_000);

  for (const { name, journey, timeline } of sampleCases()) {
    it(`sample ${name}: journey and point counters, and who waits where`, () => {
      assertSumsAreTheSimulators(name, journey, timeline);
    });
  }

  it('generated trigger journeys (100): journey and point counters, and who waits where', () => {
    fc.assert(
      fc.property(scenarioArb, ([journey, timeline]) => {
        assertSumsAreTheSimulators('generated', journey, timeline);
      }),
      { numRuns: 100, seed: PROPERTY_SEED },
    );
  });

  it('a version the contacts were never in sums to zero, with empty queues', () => {
    const { journey, timeline } = sampleCases()[0]!;
    const sim = simulated(journey, timeline)!;
    const rt = runInProcess(journey, timeline, { start: sim.start, horizon: sim.horizon!, seed: sim.seed });
    assert.ok(rt.stats.size > 0, 'the sample\'s contacts kept stats');
    const { counters, queues } = sumContactStats(rt.stats, 2);
    assert.deepEqual({ started: counters.started, completed: counters.completed, exited: counters.exited, queues: Object.keys(queues) }, { started: 0, completed: 0, exited: 0, queues: [] });
  });
});
