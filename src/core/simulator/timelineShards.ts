// Splits a packed timeline (packedTimeline.ts) by contact into shards for a
// sharded replay (shardedReplay.ts), working on its columns: every contact,
// and all of its events, go to the shard its id hashes to, so a contact
// listed twice, or known only from its events, is still one contact in one
// shard. A shard is itself packed: its events' instants, contact numbers
// (the shard's own) and body numbers (into the few distinct bodies it uses)
// in typed arrays, and its contacts as the positions of the timeline's
// contacts it holds. A worker receives its shard with its contacts in
// columns (contactColumns.ts), every typed array transferred, no object per
// event or per contact crossing threads. Each shard keeps the timeline's
// order (contacts in list order, events in timeline order) and, for each of
// its contacts and events, the position in the whole timeline, so that
// merged queues and warnings come out in the order one replay gives them.
import type { EventBody, PackedTimeline, TimelineProperties } from '../packedTimeline';
import { packedProperties } from '../packedTimeline';
import type { Contact } from '../timeline';
import { type ContactColumns, decodeContacts, encodeContacts } from './contactColumns';
import { type Numbers, numbers } from './heapNumbers';

/** A column of a shard: a typed array to transfer, or (the shard this thread keeps) a plain array. */
type Ints = Int32Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Float64Array<ArrayBuffer> | Numbers;

/** `from`, longer, the new places -1. */
function grownNumbers(from: Int32Array, length: number): Int32Array {
  const grown = new Int32Array(length).fill(-1);
  grown.set(from);
  return grown;
}

/** A shard as the thread that replays it opens it. */
export interface TimelineShard {
  /** The shard's timeline: its contacts and their events, with the whole timeline's seed, start and horizon. */
  readonly timeline: PackedTimeline;
  /** Per contact of the shard: its position in the timeline's contacts. */
  readonly contactPositions: Int32Array;
  /** Per event of the shard: its position in the timeline's events. */
  readonly eventPositions: Numbers;
  /** How many contacts the whole timeline lists (contacts known only from events come after them). */
  readonly contactCount: number;
}

/** A shard in columns: what the split gives and what a worker receives (everything big in typed arrays). */
export interface PackedShard {
  readonly properties: TimelineProperties;
  /** Per contact of the shard: its position in the timeline's contacts (list order). */
  readonly contactPositions: Int32Array<ArrayBuffer>;
  /** Per contact of the shard: 1 when its id is the first of that id in the list (a later one is a repeat the replay passes over). */
  readonly firstOfId: Uint8Array<ArrayBuffer>;
  /** The shard's contacts in columns, for a worker (absent for the thread that holds the timeline's objects). */
  contacts?: ContactColumns;
  /** Per event of the shard: its position in the timeline's events, its instant, its contact (the shard's number) and its body (into bodies). */
  readonly eventPositions: Int32Array<ArrayBuffer> | Numbers;
  readonly eventTime: Float64Array<ArrayBuffer> | Numbers;
  readonly eventContact: Int32Array<ArrayBuffer> | Numbers;
  readonly eventBody: Int32Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Numbers;
  /** The distinct bodies the shard's events have. */
  readonly bodies: EventBody[];
  /**
   * The contact ids the shard's events name that are not its listed contacts'
   * (in order of first use), numbered after the listed ones; when
   * listedContactIds is -1, every id the events name.
   */
  readonly extraIds: string[];
  /** How many distinct ids the shard's contacts have (its events' numbers below this are its listed contacts, in order), or -1. */
  readonly listedContactIds: number;
  /** How many contacts the whole timeline lists. */
  readonly contactCount: number;
}

/** The shard of a contact whose id's FNV-1a hash is `hash` (the file readers hash ids from their bytes, packedTimelineBuilder.ts). */
export const shardOfHash = (hash: number, shards: number): number => (hash >>> 0) % shards;

/** FNV-1a over the id: the shard of a contact (any stable spread works; this one is cheap). */
export function shardOf(id: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return shardOfHash(h, shards);
}

