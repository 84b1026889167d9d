// One run of `journey simulate`'s own steps on a timeline file, timed step
// by step in one Node process (bench:simulate-file bundles and runs it as a
// child): reading the file as the CLI does (packedTimelineFile.ts), then the
// replay without a trace; and, for scale, the least any reader of the file
// does: its bytes read a few megabytes at a time and each byte looked at once
// in a JavaScript loop (counting the object openings). Prints one
// `RESULT {json}` line. Also for scale, the raw JSON.parse rate on the same
// bytes: every record (one per line, as the benchmark writes them) parsed by
// JSON.parse a few megabytes of lines at a time (the .timeline.json of a
// million contacts is longer than V8's longest string, 512 MB, so it cannot
// be parsed as one).
// Or, with the part `every-core`, the same file as `journey simulate` reads
// it on every core by default (src/cli/shardedFileReplay.ts): each thread's
// reading of the whole file for its own contacts and its replay of them, and
// the merge. Each part runs in a process of its own, cold as the CLI's: a
// read after another in the same process runs code the first one has
// already optimised, and took up to 0.9 s less than the CLI's own.
// Usage: node filePhases.js <journey.json> <timeline file> one-thread|every-core
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { readTimelineForReplay } from '../../../src/cli/packedTimelineFile';
import { replayFileInShards, type ShardedFileTimings } from '../../../src/cli/shardedFileReplay';
import { eventCount, isPackedTimeline } from '../../../src/core/packedTimeline';
import { simulate } from '../../../src/core/simulator/index';
import type { Journey } from '../../../src/core/schema';
import { validateJourneyText } from '../../../src/core/validate';

/** What the part `one-thread` measures. */
export interface FilePhases {
  /** Reading the bytes and looking at each once, nothing else. */
  scanMs: number;
  /** JSON.parse of every record, a window of lines at a time (decoding and splitting included). */
  jsonParseMs: number;
  /** Reading the timeline as the CLI does. */
  readMs: number;
  /** Whether the reader took the packed path. */
  packed: boolean;
  /** Preparing and replaying it, to the stats. */
  replayMs: number;
  events: number;
  started: number;
}

/** What the part `every-core` measures. */
export interface EveryCorePhases {
  /** As `journey simulate` runs it on every core: each thread reads the file for its own contacts and replays them (shardedFileReplay.ts), end to end, and per thread. */
  shardedMs: number;
  sharded: ShardedFileTimings & { threads: number };
  /** Contacts started by the merged replay (the benchmark compares it with one thread's). */
  started: number;
}

function scanMs(file: string): number {
  const t0 = performance.now();
  const fd = openSync(file, 'r');
  const buf = new Uint8Array(4 << 20);
  let braces = 0;
  for (;;) {
    const n = readSync(fd, buf, 0, buf.length, null);
    if (n === 0) break;
    for (let i = 0; i < n; i++) if (buf[i] === 123) braces++;
  }
  closeSync(fd);
  if (braces === 0) throw new Error('no objects in the file');
  return performance.now() - t0;
}

function jsonParseMs(file: string): number {
  const t0 = performance.now();
  const fd = openSync(file, 'r');
  const buf = new Uint8Array(4 << 20);
  const decoder = new TextDecoder();
  let kept = 0;
  let records = 0;
  for (;;) {
    const n = readSync(fd, buf, kept, buf.length - kept, null);
    const end = kept + n;
    const cut = n === 0 ? end : buf.lastIndexOf(10, end - 1) + 1;
    const lines = decoder.decode(buf.subarray(0, cut)).split('\n');
    const objects: string[] = [];
    for (const line of lines) {
      const record = line.endsWith(',') ? line.slice(0, -1) : line;
      if (record.startsWith('{"at"') || record.startsWith('{"id"') || record.startsWith('{"event"') || record.startsWith('{"contact"')) objects.push(record);
    }
    records += (JSON.parse(`[${objects.join(',')}]`) as unknown[]).length;
    buf.copyWithin(0, cut, end);
    kept = end - cut;
    if (n === 0) break;
  }
  closeSync(fd);
  if (records === 0) throw new Error('no records in the file');
  return performance.now() - t0;
}

/** The file read and replayed on one thread (the CLI's `--threads 1`), step by step. */
async function oneThread(journey: Journey, timelineFile: string): Promise<Pick<FilePhases, 'readMs' | 'packed' | 'replayMs' | 'events' | 'started'>> {
  const t0 = performance.now();
  const read = await readTimelineForReplay(timelineFile, (line) => console.error(line));
  const t1 = performance.now();
  if (!read.ok) throw new Error(`the timeline was not read: ${read.tooBig ?? `${read.errors} errors`}`);
  const result = simulate(journey, read.timeline, { trace: false });
  const t2 = performance.now();
  return { readMs: t1 - t0, packed: isPackedTimeline(read.timeline), replayMs: t2 - t1, events: eventCount(read.timeline), started: result.stats.started };
}

/** The file read and replayed on every core as the CLI runs it by default (each thread reads it for its own contacts), with each thread's steps. */
async function everyCore(journey: Journey, journeyFile: string, timelineFile: string): Promise<EveryCorePhases> {
  const threads = availableParallelism();
  const timings: ShardedFileTimings = { readMs: [], replayMs: [], mergeMs: 0 };
  const t0 = performance.now();
  const sharded = await replayFileInShards(journey, timelineFile, { trace: false }, threads, { journeyFile, errorsOnly: false }, undefined, timings);
  const t1 = performance.now();
  if (!sharded.ok) throw new Error(`the sharded read declined: ${sharded.reason}`);
  return { shardedMs: t1 - t0, sharded: { ...timings, threads }, started: sharded.snapshot.stats.started };
}

async function main(): Promise<void> {
  const [journeyFile, timelineFile, part] = process.argv.slice(2);
  if (!journeyFile || !timelineFile || (part !== 'one-thread' && part !== 'every-core')) throw new Error('usage: filePhases.js <journey.json> <timeline file> one-thread|every-core');
  const journey = validateJourneyText(readFileSync(journeyFile, 'utf8')).journey;
  if (!journey) throw new Error('the journey is not valid');
  if (part === 'every-core') {
    const phases: EveryCorePhases = await everyCore(journey, journeyFile, timelineFile);
    console.log(`RESULT ${JSON.stringify(phases)}`);
    return;
  }
  // The yardsticks first: they run none of the reader's code, so the read after them is as cold as the CLI's.
  const scan = scanMs(timelineFile);
  const parse = jsonParseMs(timelineFile);
  const phases: FilePhases = { scanMs: scan, jsonParseMs: parse, ...(await oneThread(journey, timelineFile)) };
  console.log(`RESULT ${JSON.stringify(phases)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
