// Specification of how each scenario expectation is checked against a
// replay (`journey test`, the Test Explorer): the snapshots given here are
// simulator snapshots written out by hand (queues and trace), so every
// boundary can be pinned: what passes, what fails, and the title, message,
// expected and actual value a test report shows for each. A scenario that
// cannot check an expectation (a comparison without a way to compare) fails
// it, never passes it.
import assert from 'node:assert/strict';
import { Scenario } from '../../src/core/scenario';
import { checkScenario, contentFacts, type ExpectationResult, expectationTitle, placeOf, type SnapshotAt } from '../../src/core/scenarioCheck';
import { Journey } from '../../src/core/schema';
import type { JourneyComparison } from '../../src/core/compare/compareVersions';
import type { SimulationSnapshot, SimulationStats, TraceEntry } from '../../src/core/simulator/types';

const T = (iso: string) => Date.parse(iso);
const stats = (s: Partial<SimulationStats> = {}): SimulationStats => ({ started: 0, inProgress: 0, completed: 0, exited: 0, exitedBy: { exitPoint: 0, exitCriteria: 0, unsubscribed: 0, removed: 0 }, ...s }) as SimulationStats;
const snapshot = (trace: Omit<TraceEntry, 'entry'>[], queues: Record<string, string[]> = {}, s: Partial<SimulationStats> = {}): SimulationSnapshot => ({
  at: 0,
  start: 0,
  horizon: undefined,
  seed: 0,
  stats: stats(s),
  points: {},
  startingPoints: {},
  queues,
  trace: trace.map((t) => ({ entry: 1, ...t })),
  warnings: [],
});

/** The journey whose content tells channels and marketing (R17). */
const journey = Journey.parse({
  formatVersion: 1,
  id: 'j',
  name: 'J',
  kind: 'trigger',
  lists: [{ id: 'news' }, { id: 'receipts', kind: 'transactional' }],
  content: [
    { id: 'promo_email', channel: 'email', status: 'ready', list: 'news' },
    { id: 'receipt_email', channel: 'email', status: 'ready', list: 'receipts' },
    { id: 'reset_email', channel: 'email', status: 'ready', transactional: true },
    { id: 'promo_sms', channel: 'sms', status: 'ready' },
  ],
  startingPoints: [{ id: 'sp', trigger: { type: 'api' }, next: 'p_end' }],
  points: [{ id: 'p_end', type: 'end' }],
});

/** Checks one expectation against the snapshot(s): `at` maps an instant (ms) to its snapshot; the end snapshot otherwise. */
function check(expectation: Record<string, unknown>, end: SimulationSnapshot, at: Map<number, SimulationSnapshot> = new Map(), withJourney = true): ExpectationResult {
  const scenario = Scenario.parse({ formatVersion: 1, name: 's', journey: 'j', timeline: 't', expectations: [expectation] });
  const snapshotAt: SnapshotAt = (t) => (t === undefined ? end : (at.get(t) ?? assert.fail(`no snapshot at ${new Date(t).toISOString()}`)));
  const results = checkScenario(scenario, snapshotAt, withJourney ? journey : undefined);
  assert.equal(results.length, 1);
  assert.equal(results[0]!.index, 0);
  return results[0]!;
}

const report = (r: ExpectationResult) => ({ passed: r.passed, message: r.message, expected: r.expected, actual: r.actual });

