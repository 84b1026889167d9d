// The editor's time scrubber (src/core/simulationScrubber.ts, #16): steps
// forward advance one live simulation and steps back come from a cache or a
// replay of a few steps; whatever the order of the steps, each one shows
// exactly the snapshot of a replay from the start to its instant.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import '../../support/propertySeed'; // the fixed, printed property seed (JOURNEY_PROPERTY_SEED overrides it)
import { SimulationScrubber } from '../../../src/core/simulationScrubber';
import { instantsOf } from '../../../src/core/simulationView';
import { createSimulation, SimulationError } from '../../../src/core/simulator/index';
import { scenarioArb } from './arbitraries';
import { propertyParameters } from './propertyRuns';

const RUNS = propertyParameters<unknown>(60);

describe('time scrubber (#16)', function () {
  this.timeout(120_000);

  it('every step, in any order (forward, back, jumps, repeats), is the snapshot of a replay from the start to its instant', () => {
    let compared = 0;
    fc.assert(
      fc.property(scenarioArb, fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), ([journey, timeline], moves) => {
        let instants: number[];
        try {
          instants = instantsOf(createSimulation(journey, timeline).run().snapshot());
        } catch (error) {
          if (error instanceof SimulationError) return; // a timeline the simulator refuses has no steps
          throw error;
        }
        const scrubber = new SimulationScrubber(() => createSimulation(journey, timeline), instants);
        for (const move of moves) {
          const index = move % instants.length;
          const expected = createSimulation(journey, timeline).advanceTo(instants[index]!).snapshot();
          assert.deepEqual(scrubber.snapshotAt(index), expected, `step ${index} of ${instants.length}`);
          compared++;
        }
      }),
      RUNS,
    );
    assert.ok(compared > 100, `only ${compared} steps compared`);
  });

  it('steps forward one at a time without replaying from the start again', () => {
    const [[journey, timeline]] = fc.sample(scenarioArb.filter(([, t]) => t.events.length >= 4), { seed: 7, numRuns: 1 }) as [[Parameters<typeof createSimulation>[0], Parameters<typeof createSimulation>[1]]];
    const instants = instantsOf(createSimulation(journey, timeline).run().snapshot());
    const scrubber = new SimulationScrubber(() => createSimulation(journey, timeline), instants);
    for (let i = 0; i < instants.length; i++) scrubber.snapshotAt(i);
    assert.equal(scrubber.replays, 1);
  });

  it('the steps are the distinct instants of the start and the trace, ascending, whatever the trace\'s order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 60 }), fc.boolean(), (start, ats, inOrder) => {
        const trace = (inOrder ? [...ats].sort((a, b) => a - b) : ats).map((at) => ({ at }));
        const snapshot = { start, trace } as unknown as Parameters<typeof instantsOf>[0];
        assert.deepEqual(instantsOf(snapshot), [...new Set([start, ...ats])].sort((a, b) => a - b));
      }),
    );
  });
});
