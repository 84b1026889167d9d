// Specification of the journey text reader with locations (src/core/jsonDocument.ts):
// syntax errors and duplicate keys each at the place an editor shows them
// (never past the text), the same on the fast path for strict JSON and on the
// error-recovering one, and the spans diagnostics are put on.
import assert from 'node:assert/strict';
import { parseTree } from 'jsonc-parser';
import { deepestNodeAt, formatPath, hasDuplicateKeys, keySpan, nodeAt, objectAnchorSpan, parseJsonDocument, pathOfNode, propertyNode, valueSpan } from '../../src/core/jsonDocument';

const errorsOf = (text: string) => parseJsonDocument(text).syntaxErrors.map((d) => ({ code: d.code, offset: d.offset, length: d.length, path: d.path, message: d.message }));

describe('parseJsonDocument: syntax errors where the editor shows them', () => {
  it('a missing closing brace at the end of the text is shown on its last character, never past it', () => {
    const text = '{"a": 1';
    assert.deepEqual(errorsOf(text), [{ code: 'syntax.CloseBraceExpected', offset: text.length - 1, length: 1, path: [], message: 'A closing brace } is expected.' }]);
    assert.equal(parseJsonDocument(text).value && (parseJsonDocument(text).value as { a: number }).a, 1, 'the partial tree still has its value');
  });

  it('an empty text: one error at 0, of no length (there is no character to show it on)', () => {
    const [error, ...rest] = errorsOf('');
    assert.deepEqual([error!.code, error!.offset, error!.length, rest.length], ['syntax.ValueExpected', 0, 0, 0]);
    assert.equal(parseJsonDocument('').root, undefined);
  });

  it('each error has its own message and spans its token (at least one character)', () => {
    const comment = '{"a": 1 /* no */}';
    assert.deepEqual(errorsOf(comment), [{ code: 'syntax.InvalidCommentToken', offset: comment.indexOf('/*'), length: '/* no */'.length, path: [], message: 'Comments are not allowed in journey files.' }]);
    const trailing = '{"a": 1,}';
    // jsonc-parser (the editor's parser) reports a trailing comma twice, at the brace.
    assert.deepEqual(errorsOf(trailing).map((e) => [e.code, e.offset, e.length, e.message]), [['syntax.PropertyNameExpected', trailing.indexOf('}'), 1, 'A property name in double quotes is expected.'], ['syntax.ValueExpected', trailing.indexOf('}'), 1, 'A value is expected.']]);
    const noColon = '{"a" 1}';
    assert.deepEqual(errorsOf(noColon).map((e) => [e.code, e.offset, e.length, e.message]), [['syntax.ColonExpected', noColon.indexOf('1'), 1, 'A colon is expected after the property name.']]);
    const noComma = '[1 2]';
    assert.deepEqual(errorsOf(noComma).map((e) => [e.code, e.offset, e.length, e.message]), [['syntax.CommaExpected', 3, 1, 'A comma is expected between items.']]);
  });

  it('broken text with a duplicate key: the syntax error, then the duplicate at its second key with its path', () => {
    const text = '{"a": [{"b": 1, "b": 2}], "c": 1,}';
    const errors = errorsOf(text);
    assert.deepEqual(errors.map((e) => e.code), ['syntax.PropertyNameExpected', 'syntax.ValueExpected', 'syntax.duplicate-key']);
    assert.deepEqual(errors[2], { code: 'syntax.duplicate-key', offset: text.lastIndexOf('"b"'), length: 3, path: ['a', 0, 'b'], message: 'Duplicate property "b": JSON readers keep only the last one. Remove or rename one of them.' });
  });

  it('broken text: duplicates anywhere, in text order, each with its path', () => {
    const text = '{"x": 1, "x": 2, "l": [0, {"y": 1, "y": 1}], "o": {"z": 1, "z": 2} ';
    assert.deepEqual(errorsOf(text).filter((e) => e.code === 'syntax.duplicate-key').map((e) => [e.offset, e.path]), [[text.lastIndexOf('"x"'), ['x']], [text.lastIndexOf('"y"'), ['l', 1, 'y']], [text.lastIndexOf('"z"'), ['o', 'z']]]);
  });

  it('nesting too deep to read is one error at the first bracket, not a crash', () => {
    const text = `  ${'['.repeat(60_000)}`;
    const doc = parseJsonDocument(text);
    assert.equal(doc.root, undefined);
    assert.equal(doc.value, undefined);
    assert.deepEqual(doc.syntaxErrors.map((d) => [d.code, d.offset, d.length, d.path]), [['syntax.too-deep', 2, 1, []]]);
    assert.match(doc.syntaxErrors[0]!.message, /nested too deeply/);
  });
});