describe('scenario expectations: titles in test reports', () => {
  it('a named expectation is listed by its name', () => {
    assert.equal(expectationTitle({ type: 'neverEnters', contact: 'c1', name: 'VIPs only' }), 'VIPs only');
  });

  it('each kind says what it expects, with only the parts given', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ type: 'endsAt', contact: 'c1' }, 'c1 ends at'],
      [{ type: 'endsAt', contact: 'c1', point: 'p_end' }, 'c1 ends at p_end'],
      [{ type: 'endsAt', contact: 'c1', place: 'completed' }, 'c1 ends completed'],
      [{ type: 'endsAt', contact: 'c1', place: 'completed', point: 'p_end', at: '2026-01-02T00:00:00Z' }, 'c1 ends completed at p_end at 2026-01-02T00:00:00Z'],
      [{ type: 'receives', contact: 'c1', content: 'promo_email' }, 'c1 receives promo_email'],
      [{ type: 'receives', contact: 'c1', content: 'promo_email', times: 1 }, 'c1 receives promo_email exactly 1 time'],
      [{ type: 'receives', contact: 'c1', content: 'promo_email', times: 0, after: '2026-01-01T00:00:00Z', before: '2026-01-03T00:00:00Z' }, 'c1 receives promo_email exactly 0 times after 2026-01-01T00:00:00Z before 2026-01-03T00:00:00Z'],
      [{ type: 'doesNotReceive', contact: 'c1', content: 'promo_sms' }, 'c1 does not receive promo_sms'],
      [{ type: 'neverReceives', contact: 'c1' }, 'c1 never receives any message'],
      [{ type: 'neverReceives', contact: 'c1', channel: 'sms' }, 'c1 never receives any SMS'],
      [{ type: 'neverReceives', contact: 'c1', channel: 'email', marketing: true }, 'c1 never receives any marketing email'],
      [{ type: 'takesBranch', contact: 'c1', point: 'p_if', branch: 'yes' }, 'c1 takes yes at p_if'],
      [{ type: 'inQueue', contact: 'c1', point: 'p_wait', at: '2026-01-02T00:00:00Z' }, 'c1 waits at p_wait at 2026-01-02T00:00:00Z'],
      [{ type: 'suppressed', contact: 'c1', reason: 'frequency' }, 'a send to c1 is suppressed (frequency)'],
      [{ type: 'suppressed', contact: 'c1', content: 'promo_sms', reason: 'noPhone', point: 'p_sms' }, 'promo_sms to c1 is suppressed (noPhone) at p_sms'],
      [{ type: 'exits', contact: 'c1' }, 'c1 exits'],
      [{ type: 'exits', contact: 'c1', reason: 'removed' }, 'c1 exits (removed)'],
      [{ type: 'passes', contact: 'c1', point: 'p_if' }, 'c1 passes p_if'],
      [{ type: 'passes', contact: 'c1', point: 'p_if', branch: 'no' }, 'c1 passes p_if down no'],
      [{ type: 'neverEnters', contact: 'c1' }, 'c1 never enters'],
      [{ type: 'stats' }, 'stats at the end'],
      [{ type: 'stats', at: '2026-01-02T00:00:00Z' }, 'stats at 2026-01-02T00:00:00Z'],
      [{ type: 'comparedWith', with: 2 }, 'compared with version 2, nothing changes'],
      [{ type: 'comparedWith', with: './old.journey.json', onlyContacts: ['c1', 'c2'] }, 'compared with ./old.journey.json, only c1, c2 change'],
    ];
    for (const [e, title] of cases) {
      const expectation = Scenario.parse({ formatVersion: 1, name: 's', journey: 'j', timeline: 't', expectations: [e] }).expectations[0]!;
      assert.equal(expectationTitle(expectation), title, JSON.stringify(e));
    }
  });
});

describe('scenario expectations: where a contact is', () => {
  it('waiting in a queue wins over its trace; else where its last step was: completed, exited or waiting there; never traced: not entered', () => {
    const trace = [
      { at: 1, contact: 'c1', point: 'sp', kind: 'enter' as const },
      { at: 2, contact: 'c1', point: 'p_end', kind: 'complete' as const },
      { at: 3, contact: 'c2', point: 'p_x', kind: 'exit' as const },
      { at: 4, contact: 'c3', point: 'p_send', kind: 'send' as const },
      { at: 5, contact: 'c4', point: 'p_end', kind: 'complete' as const },
    ];
    const s = snapshot(trace, { p_other: [], p_wait: ['c9', 'c4'] });
    assert.deepEqual(placeOf(s, 'c1'), { place: 'completed', point: 'p_end' });
    assert.deepEqual(placeOf(s, 'c2'), { place: 'exited', point: 'p_x' });
    assert.deepEqual(placeOf(s, 'c3'), { place: 'waiting', point: 'p_send' });
    assert.deepEqual(placeOf(s, 'c4'), { place: 'waiting', point: 'p_wait' }, 're-entered and waiting again');
    assert.deepEqual(placeOf(s, 'c5'), { place: 'notEntered' });
  });

  it('the last of several stays counts: completed, then entered again and exited', () => {
    const s = snapshot([
      { at: 1, contact: 'c1', point: 'p_end', kind: 'complete' },
      { at: 2, contact: 'c1', point: 'p_x', kind: 'exit' },
    ]);
    assert.deepEqual(placeOf(s, 'c1'), { place: 'exited', point: 'p_x' });
  });
});

