// Specification of src/core/summaryNames.ts: the names summaries use for
// what a journey declares (a content item's name, a point's title, a list's,
// campaign's, form's or segment's name), the id when there is none, read
// from the raw JSON value even when it does not fit the schema.
import assert from 'node:assert/strict';
import { summaryNamesOf } from '../../src/core/summaryNames';

describe('summary names (summaryNamesOf)', () => {
  const names = summaryNamesOf({
    content: [{ id: 'c1', name: 'Welcome' }],
    points: [{ id: 'p1', title: 'Send the welcome', name: 'not this' }, { id: 'p2', name: 'a point has a title, not a name' }],
    lists: [{ id: 'l1', name: 'Newsletter' }],
    campaigns: [{ id: 'k1', name: 'Spring sale' }],
    forms: [{ id: 'f1', name: 'Sign-up' }],
    segments: [{ id: 's1', name: 'Top buyers' }],
  });

  it('names each kind of thing from its own section: content, points (by title), lists, campaigns, forms, segments', () => {
    assert.deepEqual(
      [names.content('c1'), names.point('p1'), names.list('l1'), names.campaign('k1'), names.form('f1'), names.segment('s1')],
      ['Welcome', 'Send the welcome', 'Newsletter', 'Spring sale', 'Sign-up', 'Top buyers'],
    );
  });

  it('a point is named by its title only; an id of another section is not looked up', () => {
    assert.equal(names.point('p2'), 'p2');
    assert.equal(names.segment('l1'), 'l1');
    assert.equal(names.content('s1'), 's1');
  });

  it('an unknown id, an empty or blank name, or a name that is not a string falls back to the id', () => {
    const n = summaryNamesOf({
      lists: [{ id: 'empty', name: '' }, { id: 'blank', name: '  \t' }, { id: 'number', name: 42 }, { id: 'nothing' }],
    });
    assert.deepEqual(['empty', 'blank', 'number', 'nothing', 'unknown'].map(n.list), ['empty', 'blank', 'number', 'nothing', 'unknown']);
  });

  it('of two items with one id, the first one with a name names it', () => {
    const n = summaryNamesOf({
      segments: [{ id: 's', name: 'First' }, { id: 's', name: 'Second' }, { id: 't' }, { id: 't', name: ' ' }, { id: 't', name: 'Third' }, { id: 't', name: 'Fourth' }],
    });
    assert.equal(n.segment('s'), 'First');
    assert.equal(n.segment('t'), 'Third');
  });

  it('an item without a string id names nothing, and a journey that is not an object names nothing', () => {
    const n = summaryNamesOf({ forms: [{ name: 'No id' }, { id: 7, name: 'Number id' }, 'not an item'] });
    assert.equal(n.form('undefined'), 'undefined');
    assert.equal(n.form('7'), '7');
    for (const value of [null, 42, 'text', [{ id: 'x', name: 'X' }]]) assert.equal(summaryNamesOf(value).list('x'), 'x');
  });
});
