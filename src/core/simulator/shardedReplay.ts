// A replay sharded by contact over threads (node:worker_threads), with the
// same snapshot as one thread's (R14). Contacts only meet through
// clock-driven entries (date triggers R20, segment runs R19) and the trace's
// interleaving, so each shard replays its own contacts (timelineShards.ts)
// with its own date ticks and segment runs over them, between the start and
// end of the whole replay (two steps: every shard prepares its timeline and
// reports its first and last event; then all replay within the bounds those
// give). The timeline is split on its packed columns (a timeline given as
// objects is packed first); a worker receives its share as typed arrays
// transferred and its contacts in columns (contactColumns.ts), no object
// per event or contact crossing threads. The counts are summed; the queues
// are merged by arrival instant, then by the contacts' order in the
// timeline, as one replay orders them; the warnings are merged in the
// timeline's order.
// Without a trace only (a trace's order across contacts at one instant is
// the single replay's own); a shard that fails (a zero-time cycle, a bad
// instant, a worker that stops) makes the whole replay run again on one
// thread, so the error is the one a single replay reports. Node only: not
// exported by index.ts, which the web extension bundles.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parentPort, type ResourceLimits, Worker } from 'node:worker_threads';
import { setOwn } from '../ownProperty';
import type { Journey } from '../schema';
import type { Timeline } from '../timeline';
import { eventCount, isPackedTimeline, type PackedTimeline, packTimeline } from '../packedTimeline';
import { compileForSimulation } from '../compiler/compileJourney';
import { type ReplayBounds, replayBounds, type ShardResult, Simulation, unknownApiStartWarning } from './engine';
import { SimulationError } from './errors';
import { simulate } from './index';
import { type PreparedTimeline, prepareTimeline, timelineWarnings } from './timelineInput';
import { openShard, type PackedShard, splitPackedTimeline, type TimelineShard, transferList, withContactColumns } from './timelineShards';
import { EXIT_REASONS, type ExitReason, type PointCounters, type SimulationOptions, type SimulationSnapshot, SUPPRESSION_REASONS, type SuppressionReason } from './types';

/**
 * With 'auto', packed timelines with fewer events replay on one thread
 * (starting a worker and handing it its share costs more than it saves), and
 * so do timelines given as objects (packing them costs more than sharding
 * saves): README, "Sharded replay".
 */
export const SHARD_MIN_EVENTS = 200_000;

/** How many threads: a number, or 'auto' (every core for a large packed timeline without a trace, else one). */
export type ThreadCount = number | 'auto';

/** A shard's result with its contacts and events placed in the whole timeline. */
export interface PlacedShardResult extends ShardResult {
  /** Per queued contact: its order in the whole timeline (list position; contacts known only from events after all listed ones). */
  readonly queuedRank: number[];
  readonly duplicateContacts: number;
  /** Events of contacts not listed (whole-timeline positions), the first ones, and how many such contacts. */
  readonly unknownContacts: { event: number; id: string }[];
  readonly unknownContactCount: number;
}

/** Where the time of a sharded replay went (wall milliseconds, measured on the main thread unless said). */
export interface ShardedReplayReport {
  /** Threads that replayed (1: not sharded). */
  readonly threads: number;
  /** Why it ran on one thread after all, if it did. */
  readonly fallback?: string;
  /** Packing a timeline given as objects into columns (0 for a packed one, as the file readers give). */
  packMs: number;
  /** Splitting the packed timeline by contact, into each shard's columns. */
  splitMs: number;
  /** Handing the workers their shards: their contacts into columns, then posting (the typed arrays transferred, not copied). */
  postMs: number;
  /** Per shard (0: the main thread's): from handing over until it was prepared (for workers: copy in, prepare). */
  prepareMs: number[];
  /** Per shard: the replay proper. */
  replayMs: number[];
  /** Per shard: its events. */
  events: number[];
  /** After this thread's replay: waiting for the workers' results (the rest of their replay, copying the results back). */
  waitMs: number;
  /** Merging the results into one snapshot. */
  mergeMs: number;
}