describe('scenario expectations: endsAt', () => {
  const end = snapshot([{ at: 1, contact: 'c1', point: 'p_end', kind: 'complete' }], { p_wait: ['c2'] });

  it('passes on the point alone, the place alone, or both; the expected value names what was asked', () => {
    assert.deepEqual(report(check({ type: 'endsAt', contact: 'c1', point: 'p_end' }, end)), { passed: true, message: 'c1 is completed at p_end', expected: 'completed at p_end', actual: 'completed at p_end' });
    assert.deepEqual(report(check({ type: 'endsAt', contact: 'c1', place: 'completed' }, end)), { passed: true, message: 'c1 is completed at p_end', expected: 'completed', actual: 'completed at p_end' });
    assert.deepEqual(report(check({ type: 'endsAt', contact: 'c5', place: 'notEntered' }, end)), { passed: true, message: 'c5 is notEntered', expected: 'notEntered', actual: 'notEntered' });
  });

  it('fails on another point or another place, saying where the contact is and where it was expected', () => {
    assert.deepEqual(report(check({ type: 'endsAt', contact: 'c2', point: 'p_end' }, end)), { passed: false, message: 'c2 is waiting at p_wait, expected waiting at p_end', expected: 'waiting at p_end', actual: 'waiting at p_wait' });
    assert.deepEqual(report(check({ type: 'endsAt', contact: 'c1', place: 'exited', point: 'p_end' }, end)), { passed: false, message: 'c1 is completed at p_end, expected exited at p_end', expected: 'exited at p_end', actual: 'completed at p_end' });
    assert.equal(check({ type: 'endsAt', contact: 'c1', place: 'completed', point: 'p_x' }, end).passed, false);
  });

  it('at an instant: looks at the snapshot of that instant', () => {
    const at = new Map([[T('2026-01-02T00:00:00Z'), snapshot([], { p_wait: ['c1'] })]]);
    assert.equal(check({ type: 'endsAt', contact: 'c1', point: 'p_wait', at: '2026-01-02T00:00:00Z' }, end, at).passed, true);
    assert.equal(check({ type: 'endsAt', contact: 'c1', point: 'p_end', at: '2026-01-02T00:00:00Z' }, end, at).passed, false);
  });
});

