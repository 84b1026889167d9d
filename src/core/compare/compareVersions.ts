// Compares two versions of a journey on the same contacts: replays the
// same timeline with the same seed (and horizon) through A and through B
// with the simulator's public API, then reports, per point, the counts of
// each version (entered, sent, suppressed by reason, exited by reason,
// completed, queued at the end) and, per contact, whether and how its path
// changed (contactPaths.ts). Points are matched by id, renamed points by
// place (pointMatching.ts). The outcomes are equal when no count and no
// contact differs: a refactoring of the journey that changes nothing.
//
// Large timelines are replayed a slice of contacts at a time (each slice
// through A, then through B, then compared and dropped), so memory follows
// the slice, not the timeline. That gives the same paths as one replay
// because contacts do not interact: it is done only for journeys without
// clock-driven entries (date triggers, segment schedules), whose replay end
// depends on the whole timeline, and with the replay start pinned to the
// whole timeline's start.
import type { Journey } from '../schema';
import { parseInstant, simulate, type InstantInput, type SimulationSnapshot, type SimulationStats, type TraceEntry } from '../simulator/index';
import type { Timeline } from '../timeline';
import { type ContactChange, contactChange, samePath } from './contactPaths';
import { matchPoints, type PointMatch } from './pointMatching';

export interface CompareOptions {
  /** Seed of the percentage splits (R13) for both replays; defaults to the timeline's. */
  seed?: number;
  /** Replay horizon for both; defaults to the timeline's. */
  horizon?: InstantInput;
  /** Keep both paths of each changed contact (for a view that shows them); default false. */
  keepPaths?: boolean;
  /** Contacts replayed at a time on large timelines (see the module header); default 50,000. */
  sliceContacts?: number;
}

/** The counts of one point in one version. */
export interface PointCounts {
  entered: number;
  sent: number;
  suppressed: number;
  suppressedBy: Record<string, number>;
  exited: number;
  exitedBy: Record<string, number>;
  completed: number;
  /** Waiting there when the replay ends. */
  queued: number;
}

export interface PointComparison extends PointMatch {
  /** Counts in A (absent for a point only in B) and in B (absent for a point only in A). */
  countsA?: PointCounts;
  countsB?: PointCounts;
  /** Some count differs (a point in one version only differs when anyone reached it). */
  countsDiffer: boolean;
}

export interface JourneyComparison {
  seed: number;
  start: number;
  horizon: number | undefined;
  contacts: number;
  statsA: SimulationStats;
  statsB: SimulationStats;
  points: PointComparison[];
  /** The contacts whose outcome differs, in timeline order. */
  changedContacts: ContactChange[];
  /** How many of them took a different path (the others only have timing changes). */
  pathChanged: number;
  /** No count and no contact differs. */
  equal: boolean;
  warnings: string[];
  /** How many slices the replay took (1: one replay of the whole timeline). */
  slices: number;
}

const DEFAULT_SLICE = 50_000;

const emptyCounts = (): PointCounts => ({ entered: 0, sent: 0, suppressed: 0, suppressedBy: {}, exited: 0, exitedBy: {}, completed: 0, queued: 0 });

function addStats(into: SimulationStats, s: SimulationStats): void {
  into.started += s.started;
  into.inProgress += s.inProgress;
  into.completed += s.completed;
  into.exited += s.exited;
  for (const [r, n] of Object.entries(s.exitedBy) as [keyof SimulationStats['exitedBy'], number][]) into.exitedBy[r] += n;
}

/** Adds a snapshot's counters and its trace's exits and completions into per-point counts. */
function addCounts(into: Map<string, PointCounts>, snapshot: SimulationSnapshot): void {
  const of = (id: string) => {
    let c = into.get(id);
    if (!c) into.set(id, (c = emptyCounts()));
    return c;
  };
  for (const [id, s] of Object.entries(snapshot.startingPoints)) of(id).entered += s.entered;
  for (const [id, p] of Object.entries(snapshot.points)) {
    const c = of(id);
    c.entered += p.entered;
    c.sent += p.sent;
    c.suppressed += p.suppressed;
    c.queued += p.queued;
    for (const [r, n] of Object.entries(p.suppressedBy)) c.suppressedBy[r] = (c.suppressedBy[r] ?? 0) + (n ?? 0);
  }
  for (const e of snapshot.trace) {
    if (e.kind === 'exit') {
      const c = of(e.point);
      c.exited++;
      const r = e.reason ?? 'unknown';
      c.exitedBy[r] = (c.exitedBy[r] ?? 0) + 1;
    } else if (e.kind === 'complete') of(e.point).completed++;
  }
}

function sameRecord(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? 0) !== (b[k] ?? 0)) return false;
  return true;
}

export function sameCounts(a: PointCounts | undefined, b: PointCounts | undefined): boolean {
  const x = a ?? emptyCounts();
  const y = b ?? emptyCounts();
  return x.entered === y.entered && x.sent === y.sent && x.suppressed === y.suppressed && x.exited === y.exited && x.completed === y.completed && x.queued === y.queued && sameRecord(x.suppressedBy, y.suppressedBy) && sameRecord(x.exitedBy, y.exitedBy);
}

/** Whether the journey starts contacts by the clock (date triggers, segment runs): then the replay's end depends on the whole timeline. */
function clockDriven(journey: Journey): boolean {
  return journey.kind === 'segment' || journey.startingPoints.some((sp) => sp.trigger.type === 'dateField');
}

function groupByContact(trace: readonly TraceEntry[]): Map<string, TraceEntry[]> {
  const by = new Map<string, TraceEntry[]>();
  for (const e of trace) {
    const list = by.get(e.contact);
    if (list) list.push(e);
    else by.set(e.contact, [e]);
  }
  return by;
}

