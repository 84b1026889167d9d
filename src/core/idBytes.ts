// Whether bytes of a timeline file are an id as the schema's Id takes it (a
// letter or _, then letters, digits, _ . -; ASCII only), checked on the
// bytes before any string is made of them, for the fast readers
// (packedTimelineBuilder.ts, plainContact.ts). Pure.

/** Whether byte `c` may stand in an Id, as its first byte or after it. */
export function isIdByte(c: number, first: boolean): boolean {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) return true;
  return !first && ((c >= 48 && c <= 57) || c === 46 || c === 45);
}

/** Whether bytes [s, e) are an Id. */
export function isIdBytes(b: Uint8Array, s: number, e: number): boolean {
  if (e <= s || !isIdByte(b[s]!, true)) return false;
  for (let k = s + 1; k < e; k++) if (!isIdByte(b[k]!, false)) return false;
  return true;
}
