// Specification of the runtime's decisions (the contact machine), checked
// in-process against the simulator: for every sample and for hundreds of
// generated journeys and timelines (trigger journeys with same-instant ties,
// segment schedules, birthdays), each contact's path, sends, suppressions
// and final place are the simulator's — whether the durable timers fire on
// time or only when a later event arrives (R14). Plus what only a runtime
// has: late events, zero-time cycles, contacts on an older version.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileJourney } from '../../src/core/compiler/compileJourney';
import { Journey } from '../../src/core/schema';
import { simulate, SimulationError, type TraceEntry } from '../../src/core/simulator/index';
import type { Timeline } from '../../src/core/timeline';
import { ContactMachine } from '../../src/restate/runtime/contactMachine';
import { loadRuntimeJourney } from '../../src/restate/runtime/runtimeJourney';
import { scenarioArb } from '../unit/simulator/arbitraries';
import { PROPERTY_SEED } from '../unit/simulator/propertyRuns';
import { ReferenceLoop, referenceSimulate } from '../unit/simulator/referenceModel';
import { runInProcess } from './support/inProcessRuntime';
import { birthdayScenarioArb, segmentScenarioArb } from './support/scheduledScenarios';
import { sampleCases } from './support/samples';
import { compareTraces, describeDifferences } from '../../src/restate/traceComparison';

const RUNS = Number(process.env.RUNTIME_PROPERTY_RUNS ?? 300);
const DAY = 86_400_000;

/** Compares the runtime with the simulator on one scenario, with timers fired on time and left to catch-up; returns the entries compared. */
function agree(label: string, journey: Journey, timeline: Timeline, horizonIfOpen = 6 * DAY): number {
  const horizon = timeline.horizon ? Date.parse(timeline.horizon) : Date.parse(timeline.start ?? timeline.events[0]?.at ?? '2026-01-01T00:00:00Z') + horizonIfOpen;
  let sim;
  try {
    sim = simulate(journey, timeline, { horizon });
  } catch (error) {
    if (error instanceof SimulationError && error.code === 'zero-time-cycle') return 0;
    throw error;
  }
  const contacts = [...new Set([...timeline.contacts.map((c) => c.id), ...timeline.events.map((e) => e.contact)])];
  for (const eagerTimers of [true, false]) {
    const rt = runInProcess(journey, timeline, { start: sim.start, horizon, seed: sim.seed, eagerTimers });
    const comparisons = compareTraces(sim.trace, rt.trace, contacts);
    assert.ok(
      comparisons.every((c) => c.same),
      `${describeDifferences(`${label} (timers ${eagerTimers ? 'on time' : 'by catch-up'})`, comparisons)}\njourney: ${JSON.stringify(journey)}\ntimeline: ${JSON.stringify(timeline)}`,
    );
  }
  return sim.trace.length;
}

describe('runtime contact machine agrees with the simulator (in-process)', function () {
  this.timeout(120_000);

  for (const { name, journey, timeline } of sampleCases()) {
    it(`R7-R20 sample ${name}: every contact's path, sends, suppressions and final place match`, () => {
      assert.ok(agree(name, journey, timeline) > 0, 'the sample produces a trace');
    });
  }

  it(`R7-R18 generated trigger journeys (${RUNS}) with same-instant ties (R14): traces match`, () => {
    let entries = 0;
    fc.assert(
      fc.property(scenarioArb, ([j, tl]) => {
        entries += agree('generated', j, tl);
      }),
      { numRuns: RUNS, seed: 20261123 },
    );
    assert.ok(entries > RUNS, `the generated scenarios exercise the journeys (${entries} trace entries)`);
  });

  it(`R19 generated segment journeys (${RUNS}) on every schedule: traces match`, () => {
    let entries = 0;
    fc.assert(
      fc.property(segmentScenarioArb, ([j, tl]) => {
        entries += agree('segment', j, tl);
      }),
      { numRuns: RUNS, seed: 19 },
    );
    assert.ok(entries > RUNS, `entries: ${entries}`);
  });

  it(`R20 generated birthday journeys (${RUNS}) across 28/29 February and DST zones: traces match`, () => {
    let entries = 0;
    fc.assert(
      fc.property(birthdayScenarioArb, ([j, tl]) => {
        entries += agree('birthday', j, tl);
      }),
      { numRuns: RUNS, seed: 20 },
    );
    assert.ok(entries > RUNS, `entries: ${entries}`);
  });
});

/** The trace without the free-text outcomes that only describe (kept: what was sent or suppressed, why a contact exited, which trigger entered it). */
const semantic = (trace: readonly TraceEntry[]): TraceEntry[] =>
  trace.map((e) => {
    if (e.kind === 'send' || e.kind === 'suppressed' || e.kind === 'exit' || e.kind === 'enter') return e;
    const { outcome: _outcome, ...rest } = e;
    return rest;
  });

