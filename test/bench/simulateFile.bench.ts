// `journey simulate` from a timeline file, as a user runs it (#16): writes
// the benchmark journey and the same generated timeline as bench:simulate
// (N contacts, ~5 events each) in both file formats, .timeline.json and
// .timeline.ndjson, runs the built CLI on each in a child process under a
// 1 GB heap (`--max-old-space-size=1024`), as it runs by default (on every
// core: each thread reads the file for its own contacts and replays them,
// src/cli/shardedFileReplay.ts) and, as the peer, with `--threads 1`, each
// three times taking turns (this machine's speed drifts by a fifth within
// minutes), and prints the median wall time from start to stats printed,
// contact events per second and the highest peak resident memory
// (/usr/bin/time's maximum RSS, the whole process). On the same run, each in its own process, what the figure is
// made of and the machine's yardsticks:
// - the CLI's own steps timed one by one (test/bench/simulate/filePhases.ts),
//   each way cold in a process of its own as the CLI runs: on one thread,
//   reading the file into columns, then the replay; on every core, each
//   thread's read of the file for its own contacts and its replay; and the
//   least any reader does, the file's bytes read and each looked at once in a
//   JavaScript loop;
// - the raw JSON.parse rate on the same bytes (every record parsed, a few
//   megabytes of lines at a time: the file is longer than V8's longest
//   string, so it cannot be parsed as one);
// - the in-memory replay of the same timeline object and a bare Map lookup of
//   every event's contact id (test/bench/simulate/measure.ts).
// Goals: peak RSS ≤ 1 GB and ≥ 1M contact events/s end to end, each format
// (as the CLI runs by default); exits 1 while one is missed, after saying
// which part of the time is over its share, how far the machine's floor
// (each thread: a byte scan of the file + its replay) is from the goal, and
// how far an even split of one thread's read and replay would be. The
// machine may be loaded: compare the ratios of one run.
// Settings (environment): BENCH_FILE_CONTACTS (1000000), BENCH_FILE_RUNS (3:
// each CLI run that many times, taking turns; the median wall is quoted).
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { benchJourney } from './simulate/benchJourney';
import { benchTimeline } from './simulate/benchTimeline';
import type { EveryCorePhases, FilePhases } from './simulate/filePhases';
import type { Measurement } from './simulate/measure';
import type { Contact, ContactEvent } from '../../src/core/timeline';

const CONTACTS = Number(process.env['BENCH_FILE_CONTACTS'] ?? 1_000_000);
const GOAL_RATE = 1_000_000;
const GOAL_RSS_MB = 1024;
const CHILD_TIMEOUT_MS = 10 * 60_000;
/** Runs of the CLI each way, per format (BENCH_FILE_RUNS). */
const RUNS = Math.max(1, Number(process.env['BENCH_FILE_RUNS'] ?? 3));

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
  stderr: string;
}

/** Of runs of the same command: the median wall time (its output), with the highest peak RSS of them all. */
function medianRun(runs: Timed[]): Timed & { walls: number[] } {
  const walls = runs.map((r) => r.wallMs).sort((a, b) => a - b);
  const median = runs.find((r) => r.wallMs === walls[Math.floor((walls.length - 1) / 2)])!;
  return { ...median, peakRssMB: Math.max(...runs.map((r) => r.peakRssMB)), walls };
}

/** Runs node with args under /usr/bin/time: wall time and the child's peak RSS. */
function timedNode(args: string[], what: string): Timed {
  const child = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', process.execPath, ...args], { encoding: 'utf8', timeout: CHILD_TIMEOUT_MS, maxBuffer: 256 * 1024 * 1024 });
  const line = /TIME ([\d.]+) (\d+)/.exec(child.stderr ?? '');
  if (child.status !== 0 || !line) {
    console.error(`\nFAILED: ${what} did not finish (${child.signal ?? `exit ${child.status}`}):\n${(child.stderr ?? '').slice(-2000)}`);
    process.exit(1);
  }
  return { wallMs: Number(line[1]) * 1000, peakRssMB: Number(line[2]) / 1024, stdout: child.stdout, stderr: child.stderr };
}