describe('parseJsonDocument on strict JSON (the fast path)', () => {
  it('the value is JSON.parse\'s, and a duplicate key is an error at the second key with the path to it', () => {
    const text = '{"a": [1, {"b": "x", "c\\"": {}, "b": 2}], "d": {"e": 1}, "d": 3}';
    const doc = parseJsonDocument(text);
    assert.deepEqual(doc.value, JSON.parse(text));
    assert.deepEqual(errorsOf(text), [
      { code: 'syntax.duplicate-key', offset: text.indexOf('"b": 2'), length: 3, path: ['a', 1, 'b'], message: 'Duplicate property "b": JSON readers keep only the last one. Remove or rename one of them.' },
      { code: 'syntax.duplicate-key', offset: text.lastIndexOf('"d"'), length: 3, path: ['d'], message: 'Duplicate property "d": JSON readers keep only the last one. Remove or rename one of them.' },
    ]);
  });

  it('a key written with an escape is the same key as without', () => {
    const text = '{"ab": 1, "a\\u0062": 2}';
    assert.deepEqual(errorsOf(text).map((e) => [e.offset, e.length, e.path]), [[text.indexOf('"a\\'), '"a\\u0062"'.length, ['ab']]]);
    assert.equal(hasDuplicateKeys(text), true);
  });

  it('hasDuplicateKeys: only the same key twice in one object counts', () => {
    for (const text of ['{"a": "b", "c": ["b", "b"]}', '{"a": {"a": 1}}', '[{"a": 1}, {"a": 1}]', '{"a": [{"b": 1}], "b": {"a": 2}}', '{"a": "x\\"", "b": 1}', '{"a": [], "b": {}}']) assert.equal(hasDuplicateKeys(text), false, text);
    for (const text of ['{"a": {}, "a": 1}', '{"a": [1, {}], "a": 1}', '[1, {"k": "v", "k": "v"}]', '{"o": {"x": [], "x": []}}']) assert.equal(hasDuplicateKeys(text), true, text);
  });

  it('the tree is jsonc-parser\'s: types, offsets, lengths, colon offsets, values and parent links', () => {
    const text = ' {"a" :\t[1, -2.5e3, 1E+2, 0.5e-1, true, false, null, "s\\"t", {}, [], [[{}]]],\r\n "b": {"c": "é", "d": {"e": []}}} ';
    type Node = { type: string; offset: number; length: number; colonOffset?: number; value?: unknown; children?: Node[]; parent?: Node };
    const strip = (n: Node): unknown => ({ type: n.type, offset: n.offset, length: n.length, colonOffset: n.colonOffset, value: n.children ? undefined : n.value, children: n.children?.map(strip) });
    const root = parseJsonDocument(text).root as Node;
    assert.deepEqual(strip(root), strip(parseTree(text) as Node));
    const check = (n: Node) => n.children?.forEach((c) => {
      assert.equal(c.parent, n);
      check(c);
    });
    check(root);
    assert.equal(root.parent, undefined);
  });
});

