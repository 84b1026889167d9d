// A timeline's events grouped by contact, each contact's in replay order
// (time, ties in timeline order): what the contact-by-contact replay walks.
// Built with a counting sort over the contact numbers, so it costs two
// passes over the events and three typed arrays, however many contacts.
import type { Numbers } from './heapNumbers';

export class EventsByContact {
  /** Event indices (into the timeline), contact by contact. */
  readonly events: Int32Array;
  /** Beside each of those: the event's instant (read here, in contact order, instead of all over the timeline's). */
  readonly time: Float64Array;
  /** Contact c's events are `events[start[c]]` up to, not including, `events[start[c + 1]]`. */
  readonly start: Int32Array;
  /** Per contact: the position in `events` of its next event to replay. */
  readonly next: Int32Array;

  /** Event i is for contact number `contact[i]` at `time[i]`; `order` lists the events in replay order (undefined: as they are). */
  constructor(contactCount: number, contact: Numbers, time: Numbers, order: Numbers | undefined) {
    const n = contact.length;
    const start = new Int32Array(contactCount + 1);
    for (let i = 0; i < n; i++) start[contact[i]! + 1]!++;
    for (let c = 0; c < contactCount; c++) start[c + 1]! += start[c]!;
    const next = start.slice(0, contactCount);
    const events = new Int32Array(n);
    const at = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const i = order === undefined ? k : order[k]!;
      const slot = next[contact[i]!]!++;
      events[slot] = i;
      at[slot] = time[i]!;
    }
    next.set(start.subarray(0, contactCount));
    this.events = events;
    this.time = at;
    this.start = start;
    this.next = next;
  }
}
