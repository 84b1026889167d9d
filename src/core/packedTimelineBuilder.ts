// Builds a PackedTimeline (packedTimeline.ts) from the bytes of a timeline's
// records, for the file readers of both formats (#16): each event is read
// straight from its bytes into the columns, with no object or string per
// event. An event as JSON.stringify writes it (`{"at":…,"contact":…,…}`, no
// whitespace, no escape) is read in place in one pass (plainEvent); any other
// layout member by member (anyEvent). Its `at` is checked and parsed from the
// bytes (neighbours often repeat the previous instant: compared, not parsed
// again), its contact id checked and numbered by its bytes
// (contactIdTable.ts, a batch of lookups at a time), and the rest of it, the
// body, interned by its bytes: only a body never seen before is decoded,
// parsed and checked with the schema (zod), once. A contact in the compact
// layout is read from its bytes into the object JSON.parse would give
// (plainContact.ts); any other is parsed a batch of about 64 KB at a time
// (JSON.parse) and checked by hand; equal `lists` of contacts are one
// shared object (sharedContactLists.ts).
// The hand checks accept only what the schema surely accepts; anything
// else (an escape in a key or id, another instant form the schema rejects,
// a duplicate key, a `__proto__` key, a contact property the hand check does
// not know...) makes the builder give up (GIVE_UP), and the caller reads
// the file the exact way, which accepts it or locates its errors. So a
// timeline the builder accepts is one the schema accepts, with the same
// values. Pure.
import { ContactIdTable, FNV_START, hashBytes, hashNext } from './contactIdTable';
import { isIdByte, isIdBytes } from './idBytes';
import { keyCount, propertyCount } from './jsonBytes';
import { JsonChar } from './jsonChars';
import { hasDuplicateKeys } from './jsonDocument';
import type { EventBody, PackedTimeline, TimelineProperties } from './packedTimeline';
import { PlainContactReader } from './plainContact';
import { SharedContactLists } from './sharedContactLists';
import { parseIsoInstant, utcFromFields } from './simulator/isoInstant';
import { shardOf, shardOfHash } from './simulator/timelineShards';
import { type Contact, ContactEvent, Instant } from './timeline';

/** The record runs past the bytes given: give it more. */
export const INCOMPLETE = -1;
/** The record is not one the hand checks are sure of: read the file the exact way. */
export const GIVE_UP = -2;
/** The event is not in the form plainEvent reads: anyEvent reads it. */
const OTHER_FORM = -3;

const bytesOf = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const AT_KEY = bytesOf('{"at":"');
const CONTACT_KEY = bytesOf('","contact":"');

/**
 * Contacts are parsed in batches of about this many bytes. Small enough that a batch's text (decoded, then
 * bracketed for JSON.parse) is an ordinary young object that dies in the next scavenge: at a megabyte each was a
 * large object, kept until a full collection, and a million contacts' texts piled up to a few hundred megabytes of
 * garbage by the time the replay started, which set the process's memory peak (#16: ≤ 1 GB).
 */
