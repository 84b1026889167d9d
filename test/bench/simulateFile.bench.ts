// `journey simulate` from a timeline file, as a user runs it (#16): writes
// the benchmark journey and a timeline file of N contacts (the same
// generated timeline as bench:simulate, ~5 events each, as JSON), runs the
// built CLI in a child process under a 1 GB heap (`--max-old-space-size=1024`)
// and prints its wall time from start to stats printed, contact events per
// second and peak resident memory (/usr/bin/time's maximum RSS, the whole
// process). On the same run, for scale: the in-memory replay of the same
// timeline object (test/bench/simulate/measure.ts, its own process) and a
// bare `JSON.parse` of the same file read as one string (the machine's raw
// JSON rate, which our reader has to beat by not building objects).
// Goals: peak RSS ≤ 1 GB and ≥ 1M contact events/s end to end; exits 1 when
// one is missed. The machine may be loaded: compare the ratios of one run.
// Settings (environment): BENCH_FILE_CONTACTS (1000000).
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { benchJourney } from './simulate/benchJourney';
import { benchTimeline } from './simulate/benchTimeline';
import type { Measurement } from './simulate/measure';

const CONTACTS = Number(process.env['BENCH_FILE_CONTACTS'] ?? 1_000_000);
const GOAL_RATE = 1_000_000;
const GOAL_RSS_MB = 1024;
const CHILD_TIMEOUT_MS = 10 * 60_000;

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const perSecond = (r: number) => (r >= 1e6 ? `${(r / 1e6).toFixed(2)}M/s` : `${(r / 1e3).toFixed(1)}k/s`);

/** Writes the timeline as the format stores it, a few thousand events per write (the whole text is never one string). */
function writeTimelineFile(file: string): { events: number; bytes: number } {
  const timeline = benchTimeline(CONTACTS);
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, `{"formatVersion":${JSON.stringify(timeline.formatVersion)},"start":${JSON.stringify(timeline.start)},"contacts":[\n`);
    const list = <T>(items: readonly T[]) => {
      for (let i = 0; i < items.length; i += 4096) {
        const chunk = items.slice(i, i + 4096).map((x) => JSON.stringify(x)).join(',\n');
        writeSync(fd, (i > 0 ? ',\n' : '') + chunk);
      }
    };
    list(timeline.contacts);
    writeSync(fd, '\n],"events":[\n');
    list(timeline.events);
    writeSync(fd, '\n]}\n');
  } finally {
    closeSync(fd);
  }
  return { events: timeline.events.length, bytes: statSync(file).size };
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

function main(): void {
  console.log(`journey simulate from a file: Node ${process.version}, ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const dir = mkdtempSync(join(tmpdir(), 'journey-file-bench-'));
  try {
    const cli = join(dir, 'cli.js');
    buildSync({ entryPoints: [join(__dirname, '..', '..', 'src', 'cli', 'main.ts')], outfile: cli, bundle: true, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'], logLevel: 'warning' });
    const measureScript = join(dir, 'measure.js');
    buildSync({ entryPoints: [join(__dirname, 'simulate', 'measure.ts')], outfile: measureScript, bundle: true, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'], logLevel: 'warning' });
    const journeyFile = join(dir, 'bench.journey.json');
    writeFileSync(journeyFile, JSON.stringify(benchJourney(), null, 2));
    const timelineFile = join(dir, 'bench.timeline.json');
    const { events, bytes } = writeTimelineFile(timelineFile);
    console.log(`timeline file: ${n(CONTACTS)} contacts, ${n(events)} events, ${n(bytes / 2 ** 20)} MB`);

    const cliRun = timedNode(['--max-old-space-size=1024', cli, 'simulate', journeyFile, '--timeline', timelineFile, '--no-trace'], 'journey simulate');
    if (!new RegExp(`${CONTACTS} contacts, ${events} events`).test(cliRun.stdout) || !/^Stats: /m.test(cliRun.stdout)) {
      console.error(`\nFAILED: the CLI printed no stats:\n${cliRun.stdout.slice(0, 2000)}`);
      process.exit(1);
    }
    const parse = timedNode(['--max-old-space-size=8192', '-e', `const t=Date.now();const v=JSON.parse(require('fs').readFileSync(${JSON.stringify(timelineFile)},'utf8'));console.log('PARSE',Date.now()-t,v.events.length)`], 'JSON.parse of the file');
    const parseMs = Number(/PARSE (\d+)/.exec(parse.stdout)?.[1]);
    const memory = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', measureScript, 'ours', String(CONTACTS), '1'], { encoding: 'utf8', timeout: CHILD_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
    const line = memory.stdout?.split('\n').find((l) => l.startsWith('RESULT '));
    const inMemory = line ? (JSON.parse(line.slice(7)) as Measurement) : undefined;

    const rate = events / (cliRun.wallMs / 1000);
    console.log(`\nresults (same run):`);
    console.log(`  journey simulate FILE (child process, 1 GB heap): wall ${s(cliRun.wallMs)} (process start to stats printed)  ${perSecond(rate)} contact events  peak RSS ${n(cliRun.peakRssMB)} MB`);
    if (inMemory) console.log(`  in-memory replay of the same timeline object:     wall ${s(inMemory.wallMs)} (prepare ${s(inMemory.prepareMs ?? 0)} + replay ${s(inMemory.replayMs ?? 0)})  ${perSecond(events / (inMemory.wallMs / 1000))} contact events  peak RSS ${n(inMemory.peakRssMB)} MB`);
    else console.log(`  in-memory replay: did not finish (${memory.signal ?? `exit ${memory.status}`})`);
    console.log(`  JSON.parse of the file as one string (no replay): ${s(parseMs)} parse alone (${perSecond(events / (parseMs / 1000))} events), process ${s(parse.wallMs)}, peak RSS ${n(parse.peakRssMB)} MB`);
    if (inMemory) console.log(`  ratio file / in-memory: ${(cliRun.wallMs / inMemory.wallMs).toFixed(2)}× the time`);
    const rateMet = rate >= GOAL_RATE;
    const rssMet = cliRun.peakRssMB <= GOAL_RSS_MB;
    console.log(`goal ≥ ${perSecond(GOAL_RATE)} end to end: ${rateMet ? 'met' : 'NOT met'} (${perSecond(rate)}); goal peak RSS ≤ ${GOAL_RSS_MB} MB: ${rssMet ? 'met' : 'NOT met'} (${n(cliRun.peakRssMB)} MB)`);
    console.log(`load average now ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
    if (!rateMet || !rssMet) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
