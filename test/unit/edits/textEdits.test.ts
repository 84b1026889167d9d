// Specification of edit composition: any sequence of edits, each made on the
// text the previous one produced, folds into one list of non-overlapping
// edits on the original text that produces the same result.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import '../../support/propertySeed'; // every property here runs from the fixed, printed seed
import { applyTextEdits, EditComposer, formattingOf } from '../../../src/core/edits/textEdits';

/** A random edit of `text`: a span to replace and what to put there. */
const editOf = (text: string) =>
  fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: 6 }), fc.string({ maxLength: 5 })).map(([offset, length, content]) => ({
    offset,
    length: Math.min(length, text.length - offset),
    content,
  }));

describe('edits: composing text edits', () => {
  it('any sequence of edits composes into edits on the original text that give the same result, each trimmed to the characters it changes', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 40 }), fc.array(fc.nat(), { maxLength: 8 }), fc.infiniteStream(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 6 }), fc.string({ maxLength: 5 }))), (original, steps, stream) => {
        const composer = new EditComposer(original);
        const it = stream[Symbol.iterator]();
        for (let i = 0; i < steps.length; i++) {
          const [where, length, content] = it.next().value as [number, number, string];
          const text = composer.text;
          const offset = Math.floor(where * text.length);
          composer.applyAll([{ offset, length: Math.min(length, text.length - offset), content }]);
        }
        const edits = composer.result();
        assert.equal(applyTextEdits(original, edits), composer.text);
        for (let i = 1; i < edits.length; i++) assert.ok(edits[i - 1]!.offset + edits[i - 1]!.length <= edits[i]!.offset, 'sorted and apart');
        for (const e of edits) {
          const before = original.slice(e.offset, e.offset + e.length);
          assert.ok(before !== e.content, 'each edit changes something');
          if (before.length > 0 && e.content.length > 0) {
            assert.notEqual(before[0], e.content[0], 'trimmed: its first character changes');
            assert.notEqual(before.at(-1), e.content.at(-1), 'trimmed: its last character changes');
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('one edit comes back unchanged, trimmed to the characters that differ', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }).chain((t) => fc.tuple(fc.constant(t), editOf(t))), ([text, edit]) => {
        const composer = new EditComposer(text);
        composer.applyAll([edit]);
        const [only, ...rest] = composer.result();
        assert.equal(rest.length, 0);
        if (only) {
          assert.ok(only.offset >= edit.offset && only.offset + only.length <= edit.offset + edit.length);
          assert.equal(applyTextEdits(text, [only]), composer.text);
        } else assert.equal(composer.text, text, 'no edit is reported only when nothing changed');
      }),
    );
  });

  it('an edit is trimmed to the characters it changes, at both ends', () => {
    const composer = new EditComposer('abcxyz');
    composer.applyAll([{ offset: 0, length: 6, content: 'QQcxyz' }]);
    assert.deepEqual(composer.result(), [{ offset: 0, length: 2, content: 'QQ' }]);
    const tail = new EditComposer('xyzabc');
    tail.applyAll([{ offset: 0, length: 6, content: 'xyzaQQ' }]);
    assert.deepEqual(tail.result(), [{ offset: 4, length: 2, content: 'QQ' }]);
  });

  it('edits apart stay apart, whichever is made first', () => {
    const later = new EditComposer('abcdef');
    later.applyAll([{ offset: 0, length: 1, content: 'X' }]);
    later.applyAll([{ offset: 5, length: 1, content: 'Y' }]);
    assert.deepEqual(later.result(), [{ offset: 0, length: 1, content: 'X' }, { offset: 5, length: 1, content: 'Y' }]);
    const earlier = new EditComposer('abcdef');
    earlier.applyAll([{ offset: 5, length: 1, content: 'Y' }]);
    earlier.applyAll([{ offset: 0, length: 1, content: 'XX' }]);
    assert.deepEqual(earlier.result(), [{ offset: 0, length: 1, content: 'XX' }, { offset: 5, length: 1, content: 'Y' }]);
    assert.equal(earlier.text, 'XXbcdeY');
  });

  it('several edits given at once, all relative to the current text, are applied as one (in any order given)', () => {
    for (const edits of [
      [{ offset: 1, length: 1, content: 'XX' }, { offset: 4, length: 1, content: 'Y' }],
      [{ offset: 4, length: 1, content: 'Y' }, { offset: 1, length: 1, content: 'XX' }],
    ]) {
      const composer = new EditComposer('abcdef');
      composer.applyAll(edits);
      assert.equal(composer.text, 'aXXcdYf');
      assert.deepEqual(composer.result(), [{ offset: 1, length: 1, content: 'XX' }, { offset: 4, length: 1, content: 'Y' }]);
    }
  });

  it('reads the indentation and line ending the document uses', () => {
    assert.deepEqual(formattingOf('{\n  "a": 1\n}'), { insertSpaces: true, tabSize: 2, eol: '\n' });
    assert.deepEqual(formattingOf('{\r\n    "a": 1\r\n}'), { insertSpaces: true, tabSize: 4, eol: '\r\n' });
    assert.deepEqual(formattingOf('{\n\t"a": 1\n}'), { insertSpaces: false, tabSize: 4, eol: '\n' });
    assert.deepEqual(formattingOf('{}'), { insertSpaces: true, tabSize: 2, eol: '\n' });
  });

  it('refuses to apply overlapping edits', () => {
    assert.throws(() => applyTextEdits('abcdef', [{ offset: 0, length: 3, content: 'x' }, { offset: 2, length: 2, content: 'y' }]), /overlapping/);
  });
});