describe('runtime contact machine agrees with the independent reference model (in-process)', function () {
  this.timeout(120_000);

  it(`R7-R18 generated trigger journeys (${RUNS}, seed ${PROPERTY_SEED}): every contact's path, sends, suppressions and final place are the reference model's; a journey the model finds looping at one instant is stopped (R8)`, () => {
    let compared = 0;
    let loops = 0;
    fc.assert(
      fc.property(scenarioArb, ([j, generated]) => {
        const start = Date.parse(generated.start!);
        const horizon = generated.horizon ? Date.parse(generated.horizon) : start + 6 * DAY;
        const tl: Timeline = { ...generated, horizon: new Date(horizon).toISOString() };
        let expected;
        try {
          expected = referenceSimulate(j, tl);
        } catch (error) {
          if (!(error instanceof ReferenceLoop)) throw error;
          loops++;
          const rt = runInProcess(j, tl, { start, horizon, seed: tl.seed ?? 0, eagerTimers: true });
          assert.ok(rt.trace.some((e) => e.kind === 'exit' && e.reason === 'removed'), 'the runtime stops a zero-time cycle (exit, reason removed)');
          return;
        }
        const contacts = [...new Set([...tl.contacts.map((c) => c.id), ...tl.events.map((e) => e.contact)])];
        for (const eagerTimers of [true, false]) {
          const rt = runInProcess(j, tl, { start, horizon, seed: tl.seed ?? 0, eagerTimers });
          const comparisons = compareTraces(semantic(expected.trace), semantic(rt.trace), contacts);
          assert.ok(
            comparisons.every((c) => c.same),
            `${describeDifferences(`reference model vs runtime (timers ${eagerTimers ? 'on time' : 'by catch-up'})`, comparisons)}\njourney: ${JSON.stringify(j)}\ntimeline: ${JSON.stringify(tl)}`,
          );
        }
        compared += expected.trace.length;
      }),
      { numRuns: RUNS, seed: PROPERTY_SEED },
    );
    assert.ok(compared > RUNS, `trace entries compared: ${compared}`);
    assert.ok(loops > 0, 'some generated journeys loop at one instant');
  });
});

