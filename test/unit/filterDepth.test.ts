// Specification of src/core/filterDepth.ts (R3): filters nest at most 64
// deep; the first filter past that depth, in document order, is found with
// an explicit stack (a hostile file never exhausts the stack), at its path
// relative to the filter. Values that are not filters (strings, numbers,
// null) inside a filter are no filters and have no depth.
import assert from 'node:assert/strict';
import { filterTooDeepAt, holdsTooDeepFilter, MAX_FILTER_DEPTH } from '../../src/core/filterDepth';

/** A `not` chain `depth` filters deep, ending in `leaf`. */
function notChain(depth: number, leaf: unknown = { type: 'hasTag', tag: 't' }): unknown {
  let filter = leaf;
  for (let i = 1; i < depth; i++) filter = { type: 'not', filter };
  return filter;
}
const notPath = (n: number) => Array.from({ length: n }, () => 'filter');

describe('R3 filter depth (filterDepth.ts)', () => {
  it('R3: 64 levels are allowed; the 65th is too deep, at its exact path', () => {
    assert.equal(MAX_FILTER_DEPTH, 64);
    assert.equal(filterTooDeepAt(notChain(64)), undefined);
    assert.deepEqual(filterTooDeepAt(notChain(65)), notPath(64));
    assert.deepEqual(filterTooDeepAt(notChain(10_000)), notPath(64));
  });

  it('R3: the first too-deep filter in document order, through all and any', () => {
    const deep = { type: 'any', of: [{ type: 'hasTag', tag: 'a' }, notChain(64), notChain(70)] };
    assert.deepEqual(filterTooDeepAt({ type: 'all', of: [{ type: 'hasTag', tag: 'x' }, deep] }), ['of', 1, 'of', 1, ...notPath(62)]);
  });

  it('R3: strings, numbers and null where a filter would be have no depth', () => {
    for (const leaf of ['text', 42, null, true]) {
      assert.equal(filterTooDeepAt(notChain(64, { type: 'all', of: [leaf] })), undefined, String(leaf));
      assert.equal(filterTooDeepAt(notChain(65, leaf)), undefined, String(leaf));
    }
    assert.equal(filterTooDeepAt(null), undefined);
  });

  it('R3: a starting point, point or exit criterion holds a too-deep filter in its filter or its condition', () => {
    assert.equal(holdsTooDeepFilter({ id: 'sp', filter: notChain(65) }), true);
    assert.equal(holdsTooDeepFilter({ id: 'p', type: 'ifElse', condition: notChain(65) }), true);
    assert.equal(holdsTooDeepFilter({ id: 'sp', filter: notChain(64), condition: notChain(3) }), false);
    for (const raw of [null, 'text', 7, [notChain(65)]]) assert.equal(holdsTooDeepFilter(raw), false);
  });
});
