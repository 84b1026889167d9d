// The contact ids a timeline file's events name, each numbered once in order
// of first use, looked up by their bytes (#16, for packedTimelineBuilder.ts).
// A million contacts' ids lie all over memory, and on the development
// machine one read far away costs about half a microsecond when the next
// step waits for it, so the lookups are arranged for the processor to wait
// for many at once:
// - only typed arrays are read: an open-addressing table whose slot holds
//   the id's hash, number, and where its bytes are in one arena of every
//   id's bytes; never the ids' strings, which V8 keeps as separate objects
//   across its heap (measured: a lookup through the strings cost ten times
//   as much);
// - the events' ids are queued (their bytes copied, their hashes known) and
//   looked up a batch at a time: first a loop that only reads each one's
//   slot, then one that reads each one's bytes in the arena, loops so short
//   that the processor has dozens of those reads under way at once; then the
//   lookups proper, which find all of it in the cache.
// The strings are kept for the timeline, decoded once at first use. Ids are
// ASCII (the schema's Id): one byte per character. Pure.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Int32s per slot: hash, number + 1 (0: free), the id's offset in the arena, its length. */
const SLOT = 4;
/** Ids queued before a batch of lookups. */
const BATCH = 512;

/** FNV-1a of bytes[start, end), as an int32. */
export function hashBytes(b: Uint8Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let k = start; k < end; k++) h = Math.imul(h ^ b[k]!, FNV_PRIME);
  return h | 0;
}

