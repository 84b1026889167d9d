// R22: where a journey's logic differs from the source of the version that
// was published (kept as published/<id>/<id>.v<N>.journey.json). Compares
// the logic of both (journeyLogic of journeyHash.ts, so layout, status,
// version, publication, descriptions, point titles and starting point names
// never count) and answers each changed place as a JSON path of the current
// journey: a value that changed, a property or an item that was added, one
// that was removed (at the object or list that lost it), a list reordered.
// Items of a list that all carry an `id` (points, starting points, content,
// branches ...) are matched by id, so inserting a point flags that point,
// not every point after it. Pure.
import { canonicalJson, journeyLogic } from './journeyHash';
import type { JsonPath } from './jsonDocument';

export interface LogicChange {
  kind: 'changed' | 'added' | 'removed' | 'reordered';
  /** The place in the current journey. */
  path: JsonPath;
  /** Where on that place a diagnostic goes (see RuleContext.spanOf). */
  on: 'key' | 'value' | 'object';
  /** What the published version had there (changed), or what it had that is gone (removed: the key or the item's id). */
  was?: unknown;
}

type JsonObject = Record<string, unknown>;
const isObject = (v: unknown): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The ids of a list whose items are all objects with distinct string ids, else undefined. */
function idsOf(items: unknown[]): string[] | undefined {
  const ids: string[] = [];
  for (const item of items) {
    const id = isObject(item) && Object.hasOwn(item, 'id') ? item['id'] : undefined;
    if (typeof id !== 'string') return undefined;
    ids.push(id);
  }
  return new Set(ids).size === ids.length ? ids : undefined;
}

/**
 * The places where `current`'s logic differs from `published`'s, in document
 * order of discovery, at most `limit` of them (the caller says how many more
 * there are by comparing with the limit). Empty when the logic is the same.
 */
export function logicChanges(published: unknown, current: unknown, limit = 100): LogicChange[] {
  const changes: LogicChange[] = [];
  const add = (change: LogicChange) => {
    if (changes.length < limit) changes.push(change);
  };
  const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

  const compare = (was: unknown, now: unknown, path: JsonPath): void => {
    if (changes.length >= limit || same(was, now)) return;
    if (isObject(was) && isObject(now)) {
      for (const key of Object.keys(now)) {
        if (!Object.hasOwn(was, key)) add({ kind: 'added', path: [...path, key], on: 'key' });
        else compare(was[key], now[key], [...path, key]);
      }
      for (const key of Object.keys(was)) if (!Object.hasOwn(now, key)) add({ kind: 'removed', path, on: 'object', was: key });
      return;
    }
    if (Array.isArray(was) && Array.isArray(now)) {
      const wasIds = idsOf(was);
      const nowIds = idsOf(now);
      if (wasIds && nowIds) {
        const wasIndex = new Map(wasIds.map((id, i) => [id, i]));
        const nowSet = new Set(nowIds);
        let contentChanged = false;
        nowIds.forEach((id, i) => {
          const before = wasIndex.get(id);
          if (before === undefined) {
            add({ kind: 'added', path: [...path, i], on: 'object' });
            contentChanged = true;
          } else if (!same(was[before], now[i])) {
            compare(was[before], now[i], [...path, i]);
            contentChanged = true;
          }
        });
        for (const id of wasIds) {
          if (nowSet.has(id)) continue;
          add({ kind: 'removed', path, on: 'key', was: id });
          contentChanged = true;
        }
        if (!contentChanged) add({ kind: 'reordered', path, on: 'key' });
        return;
      }
      const common = Math.min(was.length, now.length);
      for (let i = 0; i < common; i++) compare(was[i], now[i], [...path, i]);
      for (let i = common; i < now.length; i++) add({ kind: 'added', path: [...path, i], on: 'object' });
      if (was.length > now.length) add({ kind: 'removed', path, on: 'key', was: `${was.length - now.length} item${was.length - now.length === 1 ? '' : 's'}` });
      return;
    }
    add({ kind: 'changed', path, on: isObject(now) || Array.isArray(now) ? 'object' : 'value', was });
  };

  compare(journeyLogic(published), journeyLogic(current), []);
  return changes;
}

/** A published value, shortened for a message: `"P1D"`, `3`, `{…}`. */
export function shortValue(value: unknown): string {
  if (isObject(value)) return '{…}';
  if (Array.isArray(value)) return '[…]';
  const text = JSON.stringify(value) ?? 'null';
  return text.length > 60 ? `${text.slice(0, 57)}…"` : text;
}
