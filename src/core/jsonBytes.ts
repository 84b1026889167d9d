// Reads a large strict-JSON file (a timeline of millions of events) from its
// UTF-8 bytes without ever holding the whole text as one string and without
// a location tree: the top-level object's members are cut out of the bytes,
// and a member that is an array is parsed a chunk of elements at a time
// (JSON.parse on about a megabyte). Memory is then the parsed value and one
// chunk, where parsing the text with locations costs about 25 times the
// file. Anything that is not strict JSON (a syntax error, a duplicate key,
// bytes that are not UTF-8) gives the first problem's byte offset and
// message, found by parsing only the chunk it is in with locations, so the
// caller can report it at file:line:col. Pure.
import { hasDuplicateKeys, parseJsonDocument } from './jsonDocument';
import { JsonChar } from './jsonChars';

export interface JsonBytesProblem {
  /** Offset in the bytes of the first problem. */
  byteOffset: number;
  code: string;
  message: string;
}

export type JsonBytesResult = { ok: true; value: unknown } | { ok: false; problem: JsonBytesProblem } | { ok: false; overBudget: true };

/** Byte span of a value (or key) in the bytes: [start, end). */
export interface ByteSpan {
  start: number;
  end: number;
}

/** Where each member of the top-level object is, for locating problems in a file too big to parse with locations. */
export interface MemberSpans {
  key: ByteSpan;
  value: ByteSpan;
}

const CHUNK_BYTES = 1 << 20;

/** Called with each element of a top-level member that is an array, as soon as its chunk is parsed (and before the next), with the member's key; it may change the element in place (e.g. share its repeated strings). */
export type ElementHook = (key: string, element: unknown) => void;
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

class BytesProblem extends Error {
  constructor(readonly problem: JsonBytesProblem) {
    super(problem.message);
  }
}

const isSpace = (b: number | undefined) => b === JsonChar.Space || b === JsonChar.LineFeed || b === JsonChar.CarriageReturn || b === JsonChar.Tab;

function skipSpace(bytes: Uint8Array, i: number): number {
  while (i < bytes.length && isSpace(bytes[i])) i++;
  return i;
}

/** End (exclusive) of the JSON value starting at i, by bracket depth and strings only (JSON.parse checks the rest); -1 if it never ends. */
function skipValue(bytes: Uint8Array, i: number): number {
  const n = bytes.length;
  const first = bytes[i];
  if (first === JsonChar.Quote) return skipString(bytes, i);
  if (first === JsonChar.OpenBrace || first === JsonChar.OpenBracket) {
    let depth = 0;
    for (let j = i; j < n; j++) {
      const b = bytes[j]!;
      if (b === JsonChar.Quote) {
        j = skipString(bytes, j) - 1;
        if (j < 0) return -1;
      } else if (b === JsonChar.OpenBrace || b === JsonChar.OpenBracket) depth++;
      else if (b === JsonChar.CloseBrace || b === JsonChar.CloseBracket) {
        if (--depth === 0) return j + 1;
      }
    }
    return -1;
  }
  let j = i;
  while (j < n) {
    const b = bytes[j]!;
    if (b === JsonChar.Comma || b === JsonChar.CloseBrace || b === JsonChar.CloseBracket || isSpace(b)) break;
    j++;
  }
  return j > i ? j : -1;
}

function skipString(bytes: Uint8Array, i: number): number {
  const n = bytes.length;
  for (let j = i + 1; j < n; j++) {
    const b = bytes[j]!;
    if (b === JsonChar.Quote) return j + 1;
    if (b === JsonChar.Backslash) j++;
  }
  return -1;
}

/** How many object keys the JSON bytes [start, end) hold: strings followed by a colon. */
export function keyCount(bytes: Uint8Array, start: number, end: number): number {
  let keys = 0;
  for (let j = start; j < end; j++) {
    if (bytes[j] !== JsonChar.Quote) continue;
    for (j++; j < end; j++) {
      const b = bytes[j]!;
      if (b === JsonChar.Quote) break;
      if (b === JsonChar.Backslash) j++;
    }
    let k = j + 1;
    while (k < end && isSpace(bytes[k])) k++;
    if (k < end && bytes[k] === JsonChar.Colon) keys++;
    j = k - 1;
  }
  return keys;
}

