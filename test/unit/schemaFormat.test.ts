// Specification of the journey format's filters (R3) as the schema reads
// them: every filter type is accepted with a sensible value, and a value
// too short to mean anything (an empty tag, a one-letter language, an
// e-mail of two characters) is refused at that value.
import assert from 'node:assert/strict';
import { Filter } from '../../src/core/schema';
import { validateJourneyText } from '../../src/core/validate';
import { baseJourney, type JourneyObject } from './rules/helpers';

const EVERY_FILTER: JourneyObject[] = [
  { type: 'hasTag', tag: 'VIP' },
  { type: 'field', field: 'country', op: 'eq', value: 'DE' },
  { type: 'memberOf', list: 'newsletter' },
  { type: 'inSegment', segment: 'active' },
  { type: 'language', language: 'pt-BR' },
  { type: 'campaignActivity', campaign: 'spring', activity: 'opened' },
  { type: 'emailEquals', email: 'a@b.c' },
  { type: 'nameEquals', name: 'Ann' },
];

const withCondition = (condition: JourneyObject) =>
  baseJourney({ points: [{ id: 'p1', type: 'ifElse', condition, branches: { yes: 'p2', no: 'p2' } }, { id: 'p2', type: 'end' }] });

/** The schema problems of a journey whose if/else condition is `condition`: [code, path below the condition]. */
function schemaProblems(condition: JourneyObject): [string, string][] {
  const { diagnostics } = validateJourneyText(JSON.stringify(withCondition(condition), null, 2));
  return diagnostics.filter((d) => d.rule === 'schema').map((d) => [d.code, d.path.slice(3).join('.')]);
}

describe('R3 filters in the journey format', () => {
  // One spec for all of it, first in the file: zod builds the lazy filter
  // schema once per process, on the first filter it reads (see the core-schema
  // mutation record).
  it('R3: every filter type fits with a sensible value; a value too short is refused at the value; a group without members is missing what they mean', () => {
    const condition = { type: 'all', of: [{ type: 'any', of: EVERY_FILTER.slice(0, 4) }, { type: 'not', filter: { type: 'any', of: EVERY_FILTER.slice(4) } }, ...EVERY_FILTER] };
    assert.deepEqual(schemaProblems(condition), []);
    for (const filter of EVERY_FILTER) assert.equal(Filter.safeParse(filter).success, true, JSON.stringify(filter));
    const tooShort: [JourneyObject, string][] = [
      [{ type: 'hasTag', tag: '' }, 'tag'],
      [{ type: 'field', field: '', op: 'exists' }, 'field'],
      [{ type: 'nameEquals', name: '' }, 'name'],
      [{ type: 'language', language: 'd' }, 'language'],
      [{ type: 'emailEquals', email: 'ab' }, 'email'],
    ];
    for (const [filter, at] of tooShort) assert.deepEqual(schemaProblems(filter), [['schema.too-small', at]], JSON.stringify(filter));
    const messages = (type: string) => validateJourneyText(JSON.stringify(withCondition({ type }))).diagnostics.map((d) => d.message);
    assert.deepEqual(messages('all'), ['Missing property "of" in points[0].condition: Every filter must hold.']);
    assert.deepEqual(messages('any'), ['Missing property "of" in points[0].condition: At least one filter must hold.']);
    assert.deepEqual(messages('language'), ['Missing property "language" in points[0].condition: Language code, e.g. de, en, pt-BR.']);
    assert.deepEqual(schemaProblems({ type: 'not' }), [['schema.missing-property', 'filter']]);
  });

  it('R3: one-character values fit where one character can mean something (tag, field, name)', () => {
    for (const filter of [{ type: 'hasTag', tag: 'A' }, { type: 'field', field: 'x', op: 'exists' }, { type: 'nameEquals', name: 'N' }, { type: 'language', language: 'pt-BR' }, { type: 'emailEquals', email: 'a@bc.de' }]) {
      assert.deepEqual(schemaProblems(filter), [], JSON.stringify(filter));
    }
  });
});
