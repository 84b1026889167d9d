// The timeline made ready for replay: every instant parsed once, events
// ordered by time (ties keep the timeline's order, R14), each event's contact
// resolved to an index; contacts that appear only in events become empty
// contacts (with a warning, since it may be a typo).
import type { ContactEvent, Timeline } from '../timeline';
import { ContactStore } from './contactStore';
import { type Numbers, numbers } from './heapNumbers';
import { SimulationError } from './errors';
import { IsoInstantParser, parseIsoInstant } from './isoInstant';
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

/** `2026-03-01T09:00:00Z` (milliseconds only when there are any). */
export function formatInstant(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? iso.slice(0, -5) + 'Z' : iso;
}

export interface PreparedTimeline {
  readonly store: ContactStore;
  readonly events: readonly ContactEvent[];
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

export function prepareTimeline(timeline: Timeline): PreparedTimeline {
  const store = new ContactStore(timeline.contacts);
  const duplicateContacts = timeline.contacts.length - store.size;
  const unknownContacts: { event: number; id: string }[] = [];
  const events = timeline.events;
  const n = events.length;
  const time = numbers(n);
  const contact = numbers(n);
  let sorted = true;
  let unknown = 0;
  const instants = new EventInstants();
  for (let i = 0; i < n; i++) {
    time[i] = instants.at(events[i]!.at, i);
    if (i > 0 && time[i]! < time[i - 1]!) sorted = false;
  }
  store.indicesOf(n, (i) => events[i]!.contact, contact);
  for (let i = 0; i < n; i++) {
    if (contact[i]! >= 0) continue;
    // Not in contacts (or added for an earlier event).
    const id = events[i]!.contact;
    let c = store.indexOf(id);
    if (c < 0) {
      c = store.add({ id });
      if (unknown++ < UNKNOWN_LISTED) unknownContacts.push({ event: i, id });
    }
    contact[i] = c;
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