describe('runtime contact machine: what only a runtime meets', () => {
  const journey = Journey.parse({
    formatVersion: 1,
    id: 'j',
    name: 'J',
    kind: 'trigger',
    content: [{ id: 'c', channel: 'email', status: 'ready' }],
    startingPoints: [{ id: 'sp', trigger: { type: 'tagAdded', tag: 'go' }, next: 'p_send' }],
    points: [
      { id: 'p_send', type: 'sendEmail', content: 'c', next: 'p_wait' },
      { id: 'p_wait', type: 'waitForEvent', event: { type: 'purchase' }, timeout: 'P1D', branches: { yes: 'p_end', timeout: 'p_end' } },
      { id: 'p_end', type: 'end' },
    ],
  });
  const T = Date.parse('2026-03-02T09:00:00Z');
  const machineOf = (j: Journey, version = 1) => loadRuntimeJourney(compileJourney(j, { version }), { dayMs: DAY, activeFrom: T - DAY, activeUntil: Infinity, splitSeed: 0 });

  it('R11 an event at exactly the deadline still counts, even when the timer was already due (events before timers, R14)', () => {
    const machine = new ContactMachine([machineOf(journey)]);
    const state = machine.create('c1', T);
    machine.handle(state, { type: 'event', at: T, event: { type: 'tagAdded', tag: 'go' } });
    const fx = machine.handle(state, { type: 'event', at: T + DAY, event: { type: 'purchase' } });
    assert.deepEqual(
      fx.trace.map((e) => `${e.point} ${e.kind} ${e.branch ?? ''}`.trim()),
      ['p_wait leave yes', 'p_end complete'],
    );
  });

  it('R14 an event that arrives after the contact moved past its instant is counted as late and handled at the contact clock', () => {
    const machine = new ContactMachine([machineOf(journey)]);
    const state = machine.create('c1', T);
    machine.handle(state, { type: 'event', at: T, event: { type: 'tagAdded', tag: 'go' } });
    machine.handle(state, { type: 'wake', due: T + DAY });
    const fx = machine.handle(state, { type: 'event', at: T + 1000, event: { type: 'purchase' } });
    assert.equal(fx.late, true);
    assert.equal(state.late, 1);
    assert.equal(fx.stats[0]?.late, 1);
  });

  it('R8 a zero-time cycle stops the stay (exit, reason removed) instead of looping forever', () => {
    const loop = Journey.parse({
      ...journey,
      points: [
        { id: 'p_a', type: 'addTag', tag: 'x', next: 'p_b' },
        { id: 'p_b', type: 'removeTag', tag: 'x', next: 'p_a' },
      ],
      startingPoints: [{ id: 'sp', trigger: { type: 'tagAdded', tag: 'go' }, next: 'p_a' }],
    });
    const machine = new ContactMachine([machineOf(loop)]);
    const state = machine.create('c1', T);
    const fx = machine.handle(state, { type: 'event', at: T, event: { type: 'tagAdded', tag: 'go' } });
    const last = fx.trace[fx.trace.length - 1]!;
    assert.equal(last.kind, 'exit');
    assert.equal(last.reason, 'removed');
    assert.match(last.outcome ?? '', /zero-time cycle/);
    assert.equal(state.status, 'exited');
    assert.equal(state.stuck, 1);
  });

  it('R11 a wait arms one wake-up carrying its stay token; once the awaited event ended the wait, that wake-up is stale and changes nothing', () => {
    const machine = new ContactMachine([machineOf(journey)]);
    const state = machine.create('c1', T);
    const entered = machine.handle(state, { type: 'event', at: T, event: { type: 'tagAdded', tag: 'go' } });
    assert.deepEqual(entered.arm, [{ due: T + DAY, stay: { entry: 1, gen: state.gen } }], 'the timeout\'s wake-up, for this stay and wait');
    const token = entered.arm[0]!.stay!;
    assert.deepEqual(machine.handle(state, { type: 'event', at: T + 3_600_000, event: { type: 'tagAdded', tag: 'other' } }).arm, [], 'a step that leaves the wait as it is arms nothing more');
    const bought = machine.handle(state, { type: 'event', at: T + 7_200_000, event: { type: 'purchase' } });
    assert.deepEqual(bought.trace.map((e) => `${e.point} ${e.kind} ${e.branch ?? ''}`.trim()), ['p_wait leave yes', 'p_end complete']);
    const before = JSON.stringify(state);
    const late = machine.handle(state, { type: 'wake', due: T + DAY, stay: token });
    assert.equal(late.stale, true);
    assert.deepEqual([late.trace, late.stats, late.arm], [[], [], []]);
    assert.equal(JSON.stringify(state), before, 'the contact (its clock included) is as it was');
  });

  it('R7 a stale wake-up of an earlier stay leaves the contact\'s next stay waiting; the current wait\'s wake-up ends it', () => {
    const machine = new ContactMachine([machineOf(Journey.parse({ ...journey, settings: { reEntry: { mode: 'afterCompletion' } } }))]);
    const state = machine.create('c1', T);
    const first = machine.handle(state, { type: 'event', at: T, event: { type: 'tagAdded', tag: 'go' } }).arm[0]!;
    machine.handle(state, { type: 'event', at: T + 1000, event: { type: 'purchase' } });
    const second = machine.handle(state, { type: 'event', at: T + 2000, event: { type: 'tagAdded', tag: 'go' } }).arm[0]!;
    assert.deepEqual(second.stay, { entry: 2, gen: first.stay!.gen + 1 });
    assert.equal(machine.handle(state, { type: 'wake', ...first }).stale, true);
    assert.equal(state.status, 'in');
    const fx = machine.handle(state, { type: 'wake', ...second });
    assert.deepEqual(fx.trace.map((e) => `${e.at - T} ${e.point} ${e.kind} ${e.branch ?? ''}`.trim()), [`${2000 + DAY} p_wait leave timeout`, `${2000 + DAY} p_end complete`]);
  });

  it('R7 a contact an earlier runtime left waiting (state v 1, its Stay workflow holding the timer): its first step ends that workflow and arms the wait\'s own wake-up', () => {
    const machine = new ContactMachine([machineOf(journey)]);
    const state = machine.create('c1', T);
    machine.handle(state, { type: 'event', at: T, event: { type: 'tagAdded', tag: 'go' } });
    // What the earlier runtime kept: format 1, the wait's timer without a wake-up of its own.
    const old = JSON.parse(JSON.stringify({ ...state, v: 1, timers: state.timers.map(({ armed: _armed, ...t }) => t) })) as typeof state;
    const fx = machine.handle(old, { type: 'event', at: T + 1000, event: { type: 'tagAdded', tag: 'other' } });
    assert.deepEqual(fx.legacyStay, { entry: 1, version: 1, gen: old.gen }, 'the Stay workflow of the current stay is named, to be told to end');
    assert.deepEqual(fx.arm, [{ due: T + DAY, stay: { entry: 1, gen: old.gen } }]);
    assert.equal(old.v, 2);
    assert.equal(machine.handle(old, { type: 'event', at: T + 2000, event: { type: 'tagAdded', tag: 'other' } }).legacyStay, undefined, 'only once');
    const done = JSON.parse(JSON.stringify({ ...old, v: 1, status: 'completed', where: -1 })) as typeof state;
    assert.equal(machine.handle(done, { type: 'event', at: T + 3000, event: { type: 'tagAdded', tag: 'other' } }).legacyStay, undefined, 'a contact out of the journey has no workflow to end');
  });

  it('R22 a contact inside version 1 stays on it when version 2 is live; new contacts enter version 2', () => {
    const v2 = Journey.parse({ ...journey, points: journey.points.map((p) => (p.id === 'p_wait' ? { ...p, timeout: 'P2D' } : p)) });
    const before = new ContactMachine([machineOf(journey, 1)]);
    const old = before.create('old', T);
    before.handle(old, { type: 'event', at: T, event: { type: 'tagAdded', tag: 'go' } });
    const after = new ContactMachine([machineOf(journey, 1), machineOf(v2, 2)]);
    const fresh = after.create('new', T);
    after.handle(fresh, { type: 'event', at: T, event: { type: 'tagAdded', tag: 'go' } });
    const oldFx = after.handle(old, { type: 'wake', due: T + DAY });
    assert.deepEqual(oldFx.trace.map((e) => `${e.at - T} ${e.point} ${e.kind}`), [`${DAY} p_wait leave`, `${DAY} p_end complete`], 'the old contact times out after version 1\'s one day');
    assert.equal(after.handle(fresh, { type: 'wake', due: T + DAY }).trace.length, 0, 'the new contact, on version 2, still waits after one day');
    assert.deepEqual(after.handle(fresh, { type: 'wake', due: T + 2 * DAY }).trace.map((e) => e.kind), ['leave', 'complete']);
    assert.equal(old.version, 1);
    assert.equal(fresh.version, 2);
  });
});

