// What the kernel produces besides the new state: trace entries (through a
// trace sink, so that a replay without a trace formats nothing), counts,
// sends and webhook calls to make, wait timers to set or cancel, and the
// changes of contact data a driver indexes (date fields, segment joins).
// Each driver implements these once: the simulator into its counters, queues
// and timer lanes; the runtime into its stats deltas, intents and durable
// timers.
import type { KernelPoint, KernelStart } from './kernelJourney';
import type { ExitReason, SuppressionReason } from '../simulator/types';
import type { PassText } from './traceTexts';

/** The trace of R8, one method per kind of entry; texts are made (see traceTexts.ts) only by a sink that records. */
export interface TraceSink {
  enter(t: number, c: number, start: string, how: string): void;
  send(t: number, c: number, point: string, content: string): void;
  suppressed(t: number, c: number, point: string, content: string, reason: SuppressionReason): void;
  /** An action that is not a send passed: `text` says what it did, about `subject` (a tag, a list, a field) and `value`. */
  pass(t: number, c: number, point: string, text: PassText, subject: string, value?: unknown): void;
  branch(t: number, c: number, point: string, label: string): void;
  arrive(t: number, c: number, point: string, due: number): void;
  leave(t: number, c: number, point: string, branch: string, outcome?: string): void;
  complete(t: number, c: number, point: string): void;
  exit(t: number, c: number, point: string, outcome: string | undefined, reason: ExitReason): void;
}

/** Counts of R15; `version` is the journey version of the stay counted. */
export interface StatsSink {
  started(c: number, start: KernelStart): void;
  pointEntered(c: number, point: KernelPoint): void;
  pointLeft(c: number, point: KernelPoint): void;
  sent(c: number, point: KernelPoint): void;
  suppressed(c: number, point: KernelPoint, reason: SuppressionReason): void;
  completed(c: number): void;
  exited(c: number, reason: ExitReason): void;
}

/** Everything else the kernel asks of its driver. */
export interface KernelEffects {
  readonly trace: TraceSink;
  readonly stats: StatsSink;
  /** A send that was made (its trace entry is written): the runtime hands it to a channel adapter. */
  send(c: number, point: KernelPoint, t: number, to: string | undefined): void;
  /** A webhook point passed: the runtime calls it. */
  webhook(c: number, point: KernelPoint, t: number): void;
  /** The contact waits at `point` until `due` (a wait's end, a wait-for-event's timeout). */
  setWait(c: number, point: KernelPoint, t: number, due: number): void;
  /** The contact's pending wait is over (it got its event, or it left). */
  cancelWait(c: number): void;
  /** A field of the contact changed (date-field triggers read it, R20). */
  fieldChanged(c: number, field: string, value: string | number | boolean | null, t: number): void;
  /** The contact joined the segment of a recurring schedule (the next run considers it, R19). */
  joinedRecurringSegment(c: number, t: number): void;
}
