// R4: what the reference, duplicate-id, action and zero-time-loop
// diagnostics say, and which loops count as taking no time: the search
// covers every branch, unreachable parts too, and names the loop from where
// a contact enters it.
import assert from 'node:assert/strict';
import { baseJourney, check, expectNone, expectOne, type JourneyObject, spanned } from './helpers';

const withPoints = (points: JourneyObject[], extra: JourneyObject = {}) => baseJourney({ points, ...extra });
const loops = (c: ReturnType<typeof check>) => c.diagnostics.filter((d) => d.code === 'R4.zero-time-cycle');

describe('R4 ids and references, as told', () => {
  it('R4: a repeated id says which starting point or journey point already has it', () => {
    const sp = check(baseJourney({ startingPoints: [{ id: 'start', trigger: { type: 'api' }, next: 'p1' }, { id: 'start', trigger: { type: 'api' }, next: 'p1' }] }));
    const d = expectOne(sp, { code: 'R4.duplicate-id', rule: 'R4', severity: 'error', spanned: '"start"' });
    assert.deepEqual(d.path, ['startingPoints', 1, 'id']);
    assert.match(d.message, /^Duplicate id "start": it already names starting point 1\. /);
    const pts = check(withPoints([{ id: 'p1', type: 'wait', duration: 'P1D', next: 'p2' }, { id: 'p2', type: 'wait', duration: 'P1D', next: 'p3' }, { id: 'p2', type: 'end' }, { id: 'p3', type: 'end' }]));
    const e = expectOne(pts, { code: 'R4.duplicate-id', rule: 'R4', severity: 'error', spanned: '"p2"' });
    assert.deepEqual(e.path, ['points', 2, 'id']);
    assert.match(e.message, /^Duplicate id "p2": it already names journey point 2 \(wait\)\. /);
  });

  it('R4: a dangling reference names whose successor it is: a starting point, a next, a branch', () => {
    const start = expectOne(check(baseJourney({ startingPoints: [{ id: 'start', trigger: { type: 'api' }, next: 'zzzz' }] })), { code: 'R4.dangling-reference', rule: 'R4', severity: 'error', spanned: '"zzzz"' });
    assert.equal(start.message, 'No journey point has the id "zzzz" (next of starting point "start"). Every successor must name an existing point (R4): create the point.');
    const next = expectOne(check(withPoints([{ id: 'p1', type: 'wait', duration: 'P1D', next: 'p2' }, { id: 'p2', type: 'wait', duration: 'P1D', next: 'p11' }])), {
      code: 'R4.dangling-reference',
      rule: 'R4',
      severity: 'error',
      spanned: '"p11"',
    });
    assert.match(next.message, /^No journey point has the id "p11" \(next of "p2"\)\. Every successor must name an existing point \(R4\): did you mean "p1", or create the point\.$/);
    const branch = expectOne(check(withPoints([{ id: 'p1', type: 'ifElse', condition: { type: 'hasTag', tag: 'A' }, branches: { yes: 'p2', no: 'qqqq' } }, { id: 'p2', type: 'end' }])), {
      code: 'R4.dangling-reference',
      rule: 'R4',
      severity: 'error',
      spanned: '"qqqq"',
    });
    assert.match(branch.message, /\(branch no of "p1"\)/);
  });

  it('R4: of unreachable points with the same id, only the first is reported unreachable (the others are duplicates)', () => {
    const c = check(withPoints([{ id: 'p1', type: 'end' }, { id: 'x', type: 'end' }, { id: 'x', type: 'end' }]));
    const unreachable = c.diagnostics.filter((d) => d.code === 'R4.unreachable-point');
    assert.deepEqual(unreachable.map((d) => d.path), [['points', 1, 'id']]);
    assert.deepEqual(unreachable[0]!.data, { id: 'x', fix: 'deletePoint' });
  });
});

