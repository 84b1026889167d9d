// Specification of src/core/textPosition.ts: offsets and zero-based
// line/character positions of a text, with \n, \r\n and \r line ends, and
// the range of a span.
import assert from 'node:assert/strict';
import { LineIndex } from '../../src/core/textPosition';

describe('offsets and positions (LineIndex)', () => {
  const text = 'ab\ncd\r\nef\rgh';
  const index = new LineIndex(text);

  it('each kind of line end starts a new line', () => {
    assert.deepEqual(index.positionAt(text.indexOf('c')), { line: 1, character: 0 });
    assert.deepEqual(index.positionAt(text.indexOf('f')), { line: 2, character: 1 });
    assert.deepEqual(index.positionAt(text.indexOf('h')), { line: 3, character: 1 });
  });

  it('offsetAt is the inverse of positionAt, and both clamp to the text', () => {
    for (let offset = 0; offset <= text.length; offset++) {
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue; // inside a \r\n
      assert.equal(index.offsetAt(index.positionAt(offset)), offset, String(offset));
    }
    assert.deepEqual(index.positionAt(-5), { line: 0, character: 0 });
    assert.equal(index.offsetAt({ line: 99, character: 0 }), text.length);
    assert.equal(index.offsetAt({ line: -1, character: 3 }), 0);
  });

  it('the range of a span runs from the position of its first character to the position after its last', () => {
    assert.deepEqual(index.rangeOf(text.indexOf('b'), 4), { start: { line: 0, character: 1 }, end: { line: 1, character: 2 } });
    assert.deepEqual(index.rangeOf(text.indexOf('g'), 0), { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } });
  });
});
