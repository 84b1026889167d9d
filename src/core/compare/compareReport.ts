// A comparison of two journey versions as people read it (text: the
// per-point counts as A → B with the delta, then the contacts whose outcome
// changed) and as programs read it (JSON with ISO instants). Used by
// `journey compare`.
import { formatInstant } from '../simulator/index';
import type { PathStep, TimingChange } from './contactPaths';
import type { JourneyComparison, PointComparison, PointCounts } from './compareVersions';

const DAY = 86_400_000;

/** A duration as people say it: 2 d, 3 h 30 min, 45 s. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  const parts: string[] = [];
  for (const [unit, size] of [['d', DAY], ['h', 3_600_000], ['min', 60_000], ['s', 1000]] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n} ${unit}`);
    rest -= n * size;
  }
  if (rest > 0 || parts.length === 0) parts.push(`${rest} ms`);
  return sign + parts.join(' ');
}

/** `3 → 5 (+2)`, `3` when equal, `— → 5` for a point only in B. */
function arrow(a: number | undefined, b: number | undefined): string {
  if (a === b) return String(a);
  const delta = (b ?? 0) - (a ?? 0);
  return `${a ?? '—'} → ${b ?? '—'} (${delta > 0 ? '+' : ''}${delta})`;
}

function byReason(a: Record<string, number> | undefined, b: Record<string, number> | undefined): string {
  const reasons = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])].sort();
  return reasons.map((r) => `${r} ${arrow(a ? (a[r] ?? 0) : undefined, b ? (b[r] ?? 0) : undefined)}`).join(', ');
}

export function pointLabel(p: PointComparison): string {
  const id = p.a !== undefined && p.b !== undefined && p.a !== p.b ? `${p.a} → ${p.b}` : (p.b ?? p.a)!;
  const marks = [p.kind === 'start' ? 'start' : p.type, p.renamed ? 'renamed' : '', p.change !== 'same' ? p.change : ''].filter(Boolean);
  return `${id} (${marks.join(', ')})`;
}

function count(p: PointComparison, key: keyof Omit<PointCounts, 'suppressedBy' | 'exitedBy'>): string {
  return arrow(p.countsA?.[key], p.countsB?.[key]);
}

export function describeStep(s: PathStep | undefined): string {
  if (!s) return 'nothing more (the path has ended)';
  const parts = [`${s.kind} ${s.point}`];
  if (s.branch !== undefined) parts.push(`→ ${s.branch}`);
  if (s.outcome !== undefined && s.kind !== 'arrive') parts.push(s.outcome);
  if (s.reason !== undefined) parts.push(`(${s.reason})`);
  return `${parts.join(' ')} at ${formatInstant(s.at)}`;
}

export function describeTiming(t: TimingChange): string {
  const nth = t.occurrence > 1 ? ` (#${t.occurrence})` : '';
  if (t.what === 'waited') return `waits ${formatDuration(Math.abs(t.delta))} ${t.delta > 0 ? 'longer' : 'less'} at ${t.subject}${nth} (${formatDuration(t.a)} → ${formatDuration(t.b)})`;
  return `receives ${t.subject}${nth} ${formatDuration(Math.abs(t.delta))} ${t.delta > 0 ? 'later' : 'earlier'} (${formatInstant(t.a)} → ${formatInstant(t.b)})`;
}

