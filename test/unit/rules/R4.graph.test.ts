// R4: every point is reachable from a starting point, every successor
// resolves, ids are unique, no cycle takes zero time (R8), and actions use
// declared tags and fields with values of the field's type.
import assert from 'node:assert/strict';
import { baseJourney, check, codes, expectNone, expectOne, type JourneyObject } from './helpers';

const withPoints = (points: JourneyObject[], extra: JourneyObject = {}) => baseJourney({ points, ...extra });

describe('R4 reachability', () => {
  it('R4: a point no starting point leads to is a warning on its "id" key', () => {
    const c = check(withPoints([{ id: 'p1', type: 'end' }, { id: 'orphan', type: 'addTag', tag: 'x', next: 'p1' }]));
    const d = expectOne(c, { code: 'R4.unreachable-point', rule: 'R4', severity: 'warning', spanned: '"id"' });
    assert.deepEqual(d.path, ['points', 1, 'id']);
    assert.match(d.message, /^Journey point "orphan" \(addTag\) cannot be reached/);
  });

  it('R4: points reached through any branch of any starting point raise nothing', () => {
    const c = check(
      baseJourney({
        startingPoints: [
          { id: 's1', trigger: { type: 'api' }, next: 'p1' },
          { id: 's2', trigger: { type: 'api' }, next: 'p4' },
        ],
        points: [
          { id: 'p1', type: 'split', branches: [{ percent: 50, next: 'p2' }, { percent: 50, next: 'p3' }] },
          { id: 'p2', type: 'end' },
          { id: 'p3', type: 'end' },
          { id: 'p4', type: 'end' },
        ],
      }),
    );
    expectNone(c);
  });
});

describe('R4 references', () => {
  it('R4: a successor that names no point is an error on the reference, with a suggestion', () => {
    const c = check(withPoints([{ id: 'p1', type: 'wait', duration: 'P1D', next: 'dne' }, { id: 'done', type: 'end' }]));
    const d = expectOne(c, { code: 'R4.dangling-reference', rule: 'R4', severity: 'error', spanned: '"dne"' });
    assert.equal(d.data?.['suggestion'], 'done');
  });

  it('R4: a starting point whose next names no point is an error on its next', () => {
    const c = check(baseJourney({ startingPoints: [{ id: 'start', trigger: { type: 'api' }, next: 'p2' }] }));
    expectOne(c, { code: 'R4.dangling-reference', rule: 'R4', severity: 'error', spanned: '"p2"' });
  });

  it('R4: a duplicate id is an error on the second one', () => {
    const c = check(withPoints([{ id: 'p1', type: 'wait', duration: 'P1D', next: 'p2' }, { id: 'p2', type: 'end' }, { id: 'p1', type: 'end' }]));
    expectOne(c, { code: 'R4.duplicate-id', rule: 'R4', severity: 'error', spanned: '"p1"' });
    assert.deepEqual(codes(c), ['R4.duplicate-id'], 'the duplicate is not also reported unreachable');
  });
});

