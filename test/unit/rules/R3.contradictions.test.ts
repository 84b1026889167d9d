// R3: an `all` group whose conditions can never hold together is an error
// on the later condition, naming both conditions and why they conflict; each
// kind of predicate (tag, list, segment, campaign activity, language, email,
// name, field comparisons) has its own way to conflict, and conditions that
// can hold together are not reported. Also: the other defects of field
// comparisons (value that does not fit the operator or the field type).
import assert from 'node:assert/strict';
import { baseJourney, check, expectNone, expectOne, type JourneyObject, spanned } from './helpers';

const NUMBER_FIELDS = { fields: [{ name: 'age', type: 'number' }, { name: 'city', type: 'string' }, { name: 'vip', type: 'boolean' }, { name: 'since', type: 'date' }] };

/** A journey whose only starting point ("start") has this filter. */
const withFilter = (filter: JourneyObject, declarations: JourneyObject = {}) =>
  baseJourney({ ...declarations, startingPoints: [{ id: 'start', trigger: { type: 'api' }, filter, next: 'p1' }] });
const all = (...of: JourneyObject[]): JourneyObject => ({ type: 'all', of });
const any = (...of: JourneyObject[]): JourneyObject => ({ type: 'any', of });
const not = (filter: JourneyObject): JourneyObject => ({ type: 'not', filter });
const tag = (t: string) => ({ type: 'hasTag', tag: t });
const field = (name: string, op: string, value?: unknown) => ({ type: 'field', field: name, op, ...(value === undefined ? {} : { value }) });

const contradictions = (c: ReturnType<typeof check>) => c.diagnostics.filter((d) => d.code === 'R3.contradiction');

/** Exactly one contradiction, on the text `at`, whose message says that `later` contradicts `earlier` because `why`. */
function expectContradiction(filter: JourneyObject, at: string, later: string, earlier: string, why: string, declarations: JourneyObject = {}) {
  const c = check(withFilter(filter, declarations));
  const d = expectOne(c, { code: 'R3.contradiction', rule: 'R3', severity: 'error', spanned: at });
  assert.ok(d.message.includes(`but ${later} contradicts ${earlier} (${why})`), d.message);
  return d;
}

function expectNoContradiction(filter: JourneyObject, declarations: JourneyObject = {}) {
  expectNone(check(withFilter(filter, declarations)), 'R3.contradiction');
}

