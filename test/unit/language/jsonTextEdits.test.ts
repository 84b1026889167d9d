// Specification of the smallest JSON edits the quick fixes make: new JSON in
// the style of its surroundings, removals with their comma, and nothing else
// of the document touched.
import assert from 'node:assert/strict';
import { appendToArray, remove, replaceValue, setProperty } from '../../../language/jsonTextEdits';
import { applyTextEdits } from '../../../src/core/edits/textEdits';
import { parseJsonDocument } from '../../../src/core/jsonDocument';

const MIXED = `{
  "points": [
    { "id": "a", "type": "end" },
    {
      "id": "b",
      "type": "wait",
      "duration": "P1D",
      "next": "a"
    }
  ],
  "tags": ["x", "y"]
}`;
const edit = (text: string, make: (doc: ReturnType<typeof parseJsonDocument>) => Parameters<typeof applyTextEdits>[1]) => applyTextEdits(text, make(parseJsonDocument(text)));

describe('minimal JSON edits', () => {
  it('appends to an array in the style of its last element', () => {
    assert.equal(edit(MIXED, (d) => appendToArray(d, ['tags'], 'z')), MIXED.replace('["x", "y"]', '["x", "y", "z"]'));
    const multi = edit(MIXED, (d) => appendToArray(d, ['points'], { id: 'c', type: 'end' }));
    assert.equal(multi, MIXED.replace('"next": "a"\n    }', '"next": "a"\n    },\n    {\n      "id": "c",\n      "type": "end"\n    }'));
  });

  it('inserts a property after the chosen sibling, on its own line in a multi-line object', () => {
    const after = edit(MIXED, (d) => setProperty(d, ['points', 1], 'title', 'Wait a day', ['type']));
    assert.equal(after, MIXED.replace('"type": "wait",', '"type": "wait",\n      "title": "Wait a day",'));
    const inline = edit(MIXED, (d) => setProperty(d, ['points', 0], 'title', 'Done'));
    assert.equal(inline, MIXED.replace('{ "id": "a", "type": "end" }', '{ "id": "a", "type": "end", "title": "Done" }'));
  });

  it('replaces an existing value in place', () => {
    assert.equal(edit(MIXED, (d) => setProperty(d, ['points', 1], 'duration', 'PT12H')), MIXED.replace('"P1D"', '"PT12H"'));
    assert.equal(edit(MIXED, (d) => replaceValue(d, ['tags', 1], 'w')), MIXED.replace('"y"]', '"w"]'));
  });

  it('removes a property or an element with its comma, first, middle or last', () => {
    assert.equal(edit(MIXED, (d) => remove(d, ['points', 0])), MIXED.replace('{ "id": "a", "type": "end" },\n    ', ''));
    assert.equal(edit(MIXED, (d) => remove(d, ['points', 1])), MIXED.replace(/,\n    \{\n      "id": "b"[\s\S]*?"next": "a"\n    \}/, ''));
    assert.equal(edit(MIXED, (d) => remove(d, ['points', 1, 'duration'])), MIXED.replace('\n      "duration": "P1D",', ''));
    assert.equal(edit('{ "only": 1 }', (d) => remove(d, ['only'])), '{}');
  });
});