/**
 * Splits the packed timeline into `shards` packed shards, in one pass over
 * its contacts and one per shard over its events' columns; `local` is the
 * shard this thread replays (its columns are plain arrays, never sent).
 */
export function splitPackedTimeline(timeline: PackedTimeline, shards: number, options: { local?: number } = {}): PackedShard[] {
  const { contacts, eventContactIds: ids, eventTime, eventContact, eventBody } = timeline;
  const listed = timeline.listedContactIds;
  /** Per id the events name: its shard, and its number in that shard (-1 until known). */
  const shardOfId = new Uint16Array(ids.length);
  const localOfId = new Int32Array(ids.length).fill(-1);
  const contactCounts = new Int32Array(shards);
  const distinctListed = new Int32Array(shards);
  // Contacts: each to its id's shard. With the listed ids first (listed >= 0), id number g is the g-th distinct listed id.
  const contactShard = new Uint16Array(contacts.length);
  const firstOf = new Uint8Array(contacts.length);
  let next = 0;
  for (let i = 0; i < contacts.length; i++) {
    const id = contacts[i]!.id;
    const k = shardOf(id, shards);
    contactShard[i] = k;
    contactCounts[k]!++;
    if (listed >= 0 && next < listed && ids[next] === id) {
      shardOfId[next] = k;
      localOfId[next] = distinctListed[k]!++;
      firstOf[i] = 1;
      next++;
    }
  }
  if (listed < 0) {
    // Ids repeat in the list only rarely: which are first is found with a set.
    const seen = new Set<string>();
    for (let i = 0; i < contacts.length; i++) {
      const id = contacts[i]!.id;
      if (seen.has(id)) continue;
      seen.add(id);
      firstOf[i] = 1;
      distinctListed[contactShard[i]!]!++;
    }
  }
  for (let g = listed >= 0 ? listed : 0; g < ids.length; g++) shardOfId[g] = shardOf(ids[g]!, shards);

  const contactPositions = Array.from({ length: shards }, (_, k) => new Int32Array(contactCounts[k]!));
  const firstOfId = Array.from({ length: shards }, (_, k) => new Uint8Array(contactCounts[k]!));
  contactCounts.fill(0);
  for (let i = 0; i < contacts.length; i++) {
    const k = contactShard[i]!;
    const at = contactCounts[k]!++;
    contactPositions[k]![at] = i;
    firstOfId[k]![at] = firstOf[i]!;
  }

  // Events: counted per shard, then each shard's columns in one pass over the events per shard (tight loops, one shard's arrays in each).
  const n = eventTime.length;
  const eventCounts = new Int32Array(shards);
  for (let i = 0; i < n; i++) eventCounts[shardOfId[eventContact[i]!]!]!++;
  const extraIds: string[][] = Array.from({ length: shards }, () => []);
  /** Per shard, the next number of an id that is not a listed contact's. */
  const nextExtra = listed >= 0 ? Int32Array.from(distinctListed) : new Int32Array(shards);
  /** Each distinct body's number (bodies are shared objects: a few hundred for millions of events). */
  const numberOfBody = new Map<EventBody, number>();
  let distinctBodies = 0;
  const columns = Array.from({ length: shards }, (_, k) => {
    const count = eventCounts[k]!;
    // The shard this thread keeps in plain arrays: typed arrays' memory is outside the heap and soon brings on a full collection (heapNumbers.ts).
    const plain = k === options.local;
    const positions: Ints = plain ? numbers(count) : new Int32Array(count);
    const times: Ints = plain ? numbers(count) : new Float64Array(count);
    const contactNumbers: Ints = plain ? numbers(count) : new Int32Array(count);
    let bodyNumbers: Ints = plain ? numbers(count) : new Uint16Array(count);
    let localBody: Int32Array = new Int32Array(1024).fill(-1);
    const bodies: EventBody[] = [];
    const extra = extraIds[k]!;
    let lastBody: EventBody | undefined;
    let lastNumber = 0;
    let at = 0;
    for (let i = 0; i < n; i++) {
      const g = eventContact[i]!;
      if (shardOfId[g] !== k) continue;
      positions[at] = i;
      times[at] = eventTime[i]!;
      let c = localOfId[g]!;
      if (c < 0) {
        // An id first named by this event (not a listed contact's): numbered after the shard's listed ones.
        c = localOfId[g] = nextExtra[k]!++;
        extra.push(ids[g]!);
      }
      contactNumbers[at] = c;
      const body = eventBody[i]!;
      if (body !== lastBody) {
        let global = numberOfBody.get(body);
        if (global === undefined) numberOfBody.set(body, (global = distinctBodies++));
        if (global >= localBody.length) localBody = grownNumbers(localBody, Math.max(global + 1, localBody.length * 2));
        let b = localBody[global]!;
        if (b < 0) {
          b = localBody[global] = bodies.length;
          bodies.push(body);
          if (b === 0x10000 && bodyNumbers instanceof Uint16Array) bodyNumbers = Int32Array.from(bodyNumbers);
        }
        lastBody = body;
        lastNumber = b;
      }
      bodyNumbers[at++] = lastNumber;
    }
    return { positions, times, contactNumbers, bodyNumbers, bodies };
  });
  const properties = packedProperties(timeline);
  return contactPositions.map((positionsOfContacts, k) => ({
    properties,
    contactPositions: positionsOfContacts,
    firstOfId: firstOfId[k]!,
    eventPositions: columns[k]!.positions,
    eventTime: columns[k]!.times,
    eventContact: columns[k]!.contactNumbers,
    eventBody: columns[k]!.bodyNumbers,
    bodies: columns[k]!.bodies,
    extraIds: extraIds[k]!,
    listedContactIds: listed >= 0 ? distinctListed[k]! : -1,
    contactCount: contacts.length,
  }));
}