/** One shard, in whichever thread replays it: prepares its timeline, then replays it within the whole replay's bounds. */
export class ReplayShard {
  readonly prepared: PreparedTimeline;

  constructor(
    private readonly journey: Journey,
    private readonly shard: TimelineShard,
    private readonly options: SimulationOptions,
  ) {
    this.prepared = prepareTimeline(shard.timeline);
  }

  /** The shard's own timeline. */
  get timeline(): PackedTimeline {
    return this.shard.timeline;
  }

  /** Replays the shard within the whole replay's bounds; `onProgress` is told the shard's own events replayed. */
  run(bounds: ReplayBounds, onProgress?: SimulationOptions['onProgress']): PlacedShardResult {
    const sim = new Simulation(this.journey, this.shard.timeline, { ...this.options, trace: false, ...(onProgress ? { onProgress } : {}) }, { prepared: this.prepared, bounds });
    if (this.options.at !== undefined) sim.advanceTo(this.options.at);
    else sim.run();
    const result = sim.shardResult();
    const { eventPositions } = this.shard;
    const p = this.prepared;
    return {
      ...result,
      unknownApiStarts: result.unknownApiStarts.map((u) => ({ event: eventPositions[u.event]!, startingPoint: u.startingPoint })),
      queuedRank: this.ranks(result.queued.contact),
      duplicateContacts: p.duplicateContacts,
      unknownContacts: p.unknownContacts.map((u) => ({ event: eventPositions[u.event]!, id: u.id })),
      unknownContactCount: p.unknownContactCount,
    };
  }

  /** The order in the whole timeline of these contacts (shard numbers), as one replay numbers them. */
  private ranks(contacts: readonly number[]): number[] {
    const { contactPositions, contactCount, eventPositions } = this.shard;
    const listed = this.shard.timeline.contacts;
    const store = this.prepared.store;
    // The store numbers listed contacts in list order, skipping ids already seen: the next new id is the next number.
    const rankOf = new Float64Array(store.size).fill(-1);
    let next = 0;
    for (let i = 0; i < listed.length && next < store.size; i++) if (store.ids[next] === listed[i]!.id) rankOf[next++] = contactPositions[i]!;
    // Contacts known only from events: numbered in the order of their first event in the timeline.
    if (contacts.some((c) => c >= next)) {
      const owner = this.prepared.contact;
      for (let i = 0; i < owner.length; i++) {
        const c = owner[i]!;
        if (c >= next && rankOf[c]! < 0) rankOf[c] = contactCount + eventPositions[i]!;
      }
    }
    return contacts.map((c) => rankOf[c]!);
  }
}