describe('runtime contact machine: R16 exit criteria right after an action changed the contact data', () => {
  const T = Date.parse('2026-03-02T09:00:00Z');
  const ACTIONS = [
    { action: { type: 'updateField', field: 'score', value: 5 }, condition: { type: 'field', field: 'score', op: 'eq', value: 5 } },
    { action: { type: 'addTag', tag: 'stop' }, condition: { type: 'hasTag', tag: 'stop' } },
    { action: { type: 'removeTag', tag: 'keep' }, condition: { type: 'not', filter: { type: 'hasTag', tag: 'keep' } } },
    { action: { type: 'subscribeList', list: 'L' }, condition: { type: 'memberOf', list: 'L' } },
    { action: { type: 'unsubscribeList', list: 'L' }, condition: { type: 'not', filter: { type: 'memberOf', list: 'L' } } },
  ] as const;

  for (const { action, condition } of ACTIONS) {
    it(`R16 a contact whose data a ${action.type} point changes so that a condition criterion holds exits at that point, before the next send`, () => {
      const journey = Journey.parse({
        formatVersion: 1,
        id: 'j',
        name: 'J',
        kind: 'trigger',
        settings: { exitCriteria: [{ id: 'done', when: 'condition', condition }] },
        lists: [{ id: 'L' }],
        content: [{ id: 'c', channel: 'email', status: 'ready' }],
        startingPoints: [{ id: 'sp', trigger: { type: 'tagAdded', tag: 'go' }, next: 'p_act' }],
        points: [
          { id: 'p_act', ...action, next: 'p_send' },
          { id: 'p_send', type: 'sendEmail', content: 'c', next: 'p_end' },
          { id: 'p_end', type: 'end' },
        ],
      });
      const machine = new ContactMachine([loadRuntimeJourney(compileJourney(journey, { version: 1 }), { dayMs: DAY, activeFrom: T - DAY, activeUntil: Infinity, splitSeed: 0 })]);
      const state = machine.create('c1', T - 1);
      machine.handle(state, { type: 'upsert', at: T - 1, profile: { tags: ['keep'], lists: { L: action.type === 'subscribeList' ? 'unsubscribed' : 'subscribed' } } });
      const fx = machine.handle(state, { type: 'event', at: T, event: { type: 'tagAdded', tag: 'go' } });
      const expected = ['sp enter', 'p_act pass', 'p_act exit exitCriteria'];
      assert.deepEqual(fx.trace.map((e) => `${e.point} ${e.kind}${e.reason ? ` ${e.reason}` : ''}`), expected);
      assert.equal(state.status, 'exited');
      // The simulator, replaying the same contact, says the same.
      const sim = simulate(journey, { formatVersion: 1, contacts: [{ id: 'c1', tags: ['keep'], lists: { L: action.type === 'subscribeList' ? 'unsubscribed' : 'subscribed' } }], events: [{ at: new Date(T).toISOString(), contact: 'c1', type: 'tagAdded', tag: 'go' }] });
      assert.deepEqual(sim.trace.map((e) => `${e.point} ${e.kind}${e.reason ? ` ${e.reason}` : ''}`), expected);
    });
  }
});