describe('R4 actions, as told', () => {
  const fields = { tags: ['VIP'], fields: [{ name: 'score', type: 'number' }, { name: 'vip', type: 'boolean' }, { name: 'since', type: 'date' }, { name: 'city', type: 'string' }] };
  const action = (point: JourneyObject, extra: JourneyObject = fields) => check(withPoints([{ id: 'act', ...point, next: 'p1' }, { id: 'p1', type: 'end' }], { ...extra, startingPoints: [{ id: 'start', trigger: { type: 'api' }, next: 'act' }] }));

  it('R4: undeclared tags of add-tag and remove-tag points are warnings naming the point', () => {
    for (const type of ['addTag', 'removeTag']) {
      const d = expectOne(action({ type, tag: 'VPI' }), { code: 'R4.unknown-tag', rule: 'R4', severity: 'warning', spanned: '"VPI"' });
      assert.match(d.message, /^Unknown tag "VPI" in "act": /);
    }
  });

  it('R4: an update writes a value of the field type: each type says what it expects', () => {
    const cases: [string, unknown, string][] = [
      ['score', 'many', 'a number'],
      ['score', '  ', 'a number'],
      ['score', true, 'a number'],
      ['vip', 'yes', 'true or false'],
      ['vip', 1, 'true or false'],
      ['since', 20260131, 'a date such as "2026-01-31"'],
      ['since', '31.01.2026', 'a date such as "2026-01-31"'],
    ];
    for (const [field, value, expected] of cases) {
      const d = expectOne(action({ type: 'updateField', field, value }), { code: 'R4.field-value-type', rule: 'R4', severity: 'error', spanned: JSON.stringify(value) });
      const type = fields.fields.find((f) => f.name === field)!.type;
      assert.equal(d.message, `"act" writes ${JSON.stringify(value)} into "${field}", a ${type} field: an update must write a value of the field's type (R4), here ${expected}. Change the value, or the field's declared type.`);
      assert.deepEqual(d.data, { field, fieldType: type, expected });
    }
  });

  it('R4: values that fit raise nothing; string fields and undeclared fields take any value', () => {
    for (const [field, value] of [['score', 42], ['score', ' 42 '], ['vip', false], ['since', '2026-01-31'], ['since', '2026-01-31T09:00'], ['city', 5], ['city', true], ['email', 7]] as const) {
      expectNone(action({ type: 'updateField', field, value }), 'R4.field-value-type');
    }
    expectNone(action({ type: 'updateField', field: 'anything', value: true }, {}), 'R4.field-value-type', 'R4.unknown-field');
  });
});

