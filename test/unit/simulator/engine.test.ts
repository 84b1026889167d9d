// Specification of the replay engine's own choices (src/core/simulator/engine.ts
// and its replay strategies): stepping without a trace (contact by contact)
// gives the snapshots of one replay, the instant a replay reaches with and
// without a horizon (R23), what a replay with nothing to start from says,
// bad instants refused, date ticks and waits at the horizon (R20, R23), the
// open window after the last input, and starting points that apiEntry
// events name but the journey lacks.
import assert from 'node:assert/strict';
import { createSimulation, simulate, SimulationError, type SimulationOptions } from '../../../src/core/simulator/index';
import type { Journey } from '../../../src/core/schema';
import { journey, lines, T, tagTrigger, timeline } from './helpers';

const DAY = 86_400_000;

/** Enters on tag "go", tags the contact "vip" and waits a day, then branches on that tag: data changed in one step is read in the next. */
const tagThenCheck = () =>
  journey({
    startingPoints: [tagTrigger('sp', 'go', 'tag')],
    points: [
      { id: 'tag', type: 'addTag', tag: 'vip', next: 'w' },
      { id: 'w', type: 'wait', duration: 'P1D', next: 'if' },
      { id: 'if', type: 'ifElse', condition: { type: 'hasTag', tag: 'vip' }, branches: { yes: 'w2', no: 'e' } },
      { id: 'w2', type: 'wait', duration: 'P1D', next: 'e' },
      { id: 'e', type: 'end' },
    ],
  });

