// Replay strategy: every event and timer of all contacts together in time
// order (R14). External events (in time order, ties in timeline order) come
// before timers due at the same instant; timers are ordered by (time,
// insertion sequence) in timerLanes.ts. Used with a trace, and whenever
// clock-driven entries (date triggers, segment runs) let contacts meet.
import type { Numbers } from './heapNumbers';
import { C_SIZE } from './packedContacts';
import type { PreparedTimeline } from './timelineInput';
import type { Timers } from './timerLanes';

/** Events (and lane timers) whose contacts' state is touched ahead, together (see warmEvents). */
export const WARM_AHEAD = 32;

/** What the strategy drives: the simulation's handling of one event and of the timer just popped. */
export interface TimeOrderHost {
  readonly timeline: PreparedTimeline;
  readonly timers: Timers;
  /** The packed per-contact state, touched ahead (warmEvents). */
  readonly packedState: Numbers;
  processEvent(i: number, t: number, c: number): void;
  processTimer(): void;
  /** Told now and then how many events are replayed (SimulationOptions.onProgress). */
  readonly onProgress: ((eventsDone: number, events: number) => void) | undefined;
}

/** Events between two calls of onProgress (a power of 2). */
const PROGRESS_EVENTS = 1 << 16;

export class TimeOrderReplay {
  private eventPtr = 0;
  /** Events before this one have had their contact's state touched ahead (warmEvents). */
  private warmedTo = 0;
  /** Where warm-up loads go, so that the compiler keeps them. */
  private warmSink = 0;

  constructor(private readonly host: TimeOrderHost) {
    host.timers.warmAhead(host.packedState, C_SIZE, WARM_AHEAD);
  }

  /** Every event and timer up to `limit`, all contacts together in time order. */
  advance(limit: number): void {
    const host = this.host;
    const { order, time, contact } = host.timeline;
    const timers = host.timers;
    const nEvents = time.length;
    for (;;) {
      const et = this.eventPtr < nEvents ? time[order === undefined ? this.eventPtr : order[this.eventPtr]!]! : Infinity;
      const tt = timers.peekTime();
      if (et <= tt) {
        if (et > limit) break;
        if (this.eventPtr >= this.warmedTo) this.warmEvents(this.eventPtr);
        const k = this.eventPtr++;
        if ((k & (PROGRESS_EVENTS - 1)) === 0 && k > 0) host.onProgress?.(k, nEvents);
        const i = order === undefined ? k : order[k]!;
        host.processEvent(i, time[i]!, contact[i]!);
      } else {
        if (tt > limit) break;
        timers.pop();
        host.processTimer();
      }
    }
    host.onProgress?.(this.eventPtr, nEvents);
  }

  /**
   * Touches the state of the contacts of the next WARM_AHEAD events in one
   * tight loop. With a million contacts each is a cache (and TLB) miss; loads
   * issued together overlap, where the same loads made one event at a time
   * would each stall the replay for the whole memory latency.
   */
  private warmEvents(from: number): void {
    const { order, contact } = this.host.timeline;
    const end = Math.min(from + WARM_AHEAD, contact.length);
    const cs = this.host.packedState;
    let sink = 0;
    for (let k = from; k < end; k++) sink += cs[contact[order === undefined ? k : order[k]!]! * C_SIZE]!;
    this.warmSink += sink;
    this.warmedTo = end;
  }
}
