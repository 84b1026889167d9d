// Compares what the runtime did for each contact with the simulator's trace
// of the same journey and timeline: the path (every entry: instant, point,
// kind, stay, branch, reason), the sends, the suppressions and the place the
// contact is in at the end. Differences are listed per contact, readably.
import { formatInstant, type TraceEntry } from '../core/simulator/index';

/** Free-text outcomes that only describe (tag added, field = value, until ...) are not compared. */
const DESCRIPTIVE: ReadonlySet<string> = new Set(['pass', 'arrive']);

export function entryLine(e: TraceEntry): string {
  const outcome = e.outcome !== undefined && !DESCRIPTIVE.has(e.kind) ? ` "${e.outcome}"` : '';
  return `${formatInstant(e.at)} ${e.point} ${e.kind}${e.branch !== undefined ? ` →${e.branch}` : ''}${e.reason !== undefined ? ` (${e.reason})` : ''}${outcome}${e.entry > 1 ? ` #${e.entry}` : ''}`;
}

/** Where the contact is after the trace: waiting at a point, completed, exited, or never entered. */
export function finalPlace(entries: readonly TraceEntry[]): string {
  const last = entries[entries.length - 1];
  if (!last) return 'never entered';
  if (last.kind === 'complete') return `completed at ${last.point}`;
  if (last.kind === 'exit') return `exited (${last.reason}) at ${last.point}`;
  if (last.kind === 'arrive') return `waiting at ${last.point}`;
  return `after ${last.kind} at ${last.point}`;
}

export function byContact(trace: readonly TraceEntry[]): Map<string, TraceEntry[]> {
  const map = new Map<string, TraceEntry[]>();
  for (const e of trace) {
    let list = map.get(e.contact);
    if (!list) map.set(e.contact, (list = []));
    list.push(e);
  }
  return map;
}

export interface ContactComparison {
  contact: string;
  same: boolean;
  differences: string[];
}

/** Compares the per-contact traces; returns one report per contact that appears on either side. */
export function compareTraces(expected: readonly TraceEntry[], actual: readonly TraceEntry[], contacts: readonly string[] = []): ContactComparison[] {
  const exp = byContact(expected);
  const act = byContact(actual);
  const ids = [...new Set([...contacts, ...exp.keys(), ...act.keys()])];
  return ids.map((contact) => {
    const e = exp.get(contact) ?? [];
    const a = act.get(contact) ?? [];
    const differences: string[] = [];
    const el = e.map(entryLine);
    const al = a.map(entryLine);
    const n = Math.max(el.length, al.length);
    for (let i = 0; i < n; i++) {
      if (el[i] !== al[i]) {
        differences.push(`path differs from step ${i + 1}:\n      simulator: ${el.slice(i, i + 4).join(' | ') || '(nothing)'}\n      runtime:   ${al.slice(i, i + 4).join(' | ') || '(nothing)'}`);
        break;
      }
    }
    const sends = (l: TraceEntry[]) => l.filter((x) => x.kind === 'send').map((x) => `${formatInstant(x.at)} ${x.point} ${x.outcome}`).join(', ');
    const suppressions = (l: TraceEntry[]) => l.filter((x) => x.kind === 'suppressed').map((x) => `${formatInstant(x.at)} ${x.point} ${x.reason}`).join(', ');
    if (sends(e) !== sends(a)) differences.push(`sends differ: simulator [${sends(e)}] runtime [${sends(a)}]`);
    if (suppressions(e) !== suppressions(a)) differences.push(`suppressions differ: simulator [${suppressions(e)}] runtime [${suppressions(a)}]`);
    if (finalPlace(e) !== finalPlace(a)) differences.push(`final place differs: simulator ${finalPlace(e)}, runtime ${finalPlace(a)}`);
    return { contact, same: differences.length === 0, differences };
  });
}

export function describeDifferences(label: string, comparisons: readonly ContactComparison[]): string {
  const bad = comparisons.filter((c) => !c.same);
  return `${label}: ${bad.length} of ${comparisons.length} contacts differ\n${bad.map((c) => `  ${c.contact}:\n    ${c.differences.join('\n    ')}`).join('\n')}`;
}
