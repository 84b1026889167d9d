// Replay strategy: one contact after the other (R14). Contacts never affect
// each other except through clock-driven entries (date triggers, segment
// runs) and the trace's interleaving, so a replay without those is run
// contact by contact: each contact's events in replay order, its pending
// wait (at most one) ending after the events of its instant, as in time
// order. The same result, but each contact's state and data are read once,
// from one place, instead of once per event from all over memory, and no
// timer queue is needed.
import { EventsByContact } from './eventsByContact';
import type { PackedContacts } from './packedContacts';
import type { PreparedTimeline } from './timelineInput';

/** The contacts ahead whose events are touched together (see warmContacts). */
export const WARM_CONTACTS = 16;

/** What the strategy drives. */
export interface ContactByContactHost {
  readonly timeline: PreparedTimeline;
  readonly contacts: PackedContacts;
  /** The replay start: earlier events are history (data only). */
  readonly start: number;
  /** Nothing happens after this instant. */
  readonly stopAt: number;
  processEvent(i: number, t: number, c: number): void;
  /** The contact's pending wait ends at `t`. */
  endWait(c: number, t: number): void;
  /** An event that changes nothing still happened at `t` (the end of a replay without a horizon, R23). */
  noteActivity(t: number): void;
  /** Event types the journey can never notice (passed without being read). */
  inertEventTypes(): Set<string>;
  /** Told now and then how many events are replayed (SimulationOptions.onProgress). */
  readonly onProgress: ((eventsDone: number, events: number) => void) | undefined;
}

/** Contacts between two calls of onProgress. */
const PROGRESS_CONTACTS = 1 << 14;

export class ContactByContactReplay {
  /** Each contact's events; built on the first advance. */
  private contactEvents: EventsByContact | undefined;
  /** Where warm-up loads go, so that the compiler keeps them. */
  private warmSink = 0;

  constructor(private readonly host: ContactByContactHost) {}

  /**
   * Every event and wait up to `limit`, one contact after the other. Contacts
   * do not interact here, so every count, queue and contact state is the one
   * the replay in time order reaches.
   */
  advance(limit: number): void {
    const host = this.host;
    const tl = host.timeline;
    const contacts = host.contacts;
    const n = contacts.store.size;
    const byContact = (this.contactEvents ??= new EventsByContact(n, tl.contact, tl.time, tl.order, tl.events, host.inertEventTypes()));
    const { events, time, start, next } = byContact;
    /** Whether this advance replays every contact to the end (nothing happens after stopAt). */
    const final = limit >= host.stopAt;
    const onProgress = host.onProgress;
    for (let c = 0; c < n; c++) {
      if (c % WARM_CONTACTS === 0) {
        this.warmContacts(c);
        if (onProgress !== undefined && c % PROGRESS_CONTACTS === 0) onProgress(start[c]!, start[n]!);
      }
      const end = start[c + 1]!;
      let k = next[c]!;
      for (;;) {
        const et = k < end ? time[k]! : Infinity;
        const tt = contacts.waitToken(c) !== 0 ? contacts.waitDue(c) : Infinity;
        if (et <= tt) {
          if (et > limit) break;
          const i = events[k++]!;
          if (i >= 0) host.processEvent(i, et, c);
          else if (et >= host.start) host.noteActivity(et); // inert: it only happened
        } else {
          if (tt > limit) break;
          host.endWait(c, tt);
        }
      }
      next[c] = k;
      if (final) contacts.store.retire(c); // nothing more can happen to it
    }
    onProgress?.(start[n]!, start[n]!);
  }

  /**
   * Reads the events of the next WARM_CONTACTS contacts in one tight loop:
   * they lie where the timeline put them (in time order, far apart), and
   * loads issued together overlap their cache misses.
   */
  private warmContacts(from: number): void {
    const { events, start } = this.contactEvents!;
    const timeline = this.host.timeline.events;
    const end = start[Math.min(from + WARM_CONTACTS, this.host.contacts.store.size)]!;
    let sink = 0;
    for (let k = start[from]!; k < end; k++) {
      const i = events[k]!;
      if (i >= 0) sink += timeline[i]!.type.length;
    }
    this.warmSink += sink;
  }
}
