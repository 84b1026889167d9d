// What a replay of the benchmark journey ends with, in a form both engines
// can produce: stays started, completed, exits by reason, and per point the
// arrivals, sends and suppressions by reason. Comparing these between our
// simulator and the XState model proves that both replayed the same
// journey semantics before either is timed.
import type { SimulationSnapshot } from '../../../src/core/simulator/index';

export interface Outcomes {
  started: number;
  completed: number;
  /** Exits by reason (exitPoint, unsubscribed...); reasons with no exit are left out. */
  exitedBy: Record<string, number>;
  /** Per point id: arrivals. */
  entered: Record<string, number>;
  /** Per send point id: messages sent. */
  sent: Record<string, number>;
  /** Per send point id: suppressions by reason. */
  suppressed: Record<string, Record<string, number>>;
}

export function emptyOutcomes(pointIds: readonly string[], sendPointIds: readonly string[]): Outcomes {
  return {
    started: 0,
    completed: 0,
    exitedBy: {},
    entered: Object.fromEntries(pointIds.map((id) => [id, 0])),
    sent: Object.fromEntries(sendPointIds.map((id) => [id, 0])),
    suppressed: Object.fromEntries(sendPointIds.map((id) => [id, {}])),
  };
}

/** The outcomes in a simulator snapshot (send points are those with a send or a suppression counter in the journey). */
export function outcomesOfSnapshot(snapshot: SimulationSnapshot, sendPointIds: readonly string[]): Outcomes {
  const o = emptyOutcomes(Object.keys(snapshot.points), sendPointIds);
  o.started = snapshot.stats.started;
  o.completed = snapshot.stats.completed;
  for (const [reason, count] of Object.entries(snapshot.stats.exitedBy)) if (count > 0) o.exitedBy[reason] = count;
  for (const [id, counters] of Object.entries(snapshot.points)) {
    o.entered[id] = counters.entered;
    if (!sendPointIds.includes(id)) continue;
    o.sent[id] = counters.sent;
    for (const [reason, count] of Object.entries(counters.suppressedBy)) if (count) o.suppressed[id]![reason] = count;
  }
  return o;
}

/** Every count that differs, as `what: ours vs theirs`; empty when the outcomes are the same. */
export function outcomeDifferences(ours: Outcomes, theirs: Outcomes): string[] {
  const out: string[] = [];
  const flat = (o: Outcomes): Map<string, number> => {
    const m = new Map<string, number>();
    m.set('started', o.started);
    m.set('completed', o.completed);
    for (const [k, v] of Object.entries(o.exitedBy)) m.set(`exited by ${k}`, v);
    for (const [k, v] of Object.entries(o.entered)) m.set(`${k} entered`, v);
    for (const [k, v] of Object.entries(o.sent)) m.set(`${k} sent`, v);
    for (const [k, by] of Object.entries(o.suppressed)) for (const [r, v] of Object.entries(by)) m.set(`${k} suppressed (${r})`, v);
    return m;
  };
  const a = flat(ours);
  const b = flat(theirs);
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key) ?? 0;
    const y = b.get(key) ?? 0;
    if (x !== y) out.push(`${key}: ${x} vs ${y}`);
  }
  return out;
}

/** Exits in total. */
export function exitedTotal(o: Outcomes): number {
  return Object.values(o.exitedBy).reduce((a, b) => a + b, 0);
}

/** Sends in total. */
export function sentTotal(o: Outcomes): number {
  return Object.values(o.sent).reduce((a, b) => a + b, 0);
}
