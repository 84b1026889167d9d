// `journey simulate` of a timeline file on several threads (#16), reading
// sharded: every thread reads the whole file itself (fileShardWorker.ts for
// the workers, this thread for shard 0) and keeps only its own shard, the
// contacts whose id hashes to it and their events (packedTimelineBuilder.ts,
// its `shard` option), stepping over the others' records; then each
// replays its shard where it was read, and the results are merged as a
// sharded replay merges them (shardedReplay.ts: same bounds, same merge,
// the same snapshot as one thread's, R14). Nothing but the small results
// crosses threads: no columns are split or handed over, the work that made
// a sharded replay of a file cost more than it saved.
// A thread declines when its shard is not one the fast reader is sure of,
// when the journey lacks a name its shard gives, or when its events name a
// contact the timeline does not list (whether that id is a likely typo of a
// listed one needs every contact); a replay error in any shard, or a worker
// that fails, also ends it. Then the caller reads and replays the file the
// one-thread way, which prints the findings at their place or the error one
// replay reports.
import type { ReferenceFinding } from '../core/journeyNames';
import { nameSample, unlistedContactIds } from '../core/packedTimeline';
import type { ShardPlaces } from '../core/packedTimelineBuilder';
import type { Journey } from '../core/schema';
import { boundsOf, mergeShardResults, type PlacedShardResult, ReplayShard, ShardWorker } from '../core/simulator/shardedReplay';
import type { ReplayBounds } from '../core/simulator/engine';
import type { SimulationOptions, SimulationSnapshot } from '../core/simulator/types';
import type { Timeline } from '../core/timeline';
import { timelineReferences } from '../core/timelineReferences';
import { join } from 'node:path';
import { type ReadProgress, readFast } from './packedTimelineFile';
import { collectGarbage, readingHeapGrowth, usualHeapGrowth } from './readHeapGrowth';

/** Which names a thread checks its shard for: the journey file (for messages) and whether only errors count (--json). */
export interface ShardNameCheck {
  journeyFile: string;
  errorsOnly: boolean;
}

export type ToFileShardWorker =
  | { type: 'read'; file: string; shard: { index: number; count: number }; journey: Journey; options: SimulationOptions; check: ShardNameCheck }
  | { type: 'run'; bounds: ReplayBounds };
export type FromFileShardWorker =
  | { type: 'prepared'; first: number; last: number; readMs: number }
  | { type: 'declined'; reason: string }
  | { type: 'result'; result: PlacedShardResult; replayMs: number }
  | { type: 'error'; message: string };

/** One shard read from the file and prepared for its replay, or why not. */
export type ReadShard = { ok: true; replay: ReplayShard; places: ShardPlaces } | { ok: false; reason: string };

/** What `journey simulate` reports of the names a timeline gives: every finding, or with --json (errorsOnly) only the errors. */
export function nameFindings(timeline: Timeline, journey: Journey, check: ShardNameCheck): ReferenceFinding[] {
  return timelineReferences(timeline, journey, check.journeyFile).filter((f) => !check.errorsOnly || f.severity === 'error');
}

/** Reads one shard of the file and prepares its replay (in whichever thread replays it). */
export function readShard(file: string, shard: { index: number; count: number }, journey: Journey, options: SimulationOptions, check: ShardNameCheck, progress?: ReadProgress): ReadShard {
  const read = readFast(file, progress, { shard, collectGarbage });
  usualHeapGrowth(); // read: the replay's heap grows as usual (a large read has collected its garbage already)
  if (read.kind === 'tooBig') return { ok: false, reason: 'the shard is too big for the heap' };
  if (read.kind !== 'packed') return { ok: false, reason: 'the fast reader is not sure of the file' };
  const { timeline, bodies, places } = read;
  if (unlistedContactIds(timeline).length > 0) return { ok: false, reason: 'an event names a contact the timeline does not list' };
  if (nameFindings(nameSample(timeline, bodies, []), journey, check).length > 0) return { ok: false, reason: 'the timeline names something the journey lacks' };
  const replay = new ReplayShard(journey, { timeline, contactPositions: places.contactPositions, eventPositions: places.eventPositions, contactCount: places.contactCount }, options);
  return { ok: true, replay, places };
}

