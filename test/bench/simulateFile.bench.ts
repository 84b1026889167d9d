// `journey simulate` from a timeline file, as a user runs it (#16): writes
// the benchmark journey and the same generated timeline as bench:simulate
// (N contacts, ~5 events each) in both file formats, .timeline.json and
// .timeline.ndjson, runs the built CLI on each in a child process under a
// 1 GB heap (`--max-old-space-size=1024`) and prints its wall time from
// start to stats printed, contact events per second and peak resident memory
// (/usr/bin/time's maximum RSS, the whole process). On the same run, each in
// its own process, what the figure is made of and the machine's yardsticks:
// - the CLI's own steps timed one by one (test/bench/simulate/filePhases.ts):
//   reading the file into columns, then the replay; and the least any reader
//   does, the file's bytes read and each looked at once in a JavaScript loop;
// - the raw JSON.parse rate on the same bytes (every record parsed, a few
//   megabytes of lines at a time: the file is longer than V8's longest
//   string, so it cannot be parsed as one);
// - the in-memory replay of the same timeline object and a bare Map lookup of
//   every event's contact id (test/bench/simulate/measure.ts).
// Goals: peak RSS ≤ 1 GB and ≥ 1M contact events/s end to end, each format;
// exits 1 while one is missed, after saying which part of the time is over
// its share and how far the machine's floor (byte scan + replay) is from the
// goal. The machine may be loaded: compare the ratios of one run.
// Settings (environment): BENCH_FILE_CONTACTS (1000000).
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { benchJourney } from './simulate/benchJourney';
import { benchTimeline } from './simulate/benchTimeline';
import type { FilePhases } from './simulate/filePhases';
import type { Measurement } from './simulate/measure';
import type { Contact, ContactEvent } from '../../src/core/timeline';

const CONTACTS = Number(process.env['BENCH_FILE_CONTACTS'] ?? 1_000_000);
const GOAL_RATE = 1_000_000;
const GOAL_RSS_MB = 1024;
const CHILD_TIMEOUT_MS = 10 * 60_000;

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const perSecond = (r: number) => (r >= 1e6 ? `${(r / 1e6).toFixed(2)}M/s` : `${(r / 1e3).toFixed(1)}k/s`);

/** Writes the timeline in both formats, a few thousand records per write (the whole text is never one string). */
function writeTimelineFiles(jsonFile: string, ndjsonFile: string): { events: number; jsonBytes: number; ndjsonBytes: number } {
  const timeline = benchTimeline(CONTACTS);
  const inChunks = <T>(fd: number, items: readonly T[], each: (x: T) => string, separator: string) => {
    for (let i = 0; i < items.length; i += 4096) {
      const chunk = items.slice(i, i + 4096).map(each).join(separator);
      writeSync(fd, (i > 0 ? separator : '') + chunk);
    }
  };
  const json = openSync(jsonFile, 'w');
  try {
    writeSync(json, `{"formatVersion":${JSON.stringify(timeline.formatVersion)},"start":${JSON.stringify(timeline.start)},"contacts":[\n`);
    inChunks(json, timeline.contacts, (c) => JSON.stringify(c), ',\n');
    writeSync(json, '\n],"events":[\n');
    inChunks(json, timeline.events, (e) => JSON.stringify(e), ',\n');
    writeSync(json, '\n]}\n');
  } finally {
    closeSync(json);
  }
  const ndjson = openSync(ndjsonFile, 'w');
  try {
    writeSync(ndjson, `${JSON.stringify({ formatVersion: timeline.formatVersion, start: timeline.start })}\n`);
    inChunks(ndjson, timeline.contacts, (contact: Contact) => JSON.stringify({ contact }), '\n');
    writeSync(ndjson, '\n');
    inChunks(ndjson, timeline.events, (event: ContactEvent) => JSON.stringify({ event }), '\n');
    writeSync(ndjson, '\n');
  } finally {
    closeSync(ndjson);
  }
  return { events: timeline.events.length, jsonBytes: statSync(jsonFile).size, ndjsonBytes: statSync(ndjsonFile).size };
}