const bundle = (entry: string, outfile: string) => buildSync({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'], logLevel: 'warning' });

function resultLine<T>(stdout: string): T | undefined {
  const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
  return line ? (JSON.parse(line.slice(7)) as T) : undefined;
}

interface FormatRun {
  format: string;
  /** As the CLI runs by default (every core), and on one thread (--threads 1). */
  cli: Timed & { walls: number[] };
  oneThread: Timed & { walls: number[] };
  phases: FilePhases & EveryCorePhases;
}

function main(): void {
  console.log(`journey simulate from a file: Node ${process.version}, ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const dir = mkdtempSync(join(tmpdir(), 'journey-file-bench-'));
  try {
    const cli = join(dir, 'cli.js');
    bundle(join(__dirname, '..', '..', 'src', 'cli', 'main.ts'), cli);
    // The CLI's worker, beside it (as dist/fileShardWorker.js is beside dist/cli.js); filePhases.js finds it there too.
    bundle(join(__dirname, '..', '..', 'src', 'cli', 'fileShardWorker.ts'), join(dir, 'fileShardWorker.js'));
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
      const simulateArgs = ['--max-old-space-size=1024', cli, 'simulate', journeyFile, '--timeline', file, '--no-trace'];
      // Each RUNS times, taking turns (the machine's load changes over a run): the median wall, the highest peak RSS.
      const defaults: Timed[] = [];
      const ones: Timed[] = [];
      for (let k = 0; k < RUNS; k++) {
        defaults.push(timedNode([...simulateArgs, '--progress'], `journey simulate (${format})`));
        ones.push(timedNode([...simulateArgs, '--threads', '1'], `journey simulate --threads 1 (${format})`));
      }
      const run = medianRun(defaults);
      const oneThread = medianRun(ones);
      for (const [r, what] of [...defaults.map((d) => [d, 'by default'] as const), ...ones.map((o) => [o, 'with --threads 1'] as const)]) {
        if (!new RegExp(`${CONTACTS} contacts, ${events} events`).test(r.stdout) || !/^Stats: /m.test(r.stdout)) {
          console.error(`\nFAILED: the CLI printed no stats for ${format} ${what}:\n${r.stdout.slice(0, 2000)}`);
          process.exit(1);
        }
      }
      if (defaults.some((d) => d.stdout !== oneThread.stdout) || ones.some((o) => o.stdout !== oneThread.stdout)) {
        console.error(`\nFAILED: on every core the CLI printed something else than on one thread (${format})`);
        process.exit(1);
      }
      if (cpus().length > 1 && defaults.some((d) => !/read and replayed on \d+ threads/.test(d.stderr))) {
        console.error(`\nFAILED: the CLI did not read ${format} on every core:\n${run.stderr.slice(-2000)}`);
        process.exit(1);
      }
      // Each part cold in its own process, as the CLI runs: a second read in one process runs code the first has optimised.
      const part = <T>(name: 'one-thread' | 'every-core'): T => {
        const phasesRun = timedNode(['--max-old-space-size=1024', phasesScript, journeyFile, file, name], `the steps of journey simulate (${format}, ${name})`);
        const result = resultLine<T>(phasesRun.stdout);
        if (!result) {
          console.error(`\nFAILED: no timings of the steps (${format}, ${name})`);
          process.exit(1);
        }
        return result;
      };
      const one = part<FilePhases>('one-thread');
      const everyCore = part<EveryCorePhases>('every-core');
      if (everyCore.started !== one.started) {
        console.error(`\nFAILED: the sharded replay started ${everyCore.started} contacts, one thread ${one.started} (${format})`);
        process.exit(1);
      }
      const phases = { ...one, ...everyCore };
      runs.push({ format, cli: run, oneThread, phases });
    }
    const memory = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', measureScript, 'ours', String(CONTACTS), '1'], { encoding: 'utf8', timeout: CHILD_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
    const inMemory = resultLine<Measurement>(memory.stdout ?? '');

    const budgetMs = (events / GOAL_RATE) * 1000;
    console.log(`\nresults (same run):`);
    let missed = false;
    for (const { format, cli: run, oneThread, phases } of runs) {
      const rate = events / (run.wallMs / 1000);
      const { sharded } = phases;
      const slowestRead = Math.max(...sharded.readMs);
      const slowestReplay = Math.max(...sharded.replayMs);
      const rest = Math.max(0, run.wallMs - phases.shardedMs);
      const oneRest = Math.max(0, oneThread.wallMs - phases.readMs - phases.replayMs);
      const walls = (t: { walls: number[] }) => (t.walls.length > 1 ? ` (median of ${t.walls.map(s).join(', ')})` : '');
      console.log(`  journey simulate ${format} (child process, 1 GB heap), by default on ${sharded.threads} threads: wall ${s(run.wallMs)}${walls(run)} (process start to stats printed)  ${perSecond(rate)} contact events  peak RSS ${n(run.peakRssMB)} MB (the highest)`);
      console.log(`    peer, the same on one thread (--threads 1): wall ${s(oneThread.wallMs)}${walls(oneThread)}  ${perSecond(events / (oneThread.wallMs / 1000))}  peak RSS ${n(oneThread.peakRssMB)} MB; ${sharded.threads} threads take ${(run.wallMs / oneThread.wallMs).toFixed(2)}× its time`);
      console.log(
        `    its steps on ${sharded.threads} threads (own process, ${s(phases.shardedMs)} in all): ` +
          sharded.readMs.map((r, k) => `thread ${k} reads the whole file for its own contacts and prepares them ${s(r)}, replays them ${s(sharded.replayMs[k] ?? 0)}`).join('; ') +
          `; merge ${s(sharded.mergeMs)}; the rest (Node start, journey, printing: the CLI's wall less those steps' wall) about ${s(rest)}`,
      );
      console.log(`    its steps on one thread (own process): read into columns ${s(phases.readMs)} (${perSecond(events / (phases.readMs / 1000))}, ${phases.packed ? 'packed' : 'NOT packed: the exact reader'}), replay ${s(phases.replayMs)} (${perSecond(events / (phases.replayMs / 1000))}), the rest about ${s(oneRest)}`);
      console.log(`    yardstick: JSON.parse of every record of the same file, a few MB of lines at a time (no replay, no columns): ${s(phases.jsonParseMs)} (${perSecond(events / (phases.jsonParseMs / 1000))} events); read into columns on one thread is ${(phases.readMs / phases.jsonParseMs).toFixed(2)}× that`);
      console.log(`    floor, for scale: the file's bytes read and each looked at once in JS ${s(phases.scanMs)} (${n(((format === '.timeline.json' ? jsonBytes : ndjsonBytes) / 2 ** 20) / (phases.scanMs / 1000))} MB/s); each thread's read is ${(slowestRead / phases.scanMs).toFixed(1)}× that`);
      const rateMet = rate >= GOAL_RATE;
      const rssMet = run.peakRssMB <= GOAL_RSS_MB;
      console.log(`    goal ≥ ${perSecond(GOAL_RATE)} end to end: ${rateMet ? 'met' : 'NOT met'} (${perSecond(rate)}); goal peak RSS ≤ ${GOAL_RSS_MB} MB: ${rssMet ? 'met' : 'NOT met'} (${n(run.peakRssMB)} MB)`);
      if (!rateMet) {
        const floorMs = phases.scanMs + slowestReplay + rest;
        console.log(
          `    what stops it: the goal allows ${s(budgetMs)} for ${n(events)} events; the floor of this way on this run is ${s(floorMs)} (each thread looks at every byte: byte scan ${s(phases.scanMs)}, + the slowest thread's replay ${s(slowestReplay)} + the rest ${s(rest)}), ` +
            `${floorMs > budgetMs ? `already ${(floorMs / budgetMs).toFixed(2)}× the budget: the machine (its load) is the limit` : `${(floorMs / budgetMs).toFixed(2)}× the budget, so not the machine's limit`}; ` +
            `the slowest thread's read is ${s(slowestRead - phases.scanMs)} over the byte scan (its half of the contacts parsed into objects and of the events into columns; the other half stepped over), its replay ${((slowestReplay / budgetMs) * 100).toFixed(0)}% of the budget`,
        );
        // The best any split of today's read and replay could do: the one-thread work of this run, shared out evenly with nothing done twice.
        const oneThreadWorkMs = phases.readMs + phases.replayMs;
        const evenSplitMs = oneThreadWorkMs / sharded.threads + rest;
        const efficiency = oneThreadWorkMs / (sharded.threads * phases.shardedMs);
        console.log(
          `    how close a better split gets: one thread's read and replay on this run (${s(oneThreadWorkMs)}) shared evenly by ${sharded.threads} threads with nothing done twice, + the rest: ${s(evenSplitMs)}, ` +
            `${(evenSplitMs / budgetMs).toFixed(2)}× the budget (${evenSplitMs <= budgetMs ? 'within it: the split is what misses the goal' : 'over it: the read or the replay itself must get faster'}); ` +
            `today's split keeps the threads ${(efficiency * 100).toFixed(0)}% as busy with that work as an even split (each thread steps over the other's records, and two threads at once run slower than one alone)`,
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
