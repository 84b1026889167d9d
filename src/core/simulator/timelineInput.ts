// The timeline made ready for replay: every instant parsed once, events
// ordered by time (ties keep the timeline's order, R14), each event's contact
// resolved to an index; contacts that appear only in events become empty
// contacts (with a warning, since it may be a typo). A packed timeline (from
// a file, src/core/packedTimeline.ts) comes with its instants parsed and its
// events' contacts interned: its columns are used as they are.
import { isPackedTimeline, type PackedTimeline } from '../packedTimeline';
import type { Timeline } from '../timeline';
import { ContactStore } from './contactStore';
import { type Numbers, numbers } from './heapNumbers';
import { SimulationError } from './errors';
import { IsoInstantParser, parseIsoInstant } from './isoInstant';
import type { SimEvent } from './matching';
import type { InstantInput } from './types';

/** Epoch ms of an instant given as a number, Date or ISO string with offset. */
export function parseInstant(input: InstantInput, what: string): number {
  if (typeof input === 'number') {
    if (Number.isNaN(input)) throw new SimulationError('invalid-instant', `${what} is not a number.`);
    return input;
  }
  const ms = input instanceof Date ? input.getTime() : parseIsoInstant(input);
  if (Number.isNaN(ms)) throw notAnInstant(input, what);
  return ms;
}

function notAnInstant(input: string | Date, what: string): SimulationError {
  return new SimulationError('invalid-instant', `${what}: "${String(input)}" is not an ISO 8601 instant such as 2026-03-01T09:00:00Z.`);
}

/** parseInstant for the events of a timeline, in order: neighbours often share their instant string. */
class EventInstants {
  private readonly parser = new IsoInstantParser();

  at(input: InstantInput, i: number): number {
    if (typeof input !== 'string') return parseInstant(input, `events[${i}].at`);
    const ms = this.parser.parse(input);
    if (Number.isNaN(ms)) throw notAnInstant(input, `events[${i}].at`);
    return ms;
  }
}

const DAY_MS = 86_400_000;
/** The last instant Date can hold, either side of 1970. */
const MAX_DATE_MS = 8.64e15;
const TWO_DIGITS = Array.from({ length: 100 }, (_, k) => String(k).padStart(2, '0'));
/** The `YYYY-MM-DDT` of recent days, by day number modulo 64: a trace's texts name instants of a few days over and over
 * (an arrival at a wait on one day names its end on another). */
const DAY_SLOTS = 64;
const slotDay = new Float64Array(DAY_SLOTS).fill(NaN);
const slotPrefix: string[] = new Array<string>(DAY_SLOTS).fill('');

/** `2026-03-01T09:00:00Z` (milliseconds only when there are any), as Date's toISOString writes it. */
export function formatInstant(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  // Date truncates a fraction of a millisecond toward zero, and throws a RangeError past its range:
  // only whole milliseconds in the range take the fast path.
  if (!Number.isInteger(ms) || Math.abs(ms) > MAX_DATE_MS) return isoWithoutZeroMs(new Date(ms).toISOString());
  const day = Math.floor(ms / DAY_MS);
  const slot = day & (DAY_SLOTS - 1);
  if (slotDay[slot] !== day) {
    const iso = new Date(day * DAY_MS).toISOString();
    slotPrefix[slot] = iso.slice(0, iso.indexOf('T') + 1);
    slotDay[slot] = day;
  }
  // The time of day by hand: the simulator's trace formats one for every arrival at a wait (#16, editor overlay).
  const inDay = ms - day * DAY_MS;
  const seconds = Math.floor(inDay / 1000);
  const milli = inDay - seconds * 1000;
  const hms = `${TWO_DIGITS[Math.floor(seconds / 3600)]!}:${TWO_DIGITS[Math.floor(seconds / 60) % 60]!}:${TWO_DIGITS[seconds % 60]!}`;
  const prefix = slotPrefix[slot]!;
  return milli === 0 ? `${prefix}${hms}Z` : `${prefix}${hms}.${String(milli).padStart(3, '0')}Z`;
}

function isoWithoutZeroMs(iso: string): string {
  return iso.endsWith('.000Z') ? iso.slice(0, -5) + 'Z' : iso;
}

export interface PreparedTimeline {
  readonly store: ContactStore;
  /** Per event (in timeline order): what the kernel reads of it. */
  readonly events: readonly SimEvent[];
  /** Event indices in replay order; undefined when that is the timeline's order (it is sorted). */
  readonly order: Numbers | undefined;
  /** Per event (in timeline order): its instant and its contact number. */
  readonly time: Numbers;
  readonly contact: Numbers;
  readonly firstEventTime: number;
  readonly lastEventTime: number;
  readonly warnings: string[];
  /** What the warnings say, for a sharded replay to merge: contacts listed twice, events of contacts not in contacts (the first UNKNOWN_LISTED and how many). */
  readonly duplicateContacts: number;
  readonly unknownContacts: readonly { readonly event: number; readonly id: string }[];
  readonly unknownContactCount: number;
}

