// The text a `type` completion inserts: the chosen type, then every property
// that type requires and the object does not have yet, filled with the
// defaults the map uses for a new node (the journey's own first content
// item, tag, list...), each string a snippet placeholder. Derived from the
// zod schema, so a new required property is offered as soon as it exists.
import type { z } from 'zod';
import { defaultAwaitedEvent, defaultFilter, defaultPoint, defaultTrigger, newPointId, usedIds } from '../src/core/edits/newNodes';
import { AwaitedEvent, Filter, JourneyPoint, type PointType, Trigger, type TriggerType } from '../src/core/schema';
import { unwrap } from '../src/core/schemaWalk';
import type { TypeFamily } from './ruleDocs';

interface ZodInternals {
  _zod: { def: { options?: z.ZodType[]; shape?: Record<string, ZodInternals> }; optin?: string };
}

const internals = (schema: unknown) => schema as ZodInternals;

const SCHEMAS: Record<TypeFamily, z.ZodType> = { point: JourneyPoint, trigger: Trigger, filter: Filter, event: AwaitedEvent };

/** The type values of a family, in schema (palette) order. */
export function typesOf(family: TypeFamily): string[] {
  return (internals(unwrap(SCHEMAS[family]))._zod.def.options ?? []).map((o) => {
    const shape = internals(o)._zod.def.shape ?? {};
    const literal = shape['type'] as unknown as { value: string };
    return literal.value;
  });
}

/** The properties a type requires, in schema order (with `id` and `type`). */
export function requiredProperties(family: TypeFamily, type: string): string[] {
  for (const option of internals(unwrap(SCHEMAS[family]))._zod.def.options ?? []) {
    const shape = internals(option)._zod.def.shape ?? {};
    if ((shape['type'] as unknown as { value: string }).value !== type) continue;
    return Object.entries(shape)
      .filter(([, s]) => s._zod.optin !== 'optional')
      .map(([k]) => k);
  }
  return [];
}

/** A new object of the type as the map would create it; successors lead to `successor`. */
export function defaultObject(family: TypeFamily, type: string, journey: unknown, successor: string): Record<string, unknown> {
  switch (family) {
    case 'point':
      return defaultPoint(type as PointType, newPointId(type as PointType, usedIds(journey)), successor, journey) as Record<string, unknown>;
    case 'trigger':
      return defaultTrigger(type as TriggerType, journey) as Record<string, unknown>;
    case 'filter':
      return defaultFilter(type as Filter['type'], journey) as Record<string, unknown>;
    case 'event':
      return defaultAwaitedEvent(type as AwaitedEvent['type'], journey) as Record<string, unknown>;
  }
}

/** Escapes text for a snippet placeholder. */
const escapeSnippet = (text: string) => text.replace(/[\\$}]/g, (c) => `\\${c}`);

/** A JSON value as snippet text: every string and number a numbered placeholder. */
export function snippetOfValue(value: unknown, next: () => number): string {
  if (typeof value === 'string') {
    const json = JSON.stringify(value).slice(1, -1);
    return json ? `"\${${next()}:${escapeSnippet(json)}}"` : `"\$${next()}"`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return `\${${next()}:${String(value)}}`;
  if (Array.isArray(value)) return `[${value.map((v) => snippetOfValue(v, next)).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length ? `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${snippetOfValue(v, next)}`).join(', ')} }` : '{}';
  }
  return 'null';
}

/** A JSON value on one line, as plain text for clients without snippets. */
export function plainOfValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(plainOfValue).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length ? `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${plainOfValue(v)}`).join(', ')} }` : '{}';
  }
  return JSON.stringify(value);
}

export interface TypeInsertion {
  /** The text replacing the `type` value: the value, then `, "prop": value` for each missing required property. */
  text: string;
  /** The properties it adds. */
  added: string[];
}

/**
 * What choosing `type` inserts at the `type` value of an object that already
 * has the properties `present`. `separator` goes between properties (", "
 * on one line, or ",\n" plus the indentation of the object's properties).
 */
export function typeInsertion(
  family: TypeFamily,
  type: string,
  options: { present: ReadonlySet<string>; journey: unknown; successor: string; separator: string; snippets: boolean },
): TypeInsertion {
  const defaults = defaultObject(family, type, options.journey, options.successor);
  const added = requiredProperties(family, type).filter((k) => k !== 'type' && !options.present.has(k) && k in defaults);
  let placeholder = 0;
  const next = () => ++placeholder;
  const value = (v: unknown) => (options.snippets ? snippetOfValue(v, next) : plainOfValue(v));
  const text = [JSON.stringify(type), ...added.map((k) => `${JSON.stringify(k)}: ${value(defaults[k])}`)].join(options.separator);
  return { text: options.snippets ? `${escapeTypeValue(text, type)}$0` : text, added };
}

/** The leading `"type"` value is literal text in a snippet: escape it like the rest. */
function escapeTypeValue(text: string, type: string): string {
  const head = JSON.stringify(type);
  return escapeSnippet(head) + text.slice(head.length);
}
