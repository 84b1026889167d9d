// One measurement of the simulator benchmark, run in its own Node process
// so that its memory peak is its own: generates the benchmark journey and
// a timeline of N contacts, warms the engine up on a small timeline, then
// replays the whole timeline once with our simulator (trace off) or with
// the XState actors, and prints one `RESULT {json}` line: events, wall and
// CPU time, time spent in garbage collection, resident memory before and
// at the peak of the replay, and the outcome counts. For ours it also
// times, for scale, looking up every event's contact id in a Map and
// nothing else (finding each event's contact is the least a replay does).
// 'sharded' is ours on BENCH_THREADS threads (default: every core), the
// contacts split over worker threads (src/core/simulator/shardedReplay.ts),
// with where its time went (split, copying to the workers, each thread's
// prepare and replay, waiting, merging).
// Usage: node --expose-gc --import tsx measure.ts ours|sharded|xstate <contacts>
import { readFileSync, writeFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import { availableParallelism } from 'node:os';
import { createSimulation } from '../../../src/core/simulator/index';
import { replaySharded, type ShardedReplayReport } from '../../../src/core/simulator/shardedReplay';
import { type PackedTimeline, packTimeline } from '../../../src/core/packedTimeline';
import type { Timeline } from '../../../src/core/timeline';
import { benchJourney } from './benchJourney';
import { benchTimeline } from './benchTimeline';
import { type Outcomes, outcomesOfSnapshot } from './outcomes';
import { replayWithXState } from './xstateJourney';

export type Engine = 'ours' | 'packed' | 'sharded' | 'xstate';

/** Threads of the sharded replay. */
const THREADS = Number(process.env['BENCH_THREADS'] ?? availableParallelism());

export interface Measurement {
  engine: Engine;
  contacts: number;
  events: number;
  /** Generating the timeline (not part of the replay). */
  generateMs: number;
  /** 'packed' and 'sharded': packing the generated timeline into columns, as the file readers give it (not part of the replay). */
  packMs?: number;
  /** Runs measured; the figures are those of the fastest. */
  runs: number;
  /** The replay, end to end from the timeline object to the outcome counts. */
  wallMs: number;
  cpuMs: number;
  /** Garbage collection pauses during the replay. */
  gcMs: number;
  /** Ours only: compiling the journey and preparing the timeline (parsing instants, resolving contacts). */
  prepareMs?: number;
  /** Ours only: the replay proper (run and snapshot). */
  replayMs?: number;
  /** Sharded only: where the time of the measured run went. */
  sharded?: ShardedReplayReport;
  /** Ours only, for scale: a Map from contact id to contact and one lookup per event (best of the runs). */
  mapLookupMs?: number;
  /** Resident memory right before the replay, timeline loaded. */
  rssBeforeMB: number;
  /** Highest resident memory during the replay (the whole process, timeline included). */
  peakRssMB: number;
  /** Whether peakRssMB covers the replay only (Linux: the peak is reset before it) or the process lifetime. */
  peakScope: 'replay' | 'process';
  outcomes: Outcomes;
}

const WARM_UP_CONTACTS = 10_000;
const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function sendPointIds(): string[] {
  return benchJourney()
    .points.filter((p) => p.type === 'sendEmail' || p.type === 'sendSms')
    .map((p) => p.id);
}

function replayOurs(timeline: Timeline | PackedTimeline): { outcomes: Outcomes; prepareMs: number; replayMs: number } {
  const t0 = performance.now();
  const sim = createSimulation(benchJourney(), timeline, { trace: false });
  const t1 = performance.now();
  sim.run();
  const snapshot = sim.snapshot();
  const t2 = performance.now();
  return { outcomes: outcomesOfSnapshot(snapshot, sendPointIds()), prepareMs: t1 - t0, replayMs: t2 - t1 };
}

async function replayOursSharded(timeline: PackedTimeline): Promise<{ outcomes: Outcomes; sharded: ShardedReplayReport }> {
  const { snapshot, report } = await replaySharded(benchJourney(), timeline, { trace: false }, { threads: THREADS });
  if (report.fallback !== undefined) throw new Error(`the sharded replay ran on one thread: ${report.fallback}`);
  return { outcomes: outcomesOfSnapshot(snapshot, sendPointIds()), sharded: report };
}

/** The input of each engine: the timeline object, or ('packed', 'sharded') its packed form, as `journey simulate` reads it from a file. */
type Input = { timeline: Timeline; packed?: undefined } | { timeline?: undefined; packed: PackedTimeline };

async function replay(engine: Engine, input: Input): Promise<{ outcomes: Outcomes; prepareMs?: number; replayMs?: number; sharded?: ShardedReplayReport }> {
  if (input.packed) return engine === 'sharded' ? replayOursSharded(input.packed) : replayOurs(input.packed);
  return engine === 'ours' ? replayOurs(input.timeline) : { outcomes: replayWithXState(benchJourney(), input.timeline).outcomes };
}

function inputOf(engine: Engine, timeline: Timeline): Input {
  if (engine !== 'packed' && engine !== 'sharded') return { timeline };
  // The object timeline is dropped: a file reader gives only the packed one.
  const packed = packTimeline(timeline);
  if (!packed) throw new Error('the benchmark timeline does not pack');
  return { packed };
}

/** Linux: resets the process's peak resident memory, so the next reading is the peak of what follows. */
function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

function peakRssMB(): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Replays the timeline once, measuring time, CPU, GC pauses and the resident memory peak. */
async function measureOnce(engine: Engine, input: Input): Promise<Omit<Measurement, 'engine' | 'contacts' | 'events' | 'generateMs' | 'runs'>> {
  const pauses: { start: number; duration: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses.push({ start: e.startTime, duration: e.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  gc();
  gc();
  const rssBeforeMB = process.memoryUsage.rss() / MB;
  const scoped = resetPeakRss();
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  const result = await replay(engine, input);
  const w1 = performance.now();
  const cpu = process.cpuUsage(c0);
  const peak = peakRssMB();
  await new Promise((resolve) => setTimeout(resolve, 50)); // let the observer deliver the pauses
  observer.disconnect();
  const gcMs = pauses.filter((p) => p.start >= w0 && p.start <= w1).reduce((sum, p) => sum + p.duration, 0);
  return {
    wallMs: w1 - w0,
    cpuMs: (cpu.user + cpu.system) / 1000,
    gcMs,
    ...(result.prepareMs !== undefined ? { prepareMs: result.prepareMs } : {}),
    ...(result.replayMs !== undefined ? { replayMs: result.replayMs } : {}),
    ...(result.sharded !== undefined ? { sharded: result.sharded } : {}),
    rssBeforeMB,
    peakRssMB: scoped && peak !== undefined ? peak : process.resourceUsage().maxRSS / 1024,
    peakScope: scoped && peak !== undefined ? 'replay' : 'process',
    outcomes: result.outcomes,
  };
}

/** The timeline the engine replays (no reference to the object timeline is kept when it replays the packed one). */
function generate(engine: Engine, contacts: number): { input: Input; events: number; generateMs: number; packMs: number | undefined } {
  const g0 = performance.now();
  const timeline = benchTimeline(contacts);
  const generateMs = performance.now() - g0;
  const p0 = performance.now();
  const input = inputOf(engine, timeline);
  return { input, events: timeline.events.length, generateMs, packMs: input.packed ? performance.now() - p0 : undefined };
}

export async function measure(engine: Engine, contacts: number, runs = 1): Promise<Measurement> {
  const { input, events, generateMs, packMs } = generate(engine, contacts);
  const warmUp = inputOf(engine, benchTimeline(WARM_UP_CONTACTS, 11));
  for (let i = 0; i < 3; i++) await replay(engine, warmUp);
  let best: Awaited<ReturnType<typeof measureOnce>> | undefined;
  let mapLookupMs = Infinity;
  for (let run = 0; run < runs; run++) {
    const m = await measureOnce(engine, input);
    if (!best || m.wallMs < best.wallMs) best = m;
    if (input.timeline && engine === 'ours') mapLookupMs = Math.min(mapLookupMs, mapLookupOnlyMs(input.timeline));
  }
  return { engine, contacts, events, generateMs, ...(packMs !== undefined ? { packMs } : {}), runs, ...best!, ...(engine === 'ours' ? { mapLookupMs } : {}) };
}

/**
 * For scale: a Map from contact id to contact number, then every event's
 * contact looked up in it. A replay of this timeline must at least find each
 * event's contact; where memory far from the cache is slow, the obvious way
 * to do only that takes seconds for a million contacts.
 */
function mapLookupOnlyMs(timeline: Timeline): number {
  gc();
  const t0 = performance.now();
  const byId = new Map<string, number>();
  timeline.contacts.forEach((c, i) => byId.set(c.id, i));
  const events = timeline.events;
  let found = 0;
  for (let i = 0; i < events.length; i++) if (byId.get(events[i]!.contact) !== undefined) found++;
  const ms = performance.now() - t0;
  if (found !== events.length) throw new Error(`map lookup: ${events.length - found} events name no contact`);
  return ms;
}

if (require.main === module) {
  const [engine, count, runs = '1'] = process.argv.slice(2);
  if ((engine !== 'ours' && engine !== 'packed' && engine !== 'sharded' && engine !== 'xstate') || !(Number(count) > 0) || !(Number(runs) >= 1)) {
    console.error('usage: measure.ts ours|packed|sharded|xstate <contacts> [runs]');
    process.exit(2);
  }
  measure(engine, Number(count), Number(runs)).then(
    (m) => console.log(`RESULT ${JSON.stringify(m)}`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
