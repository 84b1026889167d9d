// Journey statistics as the runtime keeps them (R15): what one contact step
// changed (a delta), and the sum of deltas a stats shard holds. Counters have
// the simulator's meaning (types.ts): started = in progress + completed +
// exited; per point entered = left + queued. Queues are kept as the contacts
// waiting at each point with their arrival instant.
import type { ExitReason, SuppressionReason } from '../../core/simulator/types';

export interface PointDelta {
  entered: number;
  left: number;
  sent: number;
  suppressed: number;
  suppressedBy: Partial<Record<SuppressionReason, number>>;
}

export type QueueChange = { op: 'add'; point: string; contact: string; at: number; stamp: number } | { op: 'remove'; point: string; contact: string };

export interface StatsDelta {
  version: number;
  started: number;
  completed: number;
  exited: number;
  exitedBy: Partial<Record<ExitReason, number>>;
  points: Record<string, PointDelta>;
  startingPoints: Record<string, number>;
  queue: QueueChange[];
  /** Events that arrived after the contact had moved past their instant. */
  late: number;
}

export function emptyDelta(version: number): StatsDelta {
  return { version, started: 0, completed: 0, exited: 0, exitedBy: {}, points: {}, startingPoints: {}, queue: [], late: 0 };
}

/** Counters of a version before any contact moved. */
export function emptyCounters(version: number): Counters {
  return { version, started: 0, completed: 0, exited: 0, exitedBy: {}, points: {}, startingPoints: {}, late: 0 };
}

/** Journey-level and per-point counts of one version, as queries report them. */
export interface JourneyStats {
  version: number;
  started: number;
  inProgress: number;
  completed: number;
  exited: number;
  exitedBy: Record<ExitReason, number>;
  points: Record<string, PointDelta & { queued: number }>;
  startingPoints: Record<string, { entered: number }>;
  late: number;
}

export interface QueueEntry {
  contact: string;
  at: number;
  stamp: number;
}

/** Counters without the queue, as a shard stores them. */
export type Counters = Omit<StatsDelta, 'queue'>;

export function addCounters(into: Counters, d: Counters): Counters {
  into.started += d.started;
  into.completed += d.completed;
  into.exited += d.exited;
  into.late += d.late;
  for (const [k, v] of Object.entries(d.exitedBy) as [ExitReason, number][]) into.exitedBy[k] = (into.exitedBy[k] ?? 0) + v;
  for (const [k, v] of Object.entries(d.startingPoints)) into.startingPoints[k] = (into.startingPoints[k] ?? 0) + v;
  for (const [id, p] of Object.entries(d.points)) {
    const q = (into.points[id] ??= { entered: 0, left: 0, sent: 0, suppressed: 0, suppressedBy: {} });
    q.entered += p.entered;
    q.left += p.left;
    q.sent += p.sent;
    q.suppressed += p.suppressed;
    for (const [r, n] of Object.entries(p.suppressedBy) as [SuppressionReason, number][]) q.suppressedBy[r] = (q.suppressedBy[r] ?? 0) + n;
  }
  return into;
}

/** The stats of a version from the sum of its counters and its queues. */
export function toJourneyStats(c: Counters, queues: Record<string, QueueEntry[]>, pointIds: readonly string[], startIds: readonly string[]): JourneyStats {
  const points: JourneyStats['points'] = {};
  for (const id of pointIds) {
    const p = c.points[id] ?? { entered: 0, left: 0, sent: 0, suppressed: 0, suppressedBy: {} };
    points[id] = { ...p, queued: queues[id]?.length ?? 0 };
  }
  const startingPoints: JourneyStats['startingPoints'] = {};
  for (const id of startIds) startingPoints[id] = { entered: c.startingPoints[id] ?? 0 };
  return {
    version: c.version,
    started: c.started,
    inProgress: c.started - c.completed - c.exited,
    completed: c.completed,
    exited: c.exited,
    exitedBy: { exitPoint: c.exitedBy.exitPoint ?? 0, exitCriteria: c.exitedBy.exitCriteria ?? 0, unsubscribed: c.exitedBy.unsubscribed ?? 0, removed: c.exitedBy.removed ?? 0 },
    points,
    startingPoints,
    late: c.late,
  };
}
