// A simulation snapshot as people read it (aligned text tables) and as
// programs read it (JSON with ISO instants). Used by `journey simulate`.
import { formatInstant } from './timelineInput';
import { EXIT_REASONS, type SimulationSnapshot, type TraceEntry } from './types';

const EXIT_WORDS: Record<string, string> = { exitPoint: 'exit point', exitCriteria: 'exit criteria', unsubscribed: 'unsubscribed', removed: 'removed' };

function table(rows: string[][], rightAligned: ReadonlySet<number> = new Set()): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, i) => (rightAligned.has(i) ? cell.padStart(widths[i]!) : i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd());
}

/** One line summary of the journey stats. */
export function formatStats(s: SimulationSnapshot): string {
  const exits = EXIT_REASONS.filter((r) => s.stats.exitedBy[r] > 0).map((r) => `${EXIT_WORDS[r]} ${s.stats.exitedBy[r]}`);
  return `started ${s.stats.started}, in progress ${s.stats.inProgress}, completed ${s.stats.completed}, exited ${s.stats.exited}${exits.length ? ` (${exits.join(', ')})` : ''}`;
}

function detail(e: TraceEntry): string {
  const parts: string[] = [];
  if (e.branch !== undefined) parts.push(`→ ${e.branch}`);
  if (e.outcome !== undefined) parts.push(e.outcome);
  if (e.reason !== undefined) parts.push(`(${e.reason})`);
  if (e.entry > 1) parts.push(`[entry ${e.entry}]`);
  return parts.join(' ');
}

/** The human report: stats, per-point counters, queues and the trace. */
export function formatReport(s: SimulationSnapshot, options: { trace?: boolean } = {}): string[] {
  const lines: string[] = [];
  lines.push(`Replay ${formatInstant(s.start)} → ${s.horizon !== undefined ? formatInstant(s.horizon) : 'until nothing is pending'}, seed ${s.seed}; stats at ${formatInstant(s.at)}`);
  lines.push(`Stats: ${formatStats(s)}`);
  lines.push('');
  const rows = [['Point', 'Entered', 'Left', 'Queued', 'Sent', 'Suppressed']];
  for (const [id, c] of Object.entries(s.startingPoints)) rows.push([`${id} (start)`, String(c.entered), '', '', '', '']);
  for (const [id, c] of Object.entries(s.points)) {
    const why = Object.entries(c.suppressedBy).map(([r, n]) => `${r} ${n}`).join(', ');
    rows.push([id, String(c.entered), String(c.left), String(c.queued), c.sent ? String(c.sent) : '', c.suppressed ? `${c.suppressed} (${why})` : '']);
  }
  for (const line of table(rows, new Set([1, 2, 3, 4]))) lines.push(line);
  const waiting = Object.entries(s.queues).filter(([, q]) => q.length > 0);
  if (waiting.length > 0) {
    lines.push('');
    lines.push('Waiting:');
    for (const [id, q] of waiting) lines.push(`  ${id}: ${q.join(', ')}`);
  }
  for (const w of s.warnings) lines.push(`warning: ${w}`);
  if (options.trace !== false) {
    lines.push('');
    lines.push(`Trace (${s.trace.length} entr${s.trace.length === 1 ? 'y' : 'ies'}):`);
    // One push per line: spreading a long trace into push would exceed the engine's argument limit.
    for (const line of table([['Time', 'Contact', 'Point', 'What', 'Detail'], ...s.trace.map((e) => [formatInstant(e.at), e.contact, e.point, e.kind, detail(e)])])) lines.push(line);
  }
  return lines;
}

/** The snapshot with ISO instants instead of epoch milliseconds. */
export function reportJson(s: SimulationSnapshot): unknown {
  return {
    at: formatInstant(s.at),
    start: formatInstant(s.start),
    horizon: s.horizon !== undefined ? formatInstant(s.horizon) : null,
    seed: s.seed,
    stats: s.stats,
    startingPoints: s.startingPoints,
    points: s.points,
    queues: s.queues,
    trace: s.trace.map((e) => ({ ...e, at: formatInstant(e.at) })),
    warnings: s.warnings,
  };
}