interface Timed {
  wallMs: number;
  peakRssMB: number;
  stdout: string;
}

/** Runs node with args under /usr/bin/time: wall time and the child's peak RSS. */
function timedNode(args: string[], what: string): Timed {
  const child = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', process.execPath, ...args], { encoding: 'utf8', timeout: CHILD_TIMEOUT_MS, maxBuffer: 256 * 1024 * 1024 });
  const line = /TIME ([\d.]+) (\d+)/.exec(child.stderr ?? '');
  if (child.status !== 0 || !line) {
    console.error(`\nFAILED: ${what} did not finish (${child.signal ?? `exit ${child.status}`}):\n${(child.stderr ?? '').slice(-2000)}`);
    process.exit(1);
  }
  return { wallMs: Number(line[1]) * 1000, peakRssMB: Number(line[2]) / 1024, stdout: child.stdout };
}

const bundle = (entry: string, outfile: string) => buildSync({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'], logLevel: 'warning' });

function resultLine<T>(stdout: string): T | undefined {
  const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
  return line ? (JSON.parse(line.slice(7)) as T) : undefined;
}

interface FormatRun {
  format: string;
  cli: Timed;
  phases: FilePhases;
}

function main(): void {
  console.log(`journey simulate from a file: Node ${process.version}, ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const dir = mkdtempSync(join(tmpdir(), 'journey-file-bench-'));
  try {
    const cli = join(dir, 'cli.js');
    bundle(join(__dirname, '..', '..', 'src', 'cli', 'main.ts'), cli);
    const measureScript = join(dir, 'measure.js');
    bundle(join(__dirname, 'simulate', 'measure.ts'), measureScript);
    const phasesScript = join(dir, 'filePhases.js');
    bundle(join(__dirname, 'simulate', 'filePhases.ts'), phasesScript);
    const journeyFile = join(dir, 'bench.journey.json');
    writeFileSync(journeyFile, JSON.stringify(benchJourney(), null, 2));
    const jsonFile = join(dir, 'bench.timeline.json');
    const ndjsonFile = join(dir, 'bench.timeline.ndjson');
    const { events, jsonBytes, ndjsonBytes } = writeTimelineFiles(jsonFile, ndjsonFile);
    console.log(`timeline files: ${n(CONTACTS)} contacts, ${n(events)} events; .timeline.json ${n(jsonBytes / 2 ** 20)} MB, .timeline.ndjson ${n(ndjsonBytes / 2 ** 20)} MB`);

    const runs: FormatRun[] = [];
    for (const [format, file] of [['.timeline.json', jsonFile], ['.timeline.ndjson', ndjsonFile]] as const) {
      const run = timedNode(['--max-old-space-size=1024', cli, 'simulate', journeyFile, '--timeline', file, '--no-trace'], `journey simulate (${format})`);
      if (!new RegExp(`${CONTACTS} contacts, ${events} events`).test(run.stdout) || !/^Stats: /m.test(run.stdout)) {
        console.error(`\nFAILED: the CLI printed no stats for ${format}:\n${run.stdout.slice(0, 2000)}`);
        process.exit(1);
      }
      const phasesRun = timedNode(['--max-old-space-size=1024', phasesScript, journeyFile, file], `the steps of journey simulate (${format})`);
      const phases = resultLine<FilePhases>(phasesRun.stdout);
      if (!phases) {
        console.error(`\nFAILED: no timings of the steps (${format})`);
        process.exit(1);
      }
      runs.push({ format, cli: run, phases });
    }
    const memory = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', measureScript, 'ours', String(CONTACTS), '1'], { encoding: 'utf8', timeout: CHILD_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
    const inMemory = resultLine<Measurement>(memory.stdout ?? '');

    const budgetMs = (events / GOAL_RATE) * 1000;
    console.log(`\nresults (same run):`);
    let missed = false;
    for (const { format, cli: run, phases } of runs) {
      const rate = events / (run.wallMs / 1000);
      const rest = Math.max(0, run.wallMs - phases.readMs - phases.replayMs);
      console.log(`  journey simulate ${format} (child process, 1 GB heap): wall ${s(run.wallMs)} (process start to stats printed)  ${perSecond(rate)} contact events  peak RSS ${n(run.peakRssMB)} MB`);
      console.log(`    its steps (own process): read into columns ${s(phases.readMs)} (${perSecond(events / (phases.readMs / 1000))}, ${phases.packed ? 'packed' : 'NOT packed: the exact reader'}), replay ${s(phases.replayMs)} (${perSecond(events / (phases.replayMs / 1000))}), the rest (Node start, journey, printing: the CLI's wall less the steps timed in their own process, noisy under load) about ${s(rest)}`);
      console.log(`    yardstick: JSON.parse of every record of the same file, a few MB of lines at a time (no replay, no columns): ${s(phases.jsonParseMs)} (${perSecond(events / (phases.jsonParseMs / 1000))} events); read into columns is ${(phases.readMs / phases.jsonParseMs).toFixed(2)}× that`);
      console.log(`    floor, for scale: the file's bytes read and each looked at once in JS ${s(phases.scanMs)} (${n(((format === '.timeline.json' ? jsonBytes : ndjsonBytes) / 2 ** 20) / (phases.scanMs / 1000))} MB/s); read into columns is ${(phases.readMs / phases.scanMs).toFixed(1)}× that`);
      const rateMet = rate >= GOAL_RATE;
      const rssMet = run.peakRssMB <= GOAL_RSS_MB;
      console.log(`    goal ≥ ${perSecond(GOAL_RATE)} end to end: ${rateMet ? 'met' : 'NOT met'} (${perSecond(rate)}); goal peak RSS ≤ ${GOAL_RSS_MB} MB: ${rssMet ? 'met' : 'NOT met'} (${n(run.peakRssMB)} MB)`);
      if (!rateMet) {
        const floorMs = phases.scanMs + phases.replayMs + rest;
        console.log(
          `    what stops it: the goal allows ${s(budgetMs)} for ${n(events)} events; this machine's floor on this run is ${s(floorMs)} (byte scan ${s(phases.scanMs)} + replay ${s(phases.replayMs)} + the rest ${s(rest)}), ` +
            `${floorMs > budgetMs ? `already ${(floorMs / budgetMs).toFixed(2)}× the budget: the machine (its load) is the limit` : `${(floorMs / budgetMs).toFixed(2)}× the budget`}; reading is ${s(phases.readMs - phases.scanMs)} over the byte scan, the replay ${(phases.replayMs / budgetMs * 100).toFixed(0)}% of the budget`,
        );
      }
      if (!rateMet || !rssMet) missed = true;
    }
    if (inMemory) {
      console.log(`  in-memory replay of the same timeline object:     wall ${s(inMemory.wallMs)} (prepare ${s(inMemory.prepareMs ?? 0)} + replay ${s(inMemory.replayMs ?? 0)})  ${perSecond(events / (inMemory.wallMs / 1000))} contact events  peak RSS ${n(inMemory.peakRssMB)} MB`);
      if (inMemory.mapLookupMs !== undefined) console.log(`  a bare Map of the ${n(CONTACTS)} contact ids and one lookup of each event's contact, nothing else: ${s(inMemory.mapLookupMs)} (${perSecond(events / (inMemory.mapLookupMs / 1000))})`);
      console.log(`  ratio file (.timeline.json) / in-memory: ${(runs[0]!.cli.wallMs / inMemory.wallMs).toFixed(2)}× the time`);
    } else console.log(`  in-memory replay: did not finish (${memory.signal ?? `exit ${memory.status}`})`);
    console.log(`load average now ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
    if (missed) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
