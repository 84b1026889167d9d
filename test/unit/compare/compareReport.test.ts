// Specification of the comparison report `journey compare` prints (text for
// people, JSON for programs), from a comparison stated by hand: durations
// said as people say them, counts as A → B with the signed delta, only the
// points that changed or count differently in the table, the contacts whose
// outcome changed with their first divergence, and the verdict.
import assert from 'node:assert/strict';
import {
  comparisonJson,
  describeStep,
  describeTiming,
  formatComparison,
  formatDuration,
  type JourneyComparison,
  type PointComparison,
  type PointCounts,
  pointLabel,
} from '../../../src/core/compare/index';

const T0 = Date.parse('2026-05-01T09:00:00Z');
const H = 3_600_000;
const DAY = 24 * H;

const counts = (over: Partial<PointCounts> = {}): PointCounts => ({ entered: 0, sent: 0, suppressed: 0, suppressedBy: {}, exited: 0, exitedBy: {}, completed: 0, queued: 0, ...over });
const stats = (started: number, completed: number, exited: number, inProgress: number) => ({ started, completed, exited, inProgress, exitedBy: {} as never });

function comparison(over: Partial<JourneyComparison> = {}): JourneyComparison {
  return {
    seed: 7,
    start: T0,
    horizon: T0 + 10 * DAY,
    contacts: 3,
    statsA: stats(3, 2, 0, 1),
    statsB: stats(3, 2, 0, 1),
    points: [],
    changedContacts: [],
    pathChanged: 0,
    equal: true,
    warnings: [],
    slices: 1,
    ...over,
  };
}

/** Rows as the report aligns them: each column as wide as its widest cell, two spaces apart, no trailing spaces. */
const table = (rows: string[][]) => rows.map((r) => r.map((cell, i) => cell.padEnd(Math.max(...rows.map((x) => x[i]!.length)))).join('  ').trimEnd());

const same = (id: string, type: string, c: PointCounts): PointComparison => ({ a: id, b: id, kind: 'point', type, change: 'same', renamed: false, countsA: c, countsB: c, countsDiffer: false });