describe('the replay engine', () => {
  it('R14, R12: stepping a replay without a trace (contact by contact) gives each step the snapshot of one replay to that instant, with data changed in an earlier step', () => {
    const j = tagThenCheck();
    const tl = timeline([{ id: 'c1' }, { id: 'c2' }], [
      { at: '2026-03-02T09:00:00Z', contact: 'c1', type: 'tagAdded', tag: 'go' },
      { at: '2026-03-02T12:00:00Z', contact: 'c2', type: 'tagAdded', tag: 'go' },
    ]);
    const steps = ['2026-03-02T10:00:00Z', '2026-03-03T10:00:00Z', '2026-03-04T10:00:00Z', '2026-03-05T00:00:00Z'];
    for (const replayOrder of ['auto', 'time'] as const) {
      const options: SimulationOptions = { trace: false, replayOrder };
      const stepped = createSimulation(j, tl, options);
      for (const at of steps) {
        const snapshot = stepped.advanceTo(at).snapshot();
        assert.deepStrictEqual(snapshot, simulate(j, tl, { ...options, at }), `${replayOrder}, at ${at}`);
      }
      const end = stepped.run().snapshot();
      assert.equal(end.at, T(steps.at(-1)!), 'run after the last step: the instant reached stays');
      assert.deepStrictEqual({ ...end, at: 0 }, { ...simulate(j, tl, options), at: 0 });
      assert.equal(end.points['w2']!.entered, 2, 'both kept their tag across the steps');
      assert.equal(end.stats.completed, 2);
    }
  });

  it('R23: without a horizon a replay reaches its last activity (a wait that ends after the last event), never going back; with one, the horizon', () => {
    const j = tagThenCheck();
    const tl = timeline([{ id: 'c1' }], [{ at: '2026-03-02T09:00:00Z', contact: 'c1', type: 'tagAdded', tag: 'go' }]);
    for (const trace of [true, false]) {
      assert.equal(simulate(j, tl, { trace }).at, T('2026-03-04T09:00:00Z'), 'the second wait ends two days after entry');
      const sim = createSimulation(j, tl, { trace });
      assert.equal(sim.advanceTo('2026-03-03T00:00:00Z').snapshot().at, T('2026-03-03T00:00:00Z'));
      assert.equal(sim.advanceTo('2026-03-02T00:00:00Z').snapshot().at, T('2026-03-03T00:00:00Z'), 'an earlier instant changes nothing');
      assert.equal(sim.time, T('2026-03-03T00:00:00Z'));
      const bounded = simulate(j, { ...tl, horizon: '2026-03-10T00:00:00Z' }, { trace });
      assert.equal(bounded.at, T('2026-03-10T00:00:00Z'));
      assert.equal(bounded.horizon, T('2026-03-10T00:00:00Z'));
      assert.equal(simulate(j, tl, { trace, horizon: '2026-03-03T09:00:00Z' }).at, T('2026-03-03T09:00:00Z'));
      assert.equal(simulate(j, tl, { trace, horizon: '2026-03-03T09:00:00Z', at: '2026-03-02T10:00:00Z' }).at, T('2026-03-02T10:00:00Z'));
    }
  });

  it('R23: a wait ending exactly at the horizon ends; one ending after it does not', () => {
    const j = tagThenCheck();
    const tl = timeline([{ id: 'c1' }], [{ at: '2026-03-02T09:00:00Z', contact: 'c1', type: 'tagAdded', tag: 'go' }]);
    for (const trace of [true, false]) {
      const at = simulate(j, tl, { trace, horizon: '2026-03-03T09:00:00Z' });
      assert.deepEqual(at.queues['w2'], ['c1'], 'the first wait ended at the horizon');
      const before = simulate(j, tl, { trace, horizon: '2026-03-03T08:59:59.999Z' });
      assert.deepEqual(before.queues['w'], ['c1']);
    }
  });

  it('R20, R23: a date tick exactly at the horizon happens, and the next year’s tick is scheduled up to the horizon', () => {
    const j = journey({
      settings: { reEntry: { mode: 'afterCompletion' } },
      startingPoints: [{ id: 'sp', trigger: { type: 'dateField', field: 'birthday', time: '09:00' }, next: 'e' }],
      points: [{ id: 'e', type: 'end' }],
    });
    const tl = timeline([{ id: 'c1', fields: { birthday: '1990-03-05' } }], [], { start: '2026-03-01T00:00:00Z' });
    const entries = (horizon: string) => simulate(j, { ...tl, horizon }).trace.filter((e) => e.kind === 'enter').map((e) => new Date(e.at).toISOString());
    assert.deepEqual(entries('2026-03-05T09:00:00Z'), ['2026-03-05T09:00:00.000Z']);
    assert.deepEqual(entries('2026-03-05T08:59:59Z'), []);
    assert.deepEqual(entries('2027-03-05T09:00:00Z'), ['2026-03-05T09:00:00.000Z', '2027-03-05T09:00:00.000Z']);
    assert.deepEqual(entries('2027-03-05T08:59:00Z'), ['2026-03-05T09:00:00.000Z']);
  });

  it('R23: without a horizon, timers end 366 days after the last input: a longer wait never ends', () => {
    const waitOf = (duration: string) =>
      journey({
        startingPoints: [tagTrigger('sp', 'go', 'w')],
        points: [
          { id: 'w', type: 'wait', duration, next: 'e' },
          { id: 'e', type: 'end' },
        ],
      });
    const tl = timeline([{ id: 'c1' }], [{ at: '2026-03-02T09:00:00Z', contact: 'c1', type: 'tagAdded', tag: 'go' }]);
    for (const trace of [true, false]) {
      assert.equal(simulate(waitOf('P366D'), tl, { trace }).stats.completed, 1);
      const longer = simulate(waitOf('PT8785H'), tl, { trace }); // 366 days and one hour
      assert.equal(longer.stats.completed, 0);
      assert.deepEqual(longer.queues['w'], ['c1']);
      assert.equal(longer.at, T('2026-03-02T09:00:00Z'), 'the replay reached its last activity');
      assert.equal(simulate(waitOf('PT8785H'), { ...tl, start: '2025-03-01T09:00:00Z' }, { trace }).stats.completed, 0, 'counted from the last event, not the start');
    }
  });

  it('R23: the start is the option’s, else the timeline’s, else the first event; with nothing to start from it is the horizon or 1970, with a warning', () => {
    const j = tagThenCheck();
    const tl = timeline([{ id: 'c1' }], [{ at: '2026-03-02T09:00:00Z', contact: 'c1', type: 'tagAdded', tag: 'go' }], { start: '2026-03-01T00:00:00Z' });
    assert.equal(simulate(j, tl).start, T('2026-03-01T00:00:00Z'));
    assert.equal(simulate(j, tl, { start: '2026-03-02T09:00:00Z' }).start, T('2026-03-02T09:00:00Z'));
    assert.equal(simulate(j, tl, { start: '2026-03-02T09:00:01Z' }).stats.started, 0, 'an event before the start is history');
    assert.equal(simulate(j, { ...tl, start: undefined }).start, T('2026-03-02T09:00:00Z'));
    const empty = timeline([{ id: 'c1' }], []);
    const at1970 = simulate(j, empty);
    assert.equal(at1970.start, 0);
    assert.deepEqual(at1970.warnings, ['The timeline has no start, no events and no segment start: the replay starts at 1970-01-01T00:00:00Z.']);
    const atHorizon = simulate(j, { ...empty, horizon: '2026-03-02T00:00:00Z' });
    assert.equal(atHorizon.start, T('2026-03-02T00:00:00Z'));
    assert.deepEqual(atHorizon.warnings, ['The timeline has no start, no events and no segment start: the replay starts at the horizon.']);
    assert.deepEqual(simulate(j, tl).warnings, []);
  });

  it('refuses an instant to advance to that is no instant, saying so', () => {
    const sim = createSimulation(tagThenCheck(), timeline([{ id: 'c1' }], []));
    assert.throws(() => sim.advanceTo(NaN), (e: unknown) => e instanceof SimulationError && e.code === 'invalid-instant' && e.message === 'advanceTo: the instant is not a number.' && e.name === 'SimulationError');
    assert.throws(() => sim.advanceTo('tomorrow'), (e: unknown) => e instanceof SimulationError && e.code === 'invalid-instant' && e.message.startsWith('advanceTo: "tomorrow"'));
  });

  it('R2: apiEntry events naming a starting point that is not an API one enter nobody, with one warning per name', () => {
    const j = journey({
      startingPoints: [
        { id: 'api', trigger: { type: 'api' }, next: 'e' },
        tagTrigger('tagged', 'go', 'e'),
      ],
      points: [{ id: 'e', type: 'end' }],
    });
    const at = '2026-03-02T09:00:00Z';
    const tl = timeline([{ id: 'c1' }, { id: 'c2' }], [
      { at, contact: 'c1', type: 'apiEntry', startingPoint: 'tagged' },
      { at, contact: 'c2', type: 'apiEntry', startingPoint: 'nowhere' },
      { at, contact: 'c2', type: 'apiEntry', startingPoint: 'tagged' },
      { at, contact: 'c2', type: 'apiEntry', startingPoint: 'api' },
    ]);
    for (const trace of [true, false]) {
      const r = simulate(j, tl, { trace });
      assert.deepEqual(r.warnings, [
        'apiEntry events name starting point "tagged", which is not an API starting point of the journey: they enter nobody.',
        'apiEntry events name starting point "nowhere", which is not an API starting point of the journey: they enter nobody.',
      ]);
      assert.equal(r.startingPoints['api']!.entered, 1);
      assert.equal(r.startingPoints['tagged']!.entered, 0);
      if (trace) assert.deepEqual(lines(r.trace), [`${at.replace('.000', '')} c2 api enter`, `${at.replace('.000', '')} c2 e complete`]);
    }
  });

  it('R15: a snapshot counts per point and starting point, and lists the queues in order of arrival, ties in contact order', () => {
    const j = tagThenCheck();
    const tl = timeline([{ id: 'c3' }, { id: 'c1' }, { id: 'c2' }], [
      { at: '2026-03-02T10:00:00Z', contact: 'c1', type: 'tagAdded', tag: 'go' },
      { at: '2026-03-02T09:00:00Z', contact: 'c2', type: 'tagAdded', tag: 'go' },
      { at: '2026-03-02T10:00:00Z', contact: 'c3', type: 'tagAdded', tag: 'go' },
    ]);
    for (const trace of [true, false]) {
      const r = simulate(j, tl, { trace, at: '2026-03-02T12:00:00Z' });
      assert.deepEqual(r.queues, { tag: [], w: ['c2', 'c3', 'c1'], if: [], w2: [], e: [] });
      assert.deepEqual(r.points['w'], { entered: 3, left: 0, queued: 3, sent: 0, suppressed: 0, suppressedBy: {} });
      assert.deepEqual(r.points['tag'], { entered: 3, left: 3, queued: 0, sent: 0, suppressed: 0, suppressedBy: {} });
      assert.deepEqual(r.startingPoints, { sp: { entered: 3 } });
      assert.deepEqual(r.stats, { started: 3, inProgress: 3, completed: 0, exited: 0, exitedBy: { exitPoint: 0, exitCriteria: 0, unsubscribed: 0, removed: 0 } });
    }
  });
});

