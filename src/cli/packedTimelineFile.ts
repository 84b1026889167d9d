// Reads a timeline file for `journey simulate` the fast way (#16): streamed
// a few megabytes at a time (never the whole file in memory, never one
// string of it), each event read from its bytes straight into the columns
// of a PackedTimeline (packedTimelineBuilder.ts), both formats: the
// `.timeline.json` document (its top-level object walked here, the records
// of its `contacts` and `events` arrays handed to the builder) and the
// `.timeline.ndjson` lines. No location tree is built: locations are needed
// only for errors. When the builder is not sure of a record, or the
// timeline names something its journey lacks (every finding must be printed
// at its place), the file is read again the exact way (timelineFile.ts),
// which gives exactly today's timeline, or today's located errors. The heap
// is checked against the file size up front, while reading, and against the
// contacts and events before the replay, as there.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { JsonChar } from '../core/jsonChars';
import { type EventBody, nameSample, type PackedTimeline, type TimelineProperties } from '../core/packedTimeline';
import { GIVE_UP, INCOMPLETE, PackedTimelineBuilder, type ShardPlaces } from '../core/packedTimelineBuilder';
import { Timeline } from '../core/timeline';
import { TimelineHeader } from '../core/timelineNdjson';
import { readTimelineFile, type TimelineNameCheck, type TimelineRead, timelineTooBig } from './timelineFile';

/** Bytes read at a time. */
const WINDOW_BYTES = 4 << 20;
/** Heap per byte of file that a packed timeline takes at least (an event of 60 bytes holds 24 of columns). */
const MIN_HEAP_PER_FILE_BYTE = 0.3;
/** The replay's heap per contact and per event on top of the packed timeline (its per-event numbers and the contact-by-contact order), with a margin. */
const REPLAY_HEAP_PER_CONTACT = 160;
const REPLAY_HEAP_PER_EVENT = 32;
const PARSE_HEAP_SHARE = 0.9;
const BASE_HEAP = 64 * 2 ** 20;

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export type ReplayTimelineRead = { ok: true; timeline: Timeline | PackedTimeline; warnings: number } | { ok: false; errors: number; tooBig?: string };

class OverBudget extends Error {}

/** The bytes of a file, a window at a time (a Node Buffer: the builder makes a string of a few of its bytes without a view of them, plainContact.ts). */
class ByteWindow {
  buf: Uint8Array = Buffer.alloc(WINDOW_BYTES);
  pos = 0;
  end = 0;
  private done = false;
  /** Bytes of the file read so far. */
  private read = 0;

  constructor(
    private readonly fd: number,
    private readonly withinBudget: () => boolean,
    private readonly onRead?: (bytes: number) => void,
  ) {}

  /** Reads more, keeping the bytes from pos on; false at the end of the file. */
  more(): boolean {
    if (this.done) return false;
    if (!this.withinBudget()) throw new OverBudget();
    const kept = this.end - this.pos;
    if (kept * 2 > this.buf.length) {
      const bigger = Buffer.alloc(this.buf.length * 2);
      bigger.set(this.buf.subarray(this.pos, this.end));
      this.buf = bigger;
    } else this.buf.copyWithin(0, this.pos, this.end);
    this.pos = 0;
    this.end = kept;
    const n = readSync(this.fd, this.buf, kept, this.buf.length - kept, null);
    if (n === 0) {
      this.done = true;
      return false;
    }
    this.end += n;
    this.read += n;
    this.onRead?.(this.read);
    return true;
  }

  /** Skips JSON whitespace; the byte there, or -1 at the end of the file. */
  peek(): number {
    for (;;) {
      const b = this.buf;
      let i = this.pos;
      while (i < this.end && (b[i] === JsonChar.Space || b[i] === JsonChar.LineFeed || b[i] === JsonChar.CarriageReturn || b[i] === JsonChar.Tab)) i++;
      this.pos = i;
      if (i < this.end) return b[i]!;
      if (!this.more()) return -1;
    }
  }

  /** Runs a record reader at pos until it has the record's bytes: its end (pos moves there), or GIVE_UP. */
  record(builder: PackedTimelineBuilder, kind: 'event' | 'contact' | 'value'): number {
    for (;;) {
      const r = kind === 'event' ? builder.event(this.buf, this.pos, this.end) : kind === 'contact' ? builder.contact(this.buf, this.pos, this.end) : builder.skipValue(this.buf, this.pos, this.end);
      if (r !== INCOMPLETE) {
        if (r >= 0) this.pos = r;
        return r;
      }
      if (!this.more()) return GIVE_UP;
    }
  }
}

const PROPERTY_KEYS = new Set(['$schema', 'formatVersion', 'journey', 'description', 'seed', 'start', 'horizon']);