/** The hash of bytes so far, then `c`: hashBytes one byte at a time, from FNV_START. */
export const FNV_START = FNV_OFFSET | 0;
export const hashNext = (h: number, c: number): number => Math.imul(h ^ c, FNV_PRIME);

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export class ContactIdTable {
  /** The ids, by number. */
  readonly ids: string[] = [];
  private slots = new Int32Array(SLOT << 16);
  private arena = new Uint8Array(1 << 16);
  private arenaLength = 0;

  // Ids queued for lookup: their hashes, and their bytes one after the other.
  private readonly queuedHash = new Int32Array(BATCH);
  private readonly queuedEnd = new Int32Array(BATCH);
  private queuedBytes = new Uint8Array(BATCH * 32);
  /** Per queued id: its string when it is a listed contact's (add), whose number is not pushed. */
  private readonly queuedString: (string | undefined)[] = new Array<string | undefined>(BATCH).fill(undefined);
  private queued = 0;
  /** Keeps the loops that only read from being optimised away. */
  private touched = 0;

  /** @param numbers where each queued id's number is pushed, in queue order. */
  constructor(private readonly numbers: number[]) {}

  /** How many ids are numbered (the queued ones count after resolve()). */
  get size(): number {
    return this.ids.length;
  }

  /** Queues the id of bytes [s, e) (ASCII) whose hashBytes is `hash`; its number is pushed to `numbers` by the next lookups (at the latest by resolve()). */
  queue(b: Uint8Array, s: number, e: number, hash: number): void {
    const from = this.room(e - s);
    const bytes = this.queuedBytes;
    for (let k = s; k < e; k++) bytes[from + k - s] = b[k]!;
    this.queuedHash[this.queued] = hash;
    this.queuedEnd[this.queued] = from + e - s;
    if (++this.queued === BATCH) this.resolve();
  }

  /** Numbers a listed contact's id (ASCII) if it is new, after the queued ones, keeping this string. */
  add(id: string): void {
    const from = this.room(id.length);
    const bytes = this.queuedBytes;
    let hash = FNV_START;
    for (let k = 0; k < id.length; k++) {
      const c = id.charCodeAt(k);
      bytes[from + k] = c;
      hash = hashNext(hash, c);
    }
    this.queuedHash[this.queued] = hash;
    this.queuedEnd[this.queued] = from + id.length;
    this.queuedString[this.queued] = id;
    if (++this.queued === BATCH) this.resolve();
  }

  /** Where the next queued id's n bytes go. */
  private room(n: number): number {
    const from = this.queued === 0 ? 0 : this.queuedEnd[this.queued - 1]!;
    if (from + n > this.queuedBytes.length) {
      const bigger = new Uint8Array(Math.max(this.queuedBytes.length * 2, from + n));
      bigger.set(this.queuedBytes.subarray(0, from));
      this.queuedBytes = bigger;
    }
    return from;
  }

  /** Looks up every queued id, pushing their numbers. */
  resolve(): void {
    const count = this.queued;
    if (count === 0) return;
    const hashes = this.queuedHash;
    const ends = this.queuedEnd;
    const bytes = this.queuedBytes;
    // Read ahead: each one's first slot, then the bytes it points to.
    let touched = 0;
    const slots = this.slots;
    const mask = slots.length / SLOT - 1;
    for (let q = 0; q < count; q++) touched ^= slots[(hashes[q]! & mask) * SLOT + 2]!;
    const arena = this.arena;
    for (let q = 0; q < count; q++) touched ^= arena[slots[(hashes[q]! & mask) * SLOT + 2]!]!;
    this.touched = touched;
    const strings = this.queuedString;
    for (let q = 0; q < count; q++) {
      const s = q === 0 ? 0 : ends[q - 1]!;
      const listed = strings[q];
      if (listed === undefined) this.numbers.push(this.numberOf(bytes, s, ends[q]!, hashes[q]!, undefined));
      else {
        this.numberOf(bytes, s, ends[q]!, hashes[q]!, listed);
        strings[q] = undefined;
      }
    }
    this.queued = 0;
  }

  /** The number of the id of bytes [s, e) (ASCII) whose hashBytes is `hash`, numbering it next if it is new (its string: `text`, else decoded). */
  private numberOf(b: Uint8Array, s: number, e: number, hash: number, text: string | undefined): number {
    const n = e - s;
    const slots = this.slots;
    const mask = slots.length / SLOT - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slot * SLOT;
      const k = slots[at + 1]! - 1;
      if (k < 0) {
        const number = this.ids.length;
        this.ids.push(text ?? decoder.decode(b.subarray(s, e)));
        this.store(at, hash, number, b, s, e);
        return number;
      }
      if (slots[at] !== hash || slots[at + 3] !== n) continue;
      const arena = this.arena;
      const from = slots[at + 2]!;
      let m = 0;
      while (m < n && arena[from + m] === b[s + m]) m++;
      if (m === n) return k;
    }
  }

  private store(at: number, hash: number, number: number, b: Uint8Array, s: number, e: number): void {
    const n = e - s;
    if (this.arenaLength + n > this.arena.length) {
      const bigger = new Uint8Array(Math.max(this.arena.length * 2, this.arenaLength + n));
      bigger.set(this.arena.subarray(0, this.arenaLength));
      this.arena = bigger;
    }
    const arena = this.arena;
    for (let k = 0, to = this.arenaLength; k < n; k++) arena[to + k] = b[s + k]!; // a few bytes: no view of them to make
    const slots = this.slots;
    slots[at] = hash;
    slots[at + 1] = number + 1;
    slots[at + 2] = this.arenaLength;
    slots[at + 3] = n;
    this.arenaLength += n;
    if (this.ids.length * 2 > slots.length / SLOT) this.grow();
  }

  /** Twice the slots, every id placed again. */
  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length / SLOT - 1;
    for (let from = 0; from < old.length; from += SLOT) {
      if (old[from + 1] === 0) continue;
      let slot = old[from]! & mask;
      while (slots[slot * SLOT + 1] !== 0) slot = (slot + 1) & mask;
      // Copied one by one: a view per entry (subarray) cost more than the move itself.
      const to = slot * SLOT;
      slots[to] = old[from]!;
      slots[to + 1] = old[from + 1]!;
      slots[to + 2] = old[from + 2]!;
      slots[to + 3] = old[from + 3]!;
    }
    this.slots = slots;
  }
}