describe('scenario expectations: receives and doesNotReceive', () => {
  const t1 = T('2026-01-01T10:00:00Z');
  const t2 = T('2026-01-02T10:00:00Z');
  const end = snapshot([
    { at: t1, contact: 'c1', point: 'p_send', kind: 'send', outcome: 'promo_email' },
    { at: t1, contact: 'c1', point: 'p_sms', kind: 'send', outcome: 'promo_sms' },
    { at: t1, contact: 'c2', point: 'p_send', kind: 'send', outcome: 'reset_email' },
    { at: t1, contact: 'c1', point: 'p_send', kind: 'suppressed', outcome: 'reset_email', reason: 'frequency' },
    { at: t2, contact: 'c1', point: 'p_send2', kind: 'send', outcome: 'promo_email' },
  ]);

  it('at least one send of that content to that contact: the first send in the window is named', () => {
    assert.deepEqual(report(check({ type: 'receives', contact: 'c1', content: 'promo_email' }, end)), { passed: true, message: 'promo_email sent to c1 at 2026-01-01T10:00:00.000Z', expected: 'sent', actual: 'sent at 2026-01-01T10:00:00.000Z, 2026-01-02T10:00:00.000Z' });
    assert.deepEqual(report(check({ type: 'receives', contact: 'c1', content: 'promo_email', after: '2026-01-01T12:00:00Z' }, end)), { passed: true, message: 'promo_email sent to c1 at 2026-01-02T10:00:00.000Z', expected: 'sent after 2026-01-01T12:00:00Z', actual: 'sent at 2026-01-01T10:00:00.000Z, 2026-01-02T10:00:00.000Z' });
  });

  it('a send to another contact, a suppressed send or another content does not count', () => {
    assert.deepEqual(report(check({ type: 'receives', contact: 'c1', content: 'reset_email' }, end)), { passed: false, message: 'reset_email was never sent to c1', expected: 'sent', actual: 'never sent' });
  });

  it('before and after are strict: a send exactly at either bound is outside the window', () => {
    const r = check({ type: 'receives', contact: 'c1', content: 'promo_email', after: '2026-01-01T10:00:00Z', before: '2026-01-02T10:00:00Z' }, end);
    assert.deepEqual(report(r), { passed: false, message: 'promo_email was sent at 2026-01-01T10:00:00.000Z, 2026-01-02T10:00:00.000Z to c1', expected: 'sent after 2026-01-01T10:00:00Z before 2026-01-02T10:00:00Z', actual: 'sent at 2026-01-01T10:00:00.000Z, 2026-01-02T10:00:00.000Z' });
    assert.equal(check({ type: 'receives', contact: 'c1', content: 'promo_email', before: '2026-01-01T10:00:01Z' }, end).passed, true);
    assert.equal(check({ type: 'receives', contact: 'c1', content: 'promo_email', before: '2026-01-01T10:00:00Z' }, end).passed, false);
  });

  it('exactly N times counts the sends in the window, and says so in the singular or the plural', () => {
    assert.deepEqual(report(check({ type: 'receives', contact: 'c1', content: 'promo_email', times: 2 }, end)), { passed: true, message: 'promo_email was sent 2 times to c1 (sent at 2026-01-01T10:00:00.000Z, 2026-01-02T10:00:00.000Z)', expected: 'sent 2 times', actual: 'sent 2 times' });
    assert.deepEqual(report(check({ type: 'receives', contact: 'c1', content: 'promo_email', times: 1, before: '2026-01-02T00:00:00Z' }, end)), { passed: true, message: 'promo_email was sent 1 time before 2026-01-02T00:00:00Z to c1 (sent at 2026-01-01T10:00:00.000Z, 2026-01-02T10:00:00.000Z)', expected: 'sent 1 time before 2026-01-02T00:00:00Z', actual: 'sent 1 time before 2026-01-02T00:00:00Z' });
    assert.deepEqual(report(check({ type: 'receives', contact: 'c1', content: 'promo_email', times: 1, after: '2026-01-01T12:00:00Z', before: '2026-01-03T00:00:00Z' }, end)), { passed: true, message: 'promo_email was sent 1 time after 2026-01-01T12:00:00Z before 2026-01-03T00:00:00Z to c1 (sent at 2026-01-01T10:00:00.000Z, 2026-01-02T10:00:00.000Z)', expected: 'sent 1 time after 2026-01-01T12:00:00Z before 2026-01-03T00:00:00Z', actual: 'sent 1 time after 2026-01-01T12:00:00Z before 2026-01-03T00:00:00Z' });
    assert.deepEqual(report(check({ type: 'receives', contact: 'c1', content: 'promo_email', times: 1 }, end)), { passed: false, message: 'promo_email was sent 2 times to c1, expected exactly 1 (sent at 2026-01-01T10:00:00.000Z, 2026-01-02T10:00:00.000Z)', expected: 'sent 1 time', actual: 'sent 2 times' });
    assert.deepEqual(report(check({ type: 'receives', contact: 'c2', content: 'promo_email', times: 0 }, end)), { passed: true, message: 'promo_email was sent 0 times to c2', expected: 'sent 0 times', actual: 'sent 0 times' });
    assert.deepEqual(report(check({ type: 'receives', contact: 'c2', content: 'promo_email', times: 1 }, end)).message, 'promo_email was sent 0 times to c2, expected exactly 1');
  });

  it('doesNotReceive passes only when that content was never sent to that contact', () => {
    assert.deepEqual(report(check({ type: 'doesNotReceive', contact: 'c1', content: 'reset_email' }, end)), { passed: true, message: 'reset_email never sent to c1', expected: 'never sent', actual: 'never sent' });
    assert.deepEqual(report(check({ type: 'doesNotReceive', contact: 'c1', content: 'promo_email' }, end)), { passed: false, message: 'promo_email was sent to c1 at 2026-01-01T10:00:00.000Z, 2026-01-02T10:00:00.000Z', expected: 'never sent', actual: 'sent at 2026-01-01T10:00:00.000Z, 2026-01-02T10:00:00.000Z' });
  });
});

