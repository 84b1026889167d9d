// R22: where a journey's logic differs from the version that was published
// (src/core/publishedChanges.ts), place by place: values changed, properties
// and items added or removed, lists reordered; items with ids matched by id,
// other lists by position; at most `limit` changes; and a published value
// shortened for a message.
import assert from 'node:assert/strict';
import { logicChanges, shortValue } from '../../src/core/publishedChanges';

describe('R22: the changes of a journey\'s logic since its published version', () => {
  it('R22: no change when only what is not logic differs (layout, status, version, point titles, starting point names)', () => {
    const published = { id: 'j', status: 'published', version: 2, layout: {}, points: [{ id: 'p', type: 'end', title: 'A' }], startingPoints: [{ id: 's', name: 'S' }] };
    assert.deepEqual(logicChanges(published, { ...published, status: 'draft', version: 3, layout: { p: { x: 1, y: 1 } }, points: [{ id: 'p', type: 'end', title: 'B' }], startingPoints: [{ id: 's', name: 'T' }] }), []);
  });

  it('R22: a changed value is told at its path with what was published; on the value, or on the object when it is now an object or a list', () => {
    assert.deepEqual(logicChanges({ settings: { cap: 3 } }, { settings: { cap: 4 } }), [{ kind: 'changed', path: ['settings', 'cap'], on: 'value', was: 3 }]);
    assert.deepEqual(logicChanges({ settings: { cap: 3 } }, { settings: { cap: { per: 'day' } } }), [{ kind: 'changed', path: ['settings', 'cap'], on: 'object', was: 3 }]);
    assert.deepEqual(logicChanges({ settings: { cap: 3 } }, { settings: { cap: [3] } }), [{ kind: 'changed', path: ['settings', 'cap'], on: 'object', was: 3 }]);
    assert.deepEqual(logicChanges({ settings: { cap: null } }, { settings: { cap: { per: 'day' } } }), [{ kind: 'changed', path: ['settings', 'cap'], on: 'object', was: null }]);
    assert.deepEqual(logicChanges({ settings: { cap: [1] } }, { settings: { cap: 'x' } }), [{ kind: 'changed', path: ['settings', 'cap'], on: 'value', was: [1] }]);
    assert.deepEqual(logicChanges({ settings: { cap: { per: 'day' } } }, { settings: { cap: null } }), [{ kind: 'changed', path: ['settings', 'cap'], on: 'value', was: { per: 'day' } }]);
  });

  it('R22: an added property is told at its key, a removed one at the object that lost it, naming it', () => {
    assert.deepEqual(logicChanges({ settings: { a: 1 } }, { settings: { a: 1, b: 2 } }), [{ kind: 'added', path: ['settings', 'b'], on: 'key' }]);
    assert.deepEqual(logicChanges({ settings: { a: 1, b: 2 } }, { settings: { a: 1 } }), [{ kind: 'removed', path: ['settings'], on: 'object', was: 'b' }]);
  });

  it('R22: a list without ids is compared by position: changed items at their index, added ones at theirs, removed ones counted at the list', () => {
    assert.deepEqual(logicChanges({ tags: ['a', 'b'] }, { tags: ['a', 'c'] }), [{ kind: 'changed', path: ['tags', 1], on: 'value', was: 'b' }]);
    assert.deepEqual(logicChanges({ tags: ['a'] }, { tags: ['a', 'b', 'c'] }), [{ kind: 'added', path: ['tags', 1], on: 'object' }, { kind: 'added', path: ['tags', 2], on: 'object' }]);
    assert.deepEqual(logicChanges({ tags: ['a', 'b', 'c'] }, { tags: ['a'] }), [{ kind: 'removed', path: ['tags'], on: 'key', was: '2 items' }]);
    assert.deepEqual(logicChanges({ tags: ['a', 'b'] }, { tags: ['x'] }), [{ kind: 'changed', path: ['tags', 0], on: 'value', was: 'a' }, { kind: 'removed', path: ['tags'], on: 'key', was: '1 item' }]);
    assert.deepEqual(logicChanges({ tags: [null] }, { tags: [1] }), [{ kind: 'changed', path: ['tags', 0], on: 'value', was: null }], 'a null item is an item like any other');
  });

  it('R22: items with distinct string ids are matched by id (an inserted one is the one added; the same items in another order are a reorder)', () => {
    const p = (id: string, n = 1) => ({ id, n });
    assert.deepEqual(logicChanges({ points: [p('a'), p('b')] }, { points: [p('a'), p('new'), p('b')] }), [{ kind: 'added', path: ['points', 1], on: 'object' }]);
    assert.deepEqual(logicChanges({ points: [p('a'), p('b')] }, { points: [p('b', 2)] }), [{ kind: 'changed', path: ['points', 0, 'n'], on: 'value', was: 1 }, { kind: 'removed', path: ['points'], on: 'key', was: 'a' }]);
    assert.deepEqual(logicChanges({ points: [p('a'), p('b')] }, { points: [p('b'), p('a')] }), [{ kind: 'reordered', path: ['points'], on: 'key' }]);
  });

  it('R22: items whose ids are not all distinct strings are compared by position', () => {
    assert.deepEqual(logicChanges({ points: [{ id: 1, v: 'a' }, { id: 2, v: 'b' }] }, { points: [{ id: 2, v: 'b' }, { id: 1, v: 'a' }] }), [
      { kind: 'changed', path: ['points', 0, 'id'], on: 'value', was: 1 },
      { kind: 'changed', path: ['points', 0, 'v'], on: 'value', was: 'a' },
      { kind: 'changed', path: ['points', 1, 'id'], on: 'value', was: 2 },
      { kind: 'changed', path: ['points', 1, 'v'], on: 'value', was: 'b' },
    ]);
    assert.deepEqual(logicChanges({ points: [{ id: 'a', n: 1 }, { id: 'a', n: 2 }] }, { points: [{ id: 'a', n: 1 }, { id: 'a', n: 3 }] }), [{ kind: 'changed', path: ['points', 1, 'n'], on: 'value', was: 2 }]);
    assert.deepEqual(logicChanges({ points: [{ id: 'a' }] }, { points: [{ id: 'a' }, { x: 1 }] }), [{ kind: 'added', path: ['points', 1], on: 'object' }]);
    assert.deepEqual(logicChanges({ points: [{ x: 1 }, { id: 'a' }] }, { points: [{ id: 'a' }] }), [
      { kind: 'added', path: ['points', 0, 'id'], on: 'key' },
      { kind: 'removed', path: ['points', 0], on: 'object', was: 'x' },
      { kind: 'removed', path: ['points'], on: 'key', was: '1 item' },
    ]);
  });

  it('R22: at most `limit` changes, the first ones found', () => {
    const published = { tags: ['a', 'b', 'c', 'd'] };
    const current = { tags: ['w', 'x', 'y', 'z'] };
    assert.equal(logicChanges(published, current).length, 4);
    assert.deepEqual(logicChanges(published, current, 2), logicChanges(published, current).slice(0, 2));
    assert.deepEqual(logicChanges(published, current, 2).map((c) => c.path), [['tags', 0], ['tags', 1]]);
    assert.deepEqual(logicChanges({ tags: [] }, { tags: ['a', 'b', 'c'] }, 2), [{ kind: 'added', path: ['tags', 0], on: 'object' }, { kind: 'added', path: ['tags', 1], on: 'object' }], 'items added to one list');
    assert.deepEqual(logicChanges({ settings: {} }, { settings: { a: 1, b: 2, c: 3 } }, 1), [{ kind: 'added', path: ['settings', 'a'], on: 'key' }], 'keys added to one object');
  });
});

describe('R22: a published value in a message', () => {
  it('R22: objects and lists are shortened to {…} and […], other values are their JSON, null for none', () => {
    assert.deepEqual([shortValue({ a: 1 }), shortValue([1, 2]), shortValue('P1D'), shortValue(3), shortValue(null), shortValue(undefined)], ['{…}', '[…]', '"P1D"', '3', 'null', 'null']);
  });

  it('R22: a JSON text up to 60 characters is whole; a longer one is cut to 57 and closed with …"', () => {
    const sixty = 'x'.repeat(58); // 60 characters with its quotes
    assert.equal(shortValue(sixty), `"${sixty}"`);
    assert.equal(shortValue(`${sixty}y`), `"${'x'.repeat(56)}…"`);
  });
});
