// Properties of comparing journey versions over generated journeys and
// timelines (test/unit/simulator/arbitraries.ts), from the fixed printed
// seed (test/support/propertySeed.ts): a journey compared with itself
// differs in nothing; and replaying a slice of contacts at a time gives the
// same comparison as one replay of the whole timeline.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareVersions, type JourneyComparison } from '../../../src/core/compare/index';
import type { Journey } from '../../../src/core/schema';
import { simulate, SimulationError } from '../../../src/core/simulator/index';
import type { Timeline } from '../../../src/core/timeline';
import { propertyParameters } from '../../support/propertySeed';
import { scenarioArb } from '../simulator/arbitraries';

/** The comparison, or the simulator's zero-time-cycle error when the journey loops at one instant (R4/R8): then A alone must fail the same way. */
function compareOrLoop(a: Journey, b: Journey, tl: Timeline, sliceContacts?: number): JourneyComparison | 'loops' {
  try {
    return compareVersions(a, b, tl, { keepPaths: true, ...(sliceContacts !== undefined ? { sliceContacts } : {}) });
  } catch (error) {
    assert.ok(error instanceof SimulationError && error.code === 'zero-time-cycle', String(error));
    assert.throws(() => simulate(a, tl), SimulationError);
    return 'loops';
  }
}

/** A second version: every timed wait lasts one hour (two when it already did), so some contacts change. */
function waitsChanged(j: Journey): Journey {
  const b = structuredClone(j);
  for (const p of b.points) if (p.type === 'wait') p.duration = p.duration === 'PT1H' ? 'PT2H' : 'PT1H';
  return b;
}

describe('compare: properties over generated journeys and timelines', function () {
  this.timeout(120_000); // CLI runs and generated replays: slow on a busy 2-core machine
  it('a journey compared with itself (a copy) on any timeline: equal, no contact changed, every point the same with the same counts', () => {
    fc.assert(
      fc.property(scenarioArb, ([j, tl]) => {
        const c = compareOrLoop(j, structuredClone(j), tl);
        if (c === 'loops') return;
        assert.equal(c.equal, true);
        assert.deepEqual(c.changedContacts, []);
        for (const p of c.points) {
          assert.equal(p.change, 'same', p.a);
          assert.equal(p.renamed, false);
          assert.equal(p.countsDiffer, false, p.a);
        }
      }),
      propertyParameters(150),
    );
  });

  it('replaying one contact at a time gives the same comparison as one replay of the whole timeline (contacts do not interact)', () => {
    fc.assert(
      fc.property(scenarioArb, ([j, tl]) => {
        const b = waitsChanged(j);
        const whole = compareOrLoop(j, b, tl);
        const sliced = compareOrLoop(j, b, tl, 1);
        if (whole === 'loops' || sliced === 'loops') {
          assert.equal(sliced, whole);
          return;
        }
        const withoutSlices = (c: JourneyComparison) => ({ ...c, slices: 0, warnings: [], changedContacts: [...c.changedContacts].sort((x, y) => x.contact.localeCompare(y.contact)) });
        assert.deepEqual(withoutSlices(sliced), withoutSlices(whole));
      }),
      propertyParameters(100),
    );
  });
});
