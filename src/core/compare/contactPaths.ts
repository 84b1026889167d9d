// One contact's path in each version, compared: the steps of its trace
// (point, what happened, branch, reason, content) in order, with A's point
// ids written as B names them (renames, see pointMatching.ts). A path
// "changed" when the steps differ; when only their instants differ, the
// contact has timing changes only (e.g. waited 2 days longer). Also: the
// first step where the paths part, the content received in one version
// and not in the other (counted per content, so a second copy counts), and
// how long each wait lasted and when each content was sent, in both.
import type { TraceEntry } from '../simulator/index';

/** One step of a contact's path, with the point id as version B names it. */
export interface PathStep {
  at: number;
  point: string;
  kind: TraceEntry['kind'];
  entry: number;
  branch?: string;
  outcome?: string;
  reason?: string;
}

export interface TimingChange {
  /** `waited` at a wait point (durations in ms), or `sent` of a content (instants in ms). */
  what: 'waited' | 'sent';
  /** The wait point (B's id) or the content id. */
  subject: string;
  /** Which stay at that point or which copy of that content (1 for the first). */
  occurrence: number;
  a: number;
  b: number;
  /** b - a in ms: positive when B waits longer or sends later. */
  delta: number;
}

export interface ContactChange {
  contact: string;
  /** The steps differ (not only their instants). */
  pathChanged: boolean;
  /** The first step that differs (index in the paths), with the step of each version there (absent when that path has ended). */
  firstDivergence: { index: number; a?: PathStep; b?: PathStep };
  /** Content ids sent in A and not in B (one per copy), and the reverse. */
  onlyInA: string[];
  onlyInB: string[];
  timing: TimingChange[];
  /** Both paths, when the comparison keeps them (keepPaths). */
  paths?: { a: PathStep[]; b: PathStep[] };
}

export function stepOf(e: TraceEntry, pointInB: (id: string) => string): PathStep {
  const step: PathStep = { at: e.at, point: pointInB(e.point), kind: e.kind, entry: e.entry };
  if (e.branch !== undefined) step.branch = e.branch;
  if (e.outcome !== undefined) step.outcome = e.outcome;
  if (e.reason !== undefined) step.reason = e.reason;
  return step;
}

/** The same step, instants aside. A wait's outcome is its deadline, an instant: left out too. */
function sameStep(a: TraceEntry, b: TraceEntry, pointInB: (id: string) => string): boolean {
  return a.kind === b.kind && a.entry === b.entry && a.branch === b.branch && a.reason === b.reason && (a.kind === 'arrive' || a.outcome === b.outcome) && pointInB(a.point) === b.point;
}

/** Whether the two traces of one contact are the same (steps and instants): the fast path of the comparison. */
export function samePath(a: readonly TraceEntry[], b: readonly TraceEntry[], pointInB: (id: string) => string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.at !== b[i]!.at || !sameStep(a[i]!, b[i]!, pointInB)) return false;
  return true;
}

function sends(trace: readonly TraceEntry[]): string[] {
  return trace.filter((e) => e.kind === 'send' && e.outcome !== undefined).map((e) => e.outcome!);
}

/** `from` minus `other`, copy by copy, in `from`'s order. */
function multisetMinus(from: string[], other: string[]): string[] {
  const left = new Map<string, number>();
  for (const x of other) left.set(x, (left.get(x) ?? 0) + 1);
  const result: string[] = [];
  for (const x of from) {
    const n = left.get(x) ?? 0;
    if (n > 0) left.set(x, n - 1);
    else result.push(x);
  }
  return result;
}

/** Per (subject, occurrence): wait durations and send instants. */
function timings(steps: readonly PathStep[]): Map<string, { what: 'waited' | 'sent'; subject: string; occurrence: number; value: number }> {
  const result = new Map<string, { what: 'waited' | 'sent'; subject: string; occurrence: number; value: number }>();
  const seen = new Map<string, number>();
  const arrived = new Map<string, number>();
  for (const s of steps) {
    if (s.kind === 'arrive') arrived.set(`${s.entry}|${s.point}`, s.at);
    else if ((s.kind === 'leave' || s.kind === 'exit') && arrived.has(`${s.entry}|${s.point}`)) {
      const since = arrived.get(`${s.entry}|${s.point}`)!;
      arrived.delete(`${s.entry}|${s.point}`);
      const key = `waited|${s.point}`;
      const k = (seen.get(key) ?? 0) + 1;
      seen.set(key, k);
      result.set(`${key}|${k}`, { what: 'waited', subject: s.point, occurrence: k, value: s.at - since });
    } else if (s.kind === 'send' && s.outcome !== undefined) {
      const key = `sent|${s.outcome}`;
      const k = (seen.get(key) ?? 0) + 1;
      seen.set(key, k);
      result.set(`${key}|${k}`, { what: 'sent', subject: s.outcome, occurrence: k, value: s.at });
    }
  }
  return result;
}

/** How a contact's two traces differ; call only when samePath is false. */
export function contactChange(contact: string, a: readonly TraceEntry[], b: readonly TraceEntry[], pointInB: (id: string) => string, keepPaths: boolean): ContactChange {
  const stepsA = a.map((e) => stepOf(e, pointInB));
  const stepsB = b.map((e) => stepOf(e, (id) => id));
  let index = 0;
  while (index < a.length && index < b.length && sameStep(a[index]!, b[index]!, pointInB)) index++;
  const pathChanged = index < a.length || index < b.length;
  if (!pathChanged) {
    index = 0;
    while (a[index]!.at === b[index]!.at) index++;
  }
  const firstDivergence: ContactChange['firstDivergence'] = { index };
  if (stepsA[index]) firstDivergence.a = stepsA[index]!;
  if (stepsB[index]) firstDivergence.b = stepsB[index]!;
  const sentA = sends(a);
  const sentB = sends(b);
  const timingA = timings(stepsA);
  const timingB = timings(stepsB);
  const timing: TimingChange[] = [];
  for (const [key, x] of timingA) {
    const y = timingB.get(key);
    if (y && y.value !== x.value) timing.push({ what: x.what, subject: x.subject, occurrence: x.occurrence, a: x.value, b: y.value, delta: y.value - x.value });
  }
  const change: ContactChange = { contact, pathChanged, firstDivergence, onlyInA: multisetMinus(sentA, sentB), onlyInB: multisetMinus(sentB, sentA), timing };
  if (keepPaths) change.paths = { a: stepsA, b: stepsB };
  return change;
}