describe('the replay engine: set-up, strategies and snapshots', () => {
  const at = (hour: number) => new Date(Date.UTC(2026, 2, 2, hour)).toISOString();

  it('refuses a start or horizon that is no instant, naming which one (option or timeline)', () => {
    const j = tagThenCheck();
    const tl = timeline([{ id: 'c1' }], [{ at: at(9), contact: 'c1', type: 'tagAdded', tag: 'go' }]);
    const refused = (what: string, run: () => unknown) =>
      assert.throws(run, (e: unknown) => e instanceof SimulationError && e.code === 'invalid-instant' && e.message.startsWith(`${what}: "soon"`), what);
    refused('horizon', () => simulate(j, tl, { horizon: 'soon' }));
    refused('timeline horizon', () => simulate(j, { ...tl, horizon: 'soon' }));
    refused('start', () => simulate(j, tl, { start: 'soon' }));
    refused('timeline start', () => simulate(j, { ...tl, start: 'soon' }));
  });

  it('a snapshot is a copy: stepping the replay on does not change an earlier snapshot', () => {
    const j = tagThenCheck();
    const tl = timeline([{ id: 'c1' }], [{ at: at(9), contact: 'c1', type: 'tagAdded', tag: 'go' }]);
    const sim = createSimulation(j, tl);
    const first = sim.advanceTo(at(10)).snapshot();
    const entries = lines(first.trace);
    assert.ok(entries.length > 0);
    sim.run();
    assert.deepEqual(lines(first.trace), entries);
    assert.ok(sim.snapshot().trace.length > entries.length);
  });

  it('R7, R2: an apiEntry event that names no starting point enters at the API starting point, with no warning', () => {
    const j = journey({ startingPoints: [{ id: 'api', trigger: { type: 'api' }, next: 'e' }], points: [{ id: 'e', type: 'end' }] });
    const tl = timeline([{ id: 'c1' }, { id: 'c2' }], [
      { at: at(9), contact: 'c1', type: 'apiEntry' },
      { at: at(9), contact: 'c2', type: 'purchase', product: 'p' },
    ]);
    for (const trace of [true, false]) {
      const r = simulate(j, tl, { trace });
      assert.deepEqual(r.warnings, []);
      assert.deepEqual(r.startingPoints, { api: { entered: 1 } });
    }
  });

  it('R23: without a horizon the replay reaches the latest event, also when a contact listed before another has the later events (contact by contact)', () => {
    const j = journey({ startingPoints: [tagTrigger('sp', 'go', 'e')], points: [{ id: 'e', type: 'end' }] });
    // c1 is listed first and has the latest events; none of them enters anyone.
    const noticed = timeline([{ id: 'c1' }, { id: 'c2' }], [
      { at: at(9), contact: 'c2', type: 'tagAdded', tag: 'other' },
      { at: at(12), contact: 'c1', type: 'tagAdded', tag: 'other' },
    ]);
    // purchase events: a type this journey never notices (passed without being read).
    const inert = timeline([{ id: 'c1' }, { id: 'c2' }], [
      { at: at(9), contact: 'c2', type: 'purchase', product: 'p' },
      { at: at(12), contact: 'c1', type: 'purchase', product: 'p' },
    ]);
    for (const tl of [noticed, inert]) {
      for (const options of [{ trace: false }, { trace: true }] as SimulationOptions[]) {
        const r = simulate(j, tl, options);
        assert.equal(r.at, T(at(12)), `${tl.events[0]!.type}, ${JSON.stringify(options)}`);
        assert.equal(r.stats.started, 0);
      }
    }
  });

  it('R14: events of one contact listed out of time order are replayed in time order, also contact by contact', () => {
    const j = journey({
      startingPoints: [tagTrigger('sp', 'go', 'if')],
      points: [
        { id: 'if', type: 'ifElse', condition: { type: 'hasTag', tag: 'vip' }, branches: { yes: 'y', no: 'n' } },
        { id: 'y', type: 'end' },
        { id: 'n', type: 'end' },
      ],
    });
    const tl = timeline([{ id: 'c1' }, { id: 'c2' }], [
      { at: at(12), contact: 'c1', type: 'tagAdded', tag: 'go' },
      { at: at(11), contact: 'c2', type: 'tagAdded', tag: 'go' },
      { at: at(9), contact: 'c1', type: 'tagAdded', tag: 'vip' },
    ]);
    for (const trace of [true, false]) {
      const r = simulate(j, tl, { trace });
      assert.equal(r.points['y']!.entered, 1, `trace: ${trace}: c1 had its vip tag (09:00) when it entered (12:00)`);
      assert.equal(r.points['n']!.entered, 1);
    }
  });

  it('R14: a replay without a trace that stops with an error reports the error of the replay in time order, with the same options', () => {
    // Passes `check` and `check2` twice at one instant (it tags itself "a", then "b"): 7 points, more than maxChainSteps 3.
    const j = journey({
      startingPoints: [tagTrigger('sp', 'go', 'check')],
      points: [
        { id: 'check', type: 'ifElse', condition: { type: 'hasTag', tag: 'b' }, branches: { yes: 'e', no: 'check2' } },
        { id: 'check2', type: 'ifElse', condition: { type: 'hasTag', tag: 'a' }, branches: { yes: 'tagB', no: 'tagA' } },
        { id: 'tagA', type: 'addTag', tag: 'a', next: 'check' },
        { id: 'tagB', type: 'addTag', tag: 'b', next: 'check' },
        { id: 'e', type: 'end' },
      ],
    });
    // c1 comes first among the contacts, c2 an hour earlier in time.
    const tl = timeline([{ id: 'c1' }, { id: 'c2' }], [
      { at: at(10), contact: 'c1', type: 'tagAdded', tag: 'go' },
      { at: at(9), contact: 'c2', type: 'tagAdded', tag: 'go' },
    ]);
    assert.equal(simulate(j, tl, { trace: false }).stats.completed, 2, 'within the default limit, no error');
    for (const trace of [true, false]) {
      assert.throws(
        () => simulate(j, tl, { trace, maxChainSteps: 3 }),
        (e: unknown) => e instanceof SimulationError && e.code === 'zero-time-cycle' && /Contact "c2"/.test(e.message),
        `trace: ${trace}`,
      );
    }
  });

  it('R20: date-field starting points beside others, two on one field: each sees the field’s current value, also after an event changed it or another field', () => {
    const j = journey({
      settings: { reEntry: { mode: 'afterCompletion' } },
      startingPoints: [
        tagTrigger('tagged', 'go', 'e'),
        { id: 'morning', trigger: { type: 'dateField', field: 'birthday', time: '09:00' }, next: 'e' },
        { id: 'evening', trigger: { type: 'dateField', field: 'birthday', time: '18:00' }, next: 'e' },
      ],
      points: [{ id: 'e', type: 'end' }],
    });
    const tl = timeline(
      [{ id: 'c1', fields: { birthday: '1990-03-10' } }, { id: 'c2', fields: { birthday: '1990-03-05' } }],
      [
        { at: '2026-03-01T12:00:00Z', contact: 'c1', type: 'fieldChanged', field: 'birthday', value: '1990-03-05' },
        { at: '2026-03-01T12:00:00Z', contact: 'c2', type: 'fieldChanged', field: 'plan', value: 'gold' },
      ],
      { start: '2026-03-01T00:00:00Z', horizon: '2026-03-12T00:00:00Z' },
    );
    const r = simulate(j, tl);
    assert.deepEqual(
      r.trace.filter((e) => e.kind === 'enter').map((e) => `${new Date(e.at).toISOString()} ${e.contact} ${e.point}`),
      ['2026-03-05T09:00:00.000Z c1 morning', '2026-03-05T09:00:00.000Z c2 morning', '2026-03-05T18:00:00.000Z c1 evening', '2026-03-05T18:00:00.000Z c2 evening'],
    );
  });

  it('R20, R23: a first date tick exactly at the horizon happens', () => {
    const j = journey({
      startingPoints: [{ id: 'sp', trigger: { type: 'dateField', field: 'birthday', time: '09:00' }, next: 'e' }],
      points: [{ id: 'e', type: 'end' }],
    });
    const tl = timeline([{ id: 'c1', fields: { birthday: '1990-03-05' } }], [], { start: '2026-03-05T00:00:00Z', horizon: '2026-03-05T09:00:00Z' });
    assert.deepEqual(simulate(j, tl).startingPoints, { sp: { entered: 1 } });
  });

  it('R19, R23: a segment schedule whose first run is after the horizon enters nobody', () => {
    const j = journey({
      kind: 'segment',
      segmentEntry: { segment: 'top', schedule: { type: 'recurring', every: 'PT6H' }, start: '2026-03-10T06:00', timeZone: 'UTC' },
      startingPoints: [{ id: 'sp', trigger: { type: 'segmentEntered', segment: 'top' }, next: 'e' }],
      points: [{ id: 'e', type: 'end' }],
    } as Partial<Journey> as Parameters<typeof journey>[0]);
    const tl = timeline([{ id: 'c1', segments: ['top'] }], [], { start: '2026-03-01T00:00:00Z', horizon: '2026-03-05T00:00:00Z' });
    const r = simulate(j, tl);
    assert.equal(r.stats.started, 0);
    assert.equal(r.at, T('2026-03-05T00:00:00Z'));
  });

  it('R19: a later run of a recurring schedule enters the contacts who joined since, each once, in contact order', () => {
    const j = journey({
      kind: 'segment',
      settings: { reEntry: { mode: 'afterCompletion' } },
      segmentEntry: { segment: 'top', schedule: { type: 'recurring', every: 'PT6H' }, start: '2026-03-02T06:00', timeZone: 'UTC' },
      startingPoints: [{ id: 'sp', trigger: { type: 'segmentEntered', segment: 'top' }, next: 'e' }],
      points: [{ id: 'e', type: 'end' }],
    } as Partial<Journey> as Parameters<typeof journey>[0]);
    // After the 06:00 run (nobody is a member), c3 joins, then c2, then c1 joins, leaves and joins again.
    const tl = timeline([{ id: 'c1' }, { id: 'c2' }, { id: 'c3' }], [
      { at: at(7), contact: 'c3', type: 'segmentJoined', segment: 'top' },
      { at: at(8), contact: 'c2', type: 'segmentJoined', segment: 'top' },
      { at: at(9), contact: 'c1', type: 'segmentJoined', segment: 'top' },
      { at: at(10), contact: 'c1', type: 'segmentLeft', segment: 'top' },
      { at: at(11), contact: 'c1', type: 'segmentJoined', segment: 'top' },
    ]);
    const r = simulate(j, tl, { horizon: at(12) });
    assert.deepEqual(lines(r.trace.filter((e) => e.kind === 'enter')), [`${at(12).replace('.000', '')} c1 sp enter`, `${at(12).replace('.000', '')} c2 sp enter`, `${at(12).replace('.000', '')} c3 sp enter`]);
    assert.deepEqual(r.startingPoints, { sp: { entered: 3 } });
  });
});
