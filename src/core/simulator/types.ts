// The simulator's public vocabulary: options, trace entries, statistics,
// per-point counters and the snapshot a simulation reports at an instant.
// All instants are epoch milliseconds (UTC). See src/core/semantics.md for the exact
// meaning of every kind, reason and counter.

/** What happened to a contact at one instant (R8, R15). */
export type TraceKind =
  | 'enter' // entered the journey at a starting point (point = starting point id)
  | 'pass' // passed through an action that is not a send (tag, field, list, webhook)
  | 'send' // a send point sent its content
  | 'suppressed' // a send point did not send; `reason` says why (R17, R18)
  | 'branch' // an if/else or split chose `branch`
  | 'arrive' // arrived at a wait point and waits there (its contact queue)
  | 'leave' // left a wait point down `branch` (next, yes, timeout)
  | 'exit' // left the journey without completing; `reason` says why
  | 'complete'; // reached an end point

export type ExitReason = 'exitPoint' | 'exitCriteria' | 'unsubscribed' | 'removed';
export const EXIT_REASONS: readonly ExitReason[] = ['exitPoint', 'exitCriteria', 'unsubscribed', 'removed'];

export type SuppressionReason = 'unsubscribedAll' | 'listUnsubscribed' | 'notSubscribed' | 'frequency' | 'noPhone' | 'noSmsConsent';
export const SUPPRESSION_REASONS: readonly SuppressionReason[] = ['unsubscribedAll', 'listUnsubscribed', 'notSubscribed', 'frequency', 'noPhone', 'noSmsConsent'];

export interface TraceEntry {
  /** Epoch milliseconds. */
  at: number;
  /** Contact id. */
  contact: string;
  /** Journey point id, or the starting point id for `enter` (and for an exit right at entry). */
  point: string;
  kind: TraceKind;
  /** The contact's stay in the journey this entry belongs to: 1 for the first entry, 2 after a re-entry... */
  entry: number;
  /** What the point did: the trigger of an enter, the content of a send, the change of an action, the deadline of a wait. */
  outcome?: string;
  /** Why a send was suppressed (SuppressionReason) or why a contact exited (ExitReason). */
  reason?: string;
  /** The edge taken: `yes`, `no`, `timeout`, `next`, or a split branch label such as `30%`. */
  branch?: string;
}

/** Journey-level counts, per stay (a contact that re-entered counts once per entry) (R15). */
export interface SimulationStats {
  started: number;
  inProgress: number;
  completed: number;
  exited: number;
  exitedBy: Record<ExitReason, number>;
}

/** Counts of one journey point. `entered = left + queued` at every instant. */
export interface PointCounters {
  /** Arrivals at the point. */
  entered: number;
  /** Departures: moved on, completed or exited there. */
  left: number;
  /** Contacts waiting there now (its contact queue). */
  queued: number;
  /** Sends (send points only). */
  sent: number;
  /** Suppressed sends (send points only). */
  suppressed: number;
  suppressedBy: Partial<Record<SuppressionReason, number>>;
}

export interface SimulationSnapshot {
  /** The instant the snapshot describes. */
  at: number;
  /** The replay start: events before it only set contact data (history). */
  start: number;
  /** The replay horizon; undefined when the replay runs until nothing is pending. */
  horizon: number | undefined;
  seed: number;
  stats: SimulationStats;
  /** Counters per journey point id. */
  points: Record<string, PointCounters>;
  /** Entries per starting point id. */
  startingPoints: Record<string, { entered: number }>;
  /** Contact ids waiting at each journey point, in order of arrival. */
  queues: Record<string, string[]>;
  /** Everything that happened up to `at`, in order. */
  trace: TraceEntry[];
  /** Things in the input the simulator had to interpret (unknown contacts, unknown starting points...). */
  warnings: string[];
}

export type SimulationResult = SimulationSnapshot;

/** An instant: epoch milliseconds, a Date, or an ISO 8601 string with offset. */
export type InstantInput = number | string | Date;

export interface SimulationOptions {
  /** Seed of the percentage splits (R13); defaults to the timeline's seed, else 0. */
  seed?: number;
  /** When the replay stops (inclusive); defaults to the timeline's horizon, else runs until nothing is pending. */
  horizon?: InstantInput;
  /** For `simulate`: the instant of the returned snapshot; defaults to the end of the replay. */
  at?: InstantInput;
  /** Replay start; defaults to the timeline's start, else the first event or segment start. */
  start?: InstantInput;
  /** Record the trace (default true); turn off for very large replays that only need stats. */
  trace?: boolean;
  /**
   * Without a trace, a replay that has no clock-driven entries (date
   * triggers, segment schedules) runs contact by contact, which is faster
   * and gives the same snapshots; 'time' always replays all contacts
   * together in time order.
   */
  replayOrder?: 'auto' | 'time';
  /** Most points one contact may pass at one instant before the replay stops with a zero-time-cycle error. */
  maxChainSteps?: number;
  /**
   * Called now and then during a replay (every few ten thousand events) with
   * how many of its events are replayed so far, of how many: for a progress
   * display. Not passed to the threads of a sharded replay.
   */
  onProgress?: (eventsDone: number, events: number) => void;
}
