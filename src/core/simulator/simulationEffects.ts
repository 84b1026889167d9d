// What the kernel's effects become in a simulation: the trace sink and
// counters as they are; a wait becomes a timer (its token on the contact, so
// that a timer for a wait the contact has left is known as stale): in a
// fixed-delay lane or the heap when the replay is in time order, or the
// contact's own due instant contact by contact. A changed date field
// re-indexes the contact for its date trigger (R20); joining the segment of
// a recurring schedule makes the contact a candidate of the next run (R19).
// Sends and webhook calls are only counted and traced here.
import type { KernelEffects, TraceSink } from '../semantics/effects';
import type { KernelPoint } from '../semantics/kernelJourney';
import type { DateFieldIndex } from './dateFieldIndex';
import type { PackedContacts } from './packedContacts';
import type { SimulationCounters } from './simulationCounters';
import type { Timers } from './timerLanes';

// Timer kinds.
export const TIMER_WAIT = 0;
export const TIMER_DATE = 1;
export const TIMER_SEGMENT = 2;

export class SimulationEffects implements KernelEffects {
  private tokens = 0;
  /** Contacts who joined the recurring schedule's segment since its last run, and a flag per contact. */
  pending: number[] = [];
  readonly pendingFlag: Uint8Array;
  /** Date-field indexes by field (R20). */
  readonly dateIndexes = new Map<string, DateFieldIndex>();

  constructor(
    readonly trace: TraceSink,
    readonly stats: SimulationCounters,
    private readonly contacts: PackedContacts,
    private readonly timers: Timers,
    /** Per point: the timer lane of its fixed delay (wait, wait for event), -1 for none. */
    private readonly laneOf: Int32Array,
    /** Contact by contact: a wait is the contact's own due instant, not a timer. */
    private readonly byContact: boolean,
  ) {
    this.pendingFlag = new Uint8Array(contacts.store.size);
  }

  send(): void {}

  webhook(): void {}

  setWait(c: number, point: KernelPoint, _t: number, due: number): void {
    const token = ++this.tokens;
    this.contacts.setWaitToken(c, token);
    if (this.byContact) {
      this.contacts.setWaitDue(c, due);
      return;
    }
    const lane = this.laneOf[point.index]!;
    if (lane >= 0) this.timers.pushToLane(lane, due, TIMER_WAIT, c, token);
    else this.timers.push(due, TIMER_WAIT, c, token);
  }

  cancelWait(c: number): void {
    this.contacts.setWaitToken(c, 0);
  }

  fieldChanged(c: number, field: string, value: string | number | boolean | null): void {
    if (this.dateIndexes.size === 0) return; // no date trigger: no lookup per changed field
    this.dateIndexes.get(field)?.set(c, value);
  }

  joinedRecurringSegment(c: number): void {
    if (this.pendingFlag[c]) return;
    this.pendingFlag[c] = 1;
    this.pending.push(c);
  }

  /** The contacts who joined since the last run, in contact order; the list starts afresh. */
  takePending(): number[] {
    const taken = this.pending.sort((x, y) => x - y);
    for (const c of taken) this.pendingFlag[c] = 0;
    this.pending = [];
    return taken;
  }
}
