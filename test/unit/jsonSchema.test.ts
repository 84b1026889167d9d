// Specification of the generated JSON Schemas (what VS Code checks
// *.journey.json and *.timeline.json with): a value that does not match a
// pattern gets a short message saying what it should look like, never the
// regular expression (some 300 characters for an instant) (#19).
import assert from 'node:assert/strict';
import { journeyJsonSchema, scenarioJsonSchema, timelineJsonSchema } from '../../src/core/jsonSchema';

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

  it('each format\'s schema has its own id and title', () => {
    const head = (schema: Record<string, unknown>) => [schema.$id, schema.title];
    assert.deepEqual(head(journeyJsonSchema()), ['https://journey-designer.dev/schema/journey.schema.json', 'Journey Designer journey (.journey.json)']);
    assert.deepEqual(head(timelineJsonSchema()), ['https://journey-designer.dev/schema/timeline.schema.json', 'Journey Designer timeline (.timeline.json)']);
    assert.deepEqual(head(scenarioJsonSchema()), ['https://journey-designer.dev/schema/scenario.schema.json', 'Journey Designer scenario (.scenario.json)']);
  });

  it('an id, a duration, a local date-time and a time of day each say what they look like', () => {
    const byPointer = new Map(patterns(journeyJsonSchema()).map((p) => [p.at, p.node.patternErrorMessage]));
    assert.equal(byPointer.get('/properties/id'), 'An id starts with a letter or _ and holds only letters, digits, _ . - (e.g. p_send_welcome).');
    const messages = new Set(byPointer.values());
    assert.ok(messages.has('A duration is ISO 8601 with weeks, days, hours, minutes, seconds only, e.g. P1D, PT12H, P2DT6H.'));
    assert.ok(messages.has('A local date-time looks like 2026-12-01T09:00 (no offset: it is read in the time zone beside it).'));
    assert.ok(messages.has('A time of day is HH:MM, 24-hour, e.g. 09:00.'));
  });

  it('a pattern with no message of ours (the publication hash) gets none, so VS Code says what it says', () => {
    const hash = patterns(journeyJsonSchema()).find((p) => p.at === '/properties/publication/properties/hash');
    assert.ok(hash);
    assert.equal(Object.hasOwn(hash.node, 'patternErrorMessage'), false);
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
