// `journey simulate FILE --timeline T [--at TIME] [--json]`: validates the
// journey (all rules) and the timeline (its zod schema, and every content,
// point, link and starting point it names against the journey), refuses invalid
// input with located `file:line:col error message [code]` lines, then
// replays the timeline and prints the stats at TIME (default: the end of the
// replay) with per-point counters, queues and the trace, as a table or JSON.
// Extra options: --seed N, --horizon TIME, --no-trace, --threads N|auto (a
// replay without a trace sharded by contact over threads, the same result as
// one thread's; auto, the default, uses every core for a file of 16 MB or
// more; never more threads than cores: each thread has a heap of its own and
// reads the whole file, so more only cost memory and time, and the user is
// told), --progress (progress on stderr: the file's bytes read, then the
// events replayed, about once a second; the default when stderr is a
// terminal; progressReport.ts).
// On several threads each thread reads the whole file for its own contacts
// and replays them (shardedFileReplay.ts); when a thread declines (a name
// the journey lacks, a contact the timeline does not list, a record the fast
// reader is not sure of) the timeline is read here by packedTimelineFile.ts,
// streamed into columns (no object per event, no location tree unless there
// are errors to locate, then timelineFile.ts reads it), and replayed, split
// by contact over the threads asked for (src/core/simulator/shardedReplay.ts);
// one too big for the heap is refused with the heap it needs (exit 1).
import { statSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { JourneyDiagnostic } from '../core/diagnostic';
import { formatReport, reportJson, SimulationError } from '../core/simulator/index';
import type { SimulationSnapshot } from '../core/simulator/types';
import { replaySharded, type ThreadCount } from '../core/simulator/shardedReplay';
import { eventCount } from '../core/packedTimeline';
import { Instant } from '../core/timeline';
import { validateJourneyText } from '../core/validate';
import type { CommandResult } from './command';
import { readCommandArgs } from './commandArgs';
import { printFindings, readSourceFile, terminalSafe } from './sourceFiles';
import { readTimelineForReplay } from './packedTimelineFile';
import { ProgressReport } from './progressReport';
import { nameFindings, replayFileInShards } from './shardedFileReplay';

const USAGE = 'Usage: journey simulate FILE [--timeline T] [--at TIME] [--json] [--seed N] [--horizon TIME] [--no-trace] [--threads N|auto] [--progress]';

/**
 * Threads when --threads is not given: 'auto', every core for a timeline
 * file of at least SHARDED_READ_MIN_BYTES replayed without a trace, read
 * sharded (shardedFileReplay.ts: each thread reads the file for its own
 * contacts and replays them, nothing handed over); one thread otherwise.
 */
const DEFAULT_THREADS: ThreadCount = 'auto';
/** Below this size a timeline file is read and replayed on one thread with 'auto' (starting a worker costs more than it saves). */
export const SHARDED_READ_MIN_BYTES = 16 * 2 ** 20;

/** The threads that read and replay the timeline file: 1 with a trace (its order is one replay's), 'auto' by the file's size. */
function fileThreads(threads: ThreadCount, trace: boolean, file: string): number {
  if (trace) return 1;
  if (threads !== 'auto') return threads;
  try {
    return statSync(file).size >= SHARDED_READ_MIN_BYTES ? availableParallelism() : 1;
  } catch {
    return 1; // the reader says why it cannot read it
  }
}

interface Args {
  file: string;
  timeline?: string;
  at?: string;
  horizon?: string;
  seed?: number;
  json: boolean;
  trace: boolean;
  threads: ThreadCount;
  progress: boolean;
}

/**
 * An instant as the timeline format writes it, or in the expanded-year form
 * (+010000-01-01T00:00:00Z) the report prints for instants after year 9999
 * (a wait that ends past 9999-12-31): what we print, --at accepts.
 */
function isInstantArg(value: string): boolean {
  if (Instant.safeParse(value).success) return true;
  return /^[+-]\d{6}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value));
}

