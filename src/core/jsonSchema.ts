// Generates the draft-07 JSON Schemas of the journey and timeline formats
// from their zod schemas; run at build time by esbuild.mjs and contributed to
// VS Code through `jsonValidation`.
import { z } from 'zod';
import { Journey } from './schema';
import { Timeline } from './timeline';

function toDraft7(schema: z.ZodType, title: string, id: string): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...json, $id: id, title };
}

export function journeyJsonSchema(): Record<string, unknown> {
  return toDraft7(Journey, 'Journey Designer journey (.journey.json)', 'https://journey-designer.dev/schema/journey.schema.json');
}

export function timelineJsonSchema(): Record<string, unknown> {
  return toDraft7(Timeline, 'Journey Designer timeline (.timeline.json)', 'https://journey-designer.dev/schema/timeline.schema.json');
}