describe('R3 contradictions in an all group, by kind of condition', () => {
  it('R3: a tag required and ruled out', () => {
    const d = expectContradiction(all(tag('VIP'), not(tag('VIP'))), '"VIP"', 'not (has tag "VIP")', 'has tag "VIP"', 'one requires what the other rules out');
    assert.deepEqual(d.path, ['startingPoints', 0, 'filter', 'of', 1, 'filter', 'tag']);
    assert.deepEqual(d.data, { conflictsWith: ['startingPoints', 0, 'filter', 'of', 0] });
    assert.match(d.message, /^The filter of starting point "start" can never hold: .*so no contact ever enters at starting point "start"\. Remove one of the two conditions, or put them in an "any" group\.$/);
  });

  it('R3: a list membership, a segment and a campaign activity required and ruled out', () => {
    expectContradiction(all({ type: 'memberOf', list: 'news' }, not({ type: 'memberOf', list: 'news' })), '"news"', 'not (member of list "news")', 'member of list "news"', 'one requires what the other rules out');
    expectContradiction(all(not({ type: 'inSegment', segment: 'top' }), { type: 'inSegment', segment: 'top' }), '"top"', 'in segment "top"', 'not (in segment "top")', 'one requires what the other rules out');
    expectContradiction(
      all({ type: 'campaignActivity', campaign: 'spring', activity: 'clicked' }, not({ type: 'campaignActivity', campaign: 'spring', activity: 'clicked' })),
      '"clicked"',
      'not (clicked campaign "spring")',
      'clicked campaign "spring"',
      'one requires what the other rules out',
    );
    expectNoContradiction(all({ type: 'memberOf', list: 'news' }, not({ type: 'memberOf', list: 'offers' })));
    expectNoContradiction(all({ type: 'inSegment', segment: 'top' }, not({ type: 'inSegment', segment: 'new' })));
    expectNoContradiction(all({ type: 'campaignActivity', campaign: 'spring', activity: 'clicked' }, not({ type: 'campaignActivity', campaign: 'spring', activity: 'opened' })));
    expectNoContradiction(all(tag('VIP'), not(tag('Churned'))));
  });

  it('R3: "notOpened" a campaign contradicts opening or clicking the same campaign, not another one', () => {
    const camp = (campaign: string, activity: string) => ({ type: 'campaignActivity', campaign, activity });
    expectContradiction(all(camp('spring', 'opened'), camp('spring', 'notOpened')), '"notOpened"', 'notOpened campaign "spring"', 'opened campaign "spring"', '"notOpened" means neither opened nor clicked campaign "spring"');
    expectContradiction(all(camp('spring', 'notOpened'), camp('spring', 'clicked')), '"clicked"', 'clicked campaign "spring"', 'notOpened campaign "spring"', '"notOpened" means neither opened nor clicked campaign "spring"');
    expectNoContradiction(all(camp('spring', 'opened'), camp('summer', 'notOpened')));
    expectNoContradiction(all(camp('spring', 'notOpened'), camp('summer', 'clicked')));
    expectNoContradiction(all(camp('spring', 'opened'), camp('spring', 'clicked')));
    expectNoContradiction(all(camp('spring', 'notOpened'), camp('spring', 'notOpened')));
    // Ruled out, "notOpened" says nothing about the other activities.
    expectNoContradiction(all(not(camp('spring', 'notOpened')), camp('spring', 'opened')));
    expectNoContradiction(all(camp('spring', 'notOpened'), not(camp('spring', 'opened'))));
  });

  it('R3: a contact has one language; a language and its regional variants (de, de-AT, de_CH, DE) can hold together', () => {
    const lang = (language: string) => ({ type: 'language', language });
    expectContradiction(all(lang('de'), lang('fr')), '"fr"', 'language "fr"', 'language "de"', 'a contact has one language');
    expectContradiction(all(lang('de'), lang('deu')), '"deu"', 'language "deu"', 'language "de"', 'a contact has one language');
    expectContradiction(all(lang('pt-BR'), lang('pt-PT')), '"pt-PT"', 'language "pt-PT"', 'language "pt-BR"', 'a contact has one language');
    expectContradiction(all(lang('DE'), not(lang('de'))), '"de"', 'not (language "de")', 'language "DE"', 'one requires what the other rules out');
    expectNoContradiction(all(lang('de'), lang('de-AT')));
    expectNoContradiction(all(lang('de_CH'), lang('de')));
    expectNoContradiction(all(lang('DE'), lang('de')));
    expectNoContradiction(all(lang('de-AT'), lang('DE-at')));
    expectNoContradiction(all(not(lang('de')), lang('fr')));
    expectNoContradiction(all(lang('de'), not(lang('fr'))));
  });

  it('R3: languages are compared in lower case, as contacts are matched (ß is not ss): every later language that differs from an earlier one is reported', () => {
    const lang = (language: string) => ({ type: 'language', language });
    // A contact whose language is "ßx" has that language and not "ssx" (the lower case of "SSX").
    expectNoContradiction(all(lang('ßx'), not(lang('SSX'))));
    const found = contradictions(check(withFilter(all(lang('ßx'), lang('SSX'), lang('ßx')))));
    assert.deepEqual(
      found.map((d) => d.data),
      [{ conflictsWith: ['startingPoints', 0, 'filter', 'of', 0] }, { conflictsWith: ['startingPoints', 0, 'filter', 'of', 1] }],
    );
  });

  it('R3: a contact has one email address and one name (compared without case and surrounding spaces)', () => {
    const email = (e: string) => ({ type: 'emailEquals', email: e });
    const name = (n: string) => ({ type: 'nameEquals', name: n });
    expectContradiction(all(email('ana@example.com'), email('bo@example.com')), '"bo@example.com"', 'email "bo@example.com"', 'email "ana@example.com"', 'a contact has one email address');
    expectContradiction(all(name('Ana'), name('Bo')), '"Bo"', 'name "Bo"', 'name "Ana"', 'a contact has one name');
    expectContradiction(all(email('ana@example.com'), not(email(' ANA@example.com '))), '" ANA@example.com "', 'not (email " ANA@example.com ")', 'email "ana@example.com"', 'one requires what the other rules out');
    expectContradiction(all(name('Ana'), not(name(' ana '))), '" ana "', 'not (name " ana ")', 'name "Ana"', 'one requires what the other rules out');
    expectNoContradiction(all(email('ana@example.com'), email(' ANA@Example.com ')));
    expectNoContradiction(all(name('Ana'), name(' ANA ')));
    expectNoContradiction(all(email('ana@example.com'), not(email('bo@example.com'))));
    expectNoContradiction(all(not(name('Ana')), name('Bo')));
    // An email and a name never conflict with each other.
    expectNoContradiction(all(email('ana@example.com'), name('Bo')));
    expectNoContradiction(all(name('Bo'), email('ana@example.com')));
  });

  it('R3: the later of several different email addresses or names is reported against the earliest different one', () => {
    const email = (e: string) => ({ type: 'emailEquals', email: e });
    const c = check(withFilter(all(email('a@x.io'), email('A@x.io'), email('b@x.io'), email('c@x.io'))));
    assert.deepEqual(
      contradictions(c).map((d) => [spanned(c.text, d), d.data?.['conflictsWith']]),
      [
        ['"b@x.io"', ['startingPoints', 0, 'filter', 'of', 0]],
        ['"c@x.io"', ['startingPoints', 0, 'filter', 'of', 0]],
      ],
    );
    const name = (n: string) => ({ type: 'nameEquals', name: n });
    const n = check(withFilter(all(name('Ana'), name('Bo'), name('Ana'))));
    assert.deepEqual(
      contradictions(n).map((d) => [spanned(n.text, d), d.data?.['conflictsWith']]),
      [
        ['"Bo"', ['startingPoints', 0, 'filter', 'of', 0]],
        ['"Ana"', ['startingPoints', 0, 'filter', 'of', 1]],
      ],
    );
  });

  it('R3: a field cannot equal two different values; the same value in other spellings (case, 5 and "5") is no conflict', () => {
    const d = expectContradiction(all(field('city', 'eq', 'Paris'), field('city', 'eq', 'Rome')), '"Rome"', 'field "city" eq "Rome"', 'field "city" eq "Paris"', 'field "city" cannot equal two different values', NUMBER_FIELDS);
    assert.deepEqual(d.path, ['startingPoints', 0, 'filter', 'of', 1, 'value']);
    expectContradiction(all(field('age', 'eq', 30), not(field('age', 'neq', 31))), '31', 'not (field "age" neq 31)', 'field "age" eq 30', 'field "age" cannot equal two different values', NUMBER_FIELDS);
    expectContradiction(all(field('city', 'eq', 'Paris'), field('city', 'neq', 'paris')), '"paris"', 'field "city" neq "paris"', 'field "city" eq "Paris"', 'one requires what the other rules out', NUMBER_FIELDS);
    expectNoContradiction(all(field('city', 'eq', 'Paris'), field('city', 'eq', 'PARIS')), NUMBER_FIELDS);
    expectNoContradiction(all(field('age', 'eq', 5), field('age', 'eq', '5')), NUMBER_FIELDS);
    expectNoContradiction(all(field('age', 'eq', 5), field('age', 'eq', '5.0')), NUMBER_FIELDS);
    expectNoContradiction(all(field('city', 'eq', 'Paris'), field('topic', 'eq', 'Rome')), NUMBER_FIELDS);
    expectNoContradiction(all(field('city', 'eq', 'Paris'), field('city', 'neq', 'Rome')), NUMBER_FIELDS);
    expectNoContradiction(all(field('city', 'neq', 'Paris'), field('city', 'neq', 'Rome')), NUMBER_FIELDS);
    // German sharp s: "Straße" and "strasse" are different values (lower case keeps ß).
    expectContradiction(all(field('city', 'eq', 'Straße'), field('city', 'eq', 'STRASSE')), '"STRASSE"', 'field "city" eq "STRASSE"', 'field "city" eq "Straße"', 'field "city" cannot equal two different values', NUMBER_FIELDS);
  });

  it('R3: a field cannot both be empty and equal a value, in either order; existence required and ruled out conflicts', () => {
    expectContradiction(all(field('city', 'eq', 'Paris'), field('city', 'notExists')), '"notExists"', 'field "city" notExists', 'field "city" eq "Paris"', 'field "city" cannot both be empty and equal a value', NUMBER_FIELDS);
    expectContradiction(all(field('city', 'notExists'), field('city', 'eq', 'Paris')), '"Paris"', 'field "city" eq "Paris"', 'field "city" notExists', 'field "city" cannot both be empty and equal a value', NUMBER_FIELDS);
    expectContradiction(all(not(field('city', 'exists')), field('city', 'eq', 'Paris')), '"Paris"', 'field "city" eq "Paris"', 'not (field "city" exists)', 'field "city" cannot both be empty and equal a value', NUMBER_FIELDS);
    expectContradiction(all(field('city', 'exists'), field('city', 'notExists')), '"notExists"', 'field "city" notExists', 'field "city" exists', 'one requires what the other rules out', NUMBER_FIELDS);
    expectNoContradiction(all(field('city', 'eq', 'Paris'), field('age', 'notExists')), NUMBER_FIELDS);
    expectNoContradiction(all(field('age', 'notExists'), field('city', 'eq', 'Paris')), NUMBER_FIELDS);
    expectNoContradiction(all(field('city', 'eq', 'Paris'), field('city', 'exists')), NUMBER_FIELDS);
    expectNoContradiction(all(field('city', 'exists'), field('city', 'eq', 'Paris')), NUMBER_FIELDS);
    expectNoContradiction(all(field('city', 'neq', 'Paris'), field('city', 'notExists')), NUMBER_FIELDS);
    expectNoContradiction(all(field('city', 'notExists'), field('city', 'neq', 'Paris')), NUMBER_FIELDS);
    expectNoContradiction(all(field('city', 'notExists'), field('city', 'notExists')), NUMBER_FIELDS);
  });

  it('R3: other comparisons conflict only with their own negation (no reasoning over ranges)', () => {
    expectContradiction(all(field('age', 'gt', 5), not(field('age', 'gt', '5'))), '"5"', 'not (field "age" gt "5")', 'field "age" gt 5', 'one requires what the other rules out', NUMBER_FIELDS);
    expectContradiction(all(field('since', 'isToday'), not(field('since', 'isToday'))), '"isToday"', 'not (field "since" isToday)', 'field "since" isToday', 'one requires what the other rules out', NUMBER_FIELDS);
    expectNoContradiction(all(field('age', 'gt', 5), not(field('age', 'gt', 6))), NUMBER_FIELDS);
    expectNoContradiction(all(field('age', 'gt', 5), not(field('age', 'lt', 5))), NUMBER_FIELDS);
    expectNoContradiction(all(field('since', 'isToday'), not(field('since', 'isAnniversary'))), NUMBER_FIELDS);
    // not(age > 5) and age = 3 hold together for a contact aged 3.
    expectNoContradiction(all(not(field('age', 'gt', 5)), field('age', 'eq', 3)), NUMBER_FIELDS);
    expectNoContradiction(all(field('age', 'eq', 3), not(field('age', 'gt', 5))), NUMBER_FIELDS);
    expectNoContradiction(all(field('age', 'gt', 5), field('age', 'eq', 7)), NUMBER_FIELDS);
    expectNoContradiction(all(field('age', 'lt', 5), field('age', 'lte', 5)), NUMBER_FIELDS);
    expectNoContradiction(all(field('age', 'lt', 5), field('age', 'lt', 6)), NUMBER_FIELDS);
  });
});

