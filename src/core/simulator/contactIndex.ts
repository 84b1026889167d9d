// Contact number by contact id, for resolving every timeline event's
// contact: an open-addressing hash table (linear probing) in one Int32Array
// of (hash, number + 1) pairs over the store's array of ids. Faster to build
// and to query than an object or a Map with a million string keys: no
// string internalisation, no allocation per entry, and a lookup is one
// probe into the table plus one comparison with the id found there.

import type { Numbers } from './heapNumbers';

/** Ids looked up together by getAll, pass by pass. */
const BLOCK = 4096;

/** A 32-bit hash of a string (FNV-1a over its UTF-16 code units, then a murmur3 finaliser). */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export class ContactIndex {
  /** Per slot: the id's hash, then its number + 1 (0: empty slot). */
  private slots: Int32Array;
  private mask: number;
  private count = 0;
  /** Where getAll's touching loads go, so that the compiler keeps them. */
  private touched = 0;
  /** getAll's hashes of one block (made on its first call, then reused). */
  private hashes: Int32Array | undefined;

  /** `ids[n]` is the id of contact number n; the index reads it, the caller appends to it. */
  constructor(
    private readonly ids: readonly string[],
    expected = 0,
  ) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
  }

  /** The number of the contact with this id, or -1. */
  get(id: string): number {
    return this.getHashed(id, hashOf(id));
  }

  /**
   * `out[outFrom + i] = get(ids[i])` for i < count, block by block, in passes
   * (touch every id, hash it, find each hash in the table, check each
   * candidate's id): within a pass the memory reads of one id do not wait on
   * those of the one before, so the processor overlaps their cache misses,
   * which are most of the cost of a lookup when the table and the ids are far
   * bigger than the caches. The ids come in a plain array (read three times
   * over: a dense array, not a function call and a property of an event per read).
   */
  getAll(ids: readonly string[], count: number, out: Numbers, outFrom = 0): void {
    const hashes = (this.hashes ??= new Int32Array(BLOCK));
    const slots = this.slots;
    const mask = this.mask;
    const known = this.ids;
    for (let from = 0; from < count; from += BLOCK) {
      const to = Math.min(from + BLOCK, count);
      // First only touch each id (its length): the loop is so short that many of these misses are under way at once.
      let touched = 0;
      for (let i = from; i < to; i++) touched += ids[i]!.length;
      this.touched = touched;
      for (let i = from; i < to; i++) hashes[i - from] = hashOf(ids[i]!);
      for (let i = from; i < to; i++) {
        const h = hashes[i - from]!;
        let s = h & mask;
        while (slots[2 * s + 1] !== 0 && slots[2 * s] !== h) s = (s + 1) & mask;
        out[outFrom + i] = slots[2 * s + 1]! - 1;
      }
      for (let i = from; i < to; i++) {
        const c = out[outFrom + i]!;
        if (c >= 0 && known[c] !== ids[i]!) out[outFrom + i] = this.getHashed(ids[i]!, hashes[i - from]!); // same hash, other id
      }
    }
  }

  private getHashed(id: string, h: number): number {
    const slots = this.slots;
    const mask = this.mask;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const n = slots[2 * s + 1]!;
      if (n === 0) return -1;
      if (slots[2 * s] === h && this.ids[n - 1] === id) return n - 1;
    }
  }

  /**
   * The number of the contact with this id if it is in the index; else
   * records `n` as its number (the caller then appends the id to `ids`) and
   * returns -1. One hash and one probe for both.
   */
  addIfAbsent(id: string, n: number): number {
    if (2 * (this.count + 1) > this.mask + 1) this.grow();
    const h = hashOf(id);
    const slots = this.slots;
    const mask = this.mask;
    let s = h & mask;
    for (; slots[2 * s + 1] !== 0; s = (s + 1) & mask) {
      const known = slots[2 * s + 1]! - 1;
      if (slots[2 * s] === h && this.ids[known] === id) return known;
    }
    slots[2 * s] = h;
    slots[2 * s + 1] = n + 1;
    this.count++;
    return -1;
  }

  private place(h: number, entry: number): void {
    const slots = this.slots;
    const mask = this.mask;
    let s = h & mask;
    while (slots[2 * s + 1] !== 0) s = (s + 1) & mask;
    slots[2 * s] = h;
    slots[2 * s + 1] = entry;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = old.length - 1;
    for (let s = 0; s < old.length; s += 2) if (old[s + 1] !== 0) this.place(old[s]!, old[s + 1]!);
  }
}
