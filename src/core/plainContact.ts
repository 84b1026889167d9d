// Reads a contact record of a timeline file straight from its bytes into the
// object JSON.parse gives for it (#16: a million contacts' text cost more to
// copy, decode, parse and check a batch at a time than the rest of their
// read), for the compact layout JSON.stringify writes: no whitespace, no
// escape, ASCII strings. It takes only what the schema's Contact surely
// accepts (isSurelyContact in packedTimelineBuilder.ts), with the same keys
// in the same order and the same values. Anything else (a key it does not
// know, a repeated key, a value of another kind, whitespace, an escape, a
// byte past ASCII, a `__proto__` key in `fields` or `lists`) answers
// undefined, and the builder parses that record with JSON.parse as before,
// which takes it or gives up. Equal `lists` are one frozen object
// (sharedContactLists.ts), recognised by their bytes. Pure.
import { isIdBytes } from './idBytes';
import { JsonChar } from './jsonChars';
import { SharedContactLists } from './sharedContactLists';
import type { Contact } from './timeline';

const bytesOf = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

// What each property of a contact holds (Contact in timeline.ts).
const ID = 0;
const TEXT = 1;
const FREQUENCY = 2;
const FLAG = 3;
const TEXTS = 4;
const IDS = 5;
const FIELDS = 6;
const LISTS = 7;

/** The properties the schema knows, by name, with what they hold; a name's bit marks it as read (a repeat is not taken). */
const KEYS: readonly { name: string; bytes: Uint8Array; kind: number }[] = [
  ['id', ID],
  ['email', TEXT],
  ['name', TEXT],
  ['phone', TEXT],
  ['language', TEXT],
  ['tags', TEXTS],
  ['segments', IDS],
  ['smsConsent', FLAG],
  ['unsubscribedAll', FLAG],
  ['frequency', FREQUENCY],
  ['fields', FIELDS],
  ['lists', LISTS],
].map(([name, kind]) => ({ name: name as string, bytes: bytesOf(name as string), kind: kind as number }));

const FREQUENCIES = new Set(['daily', 'weekly', 'biweekly', 'quarterly']);
const TRUE = bytesOf('true');
const FALSE = bytesOf('false');
/** Distinct `lists` records recognised by their bytes; past this, the oldest is replaced. */
const KEPT_LISTS = 16;
/** Digits of an integer computed here exactly (below 2^53); longer numbers are converted by Number(). */
const EXACT_DIGITS = 15;

/**
 * A contact under construction: a plain object (its prototype is
 * Object.prototype, as JSON.parse's objects), made by a constructor so
 * that V8 sizes its objects for the properties they get, all inside the
 * object, as JSON.parse does; a `{}` has room for four, and the rest of a
 * contact's properties would go to a second object (measured: 104 bytes a
 * contact instead of 80, in a heap that holds a million of them).
 */
const PlainObject = function PlainObject() {} as unknown as new () => Record<string, unknown>;
PlainObject.prototype = Object.prototype;

/** Whether bytes[s, e) equal `word`. */
function equalBytes(b: Uint8Array, s: number, e: number, word: Uint8Array): boolean {
  if (e - s !== word.length) return false;
  for (let k = 0; k < word.length; k++) if (b[s + k] !== word[k]) return false;
  return true;
}

const NOT_SURE = -1;

/** Reads contacts in the compact layout; one per timeline file read (its `lists` are shared across its contacts). */
export class PlainContactReader {
  /** The string of ASCII bytes [s, e): Node's Buffer makes it without a view of them; elsewhere a decoder. */
  private readonly text: (b: Uint8Array, s: number, e: number) => string;
  private readonly keptListBytes: Uint8Array[] = [];
  private readonly keptLists: Contact['lists'][] = [];
  private nextKept = 0;
  /** The end of the value read last (the readers below return the value and leave its end here). */
  private at = 0;

  constructor(private readonly sharedLists: SharedContactLists) {
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    this.text = (b, s, e) => {
      const latin1 = (b as { latin1Slice?: (s: number, e: number) => string }).latin1Slice;
      return latin1 !== undefined ? latin1.call(b, s, e) : decoder.decode(b.subarray(s, e));
    };
  }