/** How many own properties the objects of a parsed JSON value have, all levels. */
export function propertyCount(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let count = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) count += propertyCount(value[i]);
    return count;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) count += 1 + propertyCount(record[key]);
  return count;
}

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/**
 * Parses `prefix + bytes[start, end) + suffix`; on any problem, throws it
 * located at its byte, found by parsing that text alone with locations.
 */
function parseSlice(bytes: Uint8Array, start: number, end: number, prefix = '', suffix = ''): unknown {
  let text: string;
  try {
    text = decoder.decode(bytes.subarray(start, end));
  } catch {
    throw new BytesProblem({ byteOffset: start, code: 'encoding.not-utf8', message: 'The file is not UTF-8 text.' });
  }
  const full = prefix + text + suffix;
  try {
    const value: unknown = JSON.parse(full);
    // JSON.parse keeps one property per distinct key: as many properties as keys in the bytes means no duplicates (#16: cheaper than collecting each object's keys).
    if (propertyCount(value) === keyCount(bytes, start, end) || !hasDuplicateKeys(full)) return value;
  } catch {
    // located below
  }
  const doc = parseJsonDocument(full);
  const first = [...doc.syntaxErrors].sort((a, b) => a.offset - b.offset)[0];
  const at = Math.max(0, Math.min(text.length, (first?.offset ?? prefix.length) - prefix.length));
  throw new BytesProblem({ byteOffset: start + utf8Length(text.slice(0, at)), code: first?.code ?? 'syntax.invalid', message: first?.message ?? 'This is not valid JSON.' });
}

function expected(byteOffset: number, what: string): BytesProblem {
  return new BytesProblem({ byteOffset, code: 'syntax.unexpected', message: `${what} is expected here.` });
}

/** Parses the array whose '[' is at i, a chunk of elements at a time; returns its end. */
/** Thrown when the caller's memory budget says stop. */
class OverBudget extends Error {}

function parseArrayInChunks(bytes: Uint8Array, i: number, into: unknown[], withinBudget: () => boolean, chunkBytes: number, onElement?: (element: unknown) => void): number {
  let j = skipSpace(bytes, i + 1);
  if (bytes[j] === JsonChar.CloseBracket) return j + 1;
  let chunkStart = j;
  for (;;) {
    const end = skipValue(bytes, j);
    if (end < 0) throw expected(j, 'A value');
    j = skipSpace(bytes, end);
    const b = bytes[j];
    if (b !== JsonChar.Comma && b !== JsonChar.CloseBracket) throw expected(j, b === undefined ? 'A closing bracket ]' : 'A comma');
    if (b === JsonChar.CloseBracket || end - chunkStart >= chunkBytes) {
      const elements = parseSlice(bytes, chunkStart, end, '[', ']') as unknown[];
      for (const e of elements) {
        onElement?.(e);
        into.push(e);
      }
      if (!withinBudget()) throw new OverBudget();
      if (b === JsonChar.CloseBracket) return j + 1;
      chunkStart = skipSpace(bytes, j + 1);
    }
    j = skipSpace(bytes, j + 1);
  }
}

