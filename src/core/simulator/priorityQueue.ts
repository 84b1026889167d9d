// The timer queue: a binary min-heap of (time, sequence) keys with a small
// integer payload, stored in parallel typed arrays (no object per timer).
// Ties on time are broken by insertion sequence, so the order is fully
// deterministic (R14). Cancelled timers are not removed: their owner keeps a
// token and ignores a popped timer whose token is stale.

export class TimerQueue {
  private time: Float64Array;
  private seq: Float64Array;
  private kind: Uint8Array;
  private a: Int32Array;
  private b: Float64Array;
  private count = 0;
  private nextSeq = 0;

  /** The payload of the last `pop()`. */
  poppedTime = 0;
  poppedKind = 0;
  poppedA = 0;
  poppedB = 0;

  constructor(capacity = 64) {
    this.time = new Float64Array(capacity);
    this.seq = new Float64Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.a = new Int32Array(capacity);
    this.b = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** The earliest due time, or +Infinity when empty. */
  peekTime(): number {
    return this.count > 0 ? this.time[0]! : Infinity;
  }

  push(time: number, kind: number, a: number, b: number): void {
    if (this.count === this.time.length) this.grow();
    let i = this.count++;
    const s = this.nextSeq++;
    // Sift up, moving parents down into the hole.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = this.time[parent]!;
      if (pt < time || (pt === time && this.seq[parent]! < s)) break;
      this.move(parent, i);
      i = parent;
    }
    this.time[i] = time;
    this.seq[i] = s;
    this.kind[i] = kind;
    this.a[i] = a;
    this.b[i] = b;
  }

  /** Removes the earliest timer and exposes it in popped*; false when empty. */
  pop(): boolean {
    if (this.count === 0) return false;
    this.poppedTime = this.time[0]!;
    this.poppedKind = this.kind[0]!;
    this.poppedA = this.a[0]!;
    this.poppedB = this.b[0]!;
    const last = --this.count;
    if (last === 0) return true;
    const t = this.time[last]!;
    const s = this.seq[last]!;
    const k = this.kind[last]!;
    const a = this.a[last]!;
    const b = this.b[last]!;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= last) break;
      const right = left + 1;
      let child = left;
      if (right < last && this.less(right, left)) child = right;
      const ct = this.time[child]!;
      if (t < ct || (t === ct && s < this.seq[child]!)) break;
      this.move(child, i);
      i = child;
    }
    this.time[i] = t;
    this.seq[i] = s;
    this.kind[i] = k;
    this.a[i] = a;
    this.b[i] = b;
    return true;
  }

  private less(i: number, j: number): boolean {
    const ti = this.time[i]!;
    const tj = this.time[j]!;
    return ti < tj || (ti === tj && this.seq[i]! < this.seq[j]!);
  }

  private move(from: number, to: number): void {
    this.time[to] = this.time[from]!;
    this.seq[to] = this.seq[from]!;
    this.kind[to] = this.kind[from]!;
    this.a[to] = this.a[from]!;
    this.b[to] = this.b[from]!;
  }

  private grow(): void {
    const n = this.time.length * 2;
    const grow = <T extends Float64Array | Int32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(n);
      next.set(old);
      return next;
    };
    this.time = grow(this.time, (k) => new Float64Array(k));
    this.seq = grow(this.seq, (k) => new Float64Array(k));
    this.kind = grow(this.kind, (k) => new Uint8Array(k));
    this.a = grow(this.a, (k) => new Int32Array(k));
    this.b = grow(this.b, (k) => new Float64Array(k));
  }
}