describe('R3 contradictions: which conditions an all group requires', () => {
  it('R3: nested all groups and double negations are flattened into the outer group, which reports once', () => {
    const c = check(withFilter(all(all(tag('A'), tag('B')), not(not(not(tag('A')))))));
    const found = contradictions(c);
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.match(found[0]!.message, /^The filter of starting point "start" can never hold: .* but not \(has tag "A"\) contradicts has tag "A"/);
    assert.deepEqual(found[0]!.data, { conflictsWith: ['startingPoints', 0, 'filter', 'of', 0, 'of', 0] });
  });

  it('R3: not(any[a, b]) requires not a and not b; a one-member any is its member', () => {
    expectContradiction(all(tag('A'), not(any(tag('B'), tag('A')))), '"A"', 'not (has tag "A")', 'has tag "A"', 'one requires what the other rules out');
    const d = expectContradiction(all(any(tag('A')), not(tag('A'))), '"A"', 'not (has tag "A")', 'has tag "A"', 'one requires what the other rules out');
    assert.deepEqual(d.data, { conflictsWith: ['startingPoints', 0, 'filter', 'of', 0, 'of', 0] });
    const c = check(withFilter(all(not(tag('A')), any(tag('A')))));
    assert.deepEqual(contradictions(c).map((x) => x.path), [['startingPoints', 0, 'filter', 'of', 1, 'of', 0, 'tag']]);
  });

  it('R3: a positive any of several alternatives is not required as a whole, so it does not conflict', () => {
    expectNoContradiction(all(tag('A'), any(not(tag('A')), tag('B'))));
    expectNoContradiction(all(any(tag('A'), tag('B')), not(tag('A'))));
    // A not(all) inside an all group requires nothing of its members.
    expectNoContradiction(all(tag('A'), not(all(tag('A'), tag('B')))));
  });

  it('R3: an all group under a "not" is not reported (not(a and not a) always holds)', () => {
    expectNoContradiction(not(all(tag('A'), not(tag('A')))));
    expectNoContradiction(not(any(tag('B'), all(tag('A'), not(tag('A'))))));
  });

  it('R3: an all group inside an any of several alternatives is reported as a group that never lets a contact through', () => {
    const c = check(withFilter(any(all(tag('A'), not(tag('A'))), tag('B'))));
    const d = expectOne(c, { code: 'R3.contradiction', rule: 'R3', severity: 'error', spanned: '"A"' });
    assert.match(d.message, /^An "all" group in the filter of starting point "start" can never hold: .*, so the group never lets a contact through\. /);
    assert.deepEqual(d.path, ['startingPoints', 0, 'filter', 'of', 0, 'of', 1, 'filter', 'tag']);
  });

  it('R3: an all group inside an all group inside an any is reported once, by the outer of the two', () => {
    const c = check(withFilter(any(all(tag('A'), all(not(tag('A')), tag('C'))), tag('B'))));
    const found = contradictions(c);
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.match(found[0]!.message, /^An "all" group in/);
  });

  it('R3: each condition is reported against the earliest one it contradicts', () => {
    const c = check(withFilter(all(field('city', 'eq', 'Paris'), field('city', 'eq', 'Paris'), field('city', 'eq', 'Rome'), field('city', 'eq', 'Berlin')), NUMBER_FIELDS));
    assert.deepEqual(
      contradictions(c).map((d) => [spanned(c.text, d), d.data?.['conflictsWith']]),
      [
        ['"Rome"', ['startingPoints', 0, 'filter', 'of', 0]],
        ['"Berlin"', ['startingPoints', 0, 'filter', 'of', 0]],
      ],
    );
    const m = check(withFilter(all(field('city', 'eq', 'Rome'), field('city', 'notExists'), field('city', 'notExists'), field('city', 'eq', 'Paris')), NUMBER_FIELDS));
    assert.deepEqual(
      contradictions(m).map((d) => [spanned(m.text, d), d.data?.['conflictsWith']]),
      [
        ['"notExists"', ['startingPoints', 0, 'filter', 'of', 0]],
        ['"notExists"', ['startingPoints', 0, 'filter', 'of', 0]],
        ['"Paris"', ['startingPoints', 0, 'filter', 'of', 0]],
      ],
    );
    const t = check(withFilter(all(tag('A'), tag('A'), not(tag('A')), not(tag('A')))));
    assert.deepEqual(
      contradictions(t).map((d) => d.data?.['conflictsWith']),
      [
        ['startingPoints', 0, 'filter', 'of', 0],
        ['startingPoints', 0, 'filter', 'of', 0],
      ],
    );
    const camp = (activity: string) => ({ type: 'campaignActivity', campaign: 'spring', activity });
    const k = check(withFilter(all(camp('notOpened'), camp('notOpened'), camp('opened'), camp('clicked'))));
    assert.deepEqual(
      contradictions(k).map((d) => d.data?.['conflictsWith']),
      [
        ['startingPoints', 0, 'filter', 'of', 0],
        ['startingPoints', 0, 'filter', 'of', 0],
      ],
    );
    const l = check(withFilter(all(camp('opened'), camp('clicked'), camp('notOpened'))));
    assert.deepEqual(contradictions(l).map((d) => d.data?.['conflictsWith']), [['startingPoints', 0, 'filter', 'of', 0]]);
    const g = check(withFilter(all({ type: 'language', language: 'de' }, { type: 'language', language: 'DE' }, { type: 'language', language: 'fr' })));
    assert.deepEqual(contradictions(g).map((d) => d.data?.['conflictsWith']), [['startingPoints', 0, 'filter', 'of', 0]]);
  });

  it('R3: a contradiction in an if/else condition or an exit criterion says what never happens there', () => {
    const ifElse = check(
      baseJourney({
        startingPoints: [{ id: 'start', trigger: { type: 'api' }, next: 'p_if' }],
        points: [
          { id: 'p_if', type: 'ifElse', condition: all(tag('A'), not(tag('A'))), branches: { yes: 'p1', no: 'p1' } },
          { id: 'p1', type: 'end' },
        ],
      }),
    );
    const d = expectOne(ifElse, { code: 'R3.contradiction', rule: 'R3', severity: 'error', spanned: '"A"' });
    assert.match(d.message, /^The condition of "p_if" can never hold: .*so no contact ever takes the yes branch of "p_if"\./);
    const exit = check(baseJourney({ settings: { exitCriteria: [{ id: 'bought', when: 'condition', condition: all(tag('A'), not(tag('A'))) }] } }));
    const e = expectOne(exit, { code: 'R3.contradiction', rule: 'R3', severity: 'error', spanned: '"A"' });
    assert.match(e.message, /^Exit criterion "bought" can never hold: .*so no contact ever leaves by exit criterion "bought"\./);
  });
});

