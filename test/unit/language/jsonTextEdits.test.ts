// Specification of the smallest JSON edits the quick fixes make: new JSON in
// the style of its surroundings, removals with their comma, and nothing else
// of the document touched.
import assert from 'node:assert/strict';
import { coreEdit } from '../../../language/coreEdit';
import { appendToArray, JsonEditError, oneLineJson, remove, removeAll, replaceValue, setProperty } from '../../../language/jsonTextEdits';
import { toWorkspaceEdit } from '../../../language/workspaceEdits';
import { applyTextEdits } from '../../../src/core/edits/textEdits';
import { parseJsonDocument } from '../../../src/core/jsonDocument';
import { analyze, positionOf, URI, WELCOME } from './support';

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

  it('writes new JSON on one line: objects with spaces inside their braces, arrays, empty ones as {} and []', () => {
    assert.equal(oneLineJson({ a: [1, 'x', { b: null }], c: {}, d: [] }), '{ "a": [1, "x", { "b": null }], "c": {}, "d": [] }');
  });

  it('fills an empty object or array in the style of the document (its indentation unit and line ending)', () => {
    assert.equal(edit('{ "settings": {} }', (d) => setProperty(d, ['settings'], 'plan', 'free')), '{ "settings": { "plan": "free" } }');
    const crlf = '{\r\n\t"points": []\r\n}';
    assert.equal(edit(crlf, (d) => appendToArray(d, ['points'], { id: 'a' })), '{\r\n\t"points": [\r\n\t  {\r\n\t  \t"id": "a"\r\n\t  }\r\n\t]\r\n}');
  });

  it('puts a property after the first of the given siblings the object has, else after its last, a multi-line value indented like it', () => {
    assert.equal(edit(MIXED, (d) => setProperty(d, ['points', 1], 'title', 'T', ['nothing', 'id', 'type'])), MIXED.replace('"id": "b",', '"id": "b",\n      "title": "T",'));
    assert.equal(edit(MIXED, (d) => setProperty(d, ['points', 1], 'branches', { yes: 'a' }, ['nothing'])), MIXED.replace('"next": "a"\n', '"next": "a",\n      "branches": {\n        "yes": "a"\n      }\n'));
  });

  it('indents a new or replaced multi-line value by the document\'s own unit (4 spaces here), not a fixed one', () => {
    const fourSpaces = '{\n    "a": 1\n}';
    assert.equal(edit(fourSpaces, (d) => setProperty(d, [], 'b', { c: 2 })), '{\n    "a": 1,\n    "b": {\n        "c": 2\n    }\n}');
    assert.equal(edit(fourSpaces, (d) => replaceValue(d, ['a'], { c: 2 })), '{\n    "a": {\n        "c": 2\n    }\n}');
  });

  it('appends one-line elements to a multi-line array whose last element is on one line', () => {
    const text = '{\n  "tags": [\n    "x",\n    "y"\n  ]\n}';
    assert.equal(edit(text, (d) => appendToArray(d, ['tags'], { a: 1 })), '{\n  "tags": [\n    "x",\n    "y",\n    { "a": 1 }\n  ]\n}');
  });

  it('refuses with what is missing: no value, no object, no array, or the document itself', () => {
    const doc = parseJsonDocument(MIXED);
    assert.throws(() => replaceValue(doc, ['points', 5, 'id'], 'x'), (e) => e instanceof JsonEditError && e.message === 'nothing at points.5.id');
    assert.throws(() => setProperty(doc, ['tags'], 'x', 1), (e) => e instanceof JsonEditError && e.message === 'no object at tags');
    assert.throws(() => setProperty(parseJsonDocument(''), [], 'x', 1), (e) => e instanceof JsonEditError && e.message === 'no object at ');
    assert.throws(() => setProperty(doc, ['points', 0, 'id'], 'x', 1), (e) => e instanceof JsonEditError && e.message === 'no object at points.0.id');
    assert.throws(() => remove(doc, ['points', 5]), (e) => e instanceof JsonEditError && e.message === 'nothing at points.5');
    assert.throws(() => appendToArray(doc, ['points', 0], 1), (e) => e instanceof JsonEditError && e.message === 'no array at points.0');
    assert.throws(() => appendToArray(parseJsonDocument(''), ['x'], 1), (e) => e instanceof JsonEditError && e.message === 'no array at x');
    assert.throws(() => remove(doc, ['nothing']), (e) => e instanceof JsonEditError && e.message === 'nothing at nothing');
    assert.throws(() => remove(doc, []), (e) => e instanceof JsonEditError && e.message === 'cannot remove the document itself');
    assert.throws(() => removeAll(doc, [['tags', 0], ['nothing', 1]]), (e) => e instanceof JsonEditError && e.message === 'nothing at nothing.1');
    assert.throws(() => removeAll(doc, [[]]), (e) => e instanceof JsonEditError && e.message === 'cannot remove the document itself');
  });

  it('removes several at once: each run of neighbours with one comma, a run at the start up to what stays, every child by emptying the container', () => {
    const text = '{ "a": 1, "b": 2, "c": 3, "d": 4, "e": 5 }';
    assert.equal(edit(text, (d) => removeAll(d, [['b'], ['c'], ['e']])), '{ "a": 1, "d": 4 }');
    assert.equal(edit(text, (d) => removeAll(d, [['a'], ['b'], ['d']])), '{ "c": 3, "e": 5 }');
    assert.equal(edit(text, (d) => removeAll(d, [['a'], ['b'], ['c'], ['d'], ['e']])), '{}');
    assert.equal(edit('{ "x": [1, 2, 3], "y": [4] }', (d) => removeAll(d, [['x', 2], ['y', 0], ['x', 0]])), '{ "x": [2], "y": [] }');
    assert.equal(edit('[1, 2]', (d) => remove(d, [1])), '[1]');
    assert.equal(edit('[1]', (d) => remove(d, [0])), '[]');
  });
});

describe('edits as the client applies them', () => {
  it('gives the edits of the analysed version, versioned when the client can refuse a stale edit', () => {
    const analysis = analyze(WELCOME, 7);
    const edits = [{ offset: WELCOME.indexOf('"Welcome"'), length: '"Welcome"'.length, content: '"Hello"' }];
    const range = { start: positionOf(WELCOME, '"Welcome"'), end: positionOf(WELCOME, '"Welcome"', '"Welcome"'.length) };
    assert.deepEqual(toWorkspaceEdit(analysis, edits, true), { documentChanges: [{ textDocument: { uri: URI, version: 7 }, edits: [{ range, newText: '"Hello"' }] }] });
    assert.deepEqual(toWorkspaceEdit(analysis, edits, false), { changes: { [URI]: [{ range, newText: '"Hello"' }] } });
  });

  it('refuses, never throws, to edit a journey nested deeper than the parser follows, and passes on a refusal of the edit', () => {
    const deep = `{"points":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    assert.deepEqual(coreEdit(deep, { op: 'deletePoint', id: 'x' }), { ok: false, error: 'The journey cannot be edited as it is: it is nested too deeply.' });
    const refused = coreEdit(WELCOME, { op: 'deletePoint', id: 'p_nowhere' });
    assert.equal(refused.ok, false);
  });
});
