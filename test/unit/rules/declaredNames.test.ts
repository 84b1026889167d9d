// Names checked against the journey's declarations (declarations.ts), as the
// rules R2, R3, R4 and R17 use them: a kind is checked only when declared;
// email, name, phone and language are fields of every contact but not names
// of other kinds; the first declaration of a field gives its type; a name
// that is unknown is not checked further.
import assert from 'node:assert/strict';
import { declaredNames } from '../../../src/core/rules/declarations';
import { Journey } from '../../../src/core/schema';
import { baseJourney, check, expectNone, expectOne, type JourneyObject } from './helpers';

const action = (point: JourneyObject, declarations: JourneyObject) =>
  check(baseJourney({ ...declarations, startingPoints: [{ id: 'start', trigger: { type: 'api' }, next: 'act' }], points: [{ id: 'act', ...point, next: 'p1' }, { id: 'p1', type: 'end' }] }));
const filtered = (filter: JourneyObject, declarations: JourneyObject) => check(baseJourney({ ...declarations, startingPoints: [{ id: 'start', trigger: { type: 'api' }, filter, next: 'p1' }] }));

describe('declared names (R2, R3, R4, R17)', () => {
  it('R4: the built-in contact fields need no declaration, also when other fields are declared, and are suggested for misspelt fields', () => {
    expectNone(action({ type: 'updateField', field: 'email', value: 'a@x.io' }, { fields: [{ name: 'score', type: 'number' }] }));
    const d = expectOne(action({ type: 'updateField', field: 'emial', value: 'a@x.io' }, { fields: [{ name: 'score', type: 'number' }] }), { code: 'R4.unknown-field', rule: 'R4', severity: 'warning', spanned: '"emial"' });
    assert.equal(d.message, 'Unknown field "emial" in "act": every field the journey uses must be declared in "fields" (R4). Did you mean "email"? Correct the name or add it to "fields".');
    assert.deepEqual(d.data, { kind: 'field', name: 'emial', declaration: 'fields', suggestion: 'email' });
  });

  it('R4: built-in field names are not tags: a tag "email" must be declared like any other, and is not suggested', () => {
    const d = expectOne(action({ type: 'addTag', tag: 'email' }, { tags: ['VIP'] }), { code: 'R4.unknown-tag', rule: 'R4', severity: 'warning', spanned: '"email"' });
    assert.equal(d.message, 'Unknown tag "email" in "act": every tag the journey uses must be declared in "tags" (R4). Correct the name or add it to "tags".');
    assert.deepEqual(d.data, { kind: 'tag', name: 'email', declaration: 'tags' });
    const e = expectOne(action({ type: 'addTag', tag: 'emial' }, { tags: ['VIP'] }), { code: 'R4.unknown-tag', rule: 'R4', severity: 'warning', spanned: '"emial"' });
    assert.equal(e.data?.['suggestion'], undefined);
  });

  it('R4: the first declaration of a field gives its type', () => {
    const fields = [{ name: 'score', type: 'number' }, { name: 'score', type: 'string' }];
    expectOne(action({ type: 'updateField', field: 'score', value: 'high' }, { fields }), { code: 'R4.field-value-type', rule: 'R4', severity: 'error', spanned: '"high"' });
  });

  it('R3: a built-in field is known when other fields are declared, and is still checked as a string field', () => {
    const c = filtered({ type: 'field', field: 'email', op: 'before', value: '2026-01-01' }, { fields: [{ name: 'age', type: 'number' }] });
    expectOne(c, { code: 'R3.operator-type-mismatch', rule: 'R3', severity: 'error', spanned: '"before"' });
    expectNone(c, 'R3.unknown-field');
  });

  it('R17: exactly ten names are all shown, with no "and 0 more"', () => {
    const lists = Array.from({ length: 10 }, (_, i) => ({ id: `list_${i}`, kind: 'marketing' }));
    const c = check(baseJourney({ lists, content: [{ id: 'c1', channel: 'email', status: 'ready' }] }));
    const d = expectOne(c, { code: 'R17.marketing-email-without-list', rule: 'R17', severity: 'error', spanned: '"c1"' });
    assert.ok(d.message.includes('(e.g. "list_0", "list_1", "list_2", "list_3", "list_4", "list_5", "list_6", "list_7", "list_8", "list_9"), or mark it'), d.message);
  });

  it('R3: an unknown field in a comparison is reported as unknown only, not also for its value', () => {
    const c = filtered({ type: 'field', field: 'agee', op: 'gt', value: 'old' }, { fields: [{ name: 'age', type: 'number' }] });
    expectOne(c, { code: 'R3.unknown-field', rule: 'R3', severity: 'error', spanned: '"agee"' });
    expectNone(c, 'R3.value-type-mismatch', 'R3.operator-type-mismatch');
  });

  it('declaredNames: the names of a declared kind in order, undefined for a kind the journey does not declare', () => {
    const journey = Journey.parse(baseJourney({ tags: ['VIP', 'Kunde'], fields: [{ name: 'score', type: 'number' }] }));
    assert.deepEqual(declaredNames(journey, 'tag'), ['VIP', 'Kunde']);
    assert.deepEqual(declaredNames(journey, 'field'), ['score']);
    assert.equal(declaredNames(journey, 'list'), undefined);
  });
});