const CONTACT_BATCH_BYTES = 1 << 16;
/** Distinct bodies kept for sharing; past this, new bodies are parsed but not kept (a timeline of all-different events). */
const MAX_SHARED_BODIES = 1 << 16;
/** A valid instant to check a body with (the body's own instant is checked on its own). */
const SOME_INSTANT = '2026-01-01T00:00:00Z';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** An id as the schema's Id: a letter or _, then letters, digits, _ . - (ASCII). */
const ID = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** `YYYY-MM-DDTHH:MM:SSZ` with every part in range (what the schema's Instant accepts of that form): epoch ms, else NaN. */
function plainInstant(b: Uint8Array, s: number): number {
  if (b[s + 4] !== 45 || b[s + 7] !== 45 || b[s + 10] !== 84 || b[s + 13] !== 58 || b[s + 16] !== 58 || b[s + 19] !== 90) return NaN;
  const y0 = (b[s]! - 48) >>> 0;
  const y1 = (b[s + 1]! - 48) >>> 0;
  const y2 = (b[s + 2]! - 48) >>> 0;
  const y3 = (b[s + 3]! - 48) >>> 0;
  const mo0 = (b[s + 5]! - 48) >>> 0;
  const mo1 = (b[s + 6]! - 48) >>> 0;
  const d0 = (b[s + 8]! - 48) >>> 0;
  const d1 = (b[s + 9]! - 48) >>> 0;
  const h0 = (b[s + 11]! - 48) >>> 0;
  const h1 = (b[s + 12]! - 48) >>> 0;
  const mi0 = (b[s + 14]! - 48) >>> 0;
  const mi1 = (b[s + 15]! - 48) >>> 0;
  const s0 = (b[s + 17]! - 48) >>> 0;
  const s1 = (b[s + 18]! - 48) >>> 0;
  if (y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || mo0 > 9 || mo1 > 9 || d0 > 9 || d1 > 9 || h0 > 9 || h1 > 9 || mi0 > 9 || mi1 > 9 || s0 > 9 || s1 > 9) return NaN;
  return utcFromFields(y0 * 1000 + y1 * 100 + y2 * 10 + y3, mo0 * 10 + mo1, d0 * 10 + d1, h0 * 10 + h1, mi0 * 10 + mi1, s0 * 10 + s1);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function isStringArray(v: unknown, ids: boolean): boolean {
  if (!Array.isArray(v)) return false;
  for (const item of v) if (typeof item !== 'string' || (ids && !ID.test(item))) return false;
  return true;
}

/** Whether a contact as JSON.parse gives it is surely valid (Contact in timeline.ts); false when unsure. */
function isSurelyContact(v: unknown): v is Contact {
  if (!isPlainObject(v) || typeof v.id !== 'string' || !ID.test(v.id)) return false;
  for (const key of Object.keys(v)) {
    const value = v[key];
    switch (key) {
      case 'id':
        break;
      case 'email':
      case 'name':
      case 'phone':
      case 'language':
        if (typeof value !== 'string') return false;
        break;
      case 'tags':
        if (!isStringArray(value, false)) return false;
        break;
      case 'segments':
        if (!isStringArray(value, true)) return false;
        break;
      case 'smsConsent':
      case 'unsubscribedAll':
        if (typeof value !== 'boolean') return false;
        break;
      case 'frequency':
        if (value !== 'daily' && value !== 'weekly' && value !== 'biweekly' && value !== 'quarterly') return false;
        break;
      case 'fields':
        if (!isPlainObject(value)) return false;
        for (const k of Object.keys(value)) {
          const f = value[k];
          if (k === '__proto__' || (typeof f !== 'string' && typeof f !== 'boolean' && !Number.isFinite(f))) return false; // 1e400 parses to Infinity, which the schema refuses
        }
        break;
      case 'lists':
        if (!isPlainObject(value)) return false;
        for (const k of Object.keys(value)) if (k === '__proto__' || (value[k] !== 'subscribed' && value[k] !== 'unsubscribed')) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

export interface BuilderOptions {
  /** A carriage return is whitespace (the JSON format; in NDJSON it ends a line). */
  crIsSpace: boolean;
  /** A duplicate key is an error (strict JSON, the JSON format; NDJSON lines are read by JSON.parse, the last one wins). */
  strictKeys: boolean;
  /**
   * Keep only the contacts, and the events of the contacts, whose id hashes
   * to this shard (shardOf in simulator/timelineShards.ts): a sharded read, every
   * thread reading the whole file and building its own shard (#16). The
   * records of other shards are only stepped over (their owner checks them).
   */
  shard?: { index: number; count: number };
}

/** Where a shard's contacts and events stand in the whole timeline (a sharded read). */
export interface ShardPlaces {
  /** Per contact of the shard: its position among the timeline's contacts. */
  readonly contactPositions: Int32Array<ArrayBuffer>;
  /** Per event of the shard: its position among the timeline's events. */
  readonly eventPositions: number[];
  /** How many contacts and events the whole timeline has. */
  readonly contactCount: number;
  readonly eventCount: number;
}

const ID_KEY = bytesOf('{"id":"');

export class PackedTimelineBuilder {
  private readonly eventTime: number[] = [];
  private readonly eventContact: number[] = [];
  private readonly eventBody: EventBody[] = [];
  private readonly contacts: Contact[] = [];
  /** Equal contact lists, one object (memory). */
  private readonly sharedLists = new SharedContactLists();
  /** Contacts in the compact layout, read from their bytes (the others a batch at a time by JSON.parse). */
  private readonly plainContacts = new PlainContactReader(this.sharedLists);
  /** Whether contacts' ids were added to `ids` since it was last resolved (their numbering is settled before an event's). */
  private contactIdsAdded = false;

  // Contact ids of events, interned by their bytes.
  private readonly ids = new ContactIdTable(this.eventContact);
  /** Whether every contact came before every event (then ids[0, listedIds) are the contacts' ids, numbered as the replay numbers them). */
  private contactsFirst = true;
  private listedIds = 0;

  // Event bodies, interned by their bytes.
  private readonly bodies: EventBody[] = [];
  /** Every distinct body, shared or not (past MAX_SHARED_BODIES some are not shared). */
  readonly distinctBodies: EventBody[] = [];
  private readonly bodyBytes: Uint8Array[] = [];
  private readonly bodyHashes: number[] = [];
  private bodySlots = new Int32Array(1 << 10).fill(-1);
  private scratch = new Uint8Array(1 << 12);

  // The previous event's instant.
  private readonly previousAt = new Uint8Array(64);
  private previousAtLength = -1;
  private previousAtMs = NaN;

  // Contacts waiting to be parsed: their bytes, comma-separated.
  private batch = new Uint8Array(CONTACT_BATCH_BYTES + (1 << 16));
  private batchLength = 0;

  // A sharded read: every record counted, this shard's placed.
  private readonly shardIndex: number;
  private readonly shardCount: number;
  private contactsSeen = 0;
  private eventsSeen = 0;
  private readonly contactPositions: number[] = [];
  private readonly eventPositions: number[] = [];
  /** Per contact waiting in the batch: its position, and whether its shard was read from its bytes (1) or is found once parsed (0). */
  private readonly batchPositions: number[] = [];
  private readonly batchShardKnown: number[] = [];

  constructor(private readonly options: BuilderOptions) {
    this.shardIndex = options.shard?.index ?? 0;
    this.shardCount = options.shard?.count ?? 1;
  }

  get events(): number {
    return this.eventTime.length;
  }

  /** Whether the contact whose id hashes to `hash` (FNV-1a over its bytes, as shardOf over its characters) is this shard's. */
  private isOwnHash(hash: number): boolean {
    return this.shardCount === 1 || shardOfHash(hash, this.shardCount) === this.shardIndex;
  }

  /** Keeps an event of this shard in the columns (its id queued for numbering) and counts it. */
  private keepEvent(b: Uint8Array, idStart: number, idEnd: number, idHash: number, ms: number, body: EventBody): void {
    this.ids.queue(b, idStart, idEnd, idHash);
    this.eventTime.push(ms);
    this.eventBody.push(body);
    if (this.shardCount > 1) this.eventPositions.push(this.eventsSeen);
    this.eventsSeen++;
  }

  /** Where this shard's records stand in the whole timeline. */
  places(): ShardPlaces {
    return { contactPositions: Int32Array.from(this.contactPositions), eventPositions: this.eventPositions, contactCount: this.contactsSeen, eventCount: this.eventsSeen };
  }

  private space(b: Uint8Array, i: number, limit: number): number {
    const cr = this.options.crIsSpace;
    for (; i < limit; i++) {
      const c = b[i]!;
      if (c !== JsonChar.Space && c !== JsonChar.LineFeed && c !== JsonChar.Tab && (c !== JsonChar.CarriageReturn || !cr)) break;
    }
    return i;
  }

  /** End of the value at i (before limit), INCOMPLETE or GIVE_UP; its content is checked when it is parsed. */
  skipValue(b: Uint8Array, i: number, limit: number): number {
    const first = b[i];
    if (first === JsonChar.Quote) {
      for (let j = i + 1; j < limit; j++) {
        const c = b[j]!;
        if (c === JsonChar.Quote) return j + 1;
        if (c === JsonChar.Backslash) j++;
      }
      return INCOMPLETE;
    }
    if (first === JsonChar.OpenBrace || first === JsonChar.OpenBracket) return endOfContainer(b, i + 1, limit);
    let j = i;
    for (; j < limit; j++) {
      const c = b[j]!;
      if (c === JsonChar.Comma || c === JsonChar.CloseBrace || c === JsonChar.CloseBracket || c === JsonChar.Space || c === JsonChar.LineFeed || c === JsonChar.Tab || c === JsonChar.CarriageReturn) break;
    }
    if (j >= limit) return INCOMPLETE;
    return j > i ? j : GIVE_UP;
  }

  /** Reads the event object at i (whitespace first): its end, INCOMPLETE or GIVE_UP. */
  event(b: Uint8Array, i: number, limit: number): number {
    if ((this.batchLength > 0 || this.contactIdsAdded) && !this.flushContacts()) return GIVE_UP; // contacts before this event are numbered first
    i = this.space(b, i, limit);
    const end = this.plainEvent(b, i, limit);
    return end === OTHER_FORM ? this.anyEvent(b, i, limit) : end;
  }

  /**
   * The event at i in the form JSON.stringify writes it, `{"at":"…","contact":"…",…}`
   * (those two first, no whitespace between members, no escape), read in
   * place: its end, INCOMPLETE, GIVE_UP, or OTHER_FORM for anyEvent to read.
   * Its body is the bytes after the contact, up to the closing brace, as
   * anyEvent would copy them.
   */
  private plainEvent(b: Uint8Array, i: number, limit: number): number {
    if (i + AT_KEY.length > limit) return INCOMPLETE;
    for (let k = 0; k < AT_KEY.length; k++) if (b[i + k] !== AT_KEY[k]) return OTHER_FORM;
    const atStart = i + AT_KEY.length;
    // The usual instant, `YYYY-MM-DDTHH:MM:SSZ`, is 20 bytes: its end looked at first (instant() checks every byte of it, a foreign event's owner does).
    let k = atStart + 20 < limit && b[atStart + 20] === JsonChar.Quote ? atStart + 20 : atStart;
    while (k < limit && b[k] !== JsonChar.Quote && b[k] !== JsonChar.Backslash) k++;
    if (k >= limit) return INCOMPLETE;
    if (b[k] !== JsonChar.Quote) return OTHER_FORM;
    const atEnd = k;
    if (k + CONTACT_KEY.length > limit) return INCOMPLETE;
    for (let m = 0; m < CONTACT_KEY.length; m++) if (b[k + m] !== CONTACT_KEY[m]) return OTHER_FORM;
    const idStart = k + CONTACT_KEY.length;
    // The contact id, checked as an Id and hashed on the way.
    let idHash = FNV_START;
    for (k = idStart; k < limit; k++) {
      const c = b[k]!;
      if (c === JsonChar.Quote) break;
      if (!isIdByte(c, k === idStart)) return OTHER_FORM; // anyEvent gives up, or reads an escape
      idHash = hashNext(idHash, c);
    }
    if (k >= limit) return INCOMPLETE;
    if (k === idStart) return GIVE_UP;
    const idEnd = k;
    if (!this.isOwnHash(idHash)) {
      // Another shard's event: only its end is needed (its owner reads and checks it).
      const end = endOfContainer(b, k + 1, limit);
      if (end >= 0) this.eventsSeen++;
      return end;
    }
    if (k + 2 >= limit) return INCOMPLETE;
    if (b[k + 1] !== JsonChar.Comma || b[k + 2] !== JsonChar.Quote) return OTHER_FORM;
    // The body: to the closing brace at depth 0; whitespace between its members or an escape is for anyEvent.
    const bodyStart = k + 2;
    let bodyHash = FNV_START;
    let depth = 0;
    for (k = bodyStart; k < limit; k++) {
      const c = b[k]!;
      if (c === JsonChar.Quote) {
        bodyHash = hashNext(bodyHash, c);
        for (k++; k < limit; k++) {
          const d = b[k]!;
          if (d === JsonChar.Backslash) return OTHER_FORM;
          bodyHash = hashNext(bodyHash, d);
          if (d === JsonChar.Quote) break;
        }
        continue;
      }
      if (c === JsonChar.OpenBrace || c === JsonChar.OpenBracket) depth++;
      else if (c === JsonChar.CloseBrace || c === JsonChar.CloseBracket) {
        if (depth === 0) {
          if (c === JsonChar.CloseBrace) break;
          return GIVE_UP;
        }
        depth--;
      } else if (depth === 0 && (c === JsonChar.Space || c === JsonChar.LineFeed || c === JsonChar.Tab || c === JsonChar.CarriageReturn)) return OTHER_FORM;
      bodyHash = hashNext(bodyHash, c);
    }
    if (k >= limit) return INCOMPLETE;
    const ms = this.instant(b, atStart, atEnd);
    if (ms !== ms) return GIVE_UP;
    const body = this.body(b, bodyStart, k, bodyHash | 0);
    if (body === undefined) return GIVE_UP;
    this.keepEvent(b, idStart, idEnd, idHash | 0, ms, body);
    return k + 1;
  }

  /** Reads the event object at i in any layout: its end, INCOMPLETE or GIVE_UP. */
  private anyEvent(b: Uint8Array, i: number, limit: number): number {
    if (i >= limit) return INCOMPLETE;
    if (b[i] !== JsonChar.OpenBrace) return GIVE_UP;
    i = this.space(b, i + 1, limit);
    let atStart = -1;
    let atEnd = -1;
    let idStart = -1;
    let idEnd = -1;
    let length = 0;
    for (;;) {
      if (i >= limit) return INCOMPLETE;
      if (b[i] !== JsonChar.Quote) return GIVE_UP;
      const keyStart = i + 1;
      let j = keyStart;
      for (; j < limit; j++) {
        const c = b[j]!;
        if (c === JsonChar.Quote) break;
        if (c === JsonChar.Backslash) return GIVE_UP;
      }
      if (j >= limit) return INCOMPLETE;
      const keyEnd = j;
      i = this.space(b, j + 1, limit);
      if (i >= limit) return INCOMPLETE;
      if (b[i] !== JsonChar.Colon) return GIVE_UP;
      i = this.space(b, i + 1, limit);
      if (i >= limit) return INCOMPLETE;
      const keyLength = keyEnd - keyStart;
      const isAt = keyLength === 2 && b[keyStart] === 97 && b[keyStart + 1] === 116;
      const isContact = !isAt && keyLength === 7 && b[keyStart] === 99 && b[keyStart + 1] === 111 && b[keyStart + 2] === 110 && b[keyStart + 3] === 116 && b[keyStart + 4] === 97 && b[keyStart + 5] === 99 && b[keyStart + 6] === 116;
      if (isAt || isContact) {
        if ((isAt ? atStart : idStart) >= 0 || b[i] !== JsonChar.Quote) return GIVE_UP;
        let k = i + 1;
        for (; k < limit; k++) {
          const c = b[k]!;
          if (c === JsonChar.Quote) break;
          if (c === JsonChar.Backslash) return GIVE_UP;
        }
        if (k >= limit) return INCOMPLETE;
        if (isAt) {
          atStart = i + 1;
          atEnd = k;
        } else {
          idStart = i + 1;
          idEnd = k;
        }
        i = k + 1;
      } else {
        const end = this.skipValue(b, i, limit);
        if (end < 0) return end;
        // The body's bytes: "key":value,"key":value (whitespace between members and around colons dropped).
        const need = length + (keyEnd - keyStart) + 4 + (end - i);
        if (need > this.scratch.length) {
          const bigger = new Uint8Array(Math.max(need, this.scratch.length * 2));
          bigger.set(this.scratch.subarray(0, length));
          this.scratch = bigger;
        }
        const s = this.scratch;
        if (length > 0) s[length++] = JsonChar.Comma;
        for (let k = keyStart - 1; k <= keyEnd; k++) s[length++] = b[k]!;
        s[length++] = JsonChar.Colon;
        for (let k = i; k < end; k++) s[length++] = b[k]!;
        i = end;
      }
      i = this.space(b, i, limit);
      if (i >= limit) return INCOMPLETE;
      const c = b[i];
      if (c === JsonChar.Comma) {
        i = this.space(b, i + 1, limit);
        continue;
      }
      if (c === JsonChar.CloseBrace) {
        i++;
        break;
      }
      return GIVE_UP;
    }
    if (atStart < 0 || idStart < 0 || length === 0) return GIVE_UP;
    const ms = this.instant(b, atStart, atEnd);
    if (ms !== ms) return GIVE_UP;
    if (!isIdBytes(b, idStart, idEnd)) return GIVE_UP;
    const body = this.body(this.scratch, 0, length, hashBytes(this.scratch, 0, length));
    if (body === undefined) return GIVE_UP;
    const idHash = hashBytes(b, idStart, idEnd);
    if (this.isOwnHash(idHash)) this.keepEvent(b, idStart, idEnd, idHash, ms, body);
    else this.eventsSeen++;
    return i;
  }

  /** The instant of bytes [s, e), checked as the schema does; NaN if the schema would reject it. */
  private instant(b: Uint8Array, s: number, e: number): number {
    const n = e - s;
    const previous = this.previousAt;
    if (n === this.previousAtLength) {
      let k = 0;
      while (k < n && b[s + k] === previous[k]) k++;
      if (k === n) return this.previousAtMs;
    }
    let ms = n === 20 ? plainInstant(b, s) : NaN;
    if (ms !== ms) {
      let text: string;
      try {
        text = decoder.decode(b.subarray(s, e));
      } catch {
        return NaN;
      }
      if (!Instant.safeParse(text).success) return NaN;
      ms = parseIsoInstant(text);
      if (ms !== ms) return NaN;
    }
    if (n <= previous.length) {
      for (let k = 0; k < n; k++) previous[k] = b[s + k]!; // most events' instant is new: no view of its bytes to make each time
      this.previousAtLength = n;
      this.previousAtMs = ms;
    }
    return ms;
  }

  /** The shared body of bytes [start, end) ("key":value,"key":value) whose hashBytes is `hash`, or undefined if the schema would reject it or the builder is not sure. */
  private body(b: Uint8Array, start: number, end: number, hash: number): EventBody | undefined {
    const length = end - start;
    const slots = this.bodySlots;
    const mask = slots.length - 1;
    let free = -1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const k = slots[slot]!;
      if (k < 0) {
        free = slot;
        break;
      }
      if (this.bodyHashes[k] !== hash) continue;
      const bytes = this.bodyBytes[k]!;
      if (bytes.length !== length) continue;
      let m = 0;
      while (m < length && bytes[m] === b[start + m]) m++;
      if (m === length) return this.bodies[k];
    }
    const body = this.newBody(b, start, end);
    if (body !== undefined) this.distinctBodies.push(body);
    if (body === undefined || this.bodies.length >= MAX_SHARED_BODIES) return body;
    slots[free] = this.bodies.length;
    this.bodies.push(body);
    this.bodyBytes.push(Uint8Array.prototype.slice.call(b, start, end)); // a copy (a Buffer's own slice is a view)
    this.bodyHashes.push(hash);
    if (this.bodies.length * 2 > slots.length) this.bodySlots = rehash(this.bodyHashes, slots.length * 2);
    return body;
  }

  private newBody(b: Uint8Array, start: number, end: number): EventBody | undefined {
    let text: string;
    try {
      text = `{${decoder.decode(b.subarray(start, end))}}`;
    } catch {
      return undefined;
    }
    if (text.includes('__proto__') || (!this.options.crIsSpace && text.includes('\r')) || (this.options.strictKeys && hasDuplicateKeys(text))) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return undefined;
    }
    // An `at` or `contact` among the body's members repeats the event's own (plainEvent does not look at the body's keys).
    if (Object.hasOwn(value as object, 'at') || Object.hasOwn(value as object, 'contact')) return undefined;
    // The schema has no defaults or transforms: a value that passes is what a parse returns.
    if (!ContactEvent.safeParse({ ...(value as object), at: SOME_INSTANT, contact: 'c' }).success) return undefined;
    return value as EventBody;
  }

  /** Reads the contact object at i (whitespace first): its end, INCOMPLETE or GIVE_UP (checked when its batch is parsed). */
  contact(b: Uint8Array, i: number, limit: number): number {
    i = this.space(b, i, limit);
    if (i >= limit) return INCOMPLETE;
    if (b[i] !== JsonChar.OpenBrace) return GIVE_UP;
    const end = this.skipValue(b, i, limit);
    if (end < 0) return end;
    if (!this.options.crIsSpace) for (let k = i; k < end; k++) if (b[k] === JsonChar.CarriageReturn) return GIVE_UP;
    const position = this.contactsSeen++;
    let shardKnown = 0;
    if (this.shardCount > 1) {
      // `{"id":"…"` first: its shard from the id's bytes; any other layout is parsed, and kept if its id is this shard's.
      const hash = plainContactIdHash(b, i, end);
      if (hash !== undefined) {
        if (!this.isOwnHash(hash)) return end;
        shardKnown = 1;
      }
    }
    const plain = this.plainContacts.read(b, i, end);
    if (plain !== undefined) {
      if (this.shardCount > 1 && shardKnown === 0 && shardOf(plain.id, this.shardCount) !== this.shardIndex) return end;
      if (this.batchLength > 0 && !this.flushContacts()) return GIVE_UP; // the contacts before it come first
      this.keepContact(plain, position);
      if (this.eventsSeen > 0) this.contactsFirst = false;
      return end;
    }
    const n = end - i;
    // The batch is the text JSON.parse reads: `[` contact `,` contact `,` ... (its last comma becomes the `]`).
    if (this.batchLength + n + (this.batchLength === 0 ? 2 : 1) > this.batch.length) {
      if (!this.flushContacts()) return GIVE_UP;
      if (n + 2 > this.batch.length) this.batch = new Uint8Array(n + 2);
    }
    if (this.shardCount > 1) {
      this.batchPositions.push(position);
      this.batchShardKnown.push(shardKnown);
    }
    const batch = this.batch;
    if (this.batchLength === 0) batch[this.batchLength++] = JsonChar.OpenBracket;
    for (let k = 0, to = this.batchLength; k < n; k++) batch[to + k] = b[i + k]!; // no view of the bytes to make per contact
    this.batchLength += n;
    batch[this.batchLength++] = JsonChar.Comma;
    if (this.batchLength >= CONTACT_BATCH_BYTES && !this.flushContacts()) return GIVE_UP;
    return end;
  }

  /** Keeps a contact of this shard, at this position among the timeline's contacts (its id numbered now when no event came before it). */
  private keepContact(v: Contact, position: number): void {
    if (this.shardCount > 1) this.contactPositions.push(position);
    this.contacts.push(v);
    if (this.eventsSeen === 0) {
      // Contacts before every event: their ids are numbered first, in their order (a repeated id keeps its first number),
      // which is how the replay numbers contacts, so the events' contact numbers are the replay's.
      this.ids.add(v.id);
      this.contactIdsAdded = true;
    }
  }

  /** Parses and checks the contacts waiting, and settles the numbering of the ids of the contacts kept; false if the builder must give up. */
  flushContacts(): boolean {
    if (this.batchLength > 0 && !this.parseBatch()) return false;
    if (this.contactIdsAdded) {
      this.ids.resolve();
      this.listedIds = this.ids.size;
      this.contactIdsAdded = false;
    }
    return true;
  }

  /** Parses and checks the contacts in the batch (JSON.parse); false if the builder must give up. */
  private parseBatch(): boolean {
    const length = this.batchLength;
    this.batchLength = 0;
    let values: unknown[];
    this.batch[length - 1] = JsonChar.CloseBracket;
    try {
      values = JSON.parse(decoder.decode(this.batch.subarray(0, length))) as unknown[];
    } catch {
      return false;
    }
    // As many properties as keys in the bytes: no key repeats (strict JSON).
    if (this.options.strictKeys && propertyCount(values) !== keyCount(this.batch, 0, length)) return false;
    const sharded = this.shardCount > 1;
    for (let k = 0; k < values.length; k++) {
      const v = values[k];
      if (!isSurelyContact(v)) return false;
      // Its id as parsed must be of the shard its bytes named (a repeated key could say otherwise: the exact reader decides).
      if (sharded && shardOf(v.id, this.shardCount) !== this.shardIndex) {
        if (this.batchShardKnown[k] === 1) return false;
        continue;
      }
      if (v.lists !== undefined) (v as { lists: Contact['lists'] }).lists = this.sharedLists.share(v.lists);
      this.keepContact(v, sharded ? this.batchPositions[k]! : 0);
    }
    this.batchPositions.length = 0;
    this.batchShardKnown.length = 0;
    if (this.eventsSeen > 0) this.contactsFirst = false;
    return true;
  }

  /** The timeline, or undefined if the builder must give up. */
  finish(properties: TimelineProperties): PackedTimeline | undefined {
    if (!this.flushContacts()) return undefined;
    this.ids.resolve();
    return {
      ...properties,
      packed: true,
      contacts: this.contacts,
      eventTime: this.eventTime,
      eventContact: this.eventContact,
      eventBody: this.eventBody,
      eventContactIds: this.ids.ids,
      listedContactIds: this.contactsFirst ? this.listedIds : -1,
    };
  }
}

/** The hash of the id of the contact object at [s, e) when it begins `{"id":"<an Id>"`, else undefined. */
function plainContactIdHash(b: Uint8Array, s: number, e: number): number | undefined {
  if (e - s < ID_KEY.length + 2) return undefined;
  for (let k = 0; k < ID_KEY.length; k++) if (b[s + k] !== ID_KEY[k]) return undefined;
  const start = s + ID_KEY.length;
  let h = FNV_START;
  let k = start;
  for (; k < e && b[k] !== JsonChar.Quote; k++) {
    if (!isIdByte(b[k]!, k === start)) return undefined;
    h = hashNext(h, b[k]!);
  }
  return k > start && k < e ? h : undefined;
}

/** From inside an object or array (after its opening bracket), its end (after its closing bracket), or INCOMPLETE. */
function endOfContainer(b: Uint8Array, i: number, limit: number): number {
  let depth = 0;
  for (let j = i; j < limit; j++) {
    const c = b[j]!;
    if (c === JsonChar.Quote) {
      for (j++; j < limit; j++) {
        const q = b[j]!;
        if (q === JsonChar.Quote) break;
        if (q === JsonChar.Backslash) j++;
      }
    } else if (c === JsonChar.OpenBrace || c === JsonChar.OpenBracket) depth++;
    else if (c === JsonChar.CloseBrace || c === JsonChar.CloseBracket) {
      if (depth === 0) return j + 1;
      depth--;
    }
  }
  return INCOMPLETE;
}

/** Open-addressing slots of `size` (a power of 2) for the entries with these hashes. */
function rehash(hashes: readonly number[], size: number): Int32Array<ArrayBuffer> {
  const slots = new Int32Array(size).fill(-1);
  const mask = size - 1;
  for (let k = 0; k < hashes.length; k++) {
    let slot = hashes[k]! & mask;
    while (slots[slot]! >= 0) slot = (slot + 1) & mask;
    slots[slot] = k;
  }
  return slots;
}
