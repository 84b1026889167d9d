// `journey simulate FILE --timeline T [--at TIME] [--json]`: validates the
// journey (all rules) and the timeline (its zod schema), refuses invalid
// input with located `file:line:col error message [code]` lines, then
// replays the timeline and prints the stats at TIME (default: the end of the
// replay) with per-point counters, queues and the trace, as a table or JSON.
// Extra options: --seed N, --horizon TIME, --no-trace.
import { access } from 'node:fs/promises';
import type { JourneyDiagnostic } from '../core/diagnostic';
import { parseJsonDocument } from '../core/jsonDocument';
import { schemaDiagnostics } from '../core/schemaDiagnostics';
import { formatReport, reportJson, simulate, SimulationError } from '../core/simulator/index';
import { Instant, parseTimeline, Timeline } from '../core/timeline';
import { validateJourneyText } from '../core/validate';
import type { CommandResult } from './command';
import { readCommandArgs } from './commandArgs';
import { printFindings, readSourceFile } from './sourceFiles';

const USAGE = 'Usage: journey simulate FILE [--timeline T] [--at TIME] [--json] [--seed N] [--horizon TIME] [--no-trace]';

interface Args {
  file: string;
  timeline?: string;
  at?: string;
  horizon?: string;
  seed?: number;
  json: boolean;
  trace: boolean;
}

function parseArgs(args: string[]): Args | string {
  const read = readCommandArgs(args, {
    switches: ['--json', '--no-trace'],
    valued: ['--timeline', '--at', '--horizon', '--seed'],
    check: (option, value) => {
      if (option === '--seed') return /^-?\d+$/.test(value) ? undefined : `--seed must be an integer, not "${value}"`;
      if (option === '--at' || option === '--horizon') return Instant.safeParse(value).success ? undefined : `${option} must be an ISO 8601 instant with offset, e.g. 2026-03-01T09:00:00Z, not "${value}"`;
      return undefined;
    },
  });
  if (typeof read === 'string') return read;
  const { files, switches, values } = read;
  if (files.length !== 1) return files.length === 0 ? 'name the .journey.json file to simulate' : 'name exactly one journey file';
  const timeline = values.get('--timeline');
  const at = values.get('--at');
  const horizon = values.get('--horizon');
  const seed = values.get('--seed');
  return {
    file: files[0]!,
    json: switches.has('--json'),
    trace: !switches.has('--no-trace'),
    ...(timeline !== undefined ? { timeline } : {}),
    ...(at !== undefined ? { at } : {}),
    ...(horizon !== undefined ? { horizon } : {}),
    ...(seed !== undefined ? { seed: Number(seed) } : {}),
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Prints the errors among `diagnostics` in text order; returns how many there were. */
function printErrors(file: string, text: string, diagnostics: readonly JourneyDiagnostic[], out: (line: string) => void): number {
  const errors = diagnostics.filter((d) => d.severity === 'error').sort((a, b) => a.offset - b.offset);
  printFindings(file, text, errors, out);
  return errors.length;
}

export async function simulateCommand(args: string[], out: (line: string) => void): Promise<CommandResult> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') return { exitCode: 2, error: `journey simulate: ${parsed}\n${USAGE}` };
  let timelineFile = parsed.timeline;
  if (timelineFile === undefined) {
    const sibling = parsed.file.replace(/\.journey\.json$/, '.timeline.json');
    if (sibling !== parsed.file && (await exists(sibling))) timelineFile = sibling;
    else return { exitCode: 2, error: `journey simulate: name the timeline with --timeline (no ${sibling === parsed.file ? 'sibling .timeline.json' : sibling} found)\n${USAGE}` };
  }

  const journeyText = await readSourceFile(parsed.file, out);
  const timelineText = await readSourceFile(timelineFile, out);
  if (journeyText === undefined || timelineText === undefined) return { exitCode: 1, error: 'journey simulate: nothing was simulated.' };

  const validation = validateJourneyText(journeyText);
  const journeyErrors = printErrors(parsed.file, journeyText, validation.diagnostics, out);

  const doc = parseJsonDocument(timelineText);
  let timeline: Timeline | undefined;
  let timelineErrors: number;
  if (doc.syntaxErrors.length > 0 || doc.root === undefined) {
    const diagnostics: JourneyDiagnostic[] = doc.syntaxErrors.length > 0 ? doc.syntaxErrors : [{ code: 'syntax.empty', rule: 'syntax', severity: 'error', message: 'The file is empty: a timeline is a JSON object with formatVersion, contacts and events.', offset: 0, length: 0, path: [] }];
    timelineErrors = printErrors(timelineFile, timelineText, diagnostics, out);
  } else {
    const result = parseTimeline(doc.value);
    if (result.success) {
      timeline = result.data;
      timelineErrors = 0;
    } else timelineErrors = printErrors(timelineFile, timelineText, schemaDiagnostics(doc, Timeline, result.error.issues), out);
  }
  if (journeyErrors > 0 || timelineErrors > 0 || !validation.journey || !timeline) {
    const what = [journeyErrors > 0 ? `${parsed.file} has ${journeyErrors} error${journeyErrors === 1 ? '' : 's'}` : '', timelineErrors > 0 ? `${timelineFile} has ${timelineErrors} error${timelineErrors === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ');
    return { exitCode: 1, error: `journey simulate: ${what}; nothing was simulated.` };
  }

  let result;
  try {
    result = simulate(validation.journey, timeline, {
      ...(parsed.at !== undefined ? { at: parsed.at } : {}),
      ...(parsed.horizon !== undefined ? { horizon: parsed.horizon } : {}),
      ...(parsed.seed !== undefined ? { seed: parsed.seed } : {}),
      trace: parsed.trace,
    });
  } catch (error) {
    if (error instanceof SimulationError) return { exitCode: 1, error: `journey simulate: ${error.message}` };
    throw error;
  }

  if (parsed.json) {
    out(JSON.stringify({ journey: parsed.file, timeline: timelineFile, ...(reportJson(result) as object) }, null, 2));
  } else {
    out(`Journey ${validation.journey.name} (${parsed.file}), timeline ${timelineFile}: ${timeline.contacts.length} contact${timeline.contacts.length === 1 ? '' : 's'}, ${timeline.events.length} event${timeline.events.length === 1 ? '' : 's'}`);
    for (const line of formatReport(result, { trace: parsed.trace })) out(line);
  }
  return { exitCode: 0 };
}