describe('R4 zero-time cycles', () => {
  it('R4: a loop of actions is an error on the reference that closes it', () => {
    const c = check(
      withPoints([
        { id: 'p1', type: 'addTag', tag: 'x', next: 'p2' },
        { id: 'p2', type: 'removeTag', tag: 'x', next: 'p1' },
      ]),
    );
    const d = expectOne(c, { code: 'R4.zero-time-cycle', rule: 'R4', severity: 'error', spanned: '"p1"' });
    assert.deepEqual(d.path, ['points', 1, 'next']);
    assert.deepEqual(d.data?.['cycle'], ['p1', 'p2', 'p1']);
    assert.match(d.message, /"p1" → "p2" → "p1"/);
  });

  it('R4: an if/else branch back to itself, through a zero wait or a wait-until, loops at one instant', () => {
    const selfLoop = check(withPoints([{ id: 'p1', type: 'ifElse', condition: { type: 'hasTag', tag: 'x' }, branches: { yes: 'p1', no: 'done' } }, { id: 'done', type: 'end' }]));
    expectOne(selfLoop, { code: 'R4.zero-time-cycle', rule: 'R4', severity: 'error', spanned: '"p1"' });
    const zeroWait = check(withPoints([{ id: 'p1', type: 'wait', duration: 'PT0S', next: 'p2' }, { id: 'p2', type: 'addTag', tag: 'x', next: 'p1' }]));
    expectOne(zeroWait, { code: 'R4.zero-time-cycle', rule: 'R4', severity: 'error', spanned: '"p1"' });
    const waitUntil = check(withPoints([{ id: 'p1', type: 'waitUntil', at: '2027-01-01T09:00', next: 'p2' }, { id: 'p2', type: 'addTag', tag: 'x', next: 'p1' }]));
    const d = expectOne(waitUntil, { code: 'R4.zero-time-cycle', rule: 'R4', severity: 'error', spanned: '"p1"' });
    assert.match(d.message, /a wait-until takes no time once its instant has passed/);
  });

  it('R4: a zero wait-for-event timeout branch loops at one instant; its yes branch needs an event each time', () => {
    const wfe = (timeout: string, yes: string, to: string) => ({ id: 'p1', type: 'waitForEvent', event: { type: 'purchase' }, timeout, branches: { yes, timeout: to } });
    const c = check(withPoints([wfe('PT0S', 'done', 'p2'), { id: 'p2', type: 'addTag', tag: 'x', next: 'p1' }, { id: 'done', type: 'end' }]));
    expectOne(c, { code: 'R4.zero-time-cycle', rule: 'R4', severity: 'error', spanned: '"p1"' });
    expectNone(check(withPoints([wfe('PT0S', 'p2', 'done'), { id: 'p2', type: 'addTag', tag: 'x', next: 'p1' }, { id: 'done', type: 'end' }])), 'R4.zero-time-cycle');
  });

  it('R4: a loop through a wait that takes time raises nothing', () => {
    const c = check(
      withPoints([
        { id: 'p1', type: 'sendEmail', content: 'news', next: 'p2' },
        { id: 'p2', type: 'wait', duration: 'P7D', next: 'p3' },
        { id: 'p3', type: 'ifElse', condition: { type: 'hasTag', tag: 'done' }, branches: { yes: 'p4', no: 'p1' } },
        { id: 'p4', type: 'end' },
      ]),
    );
    expectNone(c);
  });
});

describe('R4 action names and values', () => {
  const declared = { tags: ['VIP'], fields: [{ name: 'score', type: 'number' }, { name: 'optIn', type: 'boolean' }, { name: 'since', type: 'date' }] };

  it('R4: adding an undeclared tag or updating an undeclared field is a warning on the name', () => {
    const c = check(
      withPoints(
        [
          { id: 'p1', type: 'addTag', tag: 'VIPP', next: 'p2' },
          { id: 'p2', type: 'updateField', field: 'scor', value: 1, next: 'p3' },
          { id: 'p3', type: 'end' },
        ],
        declared,
      ),
    );
    const tag = expectOne(c, { code: 'R4.unknown-tag', rule: 'R4', severity: 'warning', spanned: '"VIPP"' });
    assert.equal(tag.data?.['suggestion'], 'VIP');
    expectOne(c, { code: 'R4.unknown-field', rule: 'R4', severity: 'warning', spanned: '"scor"' });
  });

  it('R4: an update that writes a value the field type cannot hold is an error on the value', () => {
    const update = (field: string, value: unknown) => check(withPoints([{ id: 'p1', type: 'updateField', field, value, next: 'p2' }, { id: 'p2', type: 'end' }], declared));
    expectOne(update('score', 'high'), { code: 'R4.field-value-type', rule: 'R4', severity: 'error', spanned: '"high"' });
    expectOne(update('optIn', 'yes'), { code: 'R4.field-value-type', rule: 'R4', severity: 'error', spanned: '"yes"' });
    expectOne(update('since', 12), { code: 'R4.field-value-type', rule: 'R4', severity: 'error', spanned: '12' });
    for (const [field, value] of [['score', 3], ['score', '4.5'], ['optIn', false], ['since', '2026-01-31']] as const) expectNone(update(field, value));
  });
});