interface Slice {
  timeline: Timeline;
  /** Index in the whole timeline of each of the slice's events. */
  eventIndex: number[] | undefined;
}

/** The timeline cut into slices of whole contacts (all events of a contact in its slice, in their order). */
function slicesOf(timeline: Timeline, size: number, start: string): Slice[] {
  const sliceOf = new Map<string, number>();
  const count = Math.ceil(timeline.contacts.length / size);
  const contacts: Timeline['contacts'][] = Array.from({ length: count }, () => []);
  timeline.contacts.forEach((c, i) => {
    let k = sliceOf.get(c.id);
    if (k === undefined) sliceOf.set(c.id, (k = Math.floor(i / size)));
    contacts[k]!.push(c);
  });
  const events: Timeline['events'][] = Array.from({ length: count }, () => []);
  const indices: number[][] = Array.from({ length: count }, () => []);
  timeline.events.forEach((e, i) => {
    let k = sliceOf.get(e.contact);
    if (k === undefined) sliceOf.set(e.contact, (k = count - 1)); // a contact not in contacts: the simulator adds it
    events[k]!.push(e);
    indices[k]!.push(i);
  });
  return contacts.map((cs, k) => ({ timeline: { ...timeline, start, contacts: cs, events: events[k]! }, eventIndex: indices[k]! }));
}

/** The whole timeline's replay start as the simulator takes it when none is given: the timeline's, else its first event. */
function wholeStart(timeline: Timeline): string | undefined {
  if (timeline.start !== undefined) return timeline.start;
  let first = Infinity;
  let text: string | undefined;
  for (const e of timeline.events) {
    const t = parseInstant(e.at, 'event');
    if (t < first) {
      first = t;
      text = e.at;
    }
  }
  return text;
}

/** Replays `timeline` through A and B with the same seed and horizon and compares the outcomes (see the module header). */
export function compareVersions(a: Journey, b: Journey, timeline: Timeline, options: CompareOptions = {}): JourneyComparison {
  const matching = matchPoints(a, b);
  const pointInB = (id: string) => matching.aToB.get(id) ?? id;
  const size = Math.max(1, options.sliceContacts ?? DEFAULT_SLICE);
  const start = timeline.contacts.length > size && !clockDriven(a) && !clockDriven(b) ? wholeStart(timeline) : undefined;
  const slices: Slice[] = start !== undefined ? slicesOf(timeline, size, start) : [{ timeline, eventIndex: undefined }];
  const simOptions = { ...(options.seed !== undefined ? { seed: options.seed } : {}), ...(options.horizon !== undefined ? { horizon: options.horizon } : {}), trace: true };
  const countsA = new Map<string, PointCounts>();
  const countsB = new Map<string, PointCounts>();
  const statsA: SimulationStats = { started: 0, inProgress: 0, completed: 0, exited: 0, exitedBy: { exitPoint: 0, exitCriteria: 0, unsubscribed: 0, removed: 0 } };
  const statsB: SimulationStats = structuredClone(statsA);
  const changedContacts: ContactChange[] = [];
  const warnings = new Set<string>();
  let seed = 0;
  let replayStart = 0;
  let horizon: number | undefined;
  for (const slice of slices) {
    const ra = simulate(a, slice.timeline, simOptions);
    const rb = simulate(b, slice.timeline, simOptions);
    seed = ra.seed;
    replayStart = ra.start;
    horizon = ra.horizon;
    // Warnings name events by their index in the whole timeline.
    const whole = (w: string) => (slice.eventIndex ? w.replace(/events\[(\d+)\]/g, (m, i: string) => (slice.eventIndex![Number(i)] !== undefined ? `events[${slice.eventIndex![Number(i)]}]` : m)) : w);
    for (const w of ra.warnings) warnings.add(`A: ${whole(w)}`);
    for (const w of rb.warnings) warnings.add(`B: ${whole(w)}`);
    addStats(statsA, ra.stats);
    addStats(statsB, rb.stats);
    addCounts(countsA, ra);
    addCounts(countsB, rb);
    const tracesA = groupByContact(ra.trace);
    const tracesB = groupByContact(rb.trace);
    const ids = new Set<string>();
    for (const c of slice.timeline.contacts) ids.add(c.id);
    for (const id of tracesA.keys()) ids.add(id);
    for (const id of tracesB.keys()) ids.add(id);
    for (const id of ids) {
      const ta = tracesA.get(id) ?? [];
      const tb = tracesB.get(id) ?? [];
      if (!samePath(ta, tb, pointInB)) changedContacts.push(contactChange(id, ta, tb, pointInB, options.keepPaths ?? false));
    }
  }
  const points: PointComparison[] = matching.matches.map((m) => {
    const p: PointComparison = { ...m, countsDiffer: false };
    if (m.a !== undefined) p.countsA = countsA.get(m.a) ?? emptyCounts();
    if (m.b !== undefined) p.countsB = countsB.get(m.b) ?? emptyCounts();
    p.countsDiffer = !sameCounts(p.countsA, p.countsB);
    return p;
  });
  const pathChanged = changedContacts.filter((c) => c.pathChanged).length;
  return {
    seed,
    start: replayStart,
    horizon,
    contacts: timeline.contacts.length,
    statsA,
    statsB,
    points,
    changedContacts,
    pathChanged,
    equal: changedContacts.length === 0 && points.every((p) => !p.countsDiffer),
    warnings: [...warnings],
    slices: slices.length,
  };
}
