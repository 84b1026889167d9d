// The timer queue: a 4-ary min-heap of (time, sequence) keys with a small
// integer payload. Each entry is four numbers side by side in one
// Float64Array (time, sequence, b, kind and a packed), so comparing and
// moving an entry touches one cache line, and four children sit together:
// with hundreds of thousands of waiting contacts this is several times
// faster than a binary heap over parallel arrays. Ties on time are broken
// by insertion sequence, so the order is fully deterministic (R14).
// Cancelled timers are not removed: their owner keeps a token and ignores a
// popped timer whose token is stale.

/** Numbers per entry: time, sequence, b, kind * 2^32 + a (as unsigned 32 bits). */
const STRIDE = 4;
const TWO_32 = 4294967296;

export class TimerQueue {
  private heap: Float64Array;
  private count = 0;
  private nextSeq = 0;

  /** The payload of the last `pop()`. */
  poppedTime = 0;
  poppedKind = 0;
  poppedA = 0;
  poppedB = 0;

  constructor(capacity = 64) {
    this.heap = new Float64Array(Math.max(1, capacity) * STRIDE);
  }

  get size(): number {
    return this.count;
  }

  /** The earliest due time, or +Infinity when empty. */
  peekTime(): number {
    return this.count > 0 ? this.heap[0]! : Infinity;
  }

  /** The insertion sequence of the earliest timer (undefined when empty). */
  peekSequence(): number | undefined {
    return this.count > 0 ? this.heap[1]! : undefined;
  }

  /** Adds a timer; `kind` is a small unsigned integer (0-255), `a` a 32-bit integer, `b` any number. */
  push(time: number, kind: number, a: number, b: number): void {
    this.insert(time, this.nextSeq++, kind, a, b);
  }

  /**
   * Adds a timer with the caller's insertion sequence (ties on time are
   * broken by it), for callers that order this heap's timers with others.
   * Do not mix with `push` on one queue.
   */
  pushSequenced(time: number, seq: number, kind: number, a: number, b: number): void {
    this.insert(time, seq, kind, a, b);
  }

  private insert(time: number, s: number, kind: number, a: number, b: number): void {
    if (this.count * STRIDE === this.heap.length) this.grow();
    const h = this.heap;
    let i = this.count++;
    // Sift up, moving parents down into the hole.
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const p = parent * STRIDE;
      const pt = h[p]!;
      if (pt < time || (pt === time && h[p + 1]! < s)) break;
      const o = i * STRIDE;
      h[o] = pt;
      h[o + 1] = h[p + 1]!;
      h[o + 2] = h[p + 2]!;
      h[o + 3] = h[p + 3]!;
      i = parent;
    }
    const o = i * STRIDE;
    h[o] = time;
    h[o + 1] = s;
    h[o + 2] = b;
    h[o + 3] = (kind & 255) * TWO_32 + (a >>> 0);
  }

  /** Removes the earliest timer and exposes it in popped*; false when empty. */
  pop(): boolean {
    if (this.count === 0) return false;
    const h = this.heap;
    this.poppedTime = h[0]!;
    this.poppedB = h[2]!;
    const packed = h[3]!;
    const kind = Math.floor(packed / TWO_32);
    this.poppedKind = kind;
    this.poppedA = (packed - kind * TWO_32) | 0;
    const last = --this.count;
    if (last === 0) return true;
    // Sift the last entry down from the root, moving the smallest child up into the hole.
    const l = last * STRIDE;
    const t = h[l]!;
    const s = h[l + 1]!;
    const b = h[l + 2]!;
    const k = h[l + 3]!;
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= last) break;
      let child = first;
      let co = first * STRIDE;
      let ct = h[co]!;
      let cs = h[co + 1]!;
      const end = first + 4 < last ? first + 4 : last;
      for (let j = first + 1; j < end; j++) {
        const jo = j * STRIDE;
        const jt = h[jo]!;
        if (jt < ct || (jt === ct && h[jo + 1]! < cs)) {
          child = j;
          co = jo;
          ct = jt;
          cs = h[jo + 1]!;
        }
      }
      if (t < ct || (t === ct && s < cs)) break;
      const o = i * STRIDE;
      h[o] = ct;
      h[o + 1] = cs;
      h[o + 2] = h[co + 2]!;
      h[o + 3] = h[co + 3]!;
      i = child;
    }
    const o = i * STRIDE;
    h[o] = t;
    h[o + 1] = s;
    h[o + 2] = b;
    h[o + 3] = k;
    return true;
  }

  private grow(): void {
    const next = new Float64Array(this.heap.length * 2);
    next.set(this.heap);
    this.heap = next;
  }
}
