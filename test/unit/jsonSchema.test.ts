// Specification of the generated JSON Schemas (what VS Code checks
// *.journey.json and *.timeline.json with): a value that does not match a
// pattern gets a short message saying what it should look like, never the
// regular expression (some 300 characters for an instant) (#19).
import assert from 'node:assert/strict';
import { journeyJsonSchema, timelineJsonSchema } from '../../src/core/jsonSchema';

/** Every node with a pattern, with its JSON pointer. */
function patterns(node: unknown, at = ''): { at: string; node: Record<string, unknown> }[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => patterns(n, `${at}/${i}`));
  if (node === null || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = typeof record.pattern === 'string' ? [{ at, node: record }] : [];
  return [...own, ...Object.entries(record).flatMap(([k, v]) => patterns(v, `${at}/${k}`))];
}

describe('generated JSON Schemas', () => {
  it('a timeline instant that does not match says what an instant looks like, in a short message', () => {
    const start = patterns(timelineJsonSchema()).find((p) => p.at === '/properties/start');
    assert.ok(start);
    assert.equal(start.node.patternErrorMessage, 'An instant is ISO 8601 with an offset, e.g. 2026-03-01T09:00:00Z.');
  });

  it('every pattern a person writes has a message of under 120 characters (the publication hash is written by the tool)', () => {
    for (const [name, schema] of [['timeline', timelineJsonSchema()], ['journey', journeyJsonSchema()]] as const) {
      for (const { at, node } of patterns(schema)) {
        if (at === '/properties/publication/properties/hash') continue;
        assert.equal(typeof node.patternErrorMessage, 'string', `${name} ${at} has no patternErrorMessage`);
        assert.ok((node.patternErrorMessage as string).length < 120, `${name} ${at}: ${String(node.patternErrorMessage)}`);
      }
    }
  });
});
