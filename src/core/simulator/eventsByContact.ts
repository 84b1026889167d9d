// A timeline's events grouped by contact, each contact's in replay order
// (time, ties in timeline order): what the contact-by-contact replay walks.
// Built with a counting sort over the contact numbers, so it costs two
// passes over the events, however many contacts; its arrays are heap
// arrays (heapNumbers.ts says why). Events of a type the journey can never
// notice are marked here, in one pass in timeline order, so that the replay
// passes them without reading them.
import { type Numbers, numbers } from './heapNumbers';

export class EventsByContact {
  /** Event indices (into the timeline), contact by contact; `~i` (below 0) for an event of an inert type. */
  readonly events: Numbers;
  /** Beside each of those: the event's instant (read here, in contact order, instead of all over the timeline's). */
  readonly time: Numbers;
  /** Contact c's events are `events[start[c]]` up to, not including, `events[start[c + 1]]`. */
  readonly start: Numbers;
  /** Per contact: the position in `events` of its next event to replay. */
  readonly next: Numbers;

  /** Event i is for contact number `contact[i]` at `time[i]`; `order` lists the events in replay order (undefined: as they are). */
  constructor(contactCount: number, contact: Numbers, time: Numbers, order: Numbers | undefined, types: readonly { readonly type: string }[], inertTypes: ReadonlySet<string>) {
    const anyInert = inertTypes.size > 0;
    const n = contact.length;
    const start = numbers(contactCount + 1);
    for (let i = 0; i < n; i++) start[contact[i]! + 1]!++;
    for (let c = 0; c < contactCount; c++) start[c + 1]! += start[c]!;
    const next = numbers(contactCount);
    for (let c = 0; c < contactCount; c++) next[c] = start[c]!;
    const events = numbers(n);
    const at = numbers(n);
    for (let k = 0; k < n; k++) {
      const i = order === undefined ? k : order[k]!;
      const slot = next[contact[i]!]!++;
      events[slot] = anyInert && inertTypes.has(types[i]!.type) ? ~i : i;
      at[slot] = time[i]!;
    }
    for (let c = 0; c < contactCount; c++) next[c] = start[c]!;
    this.events = events;
    this.time = at;
    this.start = start;
    this.next = next;
  }
}
