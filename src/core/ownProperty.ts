// Names read from a file (point ids, field names, list names, contact ids)
// are data. Objects keyed by them are written with setOwn: an assignment
// `record["__proto__"] = v` would replace the object's prototype instead of
// adding the key, so the name would vanish from tables and JSON. Readers
// look keys up with Object.hasOwn, never `in` or a bare index.

/** Sets `record[key] = value` as an own property, whatever the key. */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}

/** `record[key]` when it is the record's own property, else undefined. */
export function getOwn<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