/** Events whose contact ids are gathered, then looked up together (a block's ids stay in the cache). */
const ID_BLOCK = 4096;

/** Events of unknown contacts named one by one in the warnings; the others are counted. */
export const UNKNOWN_LISTED = 20;

/** The warnings of a timeline's contacts: ids listed twice, events for contacts not listed (in event order). */
export function timelineWarnings(duplicateContacts: number, unknownContacts: readonly { event: number; id: string }[], unknownContactCount: number): string[] {
  const warnings: string[] = [];
  if (duplicateContacts > 0) warnings.push(`${duplicateContacts} contact id(s) appear more than once in contacts: the first of each is used.`);
  for (const { event, id } of unknownContacts.slice(0, UNKNOWN_LISTED)) warnings.push(`events[${event}] is for contact "${id}", who is not in contacts: replayed as a new contact with no data.`);
  if (unknownContactCount > UNKNOWN_LISTED) warnings.push(`... and ${unknownContactCount - UNKNOWN_LISTED} more events for contacts not in contacts.`);
  return warnings;
}

export function prepareTimeline(timeline: Timeline | PackedTimeline): PreparedTimeline {
  // A packed timeline's reader numbered the contacts' ids: when as many are distinct as there are contacts, none repeats.
  const store = new ContactStore(timeline.contacts, isPackedTimeline(timeline) && timeline.listedContactIds === timeline.contacts.length);
  const duplicateContacts = timeline.contacts.length - store.size;
  const unknownContacts: { event: number; id: string }[] = [];
  let events: readonly SimEvent[];
  let time: Numbers;
  let contact: Numbers;
  let unknown = 0;
  if (isPackedTimeline(timeline)) {
    events = timeline.eventBody;
    time = timeline.eventTime as Numbers; // read only
    const ids = timeline.eventContactIds;
    const byId = timeline.eventContact;
    const listed = timeline.listedContactIds;
    if (listed >= 0 && listed === store.size) {
      // The events' contact numbers are already the store's: the ids after the listed ones are added in order of first use.
      contact = byId as Numbers; // read only
      let next = listed;
      for (let i = 0; i < byId.length && next < ids.length; i++) {
        if (byId[i]! !== next) continue;
        if (store.add({ id: ids[next]! }) !== next) throw new Error(`internal: contact "${ids[next]!}" is not number ${next}`);
        if (unknown++ < UNKNOWN_LISTED) unknownContacts.push({ event: i, id: ids[next]! });
        next++;
      }
    } else {
      contact = numbers(time.length);
      const numberOf = numbers(ids.length);
      store.indicesOf(ids, ids.length, numberOf);
      for (let i = 0; i < byId.length; i++) {
        const k = byId[i]!;
        let c = numberOf[k]!;
        if (c < 0) {
          // Not in contacts: the first of its events adds it.
          c = numberOf[k] = store.add({ id: ids[k]! });
          if (unknown++ < UNKNOWN_LISTED) unknownContacts.push({ event: i, id: ids[k]! });
        }
        contact[i] = c;
      }
    }
  } else {
    const list = timeline.events;
    events = list;
    time = numbers(list.length);
    contact = numbers(list.length);
    const instants = new EventInstants();
    // One read of each event (its instant and its contact id, block by block), then the ids looked up together.
    const ids: string[] = [];
    for (let from = 0; from < list.length; from += ID_BLOCK) {
      const to = Math.min(from + ID_BLOCK, list.length);
      for (let i = from; i < to; i++) {
        const ev = list[i]!;
        time[i] = instants.at(ev.at, i);
        ids[i - from] = ev.contact;
      }
      store.indicesOf(ids, to - from, contact, from);
    }
    for (let i = 0; i < list.length; i++) {
      if (contact[i]! >= 0) continue;
      // Not in contacts (or added for an earlier event).
      const id = list[i]!.contact;
      let c = store.indexOf(id);
      if (c < 0) {
        c = store.add({ id });
        if (unknown++ < UNKNOWN_LISTED) unknownContacts.push({ event: i, id });
      }
      contact[i] = c;
    }
  }
  const n = time.length;
  let sorted = true;
  for (let i = 1; i < n; i++) {
    if (time[i]! < time[i - 1]!) {
      sorted = false;
      break;
    }
  }
  let order: Numbers | undefined;
  if (!sorted) {
    const indices: number[] = [];
    for (let i = 0; i < n; i++) indices.push(i);
    order = indices.sort((a, b) => time[a]! - time[b]! || a - b);
  }
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < n; i++) {
    if (time[i]! < first) first = time[i]!;
    if (time[i]! > last) last = time[i]!;
  }
  const warnings = timelineWarnings(duplicateContacts, unknownContacts, unknown);
  return { store, events, order, time, contact, firstEventTime: first, lastEventTime: last, warnings, duplicateContacts, unknownContacts, unknownContactCount: unknown };
}
