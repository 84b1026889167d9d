// R3: starting point filters, if/else conditions and exit criteria
// conditions use declared names, operators and values that fit, non-empty
// groups, and conditions that can hold together.
import assert from 'node:assert/strict';
import { baseJourney, check, codes, expectNone, expectOne, type JourneyObject } from './helpers';

const DECLARATIONS = {
  tags: ['Kunde', 'Instagram Follower'],
  fields: [
    { name: 'birthday', type: 'date' },
    { name: 'spent', type: 'number' },
    { name: 'topics', type: 'string' },
    { name: 'optIn', type: 'boolean' },
  ],
  lists: [{ id: 'news' }],
  segments: [{ id: 'top_customers' }],
  campaigns: [{ id: 'spring_sale' }],
};

/** A journey whose starting point has this filter. */
const withFilter = (filter: JourneyObject, declarations: JourneyObject = DECLARATIONS) =>
  baseJourney({ ...declarations, startingPoints: [{ id: 'start', trigger: { type: 'api' }, filter, next: 'p1' }] });

const field = (name: string, op: string, value?: unknown) => ({ type: 'field', field: name, op, ...(value === undefined ? {} : { value }) });

describe('R3 declared names in filters', () => {
  it('R3: an unknown tag is an error on the tag with the closest declared tag', () => {
    const c = check(withFilter({ type: 'hasTag', tag: 'Kunden' }));
    const d = expectOne(c, { code: 'R3.unknown-tag', rule: 'R3', severity: 'error', spanned: '"Kunden"' });
    assert.deepEqual(d.data, { kind: 'tag', name: 'Kunden', declaration: 'tags', suggestion: 'Kunde' });
    assert.deepEqual(d.path, ['startingPoints', 0, 'filter', 'tag']);
  });

  it('R3: unknown fields, lists, segments and campaigns, deep inside groups', () => {
    const c = check(
      withFilter({
        type: 'all',
        of: [
          { type: 'any', of: [field('spnt', 'gt', 100), { type: 'memberOf', list: 'newz' }] },
          { type: 'not', filter: { type: 'inSegment', segment: 'top_customer' } },
          { type: 'campaignActivity', campaign: 'spring', activity: 'opened' },
        ],
      }),
    );
    assert.deepEqual(codes(c), ['R3.unknown-field', 'R3.unknown-list', 'R3.unknown-segment', 'R3.unknown-campaign']);
    expectOne(c, { code: 'R3.unknown-field', rule: 'R3', severity: 'error', spanned: '"spnt"' });
    expectOne(c, { code: 'R3.unknown-list', rule: 'R3', severity: 'error', spanned: '"newz"' });
    const segment = expectOne(c, { code: 'R3.unknown-segment', rule: 'R3', severity: 'error', spanned: '"top_customer"' });
    assert.equal(segment.data?.['suggestion'], 'top_customers');
    assert.deepEqual(segment.path, ['startingPoints', 0, 'filter', 'of', 1, 'filter', 'segment']);
    expectOne(c, { code: 'R3.unknown-campaign', rule: 'R3', severity: 'error', spanned: '"spring"' });
  });

  it('R3: names are only checked when the journey declares that kind; contact properties are always fields', () => {
    expectNone(check(withFilter({ type: 'all', of: [{ type: 'hasTag', tag: 'x' }, { type: 'memberOf', list: 'y' }, field('z', 'exists')] }, {})));
    expectNone(check(withFilter({ type: 'all', of: [field('email', 'contains', '@example.com'), field('language', 'eq', 'de')] })));
  });

  it('R3: if/else conditions and exit criteria conditions are checked too', () => {
    const c = check(
      baseJourney({
        ...DECLARATIONS,
        settings: { exitCriteria: [{ id: 'left', when: 'condition', condition: { type: 'hasTag', tag: 'Kundee' } }] },
        points: [
          { id: 'p1', type: 'ifElse', condition: { type: 'hasTag', tag: 'Instagram' }, branches: { yes: 'p2', no: 'p2' } },
          { id: 'p2', type: 'end' },
        ],
      }),
    );
    assert.deepEqual(
      c.diagnostics.filter((d) => d.code === 'R3.unknown-tag').map((d) => d.path),
      [
        ['points', 0, 'condition', 'tag'],
        ['settings', 'exitCriteria', 0, 'condition', 'tag'],
      ],
    );
  });
});