/** Where a sharded read and replay's time went, per thread (0: this one), wall milliseconds (for the benchmark). */
export interface ShardedFileTimings {
  /** Reading the file for the thread's shard and preparing its replay. */
  readMs: number[];
  /** Replaying the shard. */
  replayMs: number[];
  /** Merging the results. */
  mergeMs: number;
}

/** The snapshot of a sharded read and replay, with the whole timeline's size; or why the caller must read and replay on one thread. */
export type ShardedFileReplay = { ok: true; snapshot: SimulationSnapshot; contacts: number; events: number } | { ok: false; reason: string };

/**
 * A worker's young generation: smaller than a main thread's (its semi-spaces
 * are memory each thread holds on to; at 16 MB the read is as fast, and two
 * threads' peak memory lower, #16).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16 };

/** The worker's script: beside this bundle (dist/fileShardWorker.js), or the .ts source under tsx. */
function fileShardWorkerScript(): string {
  return join(__dirname, __filename.endsWith('.ts') ? 'fileShardWorker.ts' : 'fileShardWorker.js');
}

/**
 * Reads and replays the timeline file on `threads` threads (this one and
 * threads - 1 workers). Without a trace only (the caller makes sure).
 * `onProgress` is told the bytes this thread has read, and then its own
 * shard's replay as a share of all the events.
 */
export async function replayFileInShards(
  journey: Journey,
  file: string,
  options: SimulationOptions,
  threads: number,
  check: ShardNameCheck,
  progress?: { reading?: ReadProgress; replaying?: (done: number, total: number) => void },
  timings: ShardedFileTimings = { readMs: [], replayMs: [], mergeMs: 0 },
): Promise<ShardedFileReplay> {
  const { onProgress: _unsent, ...sendable } = options;
  const workers: ShardWorker<ToFileShardWorker, FromFileShardWorker>[] = [];
  readingHeapGrowth(); // each thread sets the usual growth again once it has read (readShard)
  try {
    const script = fileShardWorkerScript();
    for (let k = 1; k < threads; k++) {
      const worker = new ShardWorker<ToFileShardWorker, FromFileShardWorker>(script, WORKER_LIMITS);
      workers.push(worker);
      worker.post({ type: 'read', file, shard: { index: k, count: threads }, journey, options: sendable, check });
    }
    const prepared = workers.map((w) => w.next());
    let t = performance.now();
    const local = readShard(file, { index: 0, count: threads }, journey, sendable, check, progress?.reading);
    if (!local.ok) return local;
    timings.readMs[0] = performance.now() - t;
    const ends = [{ first: local.replay.prepared.firstEventTime, last: local.replay.prepared.lastEventTime }];
    for (const m of await Promise.all(prepared)) {
      if (m.type === 'declined') return { ok: false, reason: m.reason };
      if (m.type !== 'prepared') return { ok: false, reason: `unexpected ${m.type} from a shard worker` };
      ends.push({ first: m.first, last: m.last });
      timings.readMs.push(m.readMs);
    }
    const bounds = boundsOf(journey, local.replay.timeline, sendable, ends);
    if (!bounds) return { ok: false, reason: 'nothing to start the replay from' };
    const replies = workers.map((w) => w.next());
    for (const w of workers) w.post({ type: 'run', bounds });
    const { eventCount, contactCount } = local.places;
    const own = local.replay.timeline.eventTime.length;
    const replaying = progress?.replaying;
    t = performance.now();
    const results = [local.replay.run(bounds, replaying && own > 0 ? (done) => replaying(Math.round((done / own) * eventCount), eventCount) : undefined)];
    timings.replayMs[0] = performance.now() - t;
    for (const m of await Promise.all(replies)) {
      if (m.type !== 'result') return { ok: false, reason: `unexpected ${m.type} from a shard worker` };
      results.push(m.result);
      timings.replayMs.push(m.replayMs);
    }
    t = performance.now();
    const snapshot = mergeShardResults(journey, local.replay.timeline, sendable, bounds, results);
    timings.mergeMs = performance.now() - t;
    return { ok: true, snapshot, contacts: contactCount, events: eventCount };
  } catch (error) {
    // A replay error (the one-thread replay reports it) or a worker that failed.
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    usualHeapGrowth(); // a thread that declined or failed may not have
    for (const w of workers) w.stop();
  }
}
