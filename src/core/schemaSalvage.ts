// Every problem at once: when a journey does not fit the schema, the parts
// that do not are replaced by well-formed stand-ins (a point keeps its id,
// type, title and successors; a starting point its id, valid trigger and
// filter, and next; a declaration its id), so that the semantic rules can
// still check the rest of the document. The rules' findings inside a
// replaced part are dropped: they would be about the stand-in. When a part
// cannot be stood in for (an unknown point type, a broken id, a top-level
// property such as kind or formatVersion), nothing is salvaged and only
// the schema's problems are reported, as before. Pure.
import type { z } from 'zod';
import { defaultPoint } from './edits/newNodes';
import { isObject, type RawObject, stringField, successorRefs } from './edits/nodeReferences';
import type { JourneyDiagnostic } from './diagnostic';
import type { JsonPath } from './jsonDocument';
import { ContentItem, Filter, Id, Journey, POINT_TYPES, type PointType, Trigger } from './schema';

type Issue = z.core.$ZodIssue;

const DECLARATIONS = new Set(['lists', 'segments', 'campaigns', 'forms', 'fields', 'content']);
const OPTIONAL_TOP = new Set(['description', '$schema', 'layout']);

/** The part of the journey an issue at `path` is in, as the path of that part. */
function partOf(path: readonly PropertyKey[]): JsonPath | undefined {
  const [first, second, third] = path;
  if ((first === 'points' || first === 'startingPoints' || DECLARATIONS.has(String(first))) && typeof second === 'number') return [first as string, second];
  if (first === 'settings' && second === 'exitCriteria' && typeof third === 'number') return ['settings', 'exitCriteria', third];
  if (typeof first === 'string' && OPTIONAL_TOP.has(first)) return [first];
  return undefined;
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** A well-formed stand-in for the part at `path`, or undefined when there is none. */
function standIn(journey: RawObject, path: JsonPath): unknown {
  const section = path[0];
  const raw = path.reduce<unknown>((at, key) => (at as Record<string | number, unknown>)[key], journey);
  const id = stringField(raw, 'id');
  if (section === 'points') {
    const type = stringField(raw, 'type');
    if (!id || !Id.safeParse(id).success || !type || !POINT_TYPES.includes(type as PointType)) return undefined;
    const refs = successorRefs('point', raw);
    const first = refs.find((r) => r.to)?.to ?? id;
    const point = defaultPoint(type as PointType, id, first, journey) as unknown as RawObject;
    for (const r of successorRefs('point', point)) {
      const original = refs.find((o) => o.slot === r.slot)?.to;
      if (original !== undefined) setAt(point, r.path, original);
    }
    const title = stringField(raw, 'title');
    if (title !== undefined) point['title'] = title;
    return point;
  }
  if (section === 'startingPoints') {
    const next = stringField(raw, 'next');
    if (!id || !Id.safeParse(id).success || !next) return undefined;
    const trigger = isObject(raw) ? Trigger.safeParse(raw['trigger']) : undefined;
    const filter = isObject(raw) && raw['filter'] !== undefined ? Filter.safeParse(raw['filter']) : undefined;
    return { id, trigger: trigger?.success ? trigger.data : { type: 'api' }, ...(filter?.success ? { filter: filter.data } : {}), next };
  }
  if (section === 'settings') {
    // (The criterion has a schema problem, so it never parses as it is.)
    return id && Id.safeParse(id).success ? { id, when: 'condition', condition: { type: 'all', of: [] } } : undefined;
  }
  if (section === 'fields') {
    const name = stringField(raw, 'name');
    return name ? { name, type: 'string' } : undefined;
  }
  if (section === 'content') {
    if (!id || !Id.safeParse(id).success) return undefined;
    const channel = stringField(raw, 'channel') === 'sms' ? 'sms' : 'email';
    const item: RawObject = { id, channel, status: 'ready' };
    // Keep each property that is valid on its own (the list, links), so references to them still hold.
    for (const key of ['name', 'subject', 'list', 'transactional', 'links', 'status'] as const) {
      if (isObject(raw) && raw[key] !== undefined && ContentItem.safeParse({ ...item, [key]: raw[key] }).success) item[key] = raw[key];
    }
    return item;
  }
  if (DECLARATIONS.has(String(section))) return id && (section === 'forms' || Id.safeParse(id).success) ? { id } : undefined;
  return OPTIONAL_TOP.has(String(section)) ? null : undefined;
}

function setAt(obj: RawObject, path: JsonPath, value: unknown): void {
  let at: unknown = obj;
  for (const key of path.slice(0, -1)) at = (at as Record<string | number, unknown>)[key];
  (at as Record<string | number, unknown>)[path[path.length - 1]!] = value;
}

const startsWith = (path: readonly (string | number)[], prefix: JsonPath) => prefix.every((p, i) => path[i] === p);

export interface Salvage {
  journey: Journey;
  /** Whether a rule's finding at `path` is about a stand-in (and so dropped). */
  replaced(path: readonly (string | number)[]): boolean;
}

/** The journey with its ill-formed parts stood in for, when every issue is in a part that can be; else undefined. */
export function salvageJourney(value: unknown, issues: readonly Issue[]): Salvage | undefined {
  if (!isObject(value) || issues.length === 0) return undefined;
  const parts = new Map<string, JsonPath>();
  for (const issue of issues) {
    const part = partOf(issue.path);
    if (!part) return undefined;
    parts.set(JSON.stringify(part), part);
  }
  const journey = clone(value);
  for (const part of parts.values()) {
    const replacement = standIn(journey, part);
    if (replacement === undefined) return undefined;
    if (replacement === null) delete journey[part[0] as string];
    else setAt(journey, part, replacement);
  }
  const parsed = Journey.safeParse(journey);
  if (!parsed.success) return undefined;
  const replacedParts = [...parts.values()];
  return { journey: parsed.data, replaced: (path) => replacedParts.some((p) => startsWith(path, p)) };
}

/** The rules' findings that are not about a stand-in. */
export function findingsOutsideStandIns(diagnostics: readonly JourneyDiagnostic[], salvage: Salvage): JourneyDiagnostic[] {
  return diagnostics.filter((d) => !salvage.replaced(d.path));
}