  /** The contact of the record bytes[s, e) (from its `{` to after its `}`), or undefined when not sure. */
  read(b: Uint8Array, s: number, e: number): Contact | undefined {
    if (b[s] !== JsonChar.OpenBrace || b[e - 1] !== JsonChar.CloseBrace) return undefined;
    const contact = new PlainObject();
    let seen = 0;
    let i = s + 1;
    for (;;) {
      const keyEnd = this.plainString(b, i, e);
      if (keyEnd < 0 || b[keyEnd + 1] !== JsonChar.Colon) return undefined;
      const key = knownKey(b, i + 1, keyEnd);
      if (key < 0 || (seen & (1 << key)) !== 0) return undefined;
      seen |= 1 << key;
      const value = this.value(KEYS[key]!.kind, b, keyEnd + 2, e);
      if (value === undefined) return undefined;
      contact[KEYS[key]!.name] = value;
      i = this.at;
      if (b[i] === JsonChar.Comma) i++;
      else if (b[i] === JsonChar.CloseBrace && i === e - 1) break;
      else return undefined;
    }
    return (seen & (1 << ID)) !== 0 ? (contact as unknown as Contact) : undefined;
  }

  /** The value of a property of this kind at i, its end left in `at`; undefined when not sure. */
  private value(kind: number, b: Uint8Array, i: number, e: number): unknown {
    switch (kind) {
      case ID:
      case TEXT:
      case FREQUENCY: {
        const end = this.plainString(b, i, e);
        if (end < 0) return undefined;
        if (kind === ID && !isIdBytes(b, i + 1, end)) return undefined;
        const text = this.text(b, i + 1, end);
        if (kind === FREQUENCY && !FREQUENCIES.has(text)) return undefined;
        this.at = end + 1;
        return text;
      }
      case FLAG:
        return this.flag(b, i, e);
      case TEXTS:
      case IDS:
        return this.strings(b, i, e, kind === IDS);
      case FIELDS:
        return this.fields(b, i, e);
      default:
        return this.lists(b, i, e);
    }
  }

  /** At a quote: the index of the closing quote of a string of ASCII bytes without escapes or control characters, or NOT_SURE. */
  private plainString(b: Uint8Array, i: number, e: number): number {
    if (b[i] !== JsonChar.Quote) return NOT_SURE;
    for (let k = i + 1; k < e; k++) {
      const c = b[k]!;
      if (c === JsonChar.Quote) return k;
      if (c === JsonChar.Backslash || c < 0x20 || c > 0x7f) return NOT_SURE;
    }
    return NOT_SURE;
  }

  private flag(b: Uint8Array, i: number, e: number): boolean | undefined {
    const end = Math.min(i + 5, e);
    if (equalBytes(b, i, Math.min(i + 4, e), TRUE)) {
      this.at = i + 4;
      return true;
    }
    if (equalBytes(b, i, end, FALSE)) {
      this.at = i + 5;
      return false;
    }
    return undefined;
  }

  /** `["…",…]`: every item a plain string (an Id for `ids`). */
  private strings(b: Uint8Array, i: number, e: number, ids: boolean): string[] | undefined {
    if (b[i] !== JsonChar.OpenBracket) return undefined;
    const items: string[] = [];
    i++;
    if (b[i] === JsonChar.CloseBracket) {
      this.at = i + 1;
      return items;
    }
    for (;;) {
      const end = this.plainString(b, i, e);
      if (end < 0 || (ids && !isIdBytes(b, i + 1, end))) return undefined;
      items.push(this.text(b, i + 1, end));
      i = end + 1;
      if (b[i] === JsonChar.Comma) i++;
      else if (b[i] === JsonChar.CloseBracket) {
        this.at = i + 1;
        return items;
      } else return undefined;
    }
  }

  /** `{"name":value,…}`: each value a plain string, a number, true or false; no name repeated, none `__proto__`. */
  private fields(b: Uint8Array, i: number, e: number): Record<string, string | number | boolean> | undefined {
    if (b[i] !== JsonChar.OpenBrace) return undefined;
    const fields: Record<string, string | number | boolean> = {};
    i++;
    if (b[i] === JsonChar.CloseBrace) {
      this.at = i + 1;
      return fields;
    }
    for (;;) {
      const nameEnd = this.plainString(b, i, e);
      if (nameEnd < 0 || b[nameEnd + 1] !== JsonChar.Colon) return undefined;
      const name = this.text(b, i + 1, nameEnd);
      if (name === '__proto__' || Object.hasOwn(fields, name)) return undefined;
      i = nameEnd + 2;
      const c = b[i];
      let value: string | number | boolean | undefined;
      if (c === JsonChar.Quote) {
        const end = this.plainString(b, i, e);
        if (end < 0) return undefined;
        value = this.text(b, i + 1, end);
        this.at = end + 1;
      } else if (c === 116 || c === 102) value = this.flag(b, i, e);
      else value = this.number(b, i, e);
      if (value === undefined) return undefined;
      fields[name] = value;
      i = this.at;
      if (b[i] === JsonChar.Comma) i++;
      else if (b[i] === JsonChar.CloseBrace) {
        this.at = i + 1;
        return fields;
      } else return undefined;
    }
  }