/** A `.timeline.json`: its timeline, or undefined when the exact reader must read it. */
function readJson(w: ByteWindow, builder: PackedTimelineBuilder): PackedTimeline | undefined {
  const properties: Record<string, unknown> = {};
  const seen = new Set<string>();
  w.more();
  if (w.buf[0] === 0xef && w.buf[1] === 0xbb && w.buf[2] === 0xbf) w.pos = 3; // a byte order mark
  if (w.peek() !== JsonChar.OpenBrace) return undefined;
  w.pos++;
  for (;;) {
    if (w.peek() !== JsonChar.Quote) return undefined;
    const keyStart = w.pos;
    if (w.record(builder, 'value') < 0) return undefined;
    let key: string;
    try {
      key = JSON.parse(decoder.decode(w.buf.subarray(keyStart, w.pos))) as string;
    } catch {
      return undefined;
    }
    if (seen.has(key)) return undefined;
    seen.add(key);
    if (w.peek() !== JsonChar.Colon) return undefined;
    w.pos++;
    const first = w.peek();
    if (key === 'contacts' || key === 'events') {
      if (first !== JsonChar.OpenBracket) return undefined;
      w.pos++;
      if (w.peek() === JsonChar.CloseBracket) w.pos++;
      else {
        for (;;) {
          if (w.record(builder, key === 'events' ? 'event' : 'contact') < 0) return undefined;
          const next = w.peek();
          w.pos++;
          if (next === JsonChar.Comma) continue;
          if (next === JsonChar.CloseBracket) break;
          return undefined;
        }
      }
    } else {
      if (!PROPERTY_KEYS.has(key) || first < 0) return undefined;
      const valueStart = w.pos;
      if (w.record(builder, 'value') < 0) return undefined;
      try {
        properties[key] = JSON.parse(decoder.decode(w.buf.subarray(valueStart, w.pos)));
      } catch {
        return undefined;
      }
    }
    const next = w.peek();
    w.pos++;
    if (next === JsonChar.Comma) continue;
    if (next === JsonChar.CloseBrace) break;
    return undefined;
  }
  if (w.peek() !== -1 || !seen.has('contacts') || !seen.has('events')) return undefined;
  if (!Timeline.safeParse({ ...properties, contacts: [], events: [] }).success) return undefined;
  return builder.finish(properties as TimelineProperties);
}

const EVENT_KEY = Uint8Array.from('"event"', (c) => c.charCodeAt(0));
const CONTACT_KEY = Uint8Array.from('"contact"', (c) => c.charCodeAt(0));

function startsWith(b: Uint8Array, i: number, end: number, word: Uint8Array): boolean {
  if (end - i < word.length) return false;
  for (let k = 0; k < word.length; k++) if (b[i + k] !== word[k]) return false;
  return true;
}

/** A `.timeline.ndjson`: its timeline, or undefined when the exact reader must read it. */
function readNdjson(w: ByteWindow, builder: PackedTimelineBuilder): PackedTimeline | undefined {
  let properties: TimelineProperties | undefined;
  const spaceFrom = (b: Uint8Array, i: number, end: number) => {
    while (i < end && (b[i] === JsonChar.Space || b[i] === JsonChar.Tab)) i++;
    return i;
  };
  for (let line = 1; ; line++) {
    let nl = w.buf.indexOf(JsonChar.LineFeed, w.pos);
    while (nl < 0 || nl >= w.end) {
      const from = w.end - w.pos;
      if (!w.more()) {
        nl = w.end;
        break;
      }
      nl = w.buf.indexOf(JsonChar.LineFeed, w.pos + from);
    }
    if (line > 1 && w.pos >= w.end) break; // the end of the file
    const b = w.buf;
    let end = nl;
    if (end > w.pos && b[end - 1] === JsonChar.CarriageReturn) end--;
    let i = w.pos;
    w.pos = Math.min(nl + 1, w.end);
    if (line === 1) {
      if (b[i] === 0xef && b[i + 1] === 0xbb && b[i + 2] === 0xbf) i += 3;
      if (b.subarray(i, end).includes(JsonChar.CarriageReturn)) return undefined; // a line break for the exact reader
      let header: unknown;
      try {
        header = JSON.parse(decoder.decode(b.subarray(i, end)));
      } catch {
        return undefined;
      }
      const checked = TimelineHeader.safeParse(header);
      if (!checked.success) return undefined;
      properties = checked.data;
      continue;
    }
    i = spaceFrom(b, i, end);
    if (i === end) continue; // a blank line
    if (b[i] !== JsonChar.OpenBrace) return undefined;
    i = spaceFrom(b, i + 1, end);
    const isEvent = startsWith(b, i, end, EVENT_KEY);
    if (!isEvent && !startsWith(b, i, end, CONTACT_KEY)) return undefined;
    i = spaceFrom(b, i + (isEvent ? EVENT_KEY : CONTACT_KEY).length, end);
    if (b[i] !== JsonChar.Colon) return undefined;
    const r = isEvent ? builder.event(b, i + 1, end) : builder.contact(b, i + 1, end);
    if (r < 0) return undefined;
    i = spaceFrom(b, r, end);
    if (b[i] !== JsonChar.CloseBrace || spaceFrom(b, i + 1, end) !== end) return undefined;
  }
  return properties ? builder.finish(properties) : undefined;
}

