// `journey import segment|csv FILE --mapping M --out X.timeline.ndjson
// [--skip-bad-rows] [--seed N] [--start TIME] [--horizon TIME] [--journey J]`:
// turns an event history exported from a marketing tool (Segment Spec
// NDJSON, or a CSV with one row per event) into a timeline to simulate or
// compare on (importTimeline.ts streams it). The mapping file is checked
// first, its errors located in it. Prints progress on stderr, then the
// contacts and events written, every source event name no template maps
// with its count, ignored message types, and each bad row with its line.
// Exit 0 when written; 1 when the mapping is wrong or a row is bad (and
// --skip-bad-rows was not given: nothing is written); 2 usage.
import { parseJsonDocument } from '../core/jsonDocument';
import { CsvMapping, SegmentMapping } from '../core/importing/importMapping';
import type { ImportReport } from '../core/importing/timelineImport';
import { schemaDiagnostics } from '../core/schemaDiagnostics';
import { Instant } from '../core/timeline';
import type { TimelineHeader } from '../core/timelineNdjson';
import type { CommandResult } from './command';
import { readCommandArgs } from './commandArgs';
import { importTimeline, type ImportSource } from './importTimeline';
import { printAt, printFindings, readSourceFile, terminalSafe } from './sourceFiles';

const USAGE = 'Usage: journey import segment|csv FILE --mapping M --out X.timeline.ndjson [--skip-bad-rows] [--seed N] [--start TIME] [--horizon TIME] [--journey J]';
const SHOWN_BAD_ROWS = 50;

/** The report's lists as lines: unmapped names with counts, ignored types, trait changes not replayed. */
export function importReportLines(report: ImportReport): string[] {
  const lines: string[] = [];
  const listed = (title: string, counts: Record<string, number>) => {
    const entries = Object.entries(counts);
    if (entries.length === 0) return;
    lines.push(title);
    for (const [name, n] of entries) lines.push(`  ${JSON.stringify(name)}: ${n}`);
  };
  listed('Event names no template maps (not imported; name them in the mapping to import them):', report.unmapped);
  listed('Message types a timeline has no use for (not imported):', report.ignoredTypes);
  listed('Trait changes after the first identify that no timeline event says (not replayed):', report.traitChangesNotReplayed);
  return lines;
}

export async function importCommand(args: string[], out: (line: string) => void): Promise<CommandResult> {
  const [format, ...rest] = args;
  if (format !== 'segment' && format !== 'csv') return { exitCode: 2, error: `journey import: say which format, segment or csv${format ? `, not "${format}"` : ''}\n${USAGE}` };
  const read = readCommandArgs(rest, {
    switches: ['--skip-bad-rows'],
    valued: ['--mapping', '--out', '--seed', '--start', '--horizon', '--journey'],
    check: (option, value) => {
      if (option === '--seed') return /^-?\d+$/.test(value) ? undefined : `--seed must be an integer, not "${value}"`;
      if (option === '--start' || option === '--horizon') return Instant.safeParse(value).success ? undefined : `${option} must be an ISO 8601 instant with offset, e.g. 2026-03-01T09:00:00Z, not "${value}"`;
      if (option === '--out') return value.endsWith('.timeline.ndjson') ? undefined : `--out names a .timeline.ndjson file, not "${value}"`;
      return undefined;
    },
  });
  if (typeof read === 'string') return { exitCode: 2, error: `journey import: ${read}\n${USAGE}` };
  if (read.files.length !== 1) return { exitCode: 2, error: `journey import: name the one file to import (${read.files.length} given)\n${USAGE}` };
  const mappingFile = read.values.get('--mapping');
  const output = read.values.get('--out');
  if (!mappingFile || !output) return { exitCode: 2, error: `journey import: ${!mappingFile ? '--mapping' : '--out'} is needed\n${USAGE}` };
  const input = read.files[0]!;

  const mappingText = await readSourceFile(mappingFile, out);
  if (!mappingText) return { exitCode: 1, error: `journey import: cannot read the mapping ${mappingFile}; nothing was imported.` };
  const doc = parseJsonDocument(mappingText.text);
  const schema = format === 'segment' ? SegmentMapping : CsvMapping;
  const parsed = doc.value === undefined ? undefined : schema.safeParse(doc.value);
  if (doc.syntaxErrors.length > 0 || !parsed?.success) {
    const problems = doc.syntaxErrors.length > 0 ? doc.syntaxErrors : parsed ? schemaDiagnostics(doc, schema, parsed.error?.issues ?? [], `the ${format} mapping`) : [{ code: 'syntax.empty', rule: 'syntax' as const, severity: 'error' as const, message: 'The mapping is empty: it is a JSON object with formatVersion 1.', offset: 0, length: 0, path: [] }];
    printFindings(mappingFile, mappingText.text, problems, out);
    return { exitCode: 1, error: `journey import: ${mappingFile} is not a ${format} mapping; nothing was imported.` };
  }
  const source: ImportSource = format === 'segment' ? { format, mapping: parsed.data as SegmentMapping } : { format, mapping: parsed.data as CsvMapping };
  const header: TimelineHeader = { formatVersion: 1 };
  const journey = read.values.get('--journey');
  const seed = read.values.get('--seed');
  const start = read.values.get('--start');
  const horizon = read.values.get('--horizon');
  if (journey !== undefined) header.journey = journey;
  if (seed !== undefined) header.seed = Number(seed);
  if (start !== undefined) header.start = start;
  if (horizon !== undefined) header.horizon = horizon;

  let shown = 0;
  let result;
  try {
    result = await importTimeline({
      input,
      output,
      source,
      header,
      skipBadRows: read.switches.has('--skip-bad-rows'),
      progress: (bytes, size, records) => process.stderr.write(`journey import: ${records.toLocaleString('en-US')} records, ${Math.floor((bytes / Math.max(size, 1)) * 100)}% of ${input}\n`),
      onBadRow: (row) => {
        if (shown++ < SHOWN_BAD_ROWS) printAt(input, { line: Math.max(0, row.line - 1), character: 0 }, read.switches.has('--skip-bad-rows') ? 'warning' : 'error', `bad row: ${row.message}`, 'import.bad-row', out);
      },
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') return { exitCode: 1, error: `journey import: cannot read ${input} or write ${output}: ${(error as Error).message}` };
    throw error;
  }
  const { report } = result;
  if (shown > SHOWN_BAD_ROWS) out(`${terminalSafe(input)}: ${shown - SHOWN_BAD_ROWS} more bad rows not shown.`);
  for (const line of importReportLines(report)) out(line);
  if (!result.ok) return { exitCode: 1, error: `journey import: ${report.badRows} bad row${report.badRows === 1 ? '' : 's'} in ${input}; nothing was written (--skip-bad-rows imports the others).` };
  out(`Wrote ${output}: ${report.contacts} contact${report.contacts === 1 ? '' : 's'}, ${report.events} event${report.events === 1 ? '' : 's'}${report.badRows ? `, ${report.badRows} bad row${report.badRows === 1 ? '' : 's'} skipped` : ''}.`);
  return { exitCode: 0 };
}
