// Names a journey file may not use for what it names (ids and keys of
// points, starting points, tags, lists, segments, fields, forms, campaigns,
// content items, links, events, layout entries, event properties): the
// properties every JavaScript object has (`__proto__`, `constructor`,
// `toString` ...) and `prototype`. Programs that read journeys look names up
// as object properties, where such a name means something else (JSON
// readers drop a `__proto__` key, `"toString" in tags` is always true).
// Found with an explicit stack, located at the exact name, before the schema.
import type { JourneyDiagnostic } from './diagnostic';
import { type JsonDocument, type JsonPath, keySpan, valueSpan } from './jsonDocument';

/** Object.prototype's own property names (fixed, so every engine agrees) and `prototype`. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  '__proto__',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'constructor',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
  'prototype',
]);

export const isReservedName = (name: string): boolean => RESERVED_NAMES.has(name);

/** Properties whose string value is a name (an id or a reference to one), with what it names. */
const NAME_PROPERTIES: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  next: 'journey point',
  yes: 'journey point',
  no: 'journey point',
  timeout: 'journey point',
  point: 'journey point',
  startingPoint: 'starting point',
  tag: 'tag',
  field: 'field',
  phoneField: 'field',
  list: 'list',
  segment: 'segment',
  campaign: 'campaign',
  form: 'form',
  content: 'content item',
  link: 'link',
});

/** What an `id` names, by the array that holds its object. */
const ID_OF: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  startingPoints: 'starting point',
  points: 'journey point',
  lists: 'list',
  segments: 'segment',
  campaigns: 'campaign',
  forms: 'form',
  content: 'content item',
  exitCriteria: 'exit criterion',
});

/** What a key of an object names, by the property that holds the object. */
const KEY_OF: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  layout: 'journey point (in layout)',
  properties: 'event property',
});

const PREFIX: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  'journey point': 'p',
  'journey point (in layout)': 'p',
  'starting point': 'sp',
  'exit criterion': 'exit',
  'content item': 'content',
  'event property': 'prop',
});

/** A name like the reserved one that is allowed: `p_constructor`, `tag_toString`. */
export function unreservedName(name: string, what: string): string {
  const prefix = PREFIX[what] ?? what.split(' ')[0]!;
  return `${prefix}_${name.replace(/^_+|_+$/g, '') || 'name'}`;
}

/** Why a point may not be renamed to a reserved name. */
export function reservedIdRefusal(newId: string): string {
  return `"${newId}" is reserved: names every JavaScript object already has (__proto__, constructor, toString ...) cannot name a journey point. Use e.g. "${unreservedName(newId, 'journey point')}".`;
}

/** Every reserved name the journey uses as a name, in document order, each located at the exact key or value. */
export function reservedNameDiagnostics(doc: JsonDocument): JourneyDiagnostic[] {
  const found: JourneyDiagnostic[] = [];
  const report = (name: string, what: string, path: JsonPath, on: 'key' | 'value') => {
    const suggestion = unreservedName(name, what);
    const span = on === 'key' ? (keySpan(doc, path) ?? valueSpan(doc, path)) : valueSpan(doc, path);
    found.push({
      code: 'schema.reserved-name',
      rule: 'schema',
      severity: 'error',
      message:
        `"${name}" cannot name ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what}: __proto__, constructor, prototype, toString, valueOf, hasOwnProperty and the other names every JavaScript object already has are reserved in journey files, ` +
        `because programs that read the journey would take them for built-in properties (the name would vanish or match everything). Rename it, e.g. "${suggestion}", everywhere it is used.`,
      ...span,
      path,
      data: { name, suggestion, what },
    });
  };
  // Each item links to its parent instead of carrying its path: copying paths would cost the
  // depth at every node (quadratic on absurdly nested text); a path is built only to report.
  interface Item {
    value: unknown;
    key: string | number | undefined;
    parent: Item | undefined;
    /** The key that holds this value (or, for an array item, the array). */
    holder: string | undefined;
    /** The key that holds the object or array this value is in. */
    grandHolder: string | undefined;
    /** The `type` of the object this value is a property of. */
    parentType: unknown;
  }
  const pathOf = (item: Item, last?: string): JsonPath => {
    const path: JsonPath = last === undefined ? [] : [last];
    for (let at: Item | undefined = item; at && at.key !== undefined; at = at.parent) path.push(at.key);
    return path.reverse();
  };
  const stack: Item[] = [{ value: doc.value, key: undefined, parent: undefined, holder: undefined, grandHolder: undefined, parentType: undefined }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    const { value, key, holder, grandHolder, parentType } = item;
    if (typeof value === 'string') {
      if (!isReservedName(value)) continue;
      if (typeof key === 'number') {
        if (holder === 'tags') report(value, 'tag', pathOf(item), 'value');
        else if (holder === 'links') report(value, 'link', pathOf(item), 'value');
      } else if (key === 'id') report(value, item.parent?.key === undefined ? 'journey' : (ID_OF[grandHolder ?? ''] ?? 'thing'), pathOf(item), 'value');
      else if (key === 'name' && (grandHolder === 'fields' || parentType === 'customEvent')) report(value, grandHolder === 'fields' ? 'field' : 'event', pathOf(item), 'value');
      else if (key !== undefined && NAME_PROPERTIES[key] !== undefined) report(value, NAME_PROPERTIES[key]!, pathOf(item), 'value');
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    const children: Item[] = [];
    if (Array.isArray(value)) {
      value.forEach((v, i) => children.push({ value: v, key: i, parent: item, holder, grandHolder: holder, parentType: undefined }));
    } else {
      const record = value as Record<string, unknown>;
      const type = Object.hasOwn(record, 'type') ? record['type'] : undefined;
      const objectHolder = typeof key === 'string' ? key : holder;
      for (const k of Object.keys(record)) {
        if (isReservedName(k)) report(k, KEY_OF[objectHolder ?? ''] ?? 'property', pathOf(item, k), 'key');
        children.push({ value: record[k], key: k, parent: item, holder: k, grandHolder: objectHolder, parentType: type });
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return found;
}
