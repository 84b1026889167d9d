// R0 (days nominal in the journey zone) and R19 (recurring runs at local
// wall-clock time) in the simulator: the hand-derived cases of
// nominalDayCases.ts (the runtime's test runs the same ones).
import assert from 'node:assert/strict';
import { simulate } from '../../../src/core/simulator/index';
import { lines } from './helpers';
import { NOMINAL_DAY_CASES } from './nominalDayCases';

describe('R0 R19 days are nominal and runs keep their wall-clock time across daylight-saving changes (simulator)', () => {
  for (const c of NOMINAL_DAY_CASES) {
    it(c.name, () => {
      assert.deepEqual(lines(simulate(c.journey, c.timeline).trace.filter(c.pick)), c.expected);
    });
  }
});
