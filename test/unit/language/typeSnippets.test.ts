// Specification of the text a chosen type inserts (typeSnippets.ts): a JSON
// value written on one line, as plain text or as a snippet whose strings,
// numbers and booleans are numbered placeholders, escaped for the snippet
// syntax; and the required properties a type adds.
import assert from 'node:assert/strict';
import { plainOfValue, requiredProperties, snippetOfValue, typeInsertion } from '../../../language/typeSnippets';

const counter = () => {
  let n = 0;
  return () => ++n;
};

describe('type snippets', () => {
  it('writes a value on one line as plain text: objects with spaces inside the braces, arrays, scalars and null as JSON', () => {
    assert.equal(plainOfValue({ a: 1, b: [true, 'x', null], c: {}, d: { e: 'f' } }), '{ "a": 1, "b": [true, "x", null], "c": {}, "d": { "e": "f" } }');
    assert.equal(plainOfValue([]), '[]');
    assert.equal(plainOfValue('P1D'), '"P1D"');
    assert.equal(plainOfValue(null), 'null');
  });

  it('writes a value as a snippet: every string, number and boolean a numbered placeholder, in order, escaped', () => {
    assert.equal(snippetOfValue({ a: 1, b: [true, 'x$}\\'], c: {}, d: null, e: '' }, counter()), '{ "a": ${1:1}, "b": [${2:true}, "${3:x\\$\\}\\\\\\\\}"], "c": {}, "d": null, "e": "$4" }');
    assert.equal(snippetOfValue([], counter()), '[]');
    assert.equal(snippetOfValue(false, counter()), '${1:false}');
  });

  it('R9: a wait requires its duration and next; a required property of a type is never an optional one', () => {
    assert.deepEqual(requiredProperties('point', 'wait'), ['id', 'type', 'duration', 'next']);
    assert.ok(!requiredProperties('point', 'sendEmail').includes('title'));
    assert.deepEqual(requiredProperties('point', 'noSuchType'), []);
  });

  it('adds only the missing required properties the default object has, joined by the separator', () => {
    const insertion = typeInsertion('point', 'wait', { present: new Set(['id']), journey: {}, successor: 'p_next', separator: ', ', snippets: false });
    assert.deepEqual(insertion, { text: '"wait", "duration": "P1D", "next": "p_next"', added: ['duration', 'next'] });
  });
});