describe('paths and spans in a JSON document', () => {
  const text = '{"points": [{"id": "a", "next": "b"}, {"type": "end"}], "name": "J", "start": {"x": 1}}';
  const doc = parseJsonDocument(text);
  const span = (token: string, from = 0) => ({ offset: text.indexOf(token, from), length: token.length });

  it('formatPath writes a path as a person reads it', () => {
    assert.equal(formatPath(['points', 3, 'branches', 'yes']), 'points[3].branches.yes');
    assert.equal(formatPath([0, 'a']), '[0].a');
    assert.equal(formatPath([]), '');
    assert.equal(formatPath(['a']), 'a');
  });

  it('pathOfNode: the path of a value; a key is at its object\'s path', () => {
    const next = nodeAt(doc, ['points', 0, 'next'])!;
    assert.deepEqual(pathOfNode(next), ['points', 0, 'next']);
    assert.deepEqual(pathOfNode(nodeAt(doc, ['points', 1])!), ['points', 1]);
    assert.deepEqual(pathOfNode(propertyNode(nodeAt(doc, ['points', 1]), 'type')!.children![0]!), ['points', 1]);
    assert.deepEqual(pathOfNode(doc.root!), []);
  });

  it('nodeAt, deepestNodeAt, propertyNode', () => {
    assert.equal(nodeAt(doc, ['name'])!.value, 'J');
    assert.equal(nodeAt(doc, ['points', 5]), undefined);
    assert.deepEqual(deepestNodeAt(doc, ['points', 1, 'type', 'x']).depth, 3);
    assert.equal(deepestNodeAt(doc, ['nothing', 'here']).depth, 0);
    assert.equal(deepestNodeAt(doc, ['nothing']).node, doc.root);
    assert.deepEqual(deepestNodeAt(parseJsonDocument(''), ['a']), { node: undefined, depth: 0 });
    assert.equal(propertyNode(nodeAt(doc, ['points']), 'id'), undefined, 'an array has no properties');
    assert.equal(propertyNode(undefined, 'id'), undefined);
    assert.equal(propertyNode(doc.root, 'name')!.children![1]!.value, 'J');
    assert.equal(propertyNode(doc.root, 'nope'), undefined);
  });

  it('keySpan: the key of the property at the path; none for an array index or a missing key', () => {
    assert.deepEqual(keySpan(doc, ['name']), span('"name"'));
    assert.deepEqual(keySpan(doc, ['points', 0, 'next']), span('"next"'));
    assert.equal(keySpan(doc, ['points', 0]), undefined);
    assert.equal(keySpan(doc, ['missing']), undefined);
    assert.equal(keySpan(doc, []), undefined);
  });

  it('objectAnchorSpan: the key holding the object, else its id, else its opening brace, else the start of the text', () => {
    assert.deepEqual(objectAnchorSpan(doc, ['start']), span('"start"'));
    assert.deepEqual(objectAnchorSpan(doc, ['points', 0]), span('"a"'));
    assert.deepEqual(objectAnchorSpan(doc, ['points', 1]), { offset: text.indexOf('{"type"'), length: 1 });
    assert.deepEqual(objectAnchorSpan(doc, ['points', 7]), { offset: 0, length: 1 });
    assert.deepEqual(objectAnchorSpan(parseJsonDocument(' '), []), { offset: 0, length: 1 });
  });

  it('valueSpan: the value at the path, else the anchor of the deepest object that exists along it', () => {
    assert.deepEqual(valueSpan(doc, ['name']), span('"J"'));
    assert.deepEqual(valueSpan(doc, ['points', 0]), span('{"id": "a", "next": "b"}'));
    assert.deepEqual(valueSpan(doc, ['points', 0, 'missing']), span('"a"'), 'a missing property: the id of its object');
    assert.deepEqual(valueSpan(doc, ['start', 'y', 'z']), span('"start"'), 'missing two deep: the key of the deepest object there is');
    assert.deepEqual(valueSpan(doc, ['points', 1, 'next']), { offset: text.indexOf('{"type"'), length: 1 });
  });
});
