// Specification of merging a field's typing into a value that changed while
// it was typed (issue #20: another map or the text editor changed it first):
// changes that do not overlap are both kept; overlapping ones give the
// person's committed text.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import '../../support/propertySeed'; // the fixed, printed property seed (JOURNEY_PROPERTY_SEED overrides it)
import { mergeText } from '../../../src/core/edits/textMerge';
import { edited, replaced, WELCOME } from './fixtures';

describe('edits: merging typed text into a changed value', () => {
  it('keeps both appends, the one that reached the document first before the other', () => {
    assert.equal(mergeText('Welcome', 'Welcome-b', 'Welcome-a'), 'Welcome-a-b');
  });

  it('keeps changes at different places of the text', () => {
    assert.equal(mergeText('Welcome home', 'Welcome back home', 'Welcome home!'), 'Welcome back home!');
    assert.equal(mergeText('Welcome home', 'Welcome home!', 'Hi Welcome home'), 'Hi Welcome home!');
  });

  it('gives the committed text when both changed the same characters', () => {
    assert.equal(mergeText('Welcome', 'Hello', 'Howdy'), 'Hello');
  });

  it('is the committed text when the value did not change, and the value when the field did not', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (base, other) => {
        assert.equal(mergeText(base, other, base), other);
        assert.equal(mergeText(base, base, other), other);
      }),
    );
  });

  it('keeps what each side inserted when both only inserted, and one copy when both made the same text', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), fc.string({ minLength: 1 }), fc.nat(), fc.string({ minLength: 1 }), (base, i, mine, j, theirs) => {
        const at = (n: number) => n % (base.length + 1);
        const mineText = base.slice(0, at(i)) + mine + base.slice(at(i));
        const theirsText = base.slice(0, at(j)) + theirs + base.slice(at(j));
        const merged = mergeText(base, mineText, theirsText);
        // The same text on both sides is the same change made twice (as a three-way merge of files takes it): one copy.
        if (mineText === theirsText) return assert.equal(merged, mineText);
        const sorted = (t: string) => [...t].sort().join('');
        assert.equal(sorted(merged), sorted(base + mine + theirs), 'every character of the base and of both insertions, none lost');
      }),
    );
  });

  it('the same change made on both sides is kept once', () => {
    assert.equal(mergeText('abc', 'abXc', 'abXc'), 'abXc');
  });

  it('a change that ends where the other begins keeps both, in text order', () => {
    assert.equal(mergeText('abcd', 'aXcd', 'abYd'), 'aXYd');
    assert.equal(mergeText('abcd', 'abYd', 'aXcd'), 'aXYd');
  });

  it('an insertion where the other side replaces text: the insertion, then the replacement, whichever side made which', () => {
    assert.equal(mergeText('abc', 'aXbc', 'aYc'), 'aXYc');
    assert.equal(mergeText('abc', 'aXc', 'aYbc'), 'aYXc');
  });

  it('a change that repeats the text around it is found where it was made: appended or cut at the end', () => {
    assert.equal(mergeText('ab', 'abab', 'abX'), 'abXab');
    assert.equal(mergeText('abab', 'ab', 'Xabab'), 'Xab');
  });

  it('a property change naming the text it was typed on is merged into the value another map set meanwhile', () => {
    const otherMap = edited(WELCOME, { op: 'setFields', target: { kind: 'journey' }, changes: [{ path: ['name'], value: 'Welcome-a', base: 'Welcome' }] });
    assert.equal(
      edited(otherMap, { op: 'setFields', target: { kind: 'journey' }, changes: [{ path: ['name'], value: 'Welcome-b', base: 'Welcome' }] }),
      replaced(WELCOME, ['"name": "Welcome"', '"name": "Welcome-a-b"']),
    );
  });
});
