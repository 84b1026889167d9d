// Specification of src/core/editDistance.ts: the edit distance (letter case
// ignored) and the closest known name to a misspelt one, within a tolerance;
// and the work budget that keeps suggestions linear: one unit per candidate
// looked at plus the cells of each distance table computed; past the budget,
// no suggestion.
import assert from 'node:assert/strict';
import { closestName, editDistance, SuggestionBudget } from '../../src/core/editDistance';

describe('edit distance and suggestions (editDistance.ts)', () => {
  it('the distance counts insertions, deletions and substitutions, ignoring letter case', () => {
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('Berlin', 'berlin'), 0);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('abc', ''), 3);
  });

  it('the closest candidate within the tolerance (at least 2, a third of the name), else none', () => {
    assert.equal(closestName('Europe/Berln', ['Europe/Paris', 'Europe/Berlin']), 'Europe/Berlin');
    assert.equal(closestName('abc', ['xyz']), undefined);
    assert.equal(closestName('x'.repeat(101), ['x'.repeat(100)]), undefined, 'names over 100 characters get no suggestion');
  });

  it('a budget is spent one unit per candidate looked at plus the cells of each table computed', () => {
    const budget = new SuggestionBudget(1000);
    assert.equal(closestName('abc', ['abd', 'a_much_longer_name', 'abx']), 'abd');
    assert.equal(closestName('abc', ['abd', 'a_much_longer_name', 'abx'], budget), 'abd');
    // abd: 1 + 3·3; a_much_longer_name: 1 (too long to be close, no table); abx: 1 + 3·3.
    assert.equal(budget.remaining, 1000 - 10 - 1 - 10);
  });

  it('with no budget left, no candidate is looked at and there is no suggestion; the budget is not spent further', () => {
    const empty = new SuggestionBudget(0);
    assert.equal(closestName('Berln', ['Berlin'], empty), undefined);
    assert.equal(empty.remaining, 0);
    const one = new SuggestionBudget(1);
    assert.equal(closestName('Berln', ['Berlin'], one), 'Berlin', 'a candidate is looked at while any budget is left');
    assert.equal(closestName('Berln', ['Berlin'], one), undefined);
  });

  it('the default budget is 3,000,000 units', () => {
    assert.equal(new SuggestionBudget().remaining, 3_000_000);
  });
});