function parseArgs(args: string[]): Args | string {
  const read = readCommandArgs(args, {
    switches: ['--json', '--no-trace', '--progress'],
    valued: ['--timeline', '--at', '--horizon', '--seed', '--threads'],
    check: (option, value) => {
      if (option === '--threads') return /^(auto|[1-9]\d{0,2})$/.test(value) ? undefined : `--threads must be a number of threads (1 to 999) or auto, not "${value}"`;
      if (option === '--seed') return /^-?\d+$/.test(value) ? undefined : `--seed must be an integer, not "${value}"`;
      if (option === '--at' || option === '--horizon') return isInstantArg(value) ? undefined : `${option} must be an ISO 8601 instant with offset, e.g. 2026-03-01T09:00:00Z, not "${value}"`;
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
  const threads = values.get('--threads');
  return {
    threads: threads === undefined ? DEFAULT_THREADS : threads === 'auto' ? 'auto' : Number(threads),
    file: files[0]!,
    json: switches.has('--json'),
    trace: !switches.has('--no-trace'),
    progress: switches.has('--progress'),
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

/** Where progress lines go: stderr, and whether it is a terminal (then progress is shown without --progress). */
export interface ProgressSink {
  write: (line: string) => void;
  isTerminal: boolean;
}

const STDERR: ProgressSink = { write: (line) => process.stderr.write(`${line}\n`), isTerminal: process.stderr.isTTY === true };

export async function simulateCommand(args: string[], out: (line: string) => void, stderr: ProgressSink = STDERR): Promise<CommandResult> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') return { exitCode: 2, error: `journey simulate: ${parsed}\n${USAGE}` };
  const cores = availableParallelism();
  if (typeof parsed.threads === 'number' && parsed.threads > cores) {
    stderr.write(`journey simulate: --threads ${parsed.threads} is more than the ${cores} core${cores === 1 ? '' : 's'} of this machine: ${cores} thread${cores === 1 ? '' : 's'} (each thread reads the timeline into a heap of its own; more would only cost memory and time)`);
    parsed.threads = cores;
  }
  let timelineFile = parsed.timeline;
  if (timelineFile === undefined) {
    const sibling = parsed.file.replace(/\.journey\.json$/, '.timeline.json');
    if (sibling !== parsed.file && (await exists(sibling))) timelineFile = sibling;
    else return { exitCode: 2, error: `journey simulate: name the timeline with --timeline (no ${sibling === parsed.file ? 'sibling .timeline.json' : sibling} found)\n${USAGE}` };
  }

  const journey = await readSourceFile(parsed.file, out);
  const validation = journey ? validateJourneyText(journey.text) : undefined;
  const journeyErrors = journey && validation ? printErrors(parsed.file, journey.text, validation.diagnostics, out) : 1;
  // Warnings (likely typos of contact data) are printed before a table, not into JSON output.
  const checked = validation?.journey;
  const progress = parsed.progress || stderr.isTerminal ? new ProgressReport({ write: stderr.write }) : undefined;
  const replayOptions = {
    ...(parsed.at !== undefined ? { at: parsed.at } : {}),
    ...(parsed.horizon !== undefined ? { horizon: parsed.horizon } : {}),
    ...(parsed.seed !== undefined ? { seed: parsed.seed } : {}),
    trace: parsed.trace,
  };

  // The names the timeline gives, checked against the journey (with --json, only errors count).
  const nameCheck = { journeyFile: parsed.file, errorsOnly: parsed.json };

  // Several threads: each reads the file for its own contacts and replays them; when one declines, the one-thread read below.
  const threads = fileThreads(parsed.threads, parsed.trace, timelineFile);
  if (threads > 1 && checked && journeyErrors === 0) {
    const sharded = await replayFileInShards(checked, timelineFile, replayOptions, threads, nameCheck, progress && { reading: (bytes, size) => progress.reading(timelineFile, bytes, size), replaying: (done, total) => progress.replaying(done, total) });
    if (sharded.ok) {
      progress?.readSharded(threads);
      report(parsed, timelineFile, checked.name, sharded.contacts, sharded.events, sharded.snapshot, out);
      return { exitCode: 0 };
    }
  }

  const read = await readTimelineForReplay(
    timelineFile,
    out,
    checked && journeyErrors === 0 ? (t) => nameFindings(t, checked, nameCheck) : undefined,
    progress ? (bytes, size) => progress.reading(timelineFile, bytes, size) : undefined,
  );
  if (!read.ok && read.tooBig) return { exitCode: 1, error: `journey simulate: ${read.tooBig}` };
  const timelineErrors = read.ok ? 0 : read.errors;
  const timeline = read.ok ? read.timeline : undefined;
  if (journeyErrors > 0 || timelineErrors > 0 || !validation?.journey || !timeline) {
    const what = [journeyErrors > 0 ? `${parsed.file} has ${journeyErrors} error${journeyErrors === 1 ? '' : 's'}` : '', timelineErrors > 0 ? `${timelineFile} has ${timelineErrors} error${timelineErrors === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ');
    return { exitCode: 1, error: `journey simulate: ${what || 'the input is not valid'}; nothing was simulated.` };
  }

  let result;
  let fellBack: string | undefined;
  try {
    // Asked for threads and the sharded read declined: the timeline read here is split by contact instead (with auto, one thread).
    const replayThreads = parsed.threads === 'auto' ? 1 : threads;
    const options = {
      ...replayOptions,
      // One thread only: the threads of a sharded replay are not told (a function cannot be sent to them).
      ...(progress && replayThreads === 1 ? { onProgress: (done: number, total: number) => progress.replaying(done, total) } : {}),
    };
    const sharded = await replaySharded(validation.journey, timeline, options, { threads: replayThreads });
    result = sharded.snapshot;
    // Asked for threads and replayed on one after all (the worker could not start): the result is the same, the user is told.
    if (sharded.report.fallback !== undefined) fellBack = `journey simulate: replayed on one thread (${sharded.report.fallback})`;
  } catch (error) {
    if (error instanceof SimulationError) return { exitCode: 1, error: `journey simulate: ${error.message}` };
    throw error;
  }

  report(parsed, timelineFile, validation.journey.name, timeline.contacts.length, eventCount(timeline), result, out);
  return { exitCode: 0, ...(fellBack !== undefined ? { error: fellBack } : {}) };
}

/** Prints the replay's stats, as a table or JSON. */
function report(parsed: Args, timelineFile: string, journeyName: string, contacts: number, events: number, result: SimulationSnapshot, out: (line: string) => void): void {
  if (parsed.json) {
    out(JSON.stringify({ journey: parsed.file, timeline: timelineFile, ...(reportJson(result) as object) }, null, 2));
    return;
  }
  out(`Journey ${terminalSafe(journeyName)} (${parsed.file}), timeline ${timelineFile}: ${contacts} contact${contacts === 1 ? '' : 's'}, ${events} event${events === 1 ? '' : 's'}`);
  for (const line of formatReport(result, { trace: parsed.trace })) out(line);
}