describe('compare: the report', () => {
  it('says a duration in its largest units, down to milliseconds, with a sign when negative', () => {
    assert.equal(formatDuration(2 * DAY), '2 d');
    assert.equal(formatDuration(3 * H + 30 * 60_000), '3 h 30 min');
    assert.equal(formatDuration(45_000), '45 s');
    assert.equal(formatDuration(DAY + 1000 + 250), '1 d 1 s 250 ms');
    assert.equal(formatDuration(0), '0 ms');
    assert.equal(formatDuration(-12 * H), '-12 h');
  });

  it('labels a point by its id (both when renamed), its type or "start", and what changed', () => {
    assert.equal(pointLabel(same('p_a', 'wait', counts())), 'p_a (wait)');
    assert.equal(pointLabel({ a: 'p_a', b: 'p_b', kind: 'point', type: 'wait', change: 'changed', renamed: true, countsDiffer: false }), 'p_a → p_b (wait, renamed, changed)');
    assert.equal(pointLabel({ b: 'p_new', kind: 'point', type: 'end', change: 'added', renamed: false, countsDiffer: false }), 'p_new (end, added)');
    assert.equal(pointLabel({ a: 'sp_old', kind: 'start', type: 'start', change: 'removed', renamed: false, countsDiffer: false }), 'sp_old (start, removed)');
  });

  it('describes a path step with its branch, outcome (not for an arrival) and reason, at its instant; an ended path as such', () => {
    assert.equal(describeStep({ at: T0, point: 'p_w', kind: 'leave', entry: 0, branch: 'yes' }), 'leave p_w → yes at 2026-05-01T09:00:00Z');
    assert.equal(describeStep({ at: T0 + 1, point: 'p_s', kind: 'send', entry: 0, outcome: 'suppressed', reason: 'noConsent' }), 'send p_s suppressed (noConsent) at 2026-05-01T09:00:00.001Z');
    assert.equal(describeStep({ at: T0, point: 'p_s', kind: 'arrive', entry: 0, outcome: 'sent' }), 'arrive p_s at 2026-05-01T09:00:00Z');
    assert.equal(describeStep(undefined), 'nothing more (the path has ended)');
  });

  it('R9 R17: describes a timing change: how much longer or less a contact waits, how much later or earlier it receives, which occurrence after the first', () => {
    assert.equal(describeTiming({ what: 'waited', subject: 'p_w', occurrence: 1, a: DAY, b: 12 * H, delta: -12 * H }), 'waits 12 h less at p_w (1 d → 12 h)');
    assert.equal(describeTiming({ what: 'waited', subject: 'p_w', occurrence: 2, a: H, b: 2 * H, delta: H }), 'waits 1 h longer at p_w (#2) (1 h → 2 h)');
    assert.equal(describeTiming({ what: 'sent', subject: 'hello', occurrence: 1, a: T0, b: T0 + H, delta: H }), 'receives hello 1 h later (2026-05-01T09:00:00Z → 2026-05-01T10:00:00Z)');
    assert.equal(describeTiming({ what: 'sent', subject: 'hello', occurrence: 3, a: T0 + H, b: T0, delta: -H }), 'receives hello (#3) 1 h earlier (2026-05-01T10:00:00Z → 2026-05-01T09:00:00Z)');
  });

  it('equal versions: the replay, the totals, no table, no contact, and the verdict', () => {
    const c = comparison({ contacts: 1, horizon: undefined, points: [same('p_a', 'wait', counts({ entered: 1 }))] });
    assert.deepEqual(formatComparison(c), [
      'Replay 2026-05-01T09:00:00Z → until nothing is pending, seed 7, 1 contact',
      'Started 3, completed 2, exited 0, in progress 1',
      '',
      'Every point is the same in both versions, with the same counts.',
      '',
      'Contacts whose outcome changed: 0 (0 took another path, 0 the same path at other times)',
      'The outcomes are equal.',
    ]);
  });

  it('different versions: a table of the points that differ (counts A → B, reasons of suppressions and exits), the unchanged ones counted, each changed contact, warnings, the verdict', () => {
    const sms: PointComparison = {
      a: 'p_sms',
      b: 'p_sms',
      kind: 'point',
      type: 'sendSms',
      change: 'same',
      renamed: false,
      countsDiffer: true,
      countsA: counts({ entered: 4, sent: 3, suppressed: 1, suppressedBy: { noConsent: 1 } }),
      countsB: counts({ entered: 3, sent: 2, suppressed: 1, suppressedBy: { frequency: 1 } }),
    };
    const added: PointComparison = { b: 'p_new', kind: 'point', type: 'end', change: 'added', renamed: false, countsDiffer: true, countsB: counts({ entered: 2, completed: 2, exitedBy: { goal: 1 }, exited: 1 }) };
    const c = comparison({
      statsB: stats(3, 3, 1, 0),
      equal: false,
      points: [same('p_a', 'wait', counts()), sms, same('p_b', 'wait', counts()), added],
      pathChanged: 1,
      warnings: ['something to know'],
      changedContacts: [
        {
          contact: 'c_1',
          pathChanged: true,
          firstDivergence: { index: 2, a: { at: T0, point: 'p_w', kind: 'leave', entry: 0, branch: 'yes' }, b: { at: T0 + H, point: 'p_w', kind: 'leave', entry: 0, branch: 'timeout' } },
          onlyInA: ['sms_1'],
          onlyInB: ['mail_1', 'mail_2'],
          timing: [{ what: 'waited', subject: 'p_w', occurrence: 1, a: DAY, b: H, delta: H - DAY }],
        },
        { contact: 'c_2', pathChanged: false, firstDivergence: { index: 0, a: { at: T0, point: 'p_w', kind: 'leave', entry: 0 } }, onlyInA: [], onlyInB: [], timing: [] },
      ],
    });
    assert.deepEqual(formatComparison(c), [
      'Replay 2026-05-01T09:00:00Z → 2026-05-11T09:00:00Z, seed 7, 3 contacts',
      'Started 3, completed 2 → 3 (+1), exited 0 → 1 (+1), in progress 1 → 0 (-1)',
      '',
      ...table([
        ['Point (A → B)', 'Entered', 'Sent', 'Suppressed', 'Exited', 'Completed', 'Queued'],
        ['p_sms (sendSms)', '4 → 3 (-1)', '3 → 2 (-1)', '1 [frequency 0 → 1 (+1), noConsent 1 → 0 (-1)]', '0', '0', '0'],
        ['p_new (end, added)', '— → 2 (+2)', '— → 0 (0)', '— → 0 (0)', '— → 1 (+1) [goal — → 1 (+1)]', '— → 2 (+2)', '— → 0 (0)'],
      ]),
      '(2 more points unchanged, with the same counts)',
      '',
      'Contacts whose outcome changed: 2 (1 took another path, 1 the same path at other times)',
      '  c_1: path changed at step 3: A leave p_w → yes at 2026-05-01T09:00:00Z; B leave p_w → timeout at 2026-05-01T10:00:00Z',
      '    receives in A only: sms_1',
      '    receives in B only: mail_1, mail_2',
      '    waits 23 h less at p_w (1 d → 1 h)',
      '  c_2: timing changed at step 1: A leave p_w at 2026-05-01T09:00:00Z; B nothing more (the path has ended)',
      'warning: something to know',
      'The outcomes differ.',
    ]);
    const limited = formatComparison(c, { contactLimit: 1 });
    assert.ok(limited.includes('  ... and 1 more (--json lists them all)'));
    assert.ok(!limited.some((l) => l.startsWith('  c_2')));
    assert.ok(formatComparison({ ...c, points: [sms, same('p_a', 'wait', counts())] }).includes('(1 more point unchanged, with the same counts)'));
    assert.ok(!formatComparison({ ...c, points: [sms] }).some((l) => l.includes('unchanged')));
  });

  it('a changed point with the same counts is listed; a removed point shows its counts in A and none in B; every contact listed when the limit allows', () => {
    const changedSame: PointComparison = { ...same('p_w', 'wait', counts({ entered: 1 })), change: 'changed' };
    const removed: PointComparison = { a: 'p_old', kind: 'point', type: 'sendSms', change: 'removed', renamed: false, countsDiffer: true, countsA: counts({ entered: 2, suppressed: 1, suppressedBy: { noConsent: 1 }, exited: 1, exitedBy: { goal: 1 } }) };
    const c = comparison({
      equal: false,
      points: [changedSame, removed],
      changedContacts: [{ contact: 'c_1', pathChanged: true, firstDivergence: { index: 0 }, onlyInA: ['sms_1', 'sms_2'], onlyInB: [], timing: [] }],
      pathChanged: 1,
    });
    const lines = formatComparison(c, { contactLimit: 1 });
    assert.deepEqual(lines.slice(3, 6), table([
      ['Point (A → B)', 'Entered', 'Sent', 'Suppressed', 'Exited', 'Completed', 'Queued'],
      ['p_w (wait, changed)', '1', '0', '0', '0', '0', '0'],
      ['p_old (sendSms, removed)', '2 → — (-2)', '0 → — (0)', '1 → — (-1) [noConsent 1 → — (-1)]', '1 → — (-1) [goal 1 → — (-1)]', '0 → — (0)', '0 → — (0)'],
    ]));
    assert.ok(!lines.some((l) => l.includes('unchanged')), 'no point is unchanged');
    assert.ok(lines.includes('    receives in A only: sms_1, sms_2'));
    assert.ok(!lines.some((l) => l.includes('more (--json lists them all)')));
  });

  it('the JSON report: instants as ISO strings (no horizon: null), points with null for a missing side, steps and sending instants as ISO, paths only when kept', () => {
    const c = comparison({
      horizon: undefined,
      equal: false,
      points: [{ b: 'p_new', kind: 'point', type: 'end', change: 'added', renamed: false, countsDiffer: false, countsB: counts() }],
      pathChanged: 0,
      changedContacts: [
        {
          contact: 'c_1',
          pathChanged: false,
          firstDivergence: { index: 1, a: { at: T0, point: 'p_w', kind: 'leave', entry: 0 } },
          onlyInA: [],
          onlyInB: [],
          timing: [{ what: 'sent', subject: 'hello', occurrence: 1, a: T0, b: T0 + H, delta: H }, { what: 'waited', subject: 'p_w', occurrence: 1, a: H, b: 2 * H, delta: H }],
          paths: { a: [{ at: T0, point: 'p_w', kind: 'arrive', entry: 0 }], b: [] },
        },
        { contact: 'c_2', pathChanged: true, firstDivergence: { index: 0 }, onlyInA: [], onlyInB: [], timing: [] },
      ],
    });
    assert.deepEqual(comparisonJson(c), {
      equal: false,
      seed: 7,
      start: '2026-05-01T09:00:00Z',
      horizon: null,
      contacts: 3,
      stats: { a: c.statsA, b: c.statsB },
      points: [{ a: null, b: 'p_new', kind: 'point', type: 'end', change: 'added', renamed: false, countsDiffer: false, countsA: null, countsB: counts() }],
      pathChanged: 0,
      changedContacts: [
        {
          contact: 'c_1',
          pathChanged: false,
          firstDivergence: { index: 1, a: { at: '2026-05-01T09:00:00Z', point: 'p_w', kind: 'leave', entry: 0 }, b: null },
          onlyInA: [],
          onlyInB: [],
          timing: [{ what: 'sent', subject: 'hello', occurrence: 1, a: '2026-05-01T09:00:00Z', b: '2026-05-01T10:00:00Z', delta: H }, { what: 'waited', subject: 'p_w', occurrence: 1, a: H, b: 2 * H, delta: H }],
          paths: { a: [{ at: '2026-05-01T09:00:00Z', point: 'p_w', kind: 'arrive', entry: 0 }], b: [] },
        },
        { contact: 'c_2', pathChanged: true, firstDivergence: { index: 0, a: null, b: null }, onlyInA: [], onlyInB: [], timing: [] },
      ],
      warnings: [],
    });
    assert.equal((comparisonJson(comparison()) as { horizon: string }).horizon, '2026-05-11T09:00:00Z');
  });
});
