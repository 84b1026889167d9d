// Specification of R22 in the runtime's contact machine: a contact inside
// the journey is governed by the version its stay began on, to its end,
// while new stays begin on the live version. In process, no restate-server.
import assert from 'node:assert/strict';
import { compileJourney } from '../../src/core/compiler/compileJourney';
import { Journey, type JourneyPoint } from '../../src/core/schema';
import { ContactMachine } from '../../src/restate/runtime/contactMachine';
import { loadRuntimeJourney } from '../../src/restate/runtime/runtimeJourney';

const DAY = 86_400_000;
const T = Date.parse('2026-03-02T09:00:00Z');

/** Version `version`: enter on tag "go", wait a day, then go on at `after`. */
function version(version: number, after: JourneyPoint[]) {
  const j = Journey.parse({
    formatVersion: 1,
    id: 'j',
    name: 'J',
    kind: 'trigger',
    startingPoints: [{ id: 'sp', trigger: { type: 'tagAdded', tag: 'go' }, next: 'w' }],
    points: [{ id: 'w', type: 'wait', duration: 'P1D', next: after[0]!.id }, ...after],
  });
  return loadRuntimeJourney(compileJourney(j, { version }), { dayMs: DAY, activeFrom: T - DAY, activeUntil: Infinity, splitSeed: 0 });
}

describe('R22: the runtime keeps serving each contact the version its stay began on', () => {
  it('after the wait, a contact that entered version 1 completes as version 1 says, one that entered version 2 exits as version 2 says', () => {
    const v1 = version(1, [{ id: 'done', type: 'end' }]);
    const v2 = version(2, [{ id: 'out', type: 'exit', reason: 'moved to v2' }]);
    const old = new ContactMachine([v1]);
    const early = old.create('early', T);
    old.handle(early, { type: 'event', at: T, event: { type: 'tagAdded', tag: 'go' } });
    // Version 2 is published while `early` waits; `late` enters afterwards.
    const both = new ContactMachine([v1, v2]);
    const late = both.create('late', T);
    both.handle(late, { type: 'event', at: T, event: { type: 'tagAdded', tag: 'go' } });
    const end = (fx: ReturnType<ContactMachine['handle']>) => fx.trace.map((e) => `${e.point} ${e.kind}${e.reason ? ` (${e.reason})` : ''}`);
    assert.deepEqual(end(both.handle(early, { type: 'wake', due: T + DAY })), ['w leave', 'done complete']);
    assert.deepEqual(end(both.handle(late, { type: 'wake', due: T + DAY })), ['w leave', 'out exit (exitPoint)']);
    assert.deepEqual([early.version, late.version], [1, 2]);
  });
});
