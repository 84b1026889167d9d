// The draft-07 JSON Schema of the compiled journey (IR), generated from its
// zod schema; written to dist/journey-ir.schema.json by the build and into
// every generated Restate project, so IR files validate in any editor.
import { z } from 'zod';
import { JourneyIr } from './irSchema';

export const IR_SCHEMA_ID = 'https://journey-designer.dev/schema/journey-ir.schema.json';

export function journeyIrJsonSchema(): Record<string, unknown> {
  const json = z.toJSONSchema(JourneyIr, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...json, $id: IR_SCHEMA_ID, title: 'Journey Designer compiled journey (IR)' };
}
