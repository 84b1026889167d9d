// Objects keyed by names that come from outside the runtime (point ids,
// contact ids, tags, list and field names, event properties): created
// without a prototype, so a name such as `__proto__`, `constructor` or
// `toString` is a key like any other and never reaches Object.prototype.
// Stored state and call payloads come back from JSON.parse as ordinary
// objects; `toDict` turns them back into dictionaries before they are
// written to, and `own` reads only a key the object itself has.

/** An empty object without a prototype, keyed by names from input. */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A prototype-less copy of an object's own entries (undefined and null give an empty one). */
export function toDict<T>(from: Readonly<Record<string, T>> | null | undefined): Record<string, T> {
  const out = dict<T>();
  if (from) for (const key of Object.keys(from)) out[key] = from[key]!;
  return out;
}

/** The value of an own key, never one inherited from Object.prototype. */
export function own<T>(from: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return from && Object.prototype.hasOwnProperty.call(from, key) ? from[key] : undefined;
}
