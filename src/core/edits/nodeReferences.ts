// Where a journey names its nodes' successors, read loosely from the raw
// JSON value so that it also works on documents that do not fit the schema
// yet (a point with a typo in one field still has its edges). Shared by the
// edit operations and the map model. Pure.
import type { JsonPath } from '../jsonDocument';
import type { Slot } from './journeyOperation';

export type RawObject = Record<string, unknown>;

export const isObject = (v: unknown): v is RawObject => typeof v === 'object' && v !== null && !Array.isArray(v);
export const stringField = (v: unknown, key: string): string | undefined => {
  const x = isObject(v) ? v[key] : undefined;
  return typeof x === 'string' ? x : undefined;
};
export const arrayField = (v: unknown, key: string): unknown[] => {
  const x = isObject(v) ? v[key] : undefined;
  return Array.isArray(x) ? x : [];
};

/** One successor reference of a node. */
export interface SuccessorRef {
  slot: Slot;
  /** The id it names; undefined when the slot exists but holds no string. */
  to: string | undefined;
  /** `next`, `yes`, `no`, `timeout`, or the split share (`30%` or the branch label). */
  label: string;
  /** Path of the reference relative to the node object. */
  path: JsonPath;
}

/** The path, relative to its node, of the reference in `slot`. */
export function slotPath(slot: Slot): JsonPath {
  if (typeof slot === 'number') return ['branches', slot, 'next'];
  return slot === 'next' ? ['next'] : ['branches', slot];
}

const TERMINAL = new Set(['exit', 'end']);
const NEXT_TYPES = new Set(['sendEmail', 'sendSms', 'addTag', 'removeTag', 'updateField', 'subscribeList', 'unsubscribeList', 'webhook', 'wait', 'waitUntil']);
const BRANCH_KEYS: Record<string, readonly ('yes' | 'no' | 'timeout')[]> = { ifElse: ['yes', 'no'], waitForEvent: ['yes', 'timeout'] };

/** The successor references of a starting point (`start`) or journey point (`point`), in document order. */
export function successorRefs(kind: 'start' | 'point', node: unknown): SuccessorRef[] {
  if (kind === 'start') return [{ slot: 'next', to: stringField(node, 'next'), label: 'next', path: ['next'] }];
  const type = stringField(node, 'type') ?? '';
  if (TERMINAL.has(type)) return [];
  const branches = isObject(node) ? node['branches'] : undefined;
  const keys = Object.hasOwn(BRANCH_KEYS, type) ? BRANCH_KEYS[type] : undefined;
  if (keys) return keys.map((k) => ({ slot: k, to: stringField(branches, k), label: k, path: ['branches', k] }));
  if (type === 'split' || Array.isArray(branches)) {
    return (Array.isArray(branches) ? branches : []).map((b, i) => {
      const percent = isObject(b) && typeof b['percent'] === 'number' ? `${b['percent']}%` : '?%';
      return { slot: i, to: stringField(b, 'next'), label: stringField(b, 'label') ?? percent, path: ['branches', i, 'next'] };
    });
  }
  if (isObject(branches)) {
    // An unknown type with branches: show whatever it names.
    return Object.keys(branches)
      .filter((k): k is 'yes' | 'no' | 'timeout' => k === 'yes' || k === 'no' || k === 'timeout')
      .map((k) => ({ slot: k, to: stringField(branches, k), label: k, path: ['branches', k] }));
  }
  if (!NEXT_TYPES.has(type) && !(isObject(node) && Object.hasOwn(node, 'next'))) return [];
  return [{ slot: 'next', to: stringField(node, 'next'), label: 'next', path: ['next'] }];
}

/** The reference of `slot` of a node, if the node has that slot. */
export function refInSlot(kind: 'start' | 'point', node: unknown, slot: Slot): SuccessorRef | undefined {
  return successorRefs(kind, node).find((r) => r.slot === slot);
}

/** Every place in the journey (absolute paths) whose successor reference names `id`. */
export function referencesTo(value: unknown, id: string): { owner: string | undefined; kind: 'start' | 'point'; path: JsonPath }[] {
  const found: { owner: string | undefined; kind: 'start' | 'point'; path: JsonPath }[] = [];
  arrayField(value, 'startingPoints').forEach((sp, i) => {
    for (const r of successorRefs('start', sp)) if (r.to === id) found.push({ owner: stringField(sp, 'id'), kind: 'start', path: ['startingPoints', i, ...r.path] });
  });
  arrayField(value, 'points').forEach((p, i) => {
    for (const r of successorRefs('point', p)) if (r.to === id) found.push({ owner: stringField(p, 'id'), kind: 'point', path: ['points', i, ...r.path] });
  });
  return found;
}
