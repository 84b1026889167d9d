// Generates the draft-07 JSON Schemas of the journey, timeline and scenario formats
// from their zod schemas; run at build time by esbuild.mjs and contributed to
// VS Code through `jsonValidation`. Every `pattern` gets a
// `patternErrorMessage` (read by VS Code's JSON language service) saying what
// the value should look like, instead of the regular expression, which for
// an instant is some 300 characters.
import { z } from 'zod';
import { Duration, Id, Journey, LocalDateTime, TimeOfDay } from './schema';
import { Scenario } from './scenario';
import { Timeline } from './timeline';

const INSTANT_MESSAGE = 'An instant is ISO 8601 with an offset, e.g. 2026-03-01T09:00:00Z.';

/** The message of each pattern the formats use, by the pattern's JSON Schema text. */
const PATTERN_MESSAGES = new Map<string, string>(
  (
    [
      [Id, 'An id starts with a letter or _ and holds only letters, digits, _ . - (e.g. p_send_welcome).'],
      [Duration, 'A duration is ISO 8601 with weeks, days, hours, minutes, seconds only, e.g. P1D, PT12H, P2DT6H.'],
      [LocalDateTime, 'A local date-time looks like 2026-12-01T09:00 (no offset: it is read in the time zone beside it).'],
      [TimeOfDay, 'A time of day is HH:MM, 24-hour, e.g. 09:00.'],
    ] as const
  ).map(([schema, message]) => [String((z.toJSONSchema(schema, { target: 'draft-7' }) as { pattern?: string }).pattern), message]),
);

function addPatternMessages(node: unknown): void {
  if (Array.isArray(node)) node.forEach(addPatternMessages);
  else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (typeof record.pattern === 'string' && record.patternErrorMessage === undefined) {
      const message = record.format === 'date-time' ? INSTANT_MESSAGE : PATTERN_MESSAGES.get(record.pattern);
      if (message) record.patternErrorMessage = message;
    }
    Object.values(record).forEach(addPatternMessages);
  }
}

function toDraft7(schema: z.ZodType, title: string, id: string): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  addPatternMessages(json);
  return { ...json, $id: id, title };
}

export function journeyJsonSchema(): Record<string, unknown> {
  return toDraft7(Journey, 'Journey Designer journey (.journey.json)', 'https://journey-designer.dev/schema/journey.schema.json');
}

export function timelineJsonSchema(): Record<string, unknown> {
  return toDraft7(Timeline, 'Journey Designer timeline (.timeline.json)', 'https://journey-designer.dev/schema/timeline.schema.json');
}

export function scenarioJsonSchema(): Record<string, unknown> {
  return toDraft7(Scenario, 'Journey Designer scenario (.scenario.json)', 'https://journey-designer.dev/schema/scenario.schema.json');
}
