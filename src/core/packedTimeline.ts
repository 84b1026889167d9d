// A timeline as the file readers hand it to the simulator (#16): the same
// timeline as a Timeline object, with its events in columns instead of one
// object each. Per event, its instant already parsed (epoch ms), its contact
// as a number into the ids the events name, and its body (the event without
// `at` and `contact`, what the simulator's kernel reads) shared by every
// event with the same body: a million contacts' events hold a few hundred
// distinct bodies. Contacts stay objects, as in a Timeline. packTimeline
// makes one from a Timeline object (the sharded replay splits packed
// columns). Pure.
import { IsoInstantParser } from './simulator/isoInstant';
import type { Contact, ContactEvent, Timeline } from './timeline';

type WithoutContext<E> = E extends unknown ? Omit<E, 'at' | 'contact'> : never;

/** An event without its instant and contact (the simulator's SimEvent). */
export type EventBody = WithoutContext<ContactEvent>;

/** The timeline's own properties (formatVersion, seed, start...): everything but its arrays. */
export type TimelineProperties = Omit<Timeline, 'contacts' | 'events'>;

export interface PackedTimeline extends TimelineProperties {
  readonly packed: true;
  readonly contacts: readonly Contact[];
  /** Per event, in timeline order: its instant, epoch ms. */
  readonly eventTime: readonly number[];
  /** Per event: its contact, an index into eventContactIds. */
  readonly eventContact: readonly number[];
  /** Per event: its body; events with equal bodies share one object (never changed). */
  readonly eventBody: readonly EventBody[];
  /** The contact ids the events name, each once, in order of first use (after the contacts' ids when listedContactIds >= 0). */
  readonly eventContactIds: readonly string[];
  /**
   * When every contact comes before every event: how many of eventContactIds
   * are the contacts' own (the distinct ids, in their order), and then an
   * event's contact number is the replay's number of its contact. -1 otherwise.
   */
  readonly listedContactIds: number;
}

export function isPackedTimeline(timeline: Timeline | PackedTimeline): timeline is PackedTimeline {
  return (timeline as PackedTimeline).packed === true;
}

/** How many events a timeline holds. */
export function eventCount(timeline: Timeline | PackedTimeline): number {
  return isPackedTimeline(timeline) ? timeline.eventTime.length : timeline.events.length;
}

/** The timeline's properties of a packed timeline (without the columns). */
export function packedProperties(timeline: PackedTimeline): TimelineProperties {
  const { packed: _packed, contacts: _contacts, eventTime: _time, eventContact: _contact, eventBody: _body, eventContactIds: _ids, listedContactIds: _listed, ...properties } = timeline;
  return properties;
}

/** The contact ids the events name that the contacts lack, in order of first use. */
export function unlistedContactIds(timeline: PackedTimeline): string[] {
  const ids = timeline.eventContactIds;
  if (timeline.listedContactIds >= 0) return ids.slice(timeline.listedContactIds);
  const listed = new Set(timeline.contacts.map((c) => c.id));
  return ids.filter((id) => !listed.has(id));
}

/**
 * A small Timeline with one event per distinct body of the packed one (for
 * a listed contact) and one per contact id the events name that contacts
 * lack: what a check of the names a timeline gives (timelineReferences)
 * finds nothing in exactly when it finds nothing in the whole timeline,
 * since what it says of an event depends only on its body and its contact.
 * `bodies` holds every distinct body of the timeline (the builder knows them);
 * `unlisted`, the contact ids only events name, when the caller has them.
 * When every event's contact is listed, the contacts too are only one per
 * distinct set of names (contactsWithDistinctNames): what the check says of
 * a contact depends only on its tags, lists and segments; an unlisted id
 * is checked against every listed one, so then all are kept.
 */
