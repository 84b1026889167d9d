// R22: the hash of a journey's logic, stored in `publication.hash` when a
// version is published so that any later edit of the frozen version can be
// detected. `fnv1a64:` + 16 hex digits of a 64-bit FNV-1a over the UTF-8 of
// a canonical JSON (object keys sorted, arrays in order, no whitespace).
//
// Logic is everything that changes who enters, where contacts go and what
// they receive. Not logic (left out): `$schema`, `layout` (map positions),
// `status`, `version` and `publication` (bookkeeping of publishing),
// the journey's `description`, each journey point's `title` and each
// starting point's `name` (labels on the map). Pure.

import { setOwn } from './ownProperty';

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

/** Top-level properties that are not journey logic. */
export const NON_LOGIC_KEYS: readonly string[] = ['$schema', 'layout', 'status', 'version', 'publication', 'description'];

/** 64-bit FNV-1a of a string's UTF-8 bytes, as 16 lower-case hex digits. */
export function fnv1a64Hex(text: string): string {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK;
  }
  return hash.toString(16).padStart(16, '0');
}

/** JSON with object keys sorted at every level and no whitespace; `undefined` properties are dropped. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The journey without what is not logic (see the header). Reads any value defensively. */
export function journeyLogic(journey: unknown): unknown {
  if (journey === null || typeof journey !== 'object' || Array.isArray(journey)) return journey;
  const logic: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(journey as Record<string, unknown>)) {
    if (NON_LOGIC_KEYS.includes(key)) continue;
    if (key === 'points' && Array.isArray(value)) logic[key] = value.map((p) => without(p, 'title'));
    else if (key === 'startingPoints' && Array.isArray(value)) logic[key] = value.map((sp) => without(sp, 'name'));
    else setOwn(logic, key, value);
  }
  return logic;
}

function without(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const { [key]: _dropped, ...rest } = value as Record<string, unknown>;
  return rest;
}

/** `fnv1a64:0123456789abcdef`: the hash of the journey's logic (R22). */
export function journeyLogicHash(journey: unknown): string {
  return `fnv1a64:${fnv1a64Hex(canonicalJson(journeyLogic(journey)))}`;
}
