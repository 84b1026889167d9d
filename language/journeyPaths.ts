// What a JSON path of a journey document means: which kind of object it is
// in (a journey point, a trigger, a filter at any depth, an awaited event...)
// and what a string value there names (a point id, a declared tag, list,
// field, content item...). Drives completion, go to definition of names and
// the hover of `type` values. Reads only the path and the raw value, so it
// works on documents that do not fit the schema.
import type { JsonPath } from '../src/core/jsonDocument';
import type { DeclarationKind } from './journeyIndex';

export type ObjectRole =
  | 'journey'
  | 'startingPoint'
  | 'trigger'
  | 'filter'
  | 'point'
  | 'event'
  | 'ifElseBranches'
  | 'splitBranch'
  | 'segmentEntry'
  | 'contentItem'
  | 'other';

/** What a string value at a path names. */
export type ValueMeaning =
  | { kind: 'point-id'; owner: JsonPath }
  | { kind: 'email-point-id' }
  | { kind: 'name'; declaration: DeclarationKind; channel?: 'email' | 'sms'; dateFieldsOnly?: boolean }
  | { kind: 'link'; eventPath: JsonPath }
  | { kind: 'type'; of: 'point' | 'trigger' | 'filter' | 'event' };

const eq = (path: JsonPath, pattern: readonly (string | number | null)[]): boolean =>
  path.length === pattern.length && pattern.every((p, i) => (p === null ? typeof path[i] === 'number' : path[i] === p));

/** The length of the filter root at the start of `path` (a starting point's filter, an if/else condition, an exit criterion's condition), or 0. */
function filterRootLength(path: JsonPath): number {
  if (path[0] === 'startingPoints' && typeof path[1] === 'number' && path[2] === 'filter') return 3;
  if (path[0] === 'points' && typeof path[1] === 'number' && path[2] === 'condition') return 3;
  if (path[0] === 'settings' && path[1] === 'exitCriteria' && typeof path[2] === 'number' && path[3] === 'condition') return 4;
  return 0;
}

/** Whether the object at `path` is a filter: a filter root, then any run of `of[k]` and `filter`. */
function isFilterPath(path: JsonPath): boolean {
  const root = filterRootLength(path);
  if (root === 0 || path.length < root) return false;
  for (let i = root; i < path.length; ) {
    if (path[i] === 'of' && typeof path[i + 1] === 'number') i += 2;
    else if (path[i] === 'filter') i += 1;
    else return false;
  }
  return true;
}

export function roleOfObject(path: JsonPath): ObjectRole {
  if (path.length === 0) return 'journey';
  if (eq(path, ['startingPoints', null])) return 'startingPoint';
  if (eq(path, ['startingPoints', null, 'trigger'])) return 'trigger';
  if (eq(path, ['points', null])) return 'point';
  if (eq(path, ['points', null, 'event']) || eq(path, ['settings', 'exitCriteria', null, 'event'])) return 'event';
  if (eq(path, ['points', null, 'branches'])) return 'ifElseBranches';
  if (eq(path, ['points', null, 'branches', null])) return 'splitBranch';
  if (eq(path, ['segmentEntry'])) return 'segmentEntry';
  if (eq(path, ['content', null])) return 'contentItem';
  if (isFilterPath(path)) return 'filter';
  return 'other';
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The raw value at a path of a raw JSON value. */
export function valueAt(root: unknown, path: JsonPath): unknown {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

const NAME_PROPERTIES: Partial<Record<ObjectRole, Record<string, DeclarationKind>>> = {
  point: { tag: 'tag', list: 'list', field: 'field', content: 'content' },
  trigger: { tag: 'tag', list: 'list', segment: 'segment', campaign: 'campaign', form: 'form', field: 'field' },
  filter: { tag: 'tag', list: 'list', segment: 'segment', campaign: 'campaign', field: 'field' },
  event: { tag: 'tag', form: 'form' },
  segmentEntry: { segment: 'segment' },
  contentItem: { list: 'list' },
};

/** What the string value of property `path[last]` names, given the document's raw value. */
export function meaningOfValue(path: JsonPath, root: unknown): ValueMeaning | undefined {
  const property = path[path.length - 1];
  if (typeof property !== 'string') return undefined;
  const objectPath = path.slice(0, -1);
  const role = roleOfObject(objectPath);
  const object = valueAt(root, objectPath);
  const type = isObject(object) && typeof object['type'] === 'string' ? object['type'] : undefined;
  if (property === 'type') {
    if (role === 'point') return { kind: 'type', of: 'point' };
    if (role === 'trigger') return { kind: 'type', of: 'trigger' };
    if (role === 'filter') return { kind: 'type', of: 'filter' };
    if (role === 'event') return { kind: 'type', of: 'event' };
    return undefined;
  }
  if (property === 'next' && (role === 'startingPoint' || role === 'point')) return { kind: 'point-id', owner: objectPath };
  if (property === 'next' && role === 'splitBranch') return { kind: 'point-id', owner: objectPath.slice(0, -2) };
  if (role === 'ifElseBranches' && (property === 'yes' || property === 'no' || property === 'timeout')) return { kind: 'point-id', owner: objectPath.slice(0, -1) };
  if (role === 'event' && property === 'point') return { kind: 'email-point-id' };
  if (role === 'event' && property === 'link') return { kind: 'link', eventPath: objectPath };
  const byProperty = Object.hasOwn(NAME_PROPERTIES, role) ? NAME_PROPERTIES[role] : undefined;
  const declaration = byProperty && Object.hasOwn(byProperty, property) ? byProperty[property] : undefined;
  if (!declaration) return undefined;
  if (declaration === 'content') return { kind: 'name', declaration, channel: type === 'sendSms' ? 'sms' : 'email' };
  if (declaration === 'field' && role === 'trigger') return { kind: 'name', declaration, dateFieldsOnly: true };
  return { kind: 'name', declaration };
}
