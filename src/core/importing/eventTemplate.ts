// How an imported record (a Segment message, a CSV row) becomes a timeline
// event: an event template is a timeline event without `at` and `contact`
// ({"type":"emailClicked","link":"$properties.link_url"}) whose string
// values starting with "$" are read from the record (a dotted path into a
// Segment message, a column name of a CSV row); other values are kept as
// written. A value read from the record may be translated by the mapping's
// value maps (`values.content`, `values.link`, ...: what the source calls
// an email, a link, a list, named as the journey names it). A path that
// gives nothing leaves the property out; the event is then checked against
// the timeline schema, so a required property that is missing makes the
// record a bad row.
type FieldValue = string | number | boolean;

export type EventTemplate = { type: string } & Record<string, unknown>;

/** Per event property: the source's value → the journey's name. */
export type ValueMaps = Partial<Record<string, Record<string, string>>>;

/** Timeline event properties that are numbers (a CSV cell "89.90" becomes 89.9). */
const NUMERIC = new Set(['amount']);

function primitive(value: unknown): value is FieldValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** A record of field values: the primitive entries of an object (others are dropped). */
function fieldRecord(value: unknown): Record<string, FieldValue> | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const out: Record<string, FieldValue> = {};
  for (const [k, v] of Object.entries(value)) if (primitive(v)) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

/**
 * The event a template gives for one record; `read(path)` gives the
 * record's value at a path (undefined when absent or empty).
 */
export function fillTemplate(template: EventTemplate, read: (path: string) => unknown, values: ValueMaps | undefined): Record<string, unknown> {
  const resolve = (key: string, value: unknown): unknown => {
    if (typeof value === 'string' && value.startsWith('$')) {
      let found = read(value.slice(1));
      if (found === undefined || found === null || found === '') return undefined;
      const map = values?.[key];
      if (map && typeof found === 'string' && Object.hasOwn(map, found)) found = map[found];
      if (NUMERIC.has(key) && typeof found === 'string' && found.trim() !== '' && Number.isFinite(Number(found))) found = Number(found);
      if (key === 'fields' || key === 'properties') return fieldRecord(found);
      return found;
    }
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && (key === 'fields' || key === 'properties')) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        const r = resolve(k, v);
        if (r !== undefined) Object.defineProperty(out, k, { value: r, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    return value;
  };
  const event: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(template)) {
    const r = resolve(key, value);
    if (r !== undefined) event[key] = r;
  }
  return event;
}

/** A value at a dotted path of an object (`properties.products.0.name`). */
export function valueAtPath(root: unknown, path: string): unknown {
  let at: unknown = root;
  for (const part of path.split('.')) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, part)) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}
