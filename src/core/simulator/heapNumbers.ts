// Big arrays of numbers for a replay (per event, per contact), kept on the
// JavaScript heap as plain arrays rather than in typed arrays. A typed
// array's memory is "external" to V8's heap, and every 64 MB or so of new
// external memory makes V8 start a full mark-compact of the whole heap, which
// holds the timeline itself: with a million contacts that is about a second
// per collection, several per replay. A plain array of numbers costs the
// same to read and write and is never scanned for pointers.

/** An array of numbers to read and write by index. */
export interface Numbers {
  [index: number]: number;
  readonly length: number;
}

/** Plain arrays this long are still fast arrays in V8; longer ones fall back to a typed array. */
const MAX_PLAIN_LENGTH = 64 * 1024 * 1024;

/** `length` numbers, all `value`. */
export function numbers(length: number, value = 0): Numbers {
  if (length > MAX_PLAIN_LENGTH) return new Float64Array(length).fill(value);
  return new Array<number>(length).fill(value);
}