/** Puts the shard's contacts in columns, for a worker (contacts: the whole timeline's). */
export function withContactColumns(shard: PackedShard, contacts: readonly Contact[]): PackedShard {
  shard.contacts = encodeContacts(contacts, shard.contactPositions);
  return shard;
}

/** What a worker's postMessage transfers of the shard (its typed arrays' buffers). */
export function transferList(shard: PackedShard): ArrayBuffer[] {
  const list: ArrayBuffer[] = [];
  for (const column of [shard.contactPositions, shard.firstOfId, shard.eventPositions, shard.eventTime, shard.eventContact, shard.eventBody]) if (ArrayBuffer.isView(column)) list.push(column.buffer as ArrayBuffer);
  if (shard.contacts) list.push(shard.contacts.ints.buffer, shard.contacts.numbers.buffer);
  return list;
}

/**
 * The shard as a timeline to replay: its contacts from the columns it
 * carries, else from the whole timeline's (the thread that holds them);
 * each event's body looked up from its number.
 */
export function openShard(shard: PackedShard, contacts?: readonly Contact[]): TimelineShard {
  const own: Contact[] = shard.contacts ? decodeContacts(shard.contacts) : Array.from(shard.contactPositions, (i) => contacts![i]!);
  const eventContactIds: string[] = [];
  if (shard.listedContactIds >= 0) for (let i = 0; i < own.length; i++) if (shard.firstOfId[i] === 1) eventContactIds.push(own[i]!.id);
  for (const id of shard.extraIds) eventContactIds.push(id);
  const { bodies } = shard;
  const numbers = shard.eventBody;
  const eventBody: EventBody[] = new Array(numbers.length);
  for (let i = 0; i < numbers.length; i++) eventBody[i] = bodies[numbers[i]!]!;
  const timeline: PackedTimeline = {
    ...shard.properties,
    packed: true,
    contacts: own,
    eventTime: shard.eventTime as unknown as readonly number[],
    eventContact: shard.eventContact as unknown as readonly number[],
    eventBody,
    eventContactIds,
    listedContactIds: shard.listedContactIds,
  };
  return { timeline, contactPositions: shard.contactPositions, eventPositions: shard.eventPositions, contactCount: shard.contactCount };
}
