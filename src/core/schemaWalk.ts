// Finds the zod schema that governs a JSON path of a document, choosing
// union options by their discriminator in the data. Lets diagnostics list the
// allowed properties of an object and completions offer them.
import type { z } from 'zod';
import type { JsonPath } from './jsonDocument';

/** The parts of zod's internal definition this walk reads. */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  getter?: () => z.ZodType;
  in?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Strips optional, nullable, default, lazy and pipe wrappers; picks the union option that fits `data`. */
export function unwrap(schema: z.ZodType, data?: unknown): z.ZodType {
  let current = schema;
  for (let guard = 0; guard < 32; guard++) {
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default' || def.type === 'readonly') current = def.innerType!;
    else if (def.type === 'lazy') current = def.getter!();
    else if (def.type === 'pipe') current = def.in!;
    else if (def.type === 'union') {
      const option = pickOption(def, data);
      if (!option) return current;
      current = option;
    } else return current;
  }
  return current;
}

function pickOption(def: Def, data: unknown): z.ZodType | undefined {
  const options = def.options ?? [];
  if (typeof data !== 'object' || data === null) return undefined;
  const record = data as Record<string, unknown>;
  // Choose by a literal-valued property the data carries (discriminated or not).
  for (const option of options) {
    const shape = defOf(unwrap(option)).shape;
    if (!shape) continue;
    const literalKeys = Object.entries(shape).filter(([, s]) => defOf(s).type === 'literal');
    if (literalKeys.length > 0 && literalKeys.every(([k, s]) => (defOf(s) as unknown as { values: unknown[] }).values.includes(record[k]))) {
      return option;
    }
  }
  return undefined;
}

/** The schema at `path` within `root`, given the document's data; undefined if the path leaves the schema. */
export function schemaAtPath(root: z.ZodType, data: unknown, path: JsonPath): z.ZodType | undefined {
  let schema: z.ZodType | undefined = root;
  let value: unknown = data;
  for (const segment of path) {
    if (!schema) return undefined;
    const def = defOf(unwrap(schema, value));
    if (def.type === 'object' && typeof segment === 'string') schema = def.shape && Object.hasOwn(def.shape, segment) ? def.shape[segment] : undefined;
    else if (def.type === 'array') schema = def.element;
    else if (def.type === 'record') schema = def.valueType;
    else return undefined;
    value = value && typeof value === 'object' && Object.hasOwn(value, segment) ? (value as Record<string | number, unknown>)[segment] : undefined;
  }
  return schema;
}

/** The property names an object schema allows (after unwrapping). */
export function allowedKeys(schema: z.ZodType, data?: unknown): string[] {
  const def = defOf(unwrap(schema, data));
  return def.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}

/** The description attached with `.describe()`, looking through wrappers. */
export function descriptionOf(schema: z.ZodType | undefined): string | undefined {
  let current = schema;
  for (let guard = 0; current && guard < 8; guard++) {
    if (current.description) return current.description;
    const def = defOf(current);
    current = def.innerType ?? def.in;
  }
  return undefined;
}