describe('R3 operators and values', () => {
  it('R3: gt/lt on a date field is an error on the operator, suggesting after/before', () => {
    const d = expectOne(check(withFilter(field('birthday', 'gt', 20000101))), { code: 'R3.operator-type-mismatch', rule: 'R3', severity: 'error', spanned: '"gt"' });
    assert.equal(d.data?.['suggestion'], 'after');
    assert.match(d.message, /a date field allows exists, notExists, eq, neq, before, after, isToday, isAnniversary \(R3\)\. Use "after" instead\./);
  });

  it('R3: before/after on a number field, contains on a number, gt on a boolean are errors on the operator', () => {
    expectOne(check(withFilter(field('spent', 'before', '2026-01-01'))), { code: 'R3.operator-type-mismatch', rule: 'R3', severity: 'error', spanned: '"before"' });
    expectOne(check(withFilter(field('spent', 'contains', '1'))), { code: 'R3.operator-type-mismatch', rule: 'R3', severity: 'error', spanned: '"contains"' });
    expectOne(check(withFilter(field('optIn', 'gt', 0))), { code: 'R3.operator-type-mismatch', rule: 'R3', severity: 'error', spanned: '"gt"' });
    expectOne(check(withFilter(field('topics', 'isAnniversary'))), { code: 'R3.operator-type-mismatch', rule: 'R3', severity: 'error', spanned: '"isAnniversary"' });
  });

  it('R3: a value that does not fit is an error on the value', () => {
    expectOne(check(withFilter(field('spent', 'gt', 'a lot'))), { code: 'R3.value-type-mismatch', rule: 'R3', severity: 'error', spanned: '"a lot"' });
    expectOne(check(withFilter(field('spent', 'eq', true))), { code: 'R3.value-type-mismatch', rule: 'R3', severity: 'error', spanned: 'true' });
    expectOne(check(withFilter(field('optIn', 'eq', 'yes'))), { code: 'R3.value-type-mismatch', rule: 'R3', severity: 'error', spanned: '"yes"' });
    expectOne(check(withFilter(field('birthday', 'before', 2026))), { code: 'R3.value-type-mismatch', rule: 'R3', severity: 'error', spanned: '2026' });
    expectOne(check(withFilter(field('birthday', 'eq', 'tomorrow'))), { code: 'R3.value-type-mismatch', rule: 'R3', severity: 'error', spanned: '"tomorrow"' });
    // an undeclared type still needs a number for gt
    expectOne(check(withFilter(field('score', 'lte', 'high'), {})), { code: 'R3.value-type-mismatch', rule: 'R3', severity: 'error', spanned: '"high"' });
  });

  it('R3: a missing value is an error on the operator; a value given to exists is an error on the value', () => {
    expectOne(check(withFilter(field('topics', 'contains'))), { code: 'R3.missing-value', rule: 'R3', severity: 'error', spanned: '"contains"' });
    expectOne(check(withFilter(field('spent', 'eq'))), { code: 'R3.missing-value', rule: 'R3', severity: 'error', spanned: '"eq"' });
    const d = expectOne(check(withFilter(field('spent', 'exists', 100))), { code: 'R3.unexpected-value', rule: 'R3', severity: 'error', spanned: '100' });
    assert.equal(d.data?.['fix'], 'removeValue');
    expectOne(check(withFilter(field('topics', 'notExists', 'x'))), { code: 'R3.unexpected-value', rule: 'R3', severity: 'error', spanned: '"x"' });
  });

  it('R3: comparisons that fit their field raise nothing', () => {
    for (const f of [
      field('birthday', 'exists'),
      field('birthday', 'isAnniversary'),
      field('birthday', 'before'),
      field('birthday', 'after', '2000-01-01'),
      field('birthday', 'eq', '1990-05-17'),
      field('spent', 'gte', 100),
      field('spent', 'lt', '250.5'),
      field('spent', 'neq', 0),
      field('topics', 'contains', 'webinars'),
      field('topics', 'eq', 'blog'),
      field('optIn', 'eq', true),
    ]) {
      expectNone(check(withFilter(f)));
    }
    expectNone(check(withFilter(field('undeclared', 'eq', 'anything'), {})));
  });
});

