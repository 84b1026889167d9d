// What the kernel reads and writes of a contact, behind named accessors, so
// that the simulator's packed per-contact arrays and the runtime's durable
// JSON state can both hold it. A contact is a number `c`: its index in the
// simulator's store, always 0 in the runtime (one contact per step).
import type { ContactStore } from '../simulator/contactStore';
import type { ExitReason } from '../simulator/types';

// Contact status.
export const NEVER = 0;
export const IN = 1;
export const COMPLETED = 2;
export const EXITED = 3;

export interface ContactState {
  /** The contacts' data (tags, fields, lists, consent...), as filters read it; the kernel changes it through the store. */
  readonly store: ContactStore;
  /** The contact's id (split hash, messages). */
  id(c: number): string;
  /** NEVER, IN, COMPLETED or EXITED. */
  status(c: number): number;
  /** The point index it is at, -1 when not in the journey. */
  where(c: number): number;
  setWhere(c: number, index: number): void;
  /** Its stay number: 1 on the first entry, 2 after a re-entry... */
  entry(c: number): number;
  /** The journey version of its current (or last) stay. */
  version(c: number): number;
  /** When it last left the journey (re-entry cool-down); only read after a stay. */
  leftAt(c: number): number;
  /** When this journey last sent it a marketing email (R18), -Infinity when never. */
  lastMarketingEmail(c: number): number;
  setLastMarketingEmail(c: number, t: number): void;
  /** The stamp of its arrival at the wait point it is at (R11: only later events count). */
  arrivalStamp(c: number): number;
  /** A new stamp in R14 order (events, timers and the journey's own changes are stamped as they are handled). */
  nextStamp(c: number): number;
  /** Zero-time guard: the instant of its current chain and the points passed at it. */
  stepInstant(c: number): number;
  stepCount(c: number): number;
  setSteps(c: number, instant: number, count: number): void;
  /** Whether the segment schedule has made its first run (a rolling schedule enters later joiners only then). */
  segmentStarted(c: number): boolean;

  /** A new stay begins in journey `version`: entry + 1, status IN. */
  beginStay(c: number, version: number): void;
  /** The contact arrives at wait point `index` at `t` (stamp `stamp`). */
  arriveAt(c: number, stamp: number, t: number): void;
  /** The stay ends at point `point` at `t`: status COMPLETED or EXITED, no longer at a point. */
  endStay(c: number, t: number, status: number, reason: ExitReason | undefined, point: string): void;
}
