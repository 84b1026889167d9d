// Compare benchmark (`npm run bench:compare`, part of `npm run bench`): the
// simulator benchmark's 20-point journey (A) and a version B whose first
// timed wait is shortened to one hour, on its generated timeline of a
// million contacts (BENCH_CONTACTS). On the same run, best of BENCH_RUNS
// (1) each, after a warm-up:
//   - one simulation of A with the trace (each contact's path: what
//     `journey simulate` records by default, and what a comparison needs);
//   - one simulation of A without the trace (counts only), for scale;
//   - the comparison of A with B (both replayed with the trace, a slice of
//     contacts at a time, and compared contact by contact).
// Prints both ratios; the goal is compare ≤ 2.5× one simulation with the
// trace. Exits 1 when it is missed or the comparison finds no changed
// contact (B must change some).
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { compareVersions } from '../../src/core/compare/index';
import type { Journey } from '../../src/core/schema';
import { simulate } from '../../src/core/simulator/index';
import { benchJourney } from './simulate/benchJourney';
import { benchTimeline } from './simulate/benchTimeline';

const CONTACTS = Number(process.env['BENCH_CONTACTS'] ?? 1_000_000);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 1);
const GOAL = 2.5;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const n = (x: number) => Math.round(x).toLocaleString('en-US');
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function versionB(a: Journey): Journey {
  const b = structuredClone(a);
  const wait = b.points.find((p) => p.type === 'wait');
  if (!wait || wait.type !== 'wait') throw new Error('the benchmark journey has no wait point');
  wait.duration = 'PT1H';
  return b;
}

function best<T>(label: string, run: () => T): { ms: number; result: T } {
  let fastest = Infinity;
  let result: T | undefined;
  for (let i = 0; i < RUNS; i++) {
    gc();
    const t0 = performance.now();
    result = run();
    const ms = performance.now() - t0;
    fastest = Math.min(fastest, ms);
    console.log(`  ${label.padEnd(30)} run ${i + 1}: ${s(ms)}`);
  }
  return { ms: fastest, result: result! };
}

function main(): void {
  console.log(`compare benchmark: Node ${process.version}, ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const a = benchJourney();
  const b = versionB(a);
  const timeline = benchTimeline(CONTACTS);
  console.log(`journey: ${a.points.length} points; B: its first wait shortened to 1 hour; timeline: ${n(CONTACTS)} contacts, ${n(timeline.events.length)} events`);
  const warm = benchTimeline(10_000, 11);
  for (let i = 0; i < 2; i++) {
    simulate(a, warm, { trace: true });
    simulate(a, warm, { trace: false });
    compareVersions(a, b, warm);
  }
  const traced = best('simulation of A, with trace', () => simulate(a, timeline, { trace: true }).stats.started);
  const untraced = best('simulation of A, no trace', () => simulate(a, timeline, { trace: false }).stats.started);
  const compared = best('compare A with B', () => compareVersions(a, b, timeline));
  const c = compared.result;
  console.log(`comparison: ${n(c.changedContacts.length)} contacts changed (${n(c.pathChanged)} paths), ${c.slices} slices; started ${n(c.statsA.started)} in both: ${c.statsA.started === traced.result}`);
  const ratio = compared.ms / traced.ms;
  console.log(`ratio compare / one simulation with trace: ${ratio.toFixed(2)}× (goal ≤ ${GOAL}×: ${ratio <= GOAL ? 'met' : 'NOT met'})`);
  console.log(`ratio compare / one simulation without trace (counts only, for scale): ${(compared.ms / untraced.ms).toFixed(2)}×`);
  console.log(`load average now ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  if (ratio > GOAL || c.changedContacts.length === 0 || c.statsA.started !== traced.result) process.exit(1);
}

// `npm run bench` runs every bench with the default heap: the traced simulation of a million contacts needs more, so rerun with it.
if (getHeapStatistics().heap_size_limit < 8 * 2 ** 30 && !process.env['COMPARE_BENCH_CHILD']) {
  const child = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=12288', '--import', 'tsx', __filename], { stdio: 'inherit', env: { ...process.env, COMPARE_BENCH_CHILD: '1' } });
  process.exit(child.status ?? 1);
} else main();