describe('scenario expectations: neverReceives (R17: channel, marketing)', () => {
  it('R17: content is marketing unless it is transactional or on a transactional list', () => {
    const facts = contentFacts(journey);
    assert.deepEqual(Object.fromEntries(facts), {
      promo_email: { channel: 'email', marketing: true },
      receipt_email: { channel: 'email', marketing: false },
      reset_email: { channel: 'email', marketing: false },
      promo_sms: { channel: 'sms', marketing: true },
    });
    const bare = Journey.parse({ ...journey, lists: undefined, content: [{ id: 'x', channel: 'sms', status: 'ready', list: 'news' }] });
    assert.deepEqual(Object.fromEntries(contentFacts(bare)), { x: { channel: 'sms', marketing: true } });
    assert.equal(contentFacts(Journey.parse({ ...journey, content: undefined })).size, 0);
  });

  const t = T('2026-01-01T10:00:00Z');
  const sends = (contact: string, ...contents: (string | undefined)[]) => contents.map((outcome) => ({ at: t, contact, point: 'p', kind: 'send' as const, ...(outcome ? { outcome } : {}) }));
  const end = snapshot([
    ...sends('c_tx', 'reset_email', 'receipt_email'),
    ...sends('c_promo', 'promo_email'),
    ...sends('c_sms', 'promo_sms'),
    ...sends('c_unknown', 'not_in_journey', undefined),
    { at: t, contact: 'c_none', point: 'p', kind: 'suppressed', outcome: 'promo_email', reason: 'frequency' },
  ]);

  it('any message: every send counts, known content or not', () => {
    assert.deepEqual(report(check({ type: 'neverReceives', contact: 'c_none' }, end)), { passed: true, message: 'c_none received no message', expected: 'no message', actual: 'no message' });
    assert.deepEqual(report(check({ type: 'neverReceives', contact: 'c_unknown' }, end)), { passed: false, message: 'c_unknown received not_in_journey at 2026-01-01T10:00:00.000Z, ? at 2026-01-01T10:00:00.000Z', expected: 'no message', actual: 'not_in_journey at 2026-01-01T10:00:00.000Z, ? at 2026-01-01T10:00:00.000Z' });
  });

  it('a channel: only sends of content on that channel count', () => {
    assert.equal(check({ type: 'neverReceives', contact: 'c_promo', channel: 'sms' }, end).passed, true);
    assert.deepEqual(report(check({ type: 'neverReceives', contact: 'c_sms', channel: 'sms' }, end)), { passed: false, message: 'c_sms received promo_sms at 2026-01-01T10:00:00.000Z', expected: 'no SMS', actual: 'promo_sms at 2026-01-01T10:00:00.000Z' });
    assert.equal(check({ type: 'neverReceives', contact: 'c_unknown', channel: 'email' }, end).passed, true, 'content the journey does not have has no known channel');
    assert.equal(check({ type: 'neverReceives', contact: 'c_unknown', marketing: true }, end).passed, true, 'nor is it known to be marketing');
  });

  it('R17: marketing: transactional sends do not count, marketing ones do', () => {
    assert.deepEqual(report(check({ type: 'neverReceives', contact: 'c_tx', channel: 'email', marketing: true }, end)), { passed: true, message: 'c_tx received no marketing email', expected: 'no marketing email', actual: 'no marketing email' });
    assert.equal(check({ type: 'neverReceives', contact: 'c_tx', marketing: true }, end).passed, true);
    assert.equal(check({ type: 'neverReceives', contact: 'c_tx', channel: 'email' }, end).passed, false);
    assert.equal(check({ type: 'neverReceives', contact: 'c_promo', marketing: true }, end).passed, false);
    assert.equal(check({ type: 'neverReceives', contact: 'c_sms', marketing: true }, end).message, 'c_sms received promo_sms at 2026-01-01T10:00:00.000Z');
  });
});

