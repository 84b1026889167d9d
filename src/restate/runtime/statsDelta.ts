// Journey statistics as the runtime keeps them (R15): what one contact step
// changed (a delta), the sum of a contact's deltas that the contact keeps in
// its own object (ContactStats), and the sum over contacts that the stats
// and queue queries report. Counters have the simulator's meaning
// (types.ts): started = in progress + completed + exited; per point entered
// = left + queued. Queues are the contacts waiting at each point with their
// arrival instant. Every map keyed by a
// point, starting point or reason is a prototype-less dictionary
// (dictionary.ts): point ids come from the journey and are data.
import type { ExitReason, SuppressionReason } from '../../core/simulator/types';
import { dict, own, toDict } from './dictionary';

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
  return { version, started: 0, completed: 0, exited: 0, exitedBy: dict(), points: dict(), startingPoints: dict(), queue: [], late: 0 };
}

export function emptyPointDelta(): PointDelta {
  return { entered: 0, left: 0, sent: 0, suppressed: 0, suppressedBy: dict() };
}

/** Counters of a version before any contact moved. */
export function emptyCounters(version: number): Counters {
  return { version, started: 0, completed: 0, exited: 0, exitedBy: dict(), points: dict(), startingPoints: dict(), late: 0 };
}

function copyPoint(p: PointDelta): PointDelta {
  return { entered: p.entered, left: p.left, sent: p.sent, suppressed: p.suppressed, suppressedBy: toDict(p.suppressedBy) };
}

/** A copy made of dictionaries, e.g. of a delta or of counters read back from JSON. */
export function copyCounters<C extends Counters>(c: C): C {
  const points = dict<PointDelta>();
  for (const id of Object.keys(c.points)) points[id] = copyPoint(c.points[id]!);
  return { ...c, exitedBy: toDict(c.exitedBy), startingPoints: toDict(c.startingPoints), points };
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

/** Counters without the queue changes. */
export type Counters = Omit<StatsDelta, 'queue'>;

/** Adds `d` to `sum`; returns the sum (a copy of `sum` made of dictionaries, which may have come from JSON). */
export function addCounters(sum: Counters, d: Counters): Counters {
  return accumulate(copyCounters(sum), d);
}

/** Adds `d` to `into` in place (`into` made of dictionaries). */
function accumulate(into: Counters, d: Counters): Counters {
  into.started += d.started;
  into.completed += d.completed;
  into.exited += d.exited;
  into.late += d.late;
  for (const [k, v] of Object.entries(d.exitedBy) as [ExitReason, number][]) into.exitedBy[k] = (into.exitedBy[k] ?? 0) + v;
  for (const [k, v] of Object.entries(d.startingPoints)) into.startingPoints[k] = (into.startingPoints[k] ?? 0) + v;
  for (const [id, p] of Object.entries(d.points)) {
    const q = (into.points[id] ??= emptyPointDelta());
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
  const points: JourneyStats['points'] = dict();
  for (const id of pointIds) {
    const p = own(c.points, id) ?? emptyPointDelta();
    points[id] = { ...copyPoint(p), queued: own(queues, id)?.length ?? 0 };
  }
  const startingPoints: JourneyStats['startingPoints'] = dict();
  for (const id of startIds) startingPoints[id] = { entered: own(c.startingPoints, id) ?? 0 };
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

/** Where a contact waits in one version: point id → its arrival (at most one point). */
export type QueuePlaces = Record<string, { at: number; stamp: number }>;

/** What one contact keeps of the journey's stats, per version it was in: the sum of its deltas and where it waits. */
export type ContactStats = Record<string, { counters: Counters; queued: QueuePlaces }>;

/** The contact's stats after one step's deltas (a new object; `stats` may come from JSON). */
export function addDeltas(stats: ContactStats | null | undefined, deltas: readonly StatsDelta[]): ContactStats {
  const out = dict<ContactStats[string]>();
  if (stats) for (const v of Object.keys(stats)) out[v] = { counters: stats[v]!.counters, queued: toDict(stats[v]!.queued) };
  for (const delta of deltas) {
    const { queue, ...counters } = delta;
    const key = String(delta.version);
    const entry = (out[key] ??= { counters: emptyCounters(delta.version), queued: dict() });
    entry.counters = addCounters(entry.counters, counters);
    for (const change of queue) {
      if (change.op === 'add') entry.queued[change.point] = { at: change.at, stamp: change.stamp };
      else delete entry.queued[change.point];
    }
  }
  return out;
}

/** The counters and queues of one version, summed over the stats of every contact (`contacts` pairs a contact id with its stats). */
export function sumContactStats(contacts: Iterable<[string, ContactStats]>, version: number): { counters: Counters; queues: Record<string, QueueEntry[]> } {
  const counters = emptyCounters(version);
  const queues = dict<QueueEntry[]>();
  for (const [contact, stats] of contacts) {
    const entry = own(stats, String(version));
    if (!entry) continue;
    accumulate(counters, entry.counters);
    for (const point of Object.keys(entry.queued)) (queues[point] ??= []).push({ contact, ...entry.queued[point]! });
  }
  for (const entries of Object.values(queues)) entries.sort((a, b) => a.at - b.at || a.stamp - b.stamp || (a.contact < b.contact ? -1 : 1));
  return { counters, queues };
}