describe('R3 field comparisons whose value does not fit', () => {
  const mismatch = (filter: JourneyObject, at: string, declarations: JourneyObject = NUMBER_FIELDS) => {
    const c = check(withFilter(filter, declarations));
    return expectOne(c, { code: 'R3.value-type-mismatch', rule: 'R3', severity: 'error', spanned: at });
  };
  const fits = (filter: JourneyObject, declarations: JourneyObject = NUMBER_FIELDS) => expectNone(check(withFilter(filter, declarations)), 'R3.value-type-mismatch', 'R3.operator-type-mismatch');

  it('R3: "before" and "after" need a date; the message names the field type when it is known', () => {
    const d = mismatch(field('since', 'before', 20260131), '20260131');
    assert.match(d.message, /^The value 20260131 cannot be compared with "before" on field "since" \(a date field\): the comparison needs a date such as "2026-01-31" \(R3\)/);
    assert.deepEqual(d.data, { op: 'before', field: 'since', expected: 'a date such as "2026-01-31"', fieldType: 'date' });
    mismatch(field('since', 'after', '31/01/2026'), '"31/01/2026"');
    fits(field('since', 'after', '2026-01-31'));
    fits(field('since', 'after', '2026-01-31T10:00'));
    // An undeclared field has no known type: the message does not invent one.
    const u = mismatch(field('seen', 'after', 'yesterday'), '"yesterday"', {});
    assert.match(u.message, /^The value "yesterday" cannot be compared with "after" on field "seen": the comparison needs a date/);
    assert.deepEqual(u.data, { op: 'after', field: 'seen', expected: 'a date such as "2026-01-31"' });
  });

  it('R3: gt, gte, lt and lte need a number (a numeric string counts, a blank one does not)', () => {
    const d = mismatch(field('age', 'gt', 'old'), '"old"');
    assert.match(d.message, /needs a number \(R3\)/);
    mismatch(field('age', 'lte', '  '), '"  "');
    fits(field('age', 'gte', '18'));
    fits(field('age', 'lt', 18.5));
  });

  it('R3: "contains" needs text or a number, never true or false', () => {
    const d = mismatch(field('city', 'contains', true), 'true');
    assert.match(d.message, /needs text \(R3\)/);
    fits(field('city', 'contains', 'ari'));
    fits(field('city', 'contains', 75));
  });

  it('R3: eq and neq take a value the field can hold', () => {
    assert.match(mismatch(field('age', 'eq', 'thirty'), '"thirty"').message, /on field "age" \(a number field\): the comparison needs a number \(R3\)/);
    mismatch(field('age', 'neq', ' '), '" "');
    assert.match(mismatch(field('vip', 'eq', 'yes'), '"yes"').message, /needs true or false \(R3\)/);
    assert.match(mismatch(field('since', 'neq', 20260131), '20260131').message, /needs a date such as "2026-01-31" \(R3\)/);
    mismatch(field('since', 'eq', 'Jan 31'), '"Jan 31"');
    fits(field('age', 'eq', '30'));
    fits(field('vip', 'eq', false));
    fits(field('since', 'eq', '2026-01-31'));
    fits(field('city', 'eq', 30));
    fits(field('seen', 'eq', true), {});
  });

  it('R3: an operator the field type does not allow, with no operator of the same meaning, asks to choose one', () => {
    const c = check(withFilter(field('vip', 'gt', 1), NUMBER_FIELDS));
    const d = expectOne(c, { code: 'R3.operator-type-mismatch', rule: 'R3', severity: 'error', spanned: '"gt"' });
    assert.match(d.message, /a boolean field allows exists, notExists, eq, neq \(R3\)\. Choose one of those operators\.$/);
    assert.equal(d.data?.['suggestion'], undefined);
    expectNone(c, 'R3.value-type-mismatch');
  });

  it('R3: a comparison without a value says which operator and field; the data names them', () => {
    const d = expectOne(check(withFilter(field('age', 'gt'), NUMBER_FIELDS)), { code: 'R3.missing-value', rule: 'R3', severity: 'error', spanned: '"gt"' });
    assert.deepEqual(d.data, { op: 'gt', field: 'age' });
  });

  it('R3: an empty group names its kind in the data', () => {
    const d = expectOne(check(withFilter(any())), { code: 'R3.empty-any', rule: 'R3', severity: 'error', spanned: '"of"' });
    assert.deepEqual(d.data, { group: 'any' });
  });

  it('R3: language, email and name conditions need no declaration and raise nothing alone', () => {
    expectNone(check(withFilter(all({ type: 'language', language: 'de' }, { type: 'emailEquals', email: 'a@x.io' }, { type: 'nameEquals', name: 'Ana' }), { tags: [], fields: [], lists: [] })));
  });
});