/** The human report; at most `contactLimit` contacts are listed (all are counted). */
export function formatComparison(c: JourneyComparison, options: { contactLimit?: number } = {}): string[] {
  const lines: string[] = [];
  lines.push(`Replay ${formatInstant(c.start)} → ${c.horizon !== undefined ? formatInstant(c.horizon) : 'until nothing is pending'}, seed ${c.seed}, ${c.contacts} contact${c.contacts === 1 ? '' : 's'}`);
  lines.push(`Started ${arrow(c.statsA.started, c.statsB.started)}, completed ${arrow(c.statsA.completed, c.statsB.completed)}, exited ${arrow(c.statsA.exited, c.statsB.exited)}, in progress ${arrow(c.statsA.inProgress, c.statsB.inProgress)}`);
  lines.push('');
  const rows: string[][] = [['Point (A → B)', 'Entered', 'Sent', 'Suppressed', 'Exited', 'Completed', 'Queued']];
  for (const p of c.points) {
    if (p.change === 'same' && !p.countsDiffer) continue;
    const suppressed = count(p, 'suppressed') + (Object.keys({ ...p.countsA?.suppressedBy, ...p.countsB?.suppressedBy }).length ? ` [${byReason(p.countsA?.suppressedBy, p.countsB?.suppressedBy)}]` : '');
    const exited = count(p, 'exited') + (Object.keys({ ...p.countsA?.exitedBy, ...p.countsB?.exitedBy }).length ? ` [${byReason(p.countsA?.exitedBy, p.countsB?.exitedBy)}]` : '');
    rows.push([pointLabel(p), count(p, 'entered'), count(p, 'sent'), suppressed, exited, count(p, 'completed'), count(p, 'queued')]);
  }
  if (rows.length > 1) {
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const r of rows) lines.push(r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());
  } else lines.push('Every point is the same in both versions, with the same counts.');
  const unchanged = c.points.filter((p) => p.change === 'same' && !p.countsDiffer).length;
  if (rows.length > 1 && unchanged > 0) lines.push(`(${unchanged} more point${unchanged === 1 ? '' : 's'} unchanged, with the same counts)`);
  lines.push('');
  const timingOnly = c.changedContacts.length - c.pathChanged;
  lines.push(`Contacts whose outcome changed: ${c.changedContacts.length} (${c.pathChanged} took another path, ${timingOnly} the same path at other times)`);
  const limit = options.contactLimit ?? 50;
  for (const ch of c.changedContacts.slice(0, limit)) {
    lines.push(`  ${ch.contact}: ${ch.pathChanged ? 'path changed' : 'timing changed'} at step ${ch.firstDivergence.index + 1}: A ${describeStep(ch.firstDivergence.a)}; B ${describeStep(ch.firstDivergence.b)}`);
    if (ch.onlyInA.length) lines.push(`    receives in A only: ${ch.onlyInA.join(', ')}`);
    if (ch.onlyInB.length) lines.push(`    receives in B only: ${ch.onlyInB.join(', ')}`);
    for (const t of ch.timing) lines.push(`    ${describeTiming(t)}`);
  }
  if (c.changedContacts.length > limit) lines.push(`  ... and ${c.changedContacts.length - limit} more (--json lists them all)`);
  for (const w of c.warnings) lines.push(`warning: ${w}`);
  lines.push(c.equal ? 'The outcomes are equal.' : 'The outcomes differ.');
  return lines;
}

const iso = (t: number | undefined) => (t === undefined ? null : formatInstant(t));
const stepJson = (s: PathStep | undefined) => (s ? { ...s, at: formatInstant(s.at) } : null);

/** The JSON report: instants as ISO strings; durations in ms. */
export function comparisonJson(c: JourneyComparison): unknown {
  return {
    equal: c.equal,
    seed: c.seed,
    start: iso(c.start),
    horizon: iso(c.horizon),
    contacts: c.contacts,
    stats: { a: c.statsA, b: c.statsB },
    points: c.points.map((p) => ({ a: p.a ?? null, b: p.b ?? null, kind: p.kind, type: p.type, change: p.change, renamed: p.renamed, countsDiffer: p.countsDiffer, countsA: p.countsA ?? null, countsB: p.countsB ?? null })),
    pathChanged: c.pathChanged,
    changedContacts: c.changedContacts.map((ch) => ({
      contact: ch.contact,
      pathChanged: ch.pathChanged,
      firstDivergence: { index: ch.firstDivergence.index, a: stepJson(ch.firstDivergence.a), b: stepJson(ch.firstDivergence.b) },
      onlyInA: ch.onlyInA,
      onlyInB: ch.onlyInB,
      timing: ch.timing.map((t) => (t.what === 'sent' ? { ...t, a: formatInstant(t.a), b: formatInstant(t.b) } : t)),
      ...(ch.paths ? { paths: { a: ch.paths.a.map(stepJson), b: ch.paths.b.map(stepJson) } } : {}),
    })),
    warnings: c.warnings,
  };
}