function defineMember(target: Record<string, unknown>, key: string, value: unknown): void {
  // Like JSON.parse: "__proto__" is an own property, not the prototype; the last duplicate would win (duplicates are refused).
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * The value of strict JSON bytes (no BOM), or its first problem. With
 * `spans`, also records where each top-level member is. `withinBudget` is
 * asked after each chunk (e.g. whether the heap still has room); false stops
 * the parse with `overBudget`.
 */
export function parseJsonBytes(bytes: Uint8Array, spans?: Map<string, MemberSpans>, withinBudget: () => boolean = () => true, chunkBytes = CHUNK_BYTES, onElement?: ElementHook): JsonBytesResult {
  try {
    return { ok: true, value: readTopLevel(bytes, spans, withinBudget, chunkBytes, onElement) };
  } catch (error) {
    if (error instanceof OverBudget) return { ok: false, overBudget: true };
    if (error instanceof BytesProblem) return { ok: false, problem: error.problem };
    if (error instanceof RangeError) return { ok: false, problem: { byteOffset: 0, code: 'syntax.too-big', message: `The file is too big to read (${error.message}).` } };
    throw error;
  }
}

function readTopLevel(bytes: Uint8Array, spans: Map<string, MemberSpans> | undefined, withinBudget: () => boolean, chunkBytes: number, onElement?: ElementHook): unknown {
  const n = bytes.length;
  let i = skipSpace(bytes, 0);
  if (i >= n) throw new BytesProblem({ byteOffset: 0, code: 'syntax.empty', message: 'The file is empty.' });
  if (bytes[i] !== JsonChar.OpenBrace) return parseSlice(bytes, 0, n);
  const result: Record<string, unknown> = {};
  const seen = new Set<string>();
  i = skipSpace(bytes, i + 1);
  if (bytes[i] === JsonChar.CloseBrace) i++;
  else {
    for (;;) {
      if (bytes[i] !== JsonChar.Quote) throw expected(i, 'A property name in double quotes');
      const keyEnd = skipString(bytes, i);
      if (keyEnd < 0) throw expected(i, 'The end of the string');
      const key = parseSlice(bytes, i, keyEnd) as string;
      if (seen.has(key)) throw new BytesProblem({ byteOffset: i, code: 'syntax.duplicate-key', message: `Duplicate property "${key}": JSON readers keep only the last one. Remove or rename one of them.` });
      seen.add(key);
      const keySpan = { start: i, end: keyEnd };
      i = skipSpace(bytes, keyEnd);
      if (bytes[i] !== JsonChar.Colon) throw expected(i, 'A colon after the property name');
      i = skipSpace(bytes, i + 1);
      const valueStart = i;
      let value: unknown;
      if (bytes[i] === JsonChar.OpenBracket) {
        const array: unknown[] = [];
        i = parseArrayInChunks(bytes, i, array, withinBudget, chunkBytes, onElement ? (element) => onElement(key, element) : undefined);
        value = array;
      } else {
        const end = skipValue(bytes, i);
        if (end < 0) throw expected(i, 'A value');
        value = parseSlice(bytes, i, end);
        i = end;
      }
      defineMember(result, key, value);
      spans?.set(key, { key: keySpan, value: { start: valueStart, end: i } });
      i = skipSpace(bytes, i);
      if (bytes[i] === JsonChar.Comma) {
        i = skipSpace(bytes, i + 1);
        continue;
      }
      if (bytes[i] === JsonChar.CloseBrace) {
        i++;
        break;
      }
      throw expected(i, i >= n ? 'A closing brace }' : 'A comma');
    }
  }
  i = skipSpace(bytes, i);
  if (i < n) throw new BytesProblem({ byteOffset: i, code: 'syntax.EndOfFileExpected', message: 'Only one JSON value is allowed; nothing may follow it.' });
  return result;
}

/** Where the elements `indices` (ascending) of the well-formed array at `arrayStart` are, found in one pass that skips the others. */
export function arrayElementSpans(bytes: Uint8Array, arrayStart: number, indices: readonly number[]): Map<number, ByteSpan> {
  const spans = new Map<number, ByteSpan>();
  if (bytes[arrayStart] !== JsonChar.OpenBracket || indices.length === 0) return spans;
  const wanted = new Set(indices);
  const last = Math.max(...indices);
  let j = skipSpace(bytes, arrayStart + 1);
  for (let k = 0; k <= last; k++) {
    const end = skipValue(bytes, j);
    if (end < 0) break;
    if (wanted.has(k)) spans.set(k, { start: j, end });
    j = skipSpace(bytes, end);
    if (bytes[j] !== JsonChar.Comma) break;
    j = skipSpace(bytes, j + 1);
  }
  return spans;
}