/** The snapshot one replay gives, from the shards' results. */
export function mergeShardResults(journey: Journey, timeline: Pick<Timeline, 'seed'>, options: SimulationOptions, bounds: ReplayBounds, results: readonly PlacedShardResult[]): SimulationSnapshot {
  const compiled = compileForSimulation(journey);
  const cj = { points: compiled.ir.points, starts: compiled.ir.startingPoints, warnings: compiled.warnings };
  const sum = (pick: (r: PlacedShardResult) => readonly number[], i: number) => results.reduce((total, r) => total + pick(r)[i]!, 0);
  const exitedBy = {} as Record<ExitReason, number>;
  for (const reason of EXIT_REASONS) exitedBy[reason] = results.reduce((total, r) => total + (r.stats.exitedBy[reason] ?? 0), 0);
  const stat = (key: 'started' | 'inProgress' | 'completed' | 'exited') => results.reduce((total, r) => total + r.stats[key], 0);

  // Queues: by arrival instant, then in the timeline's contact order (one replay sorts its contact order stably).
  const waiting: { arrivedAt: number; rank: number; id: string }[][] = cj.points.map(() => []);
  for (const r of results) {
    const q = r.queued;
    for (let k = 0; k < q.point.length; k++) waiting[q.point[k]!]!.push({ arrivedAt: q.arrivedAt[k]!, rank: r.queuedRank[k]!, id: q.id[k]! });
  }
  const queues: Record<string, string[]> = {};
  const points: Record<string, PointCounters> = {};
  const reasons = SUPPRESSION_REASONS.length;
  cj.points.forEach((point, i) => {
    const here = waiting[i]!.sort((a, b) => a.arrivedAt - b.arrivedAt || a.rank - b.rank);
    setOwn(queues, point.id, here.map((w) => w.id));
    const suppressedBy: Partial<Record<SuppressionReason, number>> = {};
    SUPPRESSION_REASONS.forEach((reason, k) => {
      const count = sum((r) => r.suppressedBy, i * reasons + k);
      if (count > 0) suppressedBy[reason] = count;
    });
    setOwn(points, point.id, { entered: sum((r) => r.entered, i), left: sum((r) => r.left, i), queued: here.length, sent: sum((r) => r.sent, i), suppressed: sum((r) => r.suppressed, i), suppressedBy });
  });
  const startingPoints: Record<string, { entered: number }> = {};
  cj.starts.forEach((s, i) => setOwn(startingPoints, s.id, { entered: sum((r) => r.startEntered, i) }));

  const unknown = results.flatMap((r) => r.unknownContacts).sort((a, b) => a.event - b.event);
  const seenApi = new Set<string>();
  const apiWarnings: string[] = [];
  for (const u of results.flatMap((r) => r.unknownApiStarts).sort((a, b) => a.event - b.event)) {
    if (seenApi.has(u.startingPoint)) continue;
    seenApi.add(u.startingPoint);
    apiWarnings.push(unknownApiStartWarning(u.startingPoint));
  }
  const warnings = [
    ...cj.warnings,
    ...timelineWarnings(
      results.reduce((total, r) => total + r.duplicateContacts, 0),
      unknown,
      results.reduce((total, r) => total + r.unknownContactCount, 0),
    ),
    ...apiWarnings,
  ];
  return {
    at: Math.max(...results.map((r) => r.at)),
    start: bounds.start,
    horizon: bounds.horizon,
    seed: options.seed ?? timeline.seed ?? 0,
    stats: { started: stat('started'), inProgress: stat('inProgress'), completed: stat('completed'), exited: stat('exited'), exitedBy },
    points,
    startingPoints,
    queues,
    trace: [],
    warnings,
  };
}

/** The whole replay's bounds from the shards' first and last events; undefined when there is nothing to start from (one thread then says so). */
export function boundsOf(journey: Journey, timeline: Pick<Timeline, 'start' | 'horizon'>, options: SimulationOptions, shards: readonly { first: number; last: number }[]): ReplayBounds | undefined {
  const bounds = replayBounds(compileForSimulation(journey).ir.segment?.startMs ?? undefined, timeline, options, Math.min(...shards.map((s) => s.first)), Math.max(...shards.map((s) => s.last)));
  return Number.isFinite(bounds.start) ? bounds : undefined;
}

/**
 * Replays the timeline in `shards` shards, one after the other on this
 * thread: the same merge as with workers, for tests and for checking that a
 * split gives one replay's snapshot.
 */
export function simulateInShards(journey: Journey, timeline: Timeline | PackedTimeline, options: SimulationOptions, shards: number): SimulationSnapshot {
  if (options.trace !== false) return simulate(journey, timeline, options);
  const packed = isPackedTimeline(timeline) ? timeline : packTimeline(timeline);
  if (!packed) return simulate(journey, timeline, options); // an instant one replay reports
  try {
    // Every shard but the first as a worker gets it: contacts in columns, then a structured clone (as postMessage makes).
    const replays = splitPackedTimeline(packed, shards, { local: 0 }).map((shard, k) => {
      const opened = k === 0 ? openShard(shard, packed.contacts) : openShard(structuredClone(withContactColumns(shard, packed.contacts), { transfer: transferList(shard) }));
      return new ReplayShard(journey, opened, options);
    });
    const bounds = boundsOf(journey, packed, options, replays.map((r) => ({ first: r.prepared.firstEventTime, last: r.prepared.lastEventTime })));
    if (!bounds) return simulate(journey, timeline, options);
    return mergeShardResults(journey, packed, options, bounds, replays.map((r) => r.run(bounds)));
  } catch (error) {
    if (!(error instanceof SimulationError)) throw error;
    return simulate(journey, timeline, options); // the error one replay reports
  }
}