describe('scenario expectations: branches, queues, passes', () => {
  const t = T('2026-01-01T10:00:00Z');
  const end = snapshot([
    { at: t, contact: 'c1', point: 'p_if', kind: 'pass', branch: 'yes' },
    { at: t, contact: 'c1', point: 'p_if', kind: 'pass', branch: 'yes' },
    { at: t, contact: 'c2', point: 'p_if', kind: 'pass', branch: 'yes' },
    { at: t, contact: 'c2', point: 'p_if', kind: 'pass', branch: 'no' },
    { at: t, contact: 'c3', point: 'p_if', kind: 'pass' },
    { at: t, contact: 'c1', point: 'p_end', kind: 'complete' },
  ]);

  it('R11: takesBranch passes only when every pass at the point took that branch', () => {
    assert.deepEqual(report(check({ type: 'takesBranch', contact: 'c1', point: 'p_if', branch: 'yes' }, end)), { passed: true, message: 'c1 took yes, yes at p_if', expected: 'took yes at p_if', actual: 'took yes, yes at p_if' });
    assert.deepEqual(report(check({ type: 'takesBranch', contact: 'c2', point: 'p_if', branch: 'yes' }, end)), { passed: false, message: 'c2 took yes, no at p_if, expected yes', expected: 'took yes at p_if', actual: 'took yes, no at p_if' });
  });

  it('R11: takesBranch fails for a contact that never left the point by a branch', () => {
    assert.deepEqual(report(check({ type: 'takesBranch', contact: 'c3', point: 'p_if', branch: 'yes' }, end)), { passed: false, message: 'c3 never left p_if by a branch, expected yes', expected: 'took yes at p_if', actual: 'never left p_if by a branch' });
  });

  it('passes: was at the point, and took the branch if one is named (any of its passes)', () => {
    assert.deepEqual(report(check({ type: 'passes', contact: 'c2', point: 'p_if', branch: 'no' }, end)), { passed: true, message: 'c2 at p_if, took yes, no', expected: 'at p_if, took no', actual: 'at p_if, took yes, no' });
    assert.deepEqual(report(check({ type: 'passes', contact: 'c3', point: 'p_if' }, end)), { passed: true, message: 'c3 at p_if', expected: 'at p_if', actual: 'at p_if' });
    assert.deepEqual(report(check({ type: 'passes', contact: 'c1', point: 'p_if', branch: 'no' }, end)), { passed: false, message: 'c1 was at p_if, took yes, yes', expected: 'at p_if, took no', actual: 'at p_if, took yes, yes' });
    assert.deepEqual(report(check({ type: 'passes', contact: 'c3', point: 'p_end' }, end)), { passed: false, message: 'c3 was never at p_end', expected: 'at p_end', actual: 'never at p_end' });
  });

  it('R10: inQueue passes only for a contact waiting at that point at that instant', () => {
    const at = T('2026-01-02T00:00:00Z');
    const snapshots = new Map([[at, snapshot([{ at: t, contact: 'c1', point: 'p_end', kind: 'complete' }], { p_wait: ['c2'] })]]);
    const when = '2026-01-02T00:00:00Z';
    assert.deepEqual(report(check({ type: 'inQueue', contact: 'c2', point: 'p_wait', at: when }, end, snapshots)), { passed: true, message: `c2 waits at p_wait at ${when}`, expected: 'waiting at p_wait', actual: 'waiting at p_wait' });
    assert.deepEqual(report(check({ type: 'inQueue', contact: 'c2', point: 'p_other', at: when }, end, snapshots)), { passed: false, message: `c2 is waiting at p_wait at ${when}, expected waiting at p_other`, expected: 'waiting at p_other', actual: 'waiting at p_wait' });
    assert.deepEqual(report(check({ type: 'inQueue', contact: 'c1', point: 'p_end', at: when }, end, snapshots)), { passed: false, message: `c1 is completed at p_end at ${when}, expected waiting at p_end`, expected: 'waiting at p_end', actual: 'completed at p_end' });
  });
});

