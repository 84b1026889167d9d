// R0 (days nominal in the journey zone) and R19 (recurring runs at local
// wall-clock time) in the runtime's contact machine, in-process, with its
// durable timers fired on time and left to catch-up: the same hand-derived
// cases as the simulator's test (test/unit/simulator/nominalDayCases.ts).
import assert from 'node:assert/strict';
import { lines } from '../unit/simulator/helpers';
import { NOMINAL_DAY_CASES } from '../unit/simulator/nominalDayCases';
import { runInProcess } from './support/inProcessRuntime';

describe('R0 R19 days are nominal and runs keep their wall-clock time across daylight-saving changes (runtime, in-process)', () => {
  for (const c of NOMINAL_DAY_CASES) {
    for (const eagerTimers of [true, false]) {
      it(`${c.name} (timers ${eagerTimers ? 'on time' : 'by catch-up'})`, () => {
        const start = Date.parse(c.timeline.start ?? c.timeline.events[0]!.at);
        const rt = runInProcess(c.journey, c.timeline, { start, horizon: Date.parse(c.timeline.horizon!), seed: 0, eagerTimers });
        // The in-process driver runs contact by contact: its trace is in time order per contact only.
        assert.deepEqual(lines(rt.trace.filter(c.pick).sort((x, y) => x.at - y.at)), c.expected);
      });
    }
  }
});