// ---------------------------------------------------------------------------
// Workers.

/** Messages to a shard worker (replayShardWorker.ts) and back. */
export type ToShardWorker = { type: 'prepare'; journey: Journey; shard: PackedShard; options: SimulationOptions; sentAt: number } | { type: 'run'; bounds: ReplayBounds };
export type FromShardWorker =
  | { type: 'prepared'; first: number; last: number; readyAt: number }
  | { type: 'result'; result: PlacedShardResult; replayMs: number }
  | { type: 'error'; message: string };

/**
 * A shard worker's side: answers each message from the thread that started
 * it with what `answer` returns, or with the error it throws (as a message:
 * the worker stays up, the other side decides).
 */
export function answerShardMessages<To, From>(answer: (message: To) => From): void {
  const port = parentPort;
  if (!port) throw new Error('a shard worker runs as a worker thread');
  port.on('message', (message: To) => {
    let reply: From | { type: 'error'; message: string };
    try {
      reply = answer(message);
    } catch (error) {
      reply = { type: 'error', message: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
}

/** An absolute clock shared by threads (each thread's performance.now() starts at its own origin). */
export const epochNow = (): number => performance.timeOrigin + performance.now();

export interface ShardedOptions {
  /** Threads to replay on (default 'auto'). */
  threads?: ThreadCount;
  /** The worker's script: by default replayShardWorker.js beside this bundle, or the .ts source under tsx. */
  workerScript?: string;
}

/** The threads a replay of this timeline uses. */
export function threadsFor(timeline: Timeline | PackedTimeline, options: SimulationOptions, threads: ThreadCount = 'auto'): number {
  if (options.trace !== false) return 1;
  if (threads !== 'auto') return Math.max(1, Math.floor(threads));
  return isPackedTimeline(timeline) && eventCount(timeline) >= SHARD_MIN_EVENTS ? availableParallelism() : 1;
}

/** The worker's script: a bundle, or (tests and benchmarks under tsx) the TypeScript source, loaded through tsx's require hook. */
function workerScript(given: string | undefined): string {
  return given ?? join(__dirname, __filename.endsWith('.ts') ? 'replayShardWorker.ts' : 'replayShardWorker.js');
}

export function startWorker(script: string, resourceLimits?: ResourceLimits): Worker {
  if (!script.endsWith('.ts')) return new Worker(script, resourceLimits ? { resourceLimits } : {});
  // Resolved at run time (tests and benchmarks only), so that bundlers leave tsx out.
  const tsxHook = createRequire(__filename).resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsxHook)}); require(${JSON.stringify(script)});`, { eval: true, ...(resourceLimits ? { resourceLimits } : {}) });
}

/** A worker replaying one shard, answering one message at a time (its messages: a replay's, or a sharded file read's). */
export class ShardWorker<To = ToShardWorker, From extends { type: string } = FromShardWorker> {
  private readonly worker: Worker;
  private waiting: { resolve: (m: From) => void; reject: (e: Error) => void } | undefined;
  private failure: Error | undefined;

  constructor(script: string, resourceLimits?: ResourceLimits) {
    this.worker = startWorker(script, resourceLimits);
    this.worker.on('message', (m: From) => this.settle(m));
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', (code) => this.fail(new Error(`the shard worker stopped (exit ${code})`)));
  }

  post(message: To, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  next(): Promise<From> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  stop(): void {
    this.worker.removeAllListeners('exit');
    void this.worker.terminate();
  }

  private settle(m: From): void {
    const w = this.waiting;
    this.waiting = undefined;
    if (m.type === 'error') this.fail(new Error((m as { message?: string }).message), w);
    else w?.resolve(m);
  }

  private fail(e: Error, w = this.waiting): void {
    this.failure ??= e;
    this.waiting = undefined;
    w?.reject(e);
  }
}

/**
 * Replays on `threads` threads (this one and threads - 1 workers) and says
 * where the time went; one thread when `threads` is 1, with a trace, or when
 * a shard fails (then the error is one replay's).
 */
export async function replaySharded(journey: Journey, given: Timeline | PackedTimeline, options: SimulationOptions = {}, sharded: ShardedOptions = {}): Promise<{ snapshot: SimulationSnapshot; report: ShardedReplayReport }> {
  const threads = threadsFor(given, options, sharded.threads);
  const report: ShardedReplayReport = { threads, packMs: 0, splitMs: 0, postMs: 0, prepareMs: [], replayMs: [], events: [], waitMs: 0, mergeMs: 0 };
  const alone = (fallback?: string) => {
    const t0 = performance.now();
    const snapshot = simulate(journey, given, options);
    return { snapshot, report: { ...report, threads: 1, replayMs: [performance.now() - t0], events: [eventCount(given)], ...(fallback ? { fallback } : {}) } };
  };
  if (threads <= 1) return alone();
  const script = workerScript(sharded.workerScript);
  const workers: ShardWorker<ToShardWorker, FromShardWorker>[] = [];
  try {
    // Started first: a worker loads its script while this thread splits the timeline.
    for (let k = 1; k < threads; k++) workers.push(new ShardWorker<ToShardWorker, FromShardWorker>(script));
    let t = performance.now();
    const timeline = isPackedTimeline(given) ? given : packTimeline(given);
    if (!timeline) return alone('an event has no valid instant');
    report.packMs = performance.now() - t;
    t = performance.now();
    const shards = splitPackedTimeline(timeline, threads, { local: 0 });
    report.splitMs = performance.now() - t;
    report.events = shards.map((s) => s.eventTime.length);
    t = performance.now();
    const sentAt = epochNow();
    shards.slice(1).forEach((shard, k) => {
      withContactColumns(shard, timeline.contacts);
      workers[k]!.post({ type: 'prepare', journey, shard, options, sentAt }, transferList(shard));
    });
    report.postMs = performance.now() - t;
    t = performance.now();
    const local = new ReplayShard(journey, openShard(shards[0]!, timeline.contacts), options);
    report.prepareMs[0] = performance.now() - t;
    const prepared = await Promise.all(workers.map((w) => w.next()));
    const ends = [{ first: local.prepared.firstEventTime, last: local.prepared.lastEventTime }];
    prepared.forEach((m, k) => {
      if (m.type !== 'prepared') throw new Error(`unexpected ${m.type} from a shard worker`);
      ends.push({ first: m.first, last: m.last });
      report.prepareMs[k + 1] = m.readyAt - sentAt;
    });
    const bounds = boundsOf(journey, timeline, options, ends);
    if (!bounds) return alone('nothing to start the replay from');
    const replies = workers.map((w) => w.next());
    for (const w of workers) w.post({ type: 'run', bounds });
    t = performance.now();
    const results = [local.run(bounds)];
    report.replayMs[0] = performance.now() - t;
    t = performance.now();
    for (const [k, m] of (await Promise.all(replies)).entries()) {
      if (m.type !== 'result') throw new Error(`unexpected ${m.type} from a shard worker`);
      results.push(m.result);
      report.replayMs[k + 1] = m.replayMs;
    }
    report.waitMs = performance.now() - t;
    t = performance.now();
    const snapshot = mergeShardResults(journey, timeline, options, bounds, results);
    report.mergeMs = performance.now() - t;
    return { snapshot, report };
  } catch (error) {
    return alone(error instanceof Error ? error.message : String(error));
  } finally {
    for (const w of workers) w.stop();
  }
}

/** `simulate` on as many threads as `sharded.threads` says (default: every core for a large timeline without a trace). */
export async function simulateSharded(journey: Journey, timeline: Timeline, options: SimulationOptions = {}, sharded: ShardedOptions = {}): Promise<SimulationSnapshot> {
  return (await replaySharded(journey, timeline, options, sharded)).snapshot;
}