describe('R3 contradictions: the earliest condition truly contradicted, never a mere neighbour', () => {
  const at = (c: ReturnType<typeof check>) => contradictions(c).map((d) => [d.path.slice(4, 5)[0], (d.data?.['conflictsWith'] as unknown[])[4]]);
  const email = (e: string) => ({ type: 'emailEquals', email: e });
  const name = (n: string) => ({ type: 'nameEquals', name: n });
  const camp = (activity: string) => ({ type: 'campaignActivity', campaign: 'spring', activity });

  it('R3: an earlier condition on the same field that does not conflict does not hide the one that does', () => {
    // Each group: the last condition contradicts the one before it only.
    assert.deepEqual(at(check(withFilter(all(field('age', 'notExists'), not(field('age', 'gt', 5)), field('age', 'gt', 5)), NUMBER_FIELDS))), [[2, 1]]);
    assert.deepEqual(at(check(withFilter(all(field('age', 'eq', 7), not(field('age', 'gt', 5)), field('age', 'gt', 5)), NUMBER_FIELDS))), [[2, 1]]);
    assert.deepEqual(at(check(withFilter(all(field('age', 'gt', 5), field('age', 'eq', 6), field('age', 'eq', 7)), NUMBER_FIELDS))), [[2, 1]]);
    // A ruled-out comparison is neither an empty field nor an equality.
    assert.deepEqual(at(check(withFilter(all(not(field('age', 'gt', 5)), field('age', 'eq', 4), field('age', 'eq', 3)), NUMBER_FIELDS))), [[2, 1]]);
    assert.deepEqual(at(check(withFilter(all(field('city', 'eq', 'Paris'), field('city', 'eq', 'Rome'), field('city', 'neq', 'Rome')), NUMBER_FIELDS))), [
      [1, 0],
      [2, 1],
    ]);
  });

  it('R3: earlier conditions of another kind do not hide a contradiction (email, name, tag, campaign)', () => {
    assert.deepEqual(at(check(withFilter(all(email('a@x.io'), not(tag('A')), tag('A'))))), [[2, 1]]);
    assert.deepEqual(at(check(withFilter(all(name('Ana'), not(tag('A')), tag('A'))))), [[2, 1]]);
    assert.deepEqual(at(check(withFilter(all(tag('A'), email('a@x.io'), email('b@x.io'))))), [[2, 1]]);
    assert.deepEqual(at(check(withFilter(all(tag('A'), name('Ana'), name('Bo'))))), [[2, 1]]);
    assert.deepEqual(at(check(withFilter(all(camp('notOpened'), camp('opened'), not(camp('opened')))))), [
      [1, 0],
      [2, 1],
    ]);
    // A ruled-out email says nothing about which address the contact has.
    assert.deepEqual(at(check(withFilter(all(not(email('a@x.io')), email('c@x.io'), email('b@x.io'))))), [[2, 1]]);
  });

  it('R3: of two earlier conditions a later one contradicts, the earlier is named', () => {
    const c = check(withFilter(all(field('city', 'eq', 'Paris'), field('city', 'neq', 'Rome'), field('city', 'eq', 'Rome')), NUMBER_FIELDS));
    assert.deepEqual(at(c), [[2, 0]]);
    assert.match(contradictions(c)[0]!.message, /\(field "city" cannot equal two different values\)/);
    assert.deepEqual(at(check(withFilter(all(field('city', 'eq', 'Paris'), field('city', 'eq', 'Paris'), field('city', 'notExists')), NUMBER_FIELDS))), [[2, 0]]);
  });

  it('R3: repeated addresses and names are each compared with the first different one', () => {
    assert.deepEqual(at(check(withFilter(all(email('a@x.io'), email('b@x.io'), email('c@x.io'), email('a@x.io'))))), [
      [1, 0],
      [2, 0],
      [3, 1],
    ]);
    assert.deepEqual(at(check(withFilter(all(name('Ana'), name('Ana'), name('Bo'), name('Ana'))))), [
      [2, 0],
      [3, 2],
    ]);
    assert.deepEqual(at(check(withFilter(all(name('Ana'), name('Bo'), name('Ana'), name('Ana'))))), [
      [1, 0],
      [2, 1],
      [3, 1],
    ]);
  });

  it('R3: an email address or name differing only in ß and SS is another one', () => {
    expectContradiction(all(name('Straße'), name('STRASSE')), '"STRASSE"', 'name "STRASSE"', 'name "Straße"', 'a contact has one name');
    expectContradiction(all(email('straße@x.de'), email('STRASSE@x.de')), '"STRASSE@x.de"', 'email "STRASSE@x.de"', 'email "straße@x.de"', 'a contact has one email address');
  });

  it('R3: an all group inside an any of alternatives inside an all group is checked on its own, once', () => {
    const c = check(withFilter(all(tag('X'), any(all(tag('A'), not(tag('A'))), tag('B')))));
    const found = contradictions(c);
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.match(found[0]!.message, /^An "all" group in the filter of starting point "start" can never hold/);
    assert.deepEqual(found[0]!.path, ['startingPoints', 0, 'filter', 'of', 1, 'of', 0, 'of', 1, 'filter', 'tag']);
  });

  it('R3: groups the outer all group already requires (a one-member any, a double negation) are reported once, by it', () => {
    assert.equal(contradictions(check(withFilter(all(tag('X'), any(all(tag('A'), not(tag('A')))))))).length, 1);
    const c = check(withFilter(all(tag('X'), not(not(all(tag('A'), not(tag('A'))))))));
    assert.equal(contradictions(c).length, 1);
    assert.match(contradictions(c)[0]!.message, /^The filter of starting point "start" can never hold/);
  });

  it('R3: a doubly negated all group is required as it stands', () => {
    const c = check(withFilter(not(not(all(tag('A'), not(tag('A')))))));
    assert.deepEqual(contradictions(c).map((d) => d.path), [['startingPoints', 0, 'filter', 'filter', 'filter', 'of', 1, 'filter', 'tag']]);
  });

  it('R3: a negated all group inside an all group requires none of its members', () => {
    expectNoContradiction(all(tag('A'), not(all(not(tag('A')), tag('B')))));
  });

  it('R3: a comparison without a value is reported as such, not as a contradiction', () => {
    const c = check(withFilter(all(field('city', 'eq'), field('city', 'notExists')), NUMBER_FIELDS));
    expectOne(c, { code: 'R3.missing-value', rule: 'R3', severity: 'error', spanned: '"eq"' });
    expectNone(c, 'R3.contradiction');
  });
});