  /** A JSON number at i (`-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`), the value JSON.parse gives it. */
  private number(b: Uint8Array, i: number, e: number): number | undefined {
    let k = i;
    if (b[k] === 45) k++;
    const digits = k;
    if (b[k] === 48) k++;
    else if (b[k]! >= 49 && b[k]! <= 57) while (k < e && b[k]! >= 48 && b[k]! <= 57) k++;
    else return undefined;
    const integerEnd = k;
    if (b[k] === 46) {
      k++;
      const from = k;
      while (k < e && b[k]! >= 48 && b[k]! <= 57) k++;
      if (k === from) return undefined;
    }
    if (b[k] === 101 || b[k] === 69) {
      k++;
      if (b[k] === 43 || b[k] === 45) k++;
      const from = k;
      while (k < e && b[k]! >= 48 && b[k]! <= 57) k++;
      if (k === from) return undefined;
    }
    this.at = k;
    if (k !== integerEnd || k - digits > EXACT_DIGITS) {
      const value = Number(this.text(b, i, k));
      return Number.isFinite(value) ? value : undefined; // 1e400 is Infinity, which the schema refuses
    }
    let n = 0;
    for (let d = digits; d < k; d++) n = n * 10 + (b[d]! - 48);
    return digits > i ? -n : n;
  }

  /** `{"list":"subscribed"|"unsubscribed",…}`, no list repeated, none `__proto__`: an equal record seen before is that object. */
  private lists(b: Uint8Array, i: number, e: number): Contact['lists'] | undefined {
    if (b[i] !== JsonChar.OpenBrace) return undefined;
    const s = i;
    // Its end: strings hold no quote or backslash (plainString), so the first `}` outside a string.
    let k = i + 1;
    while (k < e && b[k] !== JsonChar.CloseBrace) {
      if (b[k] === JsonChar.Quote) {
        k = this.plainString(b, k, e);
        if (k < 0) return undefined;
      }
      k++;
    }
    if (k >= e) return undefined;
    const end = k + 1;
    const kept = this.keptListBytes;
    for (let m = 0; m < kept.length; m++) {
      if (equalBytes(b, s, end, kept[m]!)) {
        this.at = end;
        return this.keptLists[m];
      }
    }
    const lists: Record<string, 'subscribed' | 'unsubscribed'> = {};
    i++;
    while (i < k) {
      const nameEnd = this.plainString(b, i, e);
      if (nameEnd < 0 || b[nameEnd + 1] !== JsonChar.Colon) return undefined;
      const name = this.text(b, i + 1, nameEnd);
      const valueEnd = this.plainString(b, nameEnd + 2, e);
      if (valueEnd < 0 || name === '__proto__' || Object.hasOwn(lists, name)) return undefined;
      const status = this.text(b, nameEnd + 3, valueEnd);
      if (status !== 'subscribed' && status !== 'unsubscribed') return undefined;
      lists[name] = status;
      i = valueEnd + 1;
      if (b[i] === JsonChar.Comma) {
        if (++i >= k) return undefined; // a comma with no list after it
      } else if (i !== k) return undefined;
    }
    const shared = this.sharedLists.share(lists);
    const bytes = Uint8Array.prototype.slice.call(b, s, end); // a copy (a Buffer's own slice is a view of the window)
    if (kept.length < KEPT_LISTS) {
      kept.push(bytes);
      this.keptLists.push(shared);
    } else {
      kept[this.nextKept] = bytes;
      this.keptLists[this.nextKept] = shared;
      this.nextKept = (this.nextKept + 1) % KEPT_LISTS;
    }
    this.at = end;
    return shared;
  }
}

/** The index in KEYS of the name bytes[s, e), or NOT_SURE. */
function knownKey(b: Uint8Array, s: number, e: number): number {
  for (let k = 0; k < KEYS.length; k++) if (equalBytes(b, s, e, KEYS[k]!.bytes)) return k;
  return NOT_SURE;
}
