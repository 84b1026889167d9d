// R3 at any size: a filter nested absurdly deep is refused with a located
// error before anything recursive reads it, and the contradiction check of
// an "all" group is one pass whatever the number of its conditions.
import assert from 'node:assert/strict';
import { MAX_FILTER_DEPTH, validateJourneyText } from '../../../src/core/validate';
import { baseJourney, check, expectOne, type JourneyObject, NOW, spanned } from './helpers';

/** `levels` filters inside one another, as JSON text (JSON.stringify itself recurses): all[not(all[not(... hasTag)])]. */
function nestedText(levels: number): string {
  const open: string[] = [];
  const close: string[] = [];
  for (let k = levels - 1; k >= 1; k--) {
    open.push(k % 2 === 1 ? '{"type":"all","of":[' : '{"type":"not","filter":');
    close.push(k % 2 === 1 ? ']}' : '}');
  }
  return open.join('') + '{"type":"hasTag","tag":"x"}' + close.reverse().join('');
}

/** A journey whose if/else condition is the filter text given. */
const withConditionText = (condition: string) =>
  JSON.stringify(baseJourney({ points: [{ id: 'p1', type: 'ifElse', condition: '@', branches: { yes: 'p2', no: 'p2' } }, { id: 'p2', type: 'end' }] })).replace('"@"', condition);

describe('R3 filters nested deep', () => {
  for (const levels of [MAX_FILTER_DEPTH + 1, 10_000, 100_000]) {
    it(`R3: a condition ${levels.toLocaleString('en')} filters deep is refused with one located error at the first filter past ${MAX_FILTER_DEPTH} levels`, () => {
      const text = withConditionText(nestedText(levels));
      const { diagnostics, journey } = validateJourneyText(text, { now: NOW });
      assert.equal(journey, undefined);
      assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
      const d = diagnostics[0]!;
      assert.equal(d.code, 'schema.filter-too-deep');
      assert.equal(d.severity, 'error');
      assert.match(d.message, /nested more than 64 levels deep .* Flatten it/);
      // The path leads through MAX_FILTER_DEPTH filters to the first one too deep.
      assert.deepEqual(d.path.slice(0, 3), ['points', 0, 'condition']);
      const steps = d.path.slice(3).filter((s) => s === 'of' || s === 'filter').length;
      assert.equal(steps, MAX_FILTER_DEPTH);
      assert.ok(['{', '"filter"'].includes(spanned(text, d)), spanned(text, d));
    });
  }

  it(`R3: a filter ${MAX_FILTER_DEPTH} levels deep is read and checked like any other`, () => {
    const { diagnostics, journey } = validateJourneyText(withConditionText(nestedText(MAX_FILTER_DEPTH)), { now: NOW });
    assert.ok(journey);
    assert.deepEqual(diagnostics, []);
  });
});

describe('R3 large all groups', () => {
  it('R3: an all group of 20,000 different tags and a final "not" of the first is one contradiction, found in one pass', function () {
    this.timeout(10_000); // one pass: a fraction of a second; pair by pair it took 20 s
    const of: JourneyObject[] = [];
    for (let i = 0; i < 20_000; i++) of.push({ type: 'hasTag', tag: `t${i}` });
    of.push({ type: 'not', filter: { type: 'hasTag', tag: 't0' } });
    const c = check(baseJourney({ points: [{ id: 'p1', type: 'ifElse', condition: { type: 'all', of }, branches: { yes: 'p2', no: 'p2' } }, { id: 'p2', type: 'end' }] }));
    const d = expectOne(c, { code: 'R3.contradiction', rule: 'R3', severity: 'error', spanned: '"t0"' });
    assert.deepEqual(d.path, ['points', 0, 'condition', 'of', 20_000, 'filter', 'tag']);
    assert.deepEqual(d.data?.['conflictsWith'], ['points', 0, 'condition', 'of', 0]);
  });
});

describe('R3 filters nested deep, wherever a filter is', () => {
  const deep = () => JSON.parse(nestedText(MAX_FILTER_DEPTH + 1)) as JourneyObject;
  const tooDeep = (journey: JourneyObject) => {
    const { diagnostics } = validateJourneyText(JSON.stringify(journey), { now: NOW });
    assert.deepEqual(diagnostics.map((d) => [d.code, d.rule, d.severity]), [['schema.filter-too-deep', 'schema', 'error']]);
    return diagnostics[0]!.path.slice(0, 4);
  };

  it('R3: in a starting point\'s filter, located under that starting point', () => {
    const path = tooDeep(baseJourney({ startingPoints: [{ id: 's1', trigger: { type: 'api' }, next: 'p1' }, { id: 's2', trigger: { type: 'api' }, filter: deep(), next: 'p1' }] }));
    assert.deepEqual(path, ['startingPoints', 1, 'filter', 'filter']);
  });

  it('R3: in the condition of the second if/else, located under that point', () => {
    const ifElse = (id: string, condition: JourneyObject) => ({ id, type: 'ifElse', condition, branches: { yes: 'p9', no: 'p9' } });
    const path = tooDeep(baseJourney({ points: [ifElse('p1', { type: 'hasTag', tag: 'A' }), ifElse('p2', deep()), { id: 'p9', type: 'end' }] }));
    assert.deepEqual(path, ['points', 1, 'condition', 'filter']);
  });

  it('R3 R16: in an exit criterion\'s condition, located under that criterion', () => {
    const path = tooDeep(baseJourney({ settings: { exitCriteria: [{ id: 'x1', when: 'condition', condition: deep() }] } }));
    assert.deepEqual(path, ['settings', 'exitCriteria', 0, 'condition']);
  });

  it('R3: a document whose filter places hold no objects (null items, a number for settings) gets its schema errors, never a crash', () => {
    for (const journey of [
      baseJourney({ startingPoints: [null, 5, 'x'], points: [null] }),
      baseJourney({ settings: 5 }),
      baseJourney({ settings: null }),
      baseJourney({ settings: { exitCriteria: [null] } }),
    ]) {
      const { diagnostics } = validateJourneyText(JSON.stringify(journey), { now: NOW });
      assert.ok(diagnostics.length > 0 && diagnostics.every((d) => d.code.startsWith('schema.') && d.code !== 'schema.filter-too-deep'), JSON.stringify(diagnostics));
    }
  });
});
