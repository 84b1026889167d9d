// The engine's timers: a TimerQueue (4-ary heap) plus FIFO lanes for timers
// set a fixed delay after the current instant. The replay's clock never goes
// back, so the timers of one delay (one wait point's duration) come due in
// the order they were set: a lane is a plain queue, pushed at its tail and
// popped at its head, touching memory in order instead of a heap path of
// scattered cache lines. The next timer is the earliest by (time, insertion
// sequence) among the lane heads and the heap top, with one sequence for
// all of them: exactly the order of a single heap (R14). A timer that would
// come due before the tail of its lane (in a replay only when a wait of days
// begins in a fall-back overlap, R0: a later instant, an earlier wall-clock
// time) goes to the heap instead, so the order holds anyway.
import type { Numbers } from './heapNumbers';
import { TimerQueue } from './priorityQueue';

/** Numbers per lane entry: time, sequence, kind, a, b. */
const STRIDE = 5;
/** More distinct delays than this share the heap. */
export const MAX_LANES = 32;

class Lane {
  buf = new Float64Array(64 * STRIDE);
  /** Offset of the head entry in buf. */
  head = 0;
  count = 0;
  lastTime = -Infinity;
  /** Entries from the head whose payload's state was touched ahead (see Timers.warmAhead). */
  warmed = 0;

  push(time: number, seq: number, kind: number, a: number, b: number): void {
    const cap = this.buf.length / STRIDE;
    if (this.count === cap) this.grow();
    let o = this.head + this.count * STRIDE;
    if (o >= this.buf.length) o -= this.buf.length;
    const buf = this.buf;
    buf[o] = time;
    buf[o + 1] = seq;
    buf[o + 2] = kind;
    buf[o + 3] = a;
    buf[o + 4] = b;
    this.count++;
    this.lastTime = time;
  }

  shift(): void {
    this.head += STRIDE;
    if (this.head === this.buf.length) this.head = 0;
    this.count--;
    this.warmed--;
  }

  /** Sum of state[a * stride] over the next `ahead` entries' payloads `a`. */
  touch(state: Numbers, stride: number, ahead: number): number {
    const n = Math.min(ahead, this.count);
    const buf = this.buf;
    let o = this.head;
    let sum = 0;
    for (let k = 0; k < n; k++) {
      sum += state[buf[o + 3]! * stride]!;
      o += STRIDE;
      if (o === buf.length) o = 0;
    }
    this.warmed = n;
    return sum;
  }

  private grow(): void {
    const old = this.buf;
    const next = new Float64Array(old.length * 2);
    next.set(old.subarray(this.head));
    next.set(old.subarray(0, this.head), old.length - this.head);
    this.buf = next;
    this.head = 0;
  }
}

export class Timers {
  private readonly heap = new TimerQueue();
  private readonly lanes: Lane[] = [];
  /** Insertion sequence shared by the heap and the lanes. */
  private seq = 0;

  /** The payload of the last `pop()`. */
  poppedTime = 0;
  poppedKind = 0;
  poppedA = 0;
  poppedB = 0;

  // The earliest timer: its source (-1 the heap, else a lane), time and sequence.
  private nextSource = -1;
  private nextTime = Infinity;
  private nextSeq = Infinity;
  private count = 0;

  // Warming ahead: touching the state the next lane timers' payloads point at (see warmAhead).
  private warmState: Numbers | undefined = undefined;
  private warmStride = 0;
  private warmCount = 0;
  private warmSink = 0;

  get size(): number {
    return this.count;
  }

  /** A new lane, for the timers of one fixed delay; undefined when there are too many lanes already (use `push`). */
  newLane(): number | undefined {
    if (this.lanes.length >= MAX_LANES) return undefined;
    this.lanes.push(new Lane());
    return this.lanes.length - 1;
  }

  /**
   * From now on, whenever a lane's head reaches timers not yet warmed, reads
   * `state[a * stride]` for its next `ahead` timers' payloads `a` in one
   * loop: the caller's per-payload state is then in the cache when their
   * turn comes (the loads of one loop overlap, those of single pops would
   * each wait for memory).
   */
  warmAhead(state: Numbers, stride: number, ahead: number): void {
    this.warmState = state;
    this.warmStride = stride;
    this.warmCount = ahead;
  }

  /** The earliest due time, or +Infinity when empty. */
  peekTime(): number {
    return this.nextTime;
  }

  /** Adds a timer; `kind` a small unsigned integer (0-255), `a` a 32-bit integer, `b` any number. */
  push(time: number, kind: number, a: number, b: number): void {
    const seq = this.seq++;
    this.pushToHeap(time, seq, kind, a, b);
  }

  /** Adds a timer to a lane (see newLane); same order as `push`. */
  pushToLane(lane: number, time: number, kind: number, a: number, b: number): void {
    const seq = this.seq++;
    const l = this.lanes[lane]!;
    if (time < l.lastTime) {
      this.pushToHeap(time, seq, kind, a, b);
      return;
    }
    l.push(time, seq, kind, a, b);
    this.count++;
    if (time < this.nextTime) {
      // An equal time never wins: its sequence is the newest.
      this.nextSource = lane;
      this.nextTime = time;
      this.nextSeq = seq;
    }
  }

  /** Removes the earliest timer and exposes it in popped*; false when empty. */
  pop(): boolean {
    if (this.count === 0) return false;
    const source = this.nextSource;
    if (source < 0) {
      const heap = this.heap;
      heap.pop();
      this.poppedTime = heap.poppedTime;
      this.poppedKind = heap.poppedKind;
      this.poppedA = heap.poppedA;
      this.poppedB = heap.poppedB;
    } else {
      const l = this.lanes[source]!;
      if (l.warmed <= 0 && this.warmState !== undefined) this.warmSink += l.touch(this.warmState, this.warmStride, this.warmCount);
      const o = l.head;
      const buf = l.buf;
      this.poppedTime = buf[o]!;
      this.poppedKind = buf[o + 2]!;
      this.poppedA = buf[o + 3]!;
      this.poppedB = buf[o + 4]!;
      l.shift();
    }
    this.count--;
    this.findNext();
    return true;
  }

  private pushToHeap(time: number, seq: number, kind: number, a: number, b: number): void {
    this.heap.pushSequenced(time, seq, kind, a, b);
    this.count++;
    if (time < this.nextTime || (time === this.nextTime && seq < this.nextSeq)) this.findNext();
  }

  private findNext(): void {
    let source = -1;
    let time = Infinity;
    let seq = Infinity;
    const heap = this.heap;
    if (heap.size > 0) {
      time = heap.peekTime();
      seq = heap.peekSequence()!;
    }
    const lanes = this.lanes;
    for (let k = 0; k < lanes.length; k++) {
      const l = lanes[k]!;
      if (l.count === 0) continue;
      const t = l.buf[l.head]!;
      if (t < time || (t === time && l.buf[l.head + 1]! < seq)) {
        source = k;
        time = t;
        seq = l.buf[l.head + 1]!;
      }
    }
    this.nextSource = source;
    this.nextTime = time;
    this.nextSeq = seq;
  }
}