/** What the fast reader made of a file: its timeline (or one shard of it), or that the exact reader must read it, or that it is too big for the heap. */
export type FastRead = { kind: 'packed'; timeline: PackedTimeline; bodies: readonly EventBody[]; places: ShardPlaces } | { kind: 'exact' } | { kind: 'tooBig'; size: number; needed: number; limit: number };

/** Told the bytes of the file read so far, of its size. */
export type ReadProgress = (bytes: number, size: number) => void;

/** How a sharded read reads (shardedFileReplay.ts). */
export interface ShardedReadOptions {
  /** Keep only this shard's contacts and their events. */
  shard: { index: number; count: number };
  /** Frees the read's garbage now (a full collection), so that the heap holds only live data. */
  collectGarbage: () => void;
}

/** A read of this many records or more collects its garbage before its heap is measured for the replay (a small one's garbage does not matter). */
const COLLECT_AFTER_RECORDS = 200_000;
/** After a collection, the share of its budget a read's heap may hold and go on (room for more than a few windows before the next one). */
const AFTER_COLLECTION_SHARE = 0.8;

/**
 * Reads the file the fast way; with `sharded`, only that shard's contacts and
 * their events are kept (a sharded read: each thread reads the whole file for
 * its own shard, shardedFileReplay.ts), within that shard's share of the heap
 * still free (the heap given is the process's, shared by its threads). Such a
 * read's heap may hold much garbage (its heaps grow fast, readHeapGrowth.ts):
 * over its budget, and before its heap is measured for the replay, it
 * collects it and measures again.
 */
export function readFast(file: string, progress: ReadProgress | undefined, sharded?: ShardedReadOptions): FastRead {
  const shard = sharded?.shard;
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return { kind: 'exact' }; // the exact reader says why
  }
  try {
    const size = fstatSync(fd).size;
    // A shard may take its share of the heap still free (the threads share the heap the process was given).
    const heap = getHeapStatistics();
    const limit = shard ? heap.used_heap_size + (heap.heap_size_limit - heap.used_heap_size) / shard.count : heap.heap_size_limit;
    const atLeast = BASE_HEAP + size * MIN_HEAP_PER_FILE_BYTE;
    if (atLeast > limit) return { kind: 'tooBig', size, needed: atLeast, limit };
    const used = () => getHeapStatistics().used_heap_size;
    const budget = limit * PARSE_HEAP_SHARE;
    const withinBudget = () => used() < budget || (sharded !== undefined && (sharded.collectGarbage(), used() < budget * AFTER_COLLECTION_SHARE));
    const w = new ByteWindow(fd, withinBudget, progress ? (bytes) => progress(bytes, size) : undefined);
    let timeline: PackedTimeline | undefined;
    const ndjson = file.endsWith('.ndjson');
    const builder = new PackedTimelineBuilder({ crIsSpace: !ndjson, strictKeys: !ndjson, ...(shard ? { shard } : {}) });
    try {
      timeline = ndjson ? readNdjson(w, builder) : readJson(w, builder);
    } catch (error) {
      if (error instanceof OverBudget) return { kind: 'tooBig', size, needed: 0, limit };
      return { kind: 'exact' }; // e.g. a read error: the exact reader says what it is
    }
    if (!timeline) return { kind: 'exact' };
    if (sharded && timeline.eventTime.length + timeline.contacts.length >= COLLECT_AFTER_RECORDS) sharded.collectGarbage();
    const needed = used() + timeline.contacts.length * REPLAY_HEAP_PER_CONTACT + timeline.eventTime.length * REPLAY_HEAP_PER_EVENT + BASE_HEAP / 2;
    if (needed > limit) return { kind: 'tooBig', size, needed, limit };
    return { kind: 'packed', timeline, bodies: builder.distinctBodies, places: builder.places() };
  } finally {
    closeSync(fd);
  }
}

/**
 * The timeline of a file for a replay: packed when the fast reader takes it
 * and the journey has every name it gives, else as readTimelineFile reads it
 * (its errors and findings printed at their place). `progress` is told
 * the bytes read as the fast reader reads them.
 */
export async function readTimelineForReplay(file: string, out: (line: string) => void, checkNames?: TimelineNameCheck, progress?: ReadProgress): Promise<ReplayTimelineRead> {
  let fast: FastRead | undefined = readFast(file, progress);
  if (fast.kind === 'tooBig') return timelineTooBig(file, fast.size, fast.needed, fast.limit);
  if (fast.kind === 'packed' && (checkNames?.(nameSample(fast.timeline, fast.bodies)) ?? []).length === 0) return { ok: true, timeline: fast.timeline, warnings: 0 };
  fast = undefined; // the exact reader needs the memory
  return (await readTimelineFile(file, out, checkNames)) satisfies TimelineRead;
}
