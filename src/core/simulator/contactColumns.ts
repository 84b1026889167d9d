// Contacts packed into columns for another thread (a shard worker of the
// sharded replay, shardedReplay.ts): one string holding every string of
// the contacts end to end, an Int32Array saying what each contact has and
// how long each of its strings is, and a Float64Array of its numeric field
// values. Typed arrays are handed over without a copy (transfer list) and
// one flat string is copied as one block, where a structured clone of the
// contact objects costs microseconds per contact on the sending thread.
// Decoding builds the same contacts again (values equal, key order kept,
// names such as `__proto__` kept as own keys, setOwn). A contact with a
// property or value the columns do not describe travels as its JSON text
// (never for a contact the schema accepts). Pure.
import { setOwn } from '../ownProperty';
import type { Contact } from '../timeline';

/** Contacts in columns: what a worker receives. */
export interface ContactColumns {
  readonly count: number;
  /** Every string of the contacts, end to end, in the order decoding reads them. */
  readonly text: string;
  /** Per contact: its presence bits, then per property what it holds (lengths of strings, counts, kinds of values). */
  readonly ints: Int32Array<ArrayBuffer>;
  /** Numeric field values, in order. */
  readonly numbers: Float64Array<ArrayBuffer>;
}

/** The code of each property the columns know; a contact's properties are written in its own key order. */
const KEY_CODES: Readonly<Record<string, number>> = Object.assign(Object.create(null) as Record<string, number>, {
  id: 0,
  email: 1,
  name: 2,
  phone: 3,
  language: 4,
  frequency: 5,
  tags: 6,
  segments: 7,
  fields: 8,
  lists: 9,
  smsConsent: 10,
  unsubscribedAll: 11,
});
const KEYS = Object.keys(KEY_CODES);
/** Codes up to this one hold one string; then two arrays of strings, two records, two booleans (false: the code negated). */
const LAST_STRING = 5;
const FIELDS = 8;
const LISTS = 9;
/** The contact is its JSON text (one string), nothing else. */
const AS_JSON = -1;

// Kinds of a record's value.
const V_STRING = 0;
const V_NUMBER = 1;
const V_TRUE = 2;
const V_FALSE = 3;

/** Growable Int32Array. */
class IntColumn {
  length = 0;
  constructor(public data: Int32Array<ArrayBuffer>) {}
  push(v: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = v;
  }
  private grow(): void {
    const bigger = new Int32Array(this.data.length * 2);
    bigger.set(this.data);
    this.data = bigger;
  }
}

const isPlainRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

class ContactEncoder {
  /** About what a contact with an email, a phone, two lists and a field takes: grown (copied) only for richer contacts. */
  readonly ints: IntColumn;
  readonly numbers: number[] = [];
  readonly parts: string[] = [];

  constructor(contacts: number) {
    this.ints = new IntColumn(new Int32Array(Math.max(64, contacts * 20)));
  }

  private str(s: string): void {
    this.ints.push(s.length);
    this.parts.push(s);
  }

  /** Writes the contact; false (having written part of it) when the columns do not describe it. */
  write(c: Contact): boolean {
    if (typeof c !== 'object' || c === null) return false;
    const ints = this.ints;
    const keys = Object.keys(c);
    ints.push(keys.length);
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      const code = KEY_CODES[key];
      if (code === undefined) return false;
      const v = (c as unknown as Record<string, unknown>)[key];
      if (code <= LAST_STRING) {
        if (typeof v !== 'string') return false;
        ints.push(code);
        this.str(v);
      } else if (code === FIELDS || code === LISTS) {
        if (!isPlainRecord(v)) return false;
        ints.push(code);
        const entries = Object.keys(v);
        ints.push(entries.length);
        for (let e = 0; e < entries.length; e++) {
          const name = entries[e]!;
          const x = v[name];
          this.str(name);
          if (typeof x === 'string') {
            ints.push(V_STRING);
            this.str(x);
          } else if (code === LISTS) return false;
          else if (typeof x === 'number') {
            ints.push(V_NUMBER);
            this.numbers.push(x);
          } else if (typeof x === 'boolean') ints.push(x ? V_TRUE : V_FALSE);
          else return false;
        }
      } else if (code < FIELDS) {
        if (!Array.isArray(v)) return false;
        ints.push(code);
        ints.push(v.length);
        for (let e = 0; e < v.length; e++) {
          const x: unknown = v[e];
          if (typeof x !== 'string') return false;
          this.str(x);
        }
      } else {
        if (typeof v !== 'boolean') return false;
        ints.push(v ? code : -code);
      }
    }
    return true;
  }
}

/** The contacts `contacts[at[k]]` for each k (all of them when `at` is undefined), in columns. */
export function encodeContacts(contacts: readonly Contact[], at?: ArrayLike<number>): ContactColumns {
  const count = at ? at.length : contacts.length;
  const encoder = new ContactEncoder(count);
  const { ints, numbers, parts } = encoder;
  for (let n = 0; n < count; n++) {
    const c = contacts[at ? at[n]! : n]!;
    const marks = [ints.length, numbers.length, parts.length] as const;
    if (encoder.write(c)) continue;
    // Not one the columns describe (not a contact the schema accepts): its JSON text.
    ints.length = marks[0];
    numbers.length = marks[1];
    parts.length = marks[2];
    ints.push(AS_JSON);
    const text = JSON.stringify(c);
    ints.push(text.length);
    parts.push(text);
  }
  return { count, text: parts.join(''), ints: ints.data.subarray(0, ints.length), numbers: Float64Array.from(numbers) };
}

/** The contacts again, in their order. */
export function decodeContacts(columns: ContactColumns): Contact[] {
  const { text, ints, numbers } = columns;
  let i = 0;
  let p = 0;
  let v = 0;
  const str = () => {
    const length = ints[i++]!;
    return text.slice(p, (p += length));
  };
  const contacts: Contact[] = new Array(columns.count);
  for (let n = 0; n < columns.count; n++) {
    const properties = ints[i++]!;
    if (properties === AS_JSON) {
      contacts[n] = JSON.parse(str()) as Contact;
      continue;
    }
    const c = {} as Record<string, unknown>;
    for (let k = 0; k < properties; k++) {
      const code = ints[i++]!;
      if (code < 0) {
        c[KEYS[-code]!] = false;
      } else if (code <= LAST_STRING) {
        c[KEYS[code]!] = str();
      } else if (code === FIELDS || code === LISTS) {
        const record: Record<string, unknown> = {};
        for (let e = ints[i++]!; e > 0; e--) {
          const name = str();
          const kind = ints[i++]!;
          setOwn(record, name, kind === V_STRING ? str() : kind === V_NUMBER ? numbers[v++]! : kind === V_TRUE);
        }
        c[KEYS[code]!] = record;
      } else if (code < FIELDS) {
        const list: string[] = new Array(ints[i++]!);
        for (let e = 0; e < list.length; e++) list[e] = str();
        c[KEYS[code]!] = list;
      } else c[KEYS[code]!] = true;
    }
    contacts[n] = c as unknown as Contact;
  }
  return contacts;
}
