// The simulator's per-contact state, for all contacts of a replay: the hot
// numbers side by side, C_SIZE per contact in one array, so that a contact's
// event or timer touches one or two cache lines instead of one per field.
// The kernel reads and writes them through the named accessors of
// ContactState; the scheduler reads the wait timer's fields (token, due,
// arrival instant) through its own.
import { type ContactState, IN } from '../semantics/contactState';
import type { ContactStore } from './contactStore';
import { type Numbers, numbers } from './heapNumbers';

const C_STATUS = 0; // NEVER, IN, COMPLETED, EXITED
const C_WHERE = 1; // the point index it is at, -1 when not in the journey
const C_ENTRY = 2; // its stay number: 1 on the first entry, 2 after a re-entry...
const C_STEP_COUNT = 3; // points passed at C_STEP_INSTANT (zero-time loop guard)
const C_STEP_INSTANT = 4;
const C_ARRIVAL = 5; // the stamp of its arrival at a wait point (R11: only later events count)
const C_TOKEN = 6; // the token of its pending wait timer, 0 when none
const C_LAST_MARKETING_EMAIL = 7; // when this journey last sent it a marketing email (R18)
const C_ARRIVED_AT = 8; // the instant of its arrival at the wait point it is at (queues are in this order)
const C_DUE = 9; // contact by contact: when its pending wait ends (pending while C_TOKEN is not 0)
/** Numbers per contact: the stride of `cs` (warm-up code touches `cs[c * C_SIZE]`). */
export const C_SIZE = 10;

export class PackedContacts implements ContactState {
  /** C_SIZE numbers per contact (see C_*). */
  readonly cs: Numbers;
  /** When each contact last left the journey (re-entry cool-down). */
  private readonly leftAtOf: Numbers;
  /** The replay's stamp counter (R14 order over all contacts). */
  private stamp = 0;
  /** Whether the segment schedule has made its first run (for all contacts at once). */
  segmentRunsStarted = false;

  constructor(readonly store: ContactStore) {
    const n = store.size;
    this.cs = numbers(n * C_SIZE);
    for (let o = 0; o < this.cs.length; o += C_SIZE) {
      this.cs[o + C_WHERE] = -1;
      this.cs[o + C_LAST_MARKETING_EMAIL] = -Infinity;
      this.cs[o + C_STEP_INSTANT] = NaN;
    }
    this.leftAtOf = numbers(n);
  }

  id(c: number): string {
    return this.store.ids[c]!;
  }
  status(c: number): number {
    return this.cs[c * C_SIZE + C_STATUS]!;
  }
  where(c: number): number {
    return this.cs[c * C_SIZE + C_WHERE]!;
  }
  setWhere(c: number, index: number): void {
    this.cs[c * C_SIZE + C_WHERE] = index;
  }
  entry(c: number): number {
    return this.cs[c * C_SIZE + C_ENTRY]!;
  }
  version(): number {
    return 1;
  }
  leftAt(c: number): number {
    return this.leftAtOf[c]!;
  }
  lastMarketingEmail(c: number): number {
    return this.cs[c * C_SIZE + C_LAST_MARKETING_EMAIL]!;
  }
  setLastMarketingEmail(c: number, t: number): void {
    this.cs[c * C_SIZE + C_LAST_MARKETING_EMAIL] = t;
  }
  arrivalStamp(c: number): number {
    return this.cs[c * C_SIZE + C_ARRIVAL]!;
  }
  nextStamp(): number {
    return ++this.stamp;
  }
  stepInstant(c: number): number {
    return this.cs[c * C_SIZE + C_STEP_INSTANT]!;
  }
  stepCount(c: number): number {
    return this.cs[c * C_SIZE + C_STEP_COUNT]!;
  }
  setSteps(c: number, instant: number, count: number): void {
    const o = c * C_SIZE;
    this.cs[o + C_STEP_INSTANT] = instant;
    this.cs[o + C_STEP_COUNT] = count;
  }
  segmentStarted(): boolean {
    return this.segmentRunsStarted;
  }
  beginStay(c: number): void {
    const o = c * C_SIZE;
    this.cs[o + C_ENTRY] = this.cs[o + C_ENTRY]! + 1;
    this.cs[o + C_STATUS] = IN;
  }
  arriveAt(c: number, stamp: number, t: number): void {
    const o = c * C_SIZE;
    this.cs[o + C_ARRIVAL] = stamp;
    this.cs[o + C_ARRIVED_AT] = t;
  }
  endStay(c: number, t: number, status: number): void {
    const o = c * C_SIZE;
    this.cs[o + C_WHERE] = -1;
    this.cs[o + C_STATUS] = status;
    this.leftAtOf[c] = t;
  }

  // The scheduler's view of a contact's pending wait.

  /** The token of its pending wait timer, 0 when none (a timer with another token is stale). */
  waitToken(c: number): number {
    return this.cs[c * C_SIZE + C_TOKEN]!;
  }
  setWaitToken(c: number, token: number): void {
    this.cs[c * C_SIZE + C_TOKEN] = token;
  }
  /** Contact by contact: when its pending wait ends. */
  waitDue(c: number): number {
    return this.cs[c * C_SIZE + C_DUE]!;
  }
  setWaitDue(c: number, due: number): void {
    this.cs[c * C_SIZE + C_DUE] = due;
  }
  /** The instant it arrived at the wait point it is at (queues are in this order). */
  arrivedAt(c: number): number {
    return this.cs[c * C_SIZE + C_ARRIVED_AT]!;
  }
}