describe('scenario expectations: suppressions, exits, entries, stats', () => {
  const t = T('2026-01-01T10:00:00Z');
  const end = snapshot(
    [
      { at: t, contact: 'c1', point: 'sp', kind: 'enter' },
      { at: t, contact: 'c1', point: 'p_sms', kind: 'suppressed', outcome: 'promo_sms', reason: 'noPhone' },
      { at: t + 1000, contact: 'c1', point: 'p_mail', kind: 'suppressed', outcome: 'promo_email', reason: 'frequency' },
      { at: t + 2000, contact: 'c1', point: 'p_mail', kind: 'suppressed', reason: 'frequency' },
      { at: t, contact: 'c2', point: 'sp', kind: 'enter' },
      { at: t + 60_000, contact: 'c2', point: 'sp2', kind: 'enter' },
      { at: t + 60_000, contact: 'c2', point: 'p_x', kind: 'exit', reason: 'exitCriteria' },
      { at: t + 70_000, contact: 'c2', point: 'p_y', kind: 'exit' },
      { at: t, contact: 'c3', point: 'p_send', kind: 'send', outcome: 'promo_sms' },
      { at: t, contact: 'c5', point: 'p_mail', kind: 'suppressed' },
    ],
    { p_wait: ['c3'] },
    { started: 3, inProgress: 1, completed: 0, exited: 2 },
  );

  it('R17: suppressed passes on a suppression for that reason, narrowed by content and point', () => {
    assert.deepEqual(report(check({ type: 'suppressed', contact: 'c1', reason: 'frequency' }, end)), { passed: true, message: 'suppressed at 2026-01-01T10:00:01.000Z (frequency)', expected: 'suppressed (frequency)', actual: 'promo_sms (noPhone) at 2026-01-01T10:00:00.000Z, promo_email (frequency) at 2026-01-01T10:00:01.000Z, ? (frequency) at 2026-01-01T10:00:02.000Z' });
    assert.equal(check({ type: 'suppressed', contact: 'c1', content: 'promo_sms', reason: 'noPhone', point: 'p_sms' }, end).passed, true);
    assert.deepEqual(report(check({ type: 'suppressed', contact: 'c1', content: 'promo_sms', reason: 'frequency' }, end)), { passed: false, message: 'expected a suppression for frequency; found promo_sms (noPhone) at 2026-01-01T10:00:00.000Z', expected: 'suppressed (frequency)', actual: 'promo_sms (noPhone) at 2026-01-01T10:00:00.000Z' });
    assert.equal(check({ type: 'suppressed', contact: 'c1', point: 'p_sms', reason: 'frequency' }, end).passed, false);
    assert.equal(check({ type: 'suppressed', contact: 'c5', reason: 'noPhone' }, end).actual, '? (?) at 2026-01-01T10:00:00.000Z', 'a suppression the trace gives without content or reason');
    assert.deepEqual(report(check({ type: 'suppressed', contact: 'c3', reason: 'noPhone' }, end)), { passed: false, message: 'expected a suppression for noPhone; found nothing suppressed', expected: 'suppressed (noPhone)', actual: 'nothing suppressed' });
  });

  it('exits passes on an exit (for that reason, when one is given), and otherwise says where the contact is', () => {
    assert.deepEqual(report(check({ type: 'exits', contact: 'c2' }, end)), { passed: true, message: 'c2 exited at p_x (exitCriteria) at 2026-01-01T10:01:00.000Z', expected: 'exited', actual: 'exited at p_x (exitCriteria), exited at p_y (?)' });
    assert.equal(check({ type: 'exits', contact: 'c2', reason: 'exitCriteria' }, end).passed, true);
    assert.deepEqual(report(check({ type: 'exits', contact: 'c2', reason: 'removed' }, end)), { passed: false, message: 'c2 did not exit for removed: exited at p_x (exitCriteria), exited at p_y (?)', expected: 'exited (removed)', actual: 'exited at p_x (exitCriteria), exited at p_y (?)' });
    assert.deepEqual(report(check({ type: 'exits', contact: 'c3' }, end)), { passed: false, message: 'c3 did not exit: waiting at p_wait', expected: 'exited', actual: 'waiting at p_wait' });
  });

  it('an exit without a reason is named with an empty reason', () => {
    const s = snapshot([{ at: t, contact: 'c4', point: 'p_y', kind: 'exit' }]);
    assert.equal(check({ type: 'exits', contact: 'c4' }, s).message, 'c4 exited at p_y () at 2026-01-01T10:00:00.000Z');
  });

  it('neverEnters fails with every entry, and passes for a contact never entered', () => {
    assert.deepEqual(report(check({ type: 'neverEnters', contact: 'c2' }, end)), { passed: false, message: 'c2 entered at sp 2026-01-01T10:00:00.000Z, sp2 2026-01-01T10:01:00.000Z', expected: 'never entered', actual: 'entered 2 time(s)' });
    assert.deepEqual(report(check({ type: 'neverEnters', contact: 'c3' }, end)), { passed: true, message: 'c3 never entered', expected: 'never entered', actual: 'never entered' });
  });

  it('R15: stats compares only the counts given, at the end or at an instant', () => {
    assert.deepEqual(report(check({ type: 'stats', started: 3, exited: 2 }, end)), { passed: true, message: 'stats started: 3, exited: 2', expected: 'started: 3, exited: 2', actual: 'started: 3, exited: 2' });
    assert.deepEqual(report(check({ type: 'stats', started: 3, inProgress: 0, completed: 0 }, end)), { passed: false, message: 'stats started: 3, inProgress: 1, completed: 0, expected started: 3, inProgress: 0, completed: 0', expected: 'started: 3, inProgress: 0, completed: 0', actual: 'started: 3, inProgress: 1, completed: 0' });
    const at = new Map([[T('2026-01-01T00:00:00Z'), snapshot([], {}, { started: 1 })]]);
    assert.equal(check({ type: 'stats', at: '2026-01-01T00:00:00Z', started: 1 }, end, at).passed, true);
    assert.equal(check({ type: 'stats', at: '2026-01-01T00:00:00Z', started: 3 }, end, at).passed, false);
  });

  /** A comparison as compareVersions gives it: the contacts that changed, and the points with their counts differing or not. */
  const comparison = (changed: string[], points: { a?: string; b?: string; countsDiffer: boolean }[] = []): JourneyComparison =>
    ({ changedContacts: changed.map((contact) => ({ contact })), points, equal: changed.length === 0 && !points.some((p) => p.countsDiffer) }) as unknown as JourneyComparison;
  function compared(expectation: Record<string, unknown>, c: JourneyComparison): ExpectationResult {
    const scenario = Scenario.parse({ formatVersion: 1, name: 's', journey: 'j', timeline: 't', expectations: [{ type: 'neverEnters', contact: 'c1' }, expectation] });
    const asked: number[] = [];
    const results = checkScenario(scenario, () => end, journey, (index) => {
      asked.push(index);
      return c;
    });
    assert.deepEqual(asked, [1], 'compared once, for that expectation');
    return results[1]!;
  }

  it('comparedWith, nothing changes: passes on equal outcomes; otherwise names the contacts that changed, else the points whose counts differ', () => {
    assert.deepEqual(report(compared({ type: 'comparedWith', with: 1 }, comparison([]))), { passed: true, message: 'the outcomes are equal', expected: 'nothing changed', actual: 'nothing changed' });
    assert.deepEqual(report(compared({ type: 'comparedWith', with: 1 }, comparison(['c3', 'c1']))), { passed: false, message: 'the outcomes differ: changed: c1, c3', expected: 'nothing changed', actual: 'changed: c1, c3' });
    const counts = comparison([], [{ a: 'p_x', b: 'p_y', countsDiffer: true }, { a: 'p_z', b: 'p_z', countsDiffer: false }, { a: 'p_old', countsDiffer: true }]);
    assert.deepEqual(report(compared({ type: 'comparedWith', with: 1 }, counts)), { passed: false, message: 'the outcomes differ: no contact changed; counts differ at p_y, p_old', expected: 'nothing changed', actual: 'no contact changed; counts differ at p_y, p_old' });
  });

  it('comparedWith, only these contacts change: exactly those (each named once), saying which also changed and which did not', () => {
    assert.deepEqual(report(compared({ type: 'comparedWith', with: 1, onlyContacts: ['c3', 'c1', 'c3'] }, comparison(['c3', 'c1']))), { passed: true, message: 'only c1, c3 changed', expected: 'changed: c1, c3', actual: 'changed: c1, c3' });
    assert.deepEqual(report(compared({ type: 'comparedWith', with: 1, onlyContacts: ['c1'] }, comparison(['c2', 'c1']))), { passed: false, message: 'also changed: c2', expected: 'changed: c1', actual: 'changed: c1, c2' });
    assert.deepEqual(report(compared({ type: 'comparedWith', with: 1, onlyContacts: ['c1', 'c4'] }, comparison(['c1']))), { passed: false, message: 'unchanged: c4', expected: 'changed: c1, c4', actual: 'changed: c1' });
    assert.deepEqual(report(compared({ type: 'comparedWith', with: 1, onlyContacts: ['c1', 'c4'] }, comparison(['c2', 'c1']))).message, 'also changed: c2; unchanged: c4');
    assert.deepEqual(report(compared({ type: 'comparedWith', with: 1, onlyContacts: ['c1', 'c4', 'c6'] }, comparison(['c5', 'c2', 'c1']))).message, 'also changed: c2, c5; unchanged: c4, c6');
    assert.deepEqual(report(compared({ type: 'comparedWith', with: 1, onlyContacts: ['c1'] }, comparison([]))), { passed: false, message: 'unchanged: c1', expected: 'changed: c1', actual: 'nothing changed' });
  });

  it('a comparison cannot be checked without a way to compare versions: it fails, it never passes', () => {
    assert.deepEqual(report(check({ type: 'comparedWith', with: 1 }, end)), { passed: false, message: 'this run cannot compare versions', expected: undefined, actual: undefined });
  });

  it('without the journey, channel and marketing of content are unknown: only "any message" counts sends', () => {
    const s = snapshot([{ at: t, contact: 'c1', point: 'p', kind: 'send', outcome: 'promo_sms' }]);
    assert.equal(check({ type: 'neverReceives', contact: 'c1', channel: 'sms' }, s, new Map(), false).passed, true);
    assert.equal(check({ type: 'neverReceives', contact: 'c1' }, s, new Map(), false).passed, false);
  });

  it('results keep the order and index of the expectations', () => {
    const scenario = Scenario.parse({ formatVersion: 1, name: 's', journey: 'j', timeline: 't', expectations: [{ type: 'neverEnters', contact: 'c3' }, { type: 'neverEnters', contact: 'c2' }] });
    assert.deepEqual(checkScenario(scenario, () => end).map((r) => [r.index, r.title, r.passed]), [[0, 'c3 never enters', true], [1, 'c2 never enters', false]]);
  });
});
