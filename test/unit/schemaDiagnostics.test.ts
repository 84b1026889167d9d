// Specification of how schema errors are located: each at the key or value
// that is wrong, with a message that says what is allowed.
import assert from 'node:assert/strict';
import { LineIndex } from '../../src/core/textPosition';
import { validateJourneyText } from '../../src/core/validate';

const journey = (points: string) => `{
  "formatVersion": 1,
  "id": "j",
  "name": "Journey",
  "kind": "trigger",
  "startingPoints": [
    { "id": "start", "trigger": { "type": "tagAdded", "tag": "VIP" }, "next": "p1" }
  ],
  "points": [
${points}
  ]
}`;

/** The text a diagnostic's span covers. */
const spanned = (text: string, d: { offset: number; length: number }) => text.slice(d.offset, d.offset + d.length);

describe('schema diagnostics', () => {
  it('accepts a minimal valid journey', () => {
    const { diagnostics, journey: parsed } = validateJourneyText(journey('    { "id": "p1", "type": "end" }'));
    assert.deepEqual(diagnostics, []);
    assert.equal(parsed?.points[0]?.type, 'end');
  });

  it('puts an unknown property on its key and suggests the closest allowed one', () => {
    const text = journey('    { "id": "p1", "type": "wait", "duraton": "P1D", "next": "p2" },\n    { "id": "p2", "type": "end" }');
    const { diagnostics } = validateJourneyText(text);
    const unknown = diagnostics.find((d) => d.code === 'schema.unknown-property');
    assert.ok(unknown, JSON.stringify(diagnostics));
    assert.equal(spanned(text, unknown), '"duraton"');
    assert.match(unknown.message, /Did you mean "duration"\?/);
  });

  it('puts a bad point type on its value and lists the allowed types', () => {
    const text = journey('    { "id": "p1", "type": "sendEmial", "content": "c", "next": "p2" },\n    { "id": "p2", "type": "end" }');
    const { diagnostics } = validateJourneyText(text);
    assert.equal(diagnostics.length, 1);
    const [d] = diagnostics;
    assert.equal(d!.code, 'schema.unknown-discriminator');
    assert.equal(spanned(text, d!), '"sendEmial"');
    assert.match(d!.message, /Did you mean "sendEmail"\?/);
    assert.match(d!.message, /waitForEvent/);
    const { line, character } = new LineIndex(text).positionAt(d!.offset);
    assert.deepEqual({ line, character }, { line: 9, character: 26 });
  });

  it('puts a missing property on the object that lacks it', () => {
    const text = journey('    { "id": "p1", "type": "wait", "duration": "P1D" }');
    const { diagnostics } = validateJourneyText(text);
    const missing = diagnostics.find((d) => d.code === 'schema.missing-property');
    assert.ok(missing, JSON.stringify(diagnostics));
    assert.equal(spanned(text, missing), '"p1"');
    assert.match(missing.message, /Missing property "next"/);
  });

  it('rejects durations with months, which have no fixed length', () => {
    const text = journey('    { "id": "p1", "type": "wait", "duration": "P1M", "next": "p2" },\n    { "id": "p2", "type": "end" }');
    const [d] = validateJourneyText(text).diagnostics;
    assert.equal(d?.code, 'schema.invalid-format');
    assert.equal(spanned(text, d!), '"P1M"');
  });

  it('reports a syntax error at its place and does not go on to the schema', () => {
    const text = '{\n  "formatVersion": 1\n  "id": "j"\n}';
    const { diagnostics, journey: parsed } = validateJourneyText(text);
    assert.equal(parsed, undefined);
    assert.equal(diagnostics[0]?.code, 'syntax.CommaExpected');
    assert.deepEqual(new LineIndex(text).positionAt(diagnostics[0]!.offset), { line: 2, character: 2 });
  });

  it('reports duplicate keys, which JSON readers would silently drop', () => {
    const text = '{ "formatVersion": 1, "formatVersion": 1 }';
    const [d] = validateJourneyText(text).diagnostics;
    assert.equal(d?.code, 'syntax.duplicate-key');
    assert.equal(d?.offset, text.lastIndexOf('"formatVersion"'));
  });

  it('never throws on arbitrary text', () => {
    for (const text of ['', ' ', '[]', 'null', '{', '{"points": [', '"x"', '{"formatVersion": 2}', '\u0000']) {
      const { diagnostics } = validateJourneyText(text);
      assert.ok(diagnostics.length > 0, `expected a diagnostic for ${JSON.stringify(text)}`);
    }
  });
});