export function nameSample(timeline: PackedTimeline, bodies: readonly EventBody[], unlisted: readonly string[] = unlistedContactIds(timeline)): Timeline {
  const at = '1970-01-01T00:00:00Z';
  const events: ContactEvent[] = unlisted.map((contact) => ({ at, contact, type: 'purchase' }));
  const someone = timeline.contacts[0]?.id ?? timeline.eventContactIds[0] ?? 'someone';
  for (const body of bodies) events.push({ ...body, at, contact: someone } as ContactEvent);
  const contacts = unlisted.length > 0 ? timeline.contacts : contactsWithDistinctNames(timeline.contacts);
  return { ...packedProperties(timeline), contacts: contacts as Contact[], events };
}

/**
 * The first contact, and after it each contact whose tags, lists (their
 * names) or segments differ from every contact's before it, in order. Equal
 * lists records are often one object (the builder shares them,
 * sharedContactLists.ts): a contact with only such a record already seen is
 * passed over without building its key.
 */
export function contactsWithDistinctNames(contacts: readonly Contact[]): Contact[] {
  const kept: Contact[] = [];
  const seenLists = new Set<object | undefined>();
  const seenNames = new Set<string>();
  for (let i = 0; i < contacts.length; i++) {
    const c = contacts[i]!;
    const plain = c.tags === undefined && c.segments === undefined;
    if (plain && seenLists.has(c.lists)) continue;
    const key = JSON.stringify([c.tags ?? [], Object.keys(c.lists ?? {}), c.segments ?? []]);
    if (plain) seenLists.add(c.lists);
    if (seenNames.has(key)) continue;
    seenNames.add(key);
    kept.push(c);
  }
  return kept;
}

/**
 * The packed form of a Timeline (as the file readers build it from the
 * bytes): instants parsed, the contacts' ids numbered first and then those
 * only events name, bodies shared by equal JSON text. A body whose text
 * could stand for another value (a null, which a NaN also gives; a zero,
 * which -0 also gives) is not shared. Undefined when an event's instant is
 * not an ISO instant string: one replay reports it (timelineInput.ts).
 */
export function packTimeline(timeline: Timeline): PackedTimeline | undefined {
  const { contacts, events, ...properties } = timeline;
  const ids: string[] = [];
  const numberOf = new Map<string, number>();
  for (const c of contacts) {
    if (!numberOf.has(c.id)) {
      numberOf.set(c.id, ids.length);
      ids.push(c.id);
    }
  }
  const listedContactIds = ids.length;
  const n = events.length;
  const eventTime: number[] = new Array(n);
  const eventContact: number[] = new Array(n);
  const eventBody: EventBody[] = new Array(n);
  const bodies = new Map<string, EventBody>();
  const instants = new IsoInstantParser();
  let previousAt: unknown;
  let previousMs = NaN;
  for (let i = 0; i < n; i++) {
    const { at, contact, ...rest } = events[i]!;
    const body = rest as EventBody;
    if (at !== previousAt) {
      previousMs = typeof at === 'string' ? instants.parse(at) : NaN;
      previousAt = at;
    }
    if (Number.isNaN(previousMs)) return undefined;
    eventTime[i] = previousMs;
    let c = numberOf.get(contact);
    if (c === undefined) {
      c = ids.length;
      numberOf.set(contact, c);
      ids.push(contact);
    }
    eventContact[i] = c;
    const key = JSON.stringify(body);
    if (AMBIGUOUS_JSON.test(key)) {
      eventBody[i] = body;
      continue;
    }
    let shared = bodies.get(key);
    if (shared === undefined) bodies.set(key, (shared = body));
    eventBody[i] = shared;
  }
  return { ...properties, packed: true, contacts, eventTime, eventContact, eventBody, eventContactIds: ids, listedContactIds };
}

/** JSON text in which a null (NaN, Infinity, undefined in an array also give one) or a 0 (-0 also gives one) stands as a value. */
const AMBIGUOUS_JSON = /[:,[](?:null|0)(?=[,\]}])/;
