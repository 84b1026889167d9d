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
import { journey, T, timeline } from './helpers';
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

  describe('the snapshots it keeps (#16: stepping back costs one replay per few steps, memory stays bounded)', () => {
    // A contact enters every minute and waits a day: every step has its own snapshot.
    const j = journey({ startingPoints: [{ id: 'sp', trigger: { type: 'tagAdded', tag: 'go' }, next: 'w' }], points: [{ id: 'w', type: 'wait', duration: 'P1D', next: 'e' }, { id: 'e', type: 'end' }] });
    const start = T('2026-03-02T09:00:00Z');
    const tl = timeline(
      Array.from({ length: 120 }, (_, i) => ({ id: `c${i}` })),
      Array.from({ length: 120 }, (_, i) => ({ at: new Date(start + i * 60_000).toISOString(), contact: `c${i}`, type: 'tagAdded' as const, tag: 'go' })),
    );
    const instants = Array.from({ length: 120 }, (_, i) => start + i * 60_000);
    const scrubberOf = () => new SimulationScrubber(() => createSimulation(j, tl), instants);
    const replayTo = (index: number) => createSimulation(j, tl).advanceTo(instants[index]!).snapshot();

    it('a step back to a step it has shown comes from its cache, without a replay', () => {
      const scrubber = scrubberOf();
      for (let i = 0; i <= 5; i++) scrubber.snapshotAt(i);
      assert.deepEqual(scrubber.snapshotAt(2), replayTo(2));
      assert.deepEqual(scrubber.snapshotAt(4), replayTo(4));
      assert.equal(scrubber.replays, 1);
    });

    it('keeps the 64 snapshots used last: after 100 steps forward, the 64th step back is cached and the 65th is replayed', () => {
      const scrubber = scrubberOf();
      for (let i = 0; i < 100; i++) scrubber.snapshotAt(i);
      assert.deepEqual(scrubber.snapshotAt(36), replayTo(36));
      assert.equal(scrubber.replays, 1, 'step 36 is one of the 64 kept');
      assert.deepEqual(scrubber.snapshotAt(35), replayTo(35));
      assert.equal(scrubber.replays, 2, 'step 35 was let go');
    });

    it('a replay from the start keeps the 8 steps before the target: a step back within them is cached, one further is replayed', () => {
      const scrubber = scrubberOf();
      assert.deepEqual(scrubber.snapshotAt(50), replayTo(50));
      assert.deepEqual(scrubber.snapshotAt(42), replayTo(42));
      assert.equal(scrubber.replays, 1);
      assert.deepEqual(scrubber.snapshotAt(41), replayTo(41));
      assert.equal(scrubber.replays, 2);
    });

    it('a step whose replay stops with an error (a zero-time loop) throws that error, and the next step replays from the start', () => {
      // Tagged "t" at 09:05, the contact loops between removing and adding the tag at one instant (the zero-time guard stops it).
      const loop = journey({
        settings: { reEntry: { mode: 'afterCompletion' } },
        startingPoints: [{ id: 'sp', trigger: { type: 'tagAdded', tag: 't' }, next: 'r' }],
        points: [{ id: 'r', type: 'removeTag', tag: 't', next: 'a' }, { id: 'a', type: 'addTag', tag: 't', next: 'e' }, { id: 'e', type: 'end' }],
      });
      const looping = timeline([{ id: 'x' }], [{ at: new Date(start + 5 * 60_000).toISOString(), contact: 'x', type: 'tagAdded', tag: 't' }]);
      const expected = (() => {
        try {
          createSimulation(loop, looping).advanceTo(instants[10]!);
        } catch (error) {
          return error;
        }
        assert.fail('the loop stops the replay');
      })();
      assert.ok(expected instanceof SimulationError);
      const scrubber = new SimulationScrubber(() => createSimulation(loop, looping), instants);
      scrubber.snapshotAt(1);
      assert.throws(() => scrubber.snapshotAt(10), (e: unknown) => e instanceof SimulationError && e.message === expected.message);
      assert.deepEqual(scrubber.snapshotAt(2), createSimulation(loop, looping).advanceTo(instants[2]!).snapshot());
      assert.equal(scrubber.replays, 2, 'the step after the error replayed from the start');
    });
  });
});