describe('R4 zero-time loops', () => {
  it('R4: a loop through the timeout branch of a wait for an event takes its timeout; with a zero timeout it takes no time', () => {
    const journey = (timeout: string) =>
      withPoints([
        { id: 'p1', type: 'addTag', tag: 'A', next: 'w' },
        { id: 'w', type: 'waitForEvent', event: { type: 'purchase' }, timeout, branches: { yes: 'done', timeout: 'p1' } },
        { id: 'done', type: 'end' },
      ]);
    expectNone(check(journey('P1D')), 'R4.zero-time-cycle');
    const d = expectOne(check(journey('PT0S')), { code: 'R4.zero-time-cycle', rule: 'R4', severity: 'error', spanned: '"p1"' });
    assert.equal(
      d.message,
      'This reference closes a loop that takes no time: "p1" → "w" → "p1". Actions take no time (R8), so a contact would go round it forever at one instant; every cycle must pass a wait that takes time (R4). Add a wait to the loop, or lead "w" elsewhere.',
    );
  });

  it('R4: a loop through a wait-until says that a wait-until takes no time once passed, wherever it sits in the loop', () => {
    const until = { type: 'waitUntil', at: '2026-06-01T09:00' };
    const first = check(withPoints([{ id: 'p1', ...until, next: 'p2' }, { id: 'p2', type: 'addTag', tag: 'A', next: 'p1' }]));
    assert.match(loops(first)[0]!.message, /\(R4\) \(a wait-until takes no time once its instant has passed\)\. Add a wait/);
    const last = check(withPoints([{ id: 'p1', type: 'addTag', tag: 'A', next: 'p2' }, { id: 'p2', ...until, next: 'p1' }]));
    assert.match(loops(last)[0]!.message, /\(a wait-until takes no time once its instant has passed\)/);
    const middle = check(withPoints([{ id: 'p1', type: 'addTag', tag: 'A', next: 'p2' }, { id: 'p2', ...until, next: 'p3' }, { id: 'p3', type: 'addTag', tag: 'B', next: 'p1' }]));
    assert.match(loops(middle)[0]!.message, /\(a wait-until takes no time once its instant has passed\)/);
    // A wait-until on the way into the loop, not in it, is not mentioned.
    const before = check(withPoints([{ id: 'p1', ...until, next: 'p2' }, { id: 'p2', type: 'addTag', tag: 'A', next: 'p3' }, { id: 'p3', type: 'addTag', tag: 'B', next: 'p2' }]));
    assert.equal(loops(before).length, 1);
    assert.doesNotMatch(loops(before)[0]!.message, /wait-until/);
    assert.doesNotMatch(check(withPoints([{ id: 'p1', type: 'addTag', tag: 'A', next: 'p2' }, { id: 'p2', type: 'addTag', tag: 'B', next: 'p1' }])).diagnostics[0]!.message, /wait-until/);
  });

  it('R4: a loop entered after a lead-in is named from its first point, with its length', () => {
    const c = check(withPoints([{ id: 'p1', type: 'addTag', tag: 'A', next: 'p2' }, { id: 'p2', type: 'addTag', tag: 'B', next: 'p3' }, { id: 'p3', type: 'addTag', tag: 'C', next: 'p2' }]));
    const d = expectOne(c, { code: 'R4.zero-time-cycle', rule: 'R4', severity: 'error', spanned: '"p2"' });
    assert.deepEqual(d.data, { cycle: ['p2', 'p3', 'p2'], from: 'p3', to: 'p2', length: 2 });
  });

  it('R4: a loop of twenty points is shown whole; a longer one shows its first and last ten and how many are left out', () => {
    const ring = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, type: 'addTag', tag: 'A', next: `r${(i + 1) % n}` }));
    const twenty = check(withPoints([{ id: 'p1', type: 'wait', duration: 'P1D', next: 'r0' }, ...ring(20)], { platform: 'generic' }));
    const d20 = loops(twenty)[0]!;
    assert.deepEqual(d20.data?.['cycle'], [...ring(20).map((p) => p.id), 'r0']);
    assert.ok(!d20.message.includes('more)'));
    const long = check(withPoints([{ id: 'p1', type: 'wait', duration: 'P1D', next: 'r0' }, ...ring(25)], { platform: 'generic' }));
    const d = loops(long)[0]!;
    const ids = ring(25).map((p) => p.id);
    assert.deepEqual(d.data?.['cycle'], [...ids.slice(0, 10), '…', ...ids.slice(15), 'r0']);
    assert.equal(d.data?.['length'], 25);
    assert.ok(d.message.includes('"r9" → … (5 more) … → "r15"'), d.message);
  });

  it('R4: the loop is closed where the search from the starting points first comes back, whatever the document order', () => {
    const c = check(
      baseJourney({
        startingPoints: [{ id: 'start', trigger: { type: 'api' }, next: 'b' }],
        points: [
          { id: 'a', type: 'addTag', tag: 'A', next: 'b' },
          { id: 'b', type: 'addTag', tag: 'B', next: 'a' },
        ],
      }),
    );
    const d = expectOne(c, { code: 'R4.zero-time-cycle', rule: 'R4', severity: 'error', spanned: '"b"' });
    assert.deepEqual(d.path, ['points', 0, 'next']);
  });

  it('R4: a loop no starting point reaches is reported too', () => {
    const c = check(withPoints([{ id: 'p1', type: 'end' }, { id: 'x', type: 'addTag', tag: 'A', next: 'y' }, { id: 'y', type: 'addTag', tag: 'B', next: 'x' }]));
    assert.equal(loops(c).length, 1);
    assert.equal(spanned(c.text, loops(c)[0]!), '"x"');
  });

  it('R4: every branch is searched: a loop through the second branch of an if/else is found', () => {
    const c = check(
      withPoints([
        { id: 'p1', type: 'ifElse', condition: { type: 'hasTag', tag: 'A' }, branches: { yes: 'done', no: 'p2' } },
        { id: 'p2', type: 'addTag', tag: 'A', next: 'p1' },
        { id: 'done', type: 'end' },
      ]),
    );
    const d = expectOne(c, { code: 'R4.zero-time-cycle', rule: 'R4', severity: 'error', spanned: '"p1"' });
    assert.deepEqual(d.path, ['points', 1, 'next']);
  });
});