describe('R3 empty groups', () => {
  it('R3: an empty any group never holds: an error on its "of"', () => {
    const c = check(withFilter({ type: 'all', of: [{ type: 'hasTag', tag: 'Kunde' }, { type: 'any', of: [] }] }));
    const d = expectOne(c, { code: 'R3.empty-any', rule: 'R3', severity: 'error', spanned: '"of"' });
    assert.deepEqual(d.path, ['startingPoints', 0, 'filter', 'of', 1, 'of']);
  });

  it('R3: an empty all group lets everyone through: a warning', () => {
    expectOne(check(withFilter({ type: 'all', of: [] })), { code: 'R3.empty-all', rule: 'R3', severity: 'warning', spanned: '"of"' });
  });

  it('R3: groups with members raise nothing', () => {
    expectNone(check(withFilter({ type: 'any', of: [{ type: 'hasTag', tag: 'Kunde' }] })));
  });
});

describe('R3 contradictions', () => {
  it('R3: has tag X and not has tag X in one all group can never hold: an error on the later one', () => {
    const c = check(withFilter({ type: 'all', of: [{ type: 'hasTag', tag: 'Kunde' }, { type: 'not', filter: { type: 'hasTag', tag: 'Kunde' } }] }));
    const d = expectOne(c, { code: 'R3.contradiction', rule: 'R3', severity: 'error', spanned: '"Kunde"' });
    assert.deepEqual(d.path, ['startingPoints', 0, 'filter', 'of', 1, 'filter', 'tag']);
    assert.match(d.message, /^The filter of starting point "start" can never hold: .* not \(has tag "Kunde"\) contradicts has tag "Kunde" .* so no contact ever enters at starting point "start"\./);
  });

  it('R3: a field equal to two different values in one all group is an error on the second value', () => {
    const c = check(withFilter({ type: 'all', of: [field('spent', 'eq', 1), { type: 'all', of: [field('spent', 'eq', 2)] }] }));
    expectOne(c, { code: 'R3.contradiction', rule: 'R3', severity: 'error', spanned: '2' });
  });

  it('R3: more contradictions: eq and neq, exists and notExists, eq and notExists, not(any), two languages, notOpened and opened', () => {
    const contradicts = (a: JourneyObject, b: JourneyObject, spannedText: string) =>
      expectOne(check(withFilter({ type: 'all', of: [a, b] })), { code: 'R3.contradiction', rule: 'R3', severity: 'error', spanned: spannedText });
    contradicts(field('topics', 'eq', 'Blog'), field('topics', 'neq', 'blog'), '"blog"');
    contradicts(field('spent', 'exists'), field('spent', 'notExists'), '"notExists"');
    contradicts(field('spent', 'eq', 5), field('spent', 'notExists'), '"notExists"');
    contradicts({ type: 'memberOf', list: 'news' }, { type: 'not', filter: { type: 'any', of: [{ type: 'memberOf', list: 'news' }, { type: 'hasTag', tag: 'Kunde' }] } }, '"news"');
    contradicts({ type: 'language', language: 'de' }, { type: 'language', language: 'en' }, '"en"');
    contradicts({ type: 'campaignActivity', campaign: 'spring_sale', activity: 'notOpened' }, { type: 'campaignActivity', campaign: 'spring_sale', activity: 'clicked' }, '"clicked"');
  });

  it('R3: a contradiction nested in an any group is located there and named as a group', () => {
    const c = check(withFilter({ type: 'any', of: [{ type: 'hasTag', tag: 'Kunde' }, { type: 'all', of: [field('spent', 'eq', 1), field('spent', 'eq', 2)] }] }));
    const d = expectOne(c, { code: 'R3.contradiction', rule: 'R3', severity: 'error', spanned: '2' });
    assert.match(d.message, /^An "all" group in the filter of starting point "start" can never hold/);
  });

  it('R3: conditions that can hold together raise nothing', () => {
    for (const of of [
      [{ type: 'hasTag', tag: 'Kunde' }, { type: 'hasTag', tag: 'Instagram Follower' }],
      [field('spent', 'eq', 1), field('spent', 'eq', '1')],
      [field('spent', 'eq', 1), field('topics', 'eq', 2)],
      [{ type: 'language', language: 'de' }, { type: 'language', language: 'de-AT' }],
      [{ type: 'hasTag', tag: 'Kunde' }, { type: 'any', of: [{ type: 'not', filter: { type: 'hasTag', tag: 'Kunde' } }, field('spent', 'gt', 1)] }],
      [{ type: 'campaignActivity', campaign: 'spring_sale', activity: 'opened' }, { type: 'campaignActivity', campaign: 'spring_sale', activity: 'clicked' }],
    ]) {
      expectNone(check(withFilter({ type: 'all', of })));
    }
  });
});
