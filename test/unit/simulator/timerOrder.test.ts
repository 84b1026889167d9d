// R14 for the engine's timers (src/core/simulator/timerLanes.ts), written
// out case by case: timers due at one instant pop in the order they were
// set, in the heap, in one fixed-delay lane, and across lanes and the heap;
// a lane holding more timers than its first buffer, and one whose buffer has
// wrapped round, keeps them all in order. (The generated property in
// internals.test.ts draws short operation lists, which did not reach these.)
import assert from 'node:assert/strict';
import { TimerQueue } from '../../../src/core/simulator/priorityQueue';
import { Timers } from '../../../src/core/simulator/timerLanes';

function drain(timers: Timers): [number, number][] {
  const out: [number, number][] = [];
  while (timers.pop()) out.push([timers.poppedTime, timers.poppedA]);
  return out;
}

describe('timers due at one instant (R14)', () => {
  it('R14: pop in the order they were set, in the heap', () => {
    const timers = new Timers();
    for (const a of [1, 2, 3, 4]) timers.push(5, 0, a, 0);
    timers.push(4, 0, 0, 0);
    assert.deepEqual(drain(timers), [[4, 0], [5, 1], [5, 2], [5, 3], [5, 4]]);
  });

  it('R14: pop in the order they were set across lanes and the heap, whichever holds them', () => {
    const timers = new Timers();
    const lanes = [timers.newLane()!, timers.newLane()!];
    timers.push(5, 0, 1, 0);
    timers.pushToLane(lanes[0]!, 5, 0, 2, 0);
    timers.push(5, 0, 3, 0);
    timers.pushToLane(lanes[1]!, 5, 0, 4, 0);
    timers.pushToLane(lanes[0]!, 5, 0, 5, 0);
    timers.push(5, 0, 6, 0);
    timers.pushToLane(lanes[1]!, 6, 0, 8, 0);
    timers.push(6, 0, 9, 0);
    assert.equal(timers.peekTime(), 5);
    assert.deepEqual(drain(timers), [[5, 1], [5, 2], [5, 3], [5, 4], [5, 5], [5, 6], [6, 8], [6, 9]]);
  });

  it('R14: the first timer set wins a tie whether it is in a lane or the heap, also when set after a pop', () => {
    const timers = new Timers();
    const lane = timers.newLane()!;
    timers.pushToLane(lane, 5, 0, 1, 0);
    timers.push(3, 0, 0, 0);
    assert.ok(timers.pop());
    assert.equal(timers.poppedA, 0);
    timers.push(5, 0, 2, 0);
    timers.pushToLane(lane, 5, 0, 3, 0);
    assert.deepEqual(drain(timers), [[5, 1], [5, 2], [5, 3]]);
  });

  it('R14: a lane with more timers than its first buffer, and one wrapped round, keeps them all in order', () => {
    const timers = new Timers();
    const lane = timers.newLane()!;
    for (let k = 0; k < 150; k++) timers.pushToLane(lane, k, 0, k, 0);
    assert.equal(timers.size, 150);
    assert.deepEqual(drain(timers).map(([, a]) => a), Array.from({ length: 150 }, (_, k) => k));

    const wrapped = new Timers();
    const l = wrapped.newLane()!;
    let next = 0;
    const popped: number[] = [];
    for (let round = 0; round < 6; round++) {
      for (let k = 0; k < 50; k++) wrapped.pushToLane(l, next, 0, next++, 0);
      for (let k = 0; k < 40; k++) {
        assert.ok(wrapped.pop());
        popped.push(wrapped.poppedA);
      }
    }
    while (wrapped.pop()) popped.push(wrapped.poppedA);
    assert.deepEqual(popped, Array.from({ length: next }, (_, k) => k));
  });
});

describe('the timer heap (R14: time, then insertion order)', () => {
  /** Pops everything: [time, a, b, kind] per timer. */
  function drainQueue(q: TimerQueue): [number, number, number, number][] {
    const out: [number, number, number, number][] = [];
    while (q.pop()) out.push([q.poppedTime, q.poppedA, q.poppedB, q.poppedKind]);
    return out;
  }

  it('R14: many timers at a few instants, pushed in scrambled order with pops between, come out by time, ties in the order they were set, with their payloads', () => {
    const q = new TimerQueue(2);
    const model: { time: number; n: number }[] = [];
    const out: [number, number, number, number][] = [];
    const expected: [number, number, number, number][] = [];
    const entry = (m: { time: number; n: number }): [number, number, number, number] => [m.time, m.n, m.n * 10 + 0.5, m.n % 7];
    for (let n = 0; n < 400; n++) {
      const time = (n * 37) % 5; // five instants, each shared by 80 timers
      q.push(time, n % 7, n, n * 10 + 0.5);
      model.push({ time, n });
      if (n % 3 === 2) {
        model.sort((a, b) => a.time - b.time || a.n - b.n);
        expected.push(entry(model.shift()!));
        assert.ok(q.pop());
        out.push([q.poppedTime, q.poppedA, q.poppedB, q.poppedKind]);
      }
      assert.equal(q.size, model.length);
    }
    model.sort((a, b) => a.time - b.time || a.n - b.n);
    expected.push(...model.map(entry));
    out.push(...drainQueue(q));
    assert.deepEqual(out, expected);
  });

  it('R14: thousands of timers at scattered instants, pushed and popped in a fixed pseudo-random mix, come out as a stable sort of them would', () => {
    let state = 0x2545f491; // xorshift32, a fixed seed: the same mix on every run
    const next = () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) / 4294967296;
    };
    const q = new TimerQueue();
    const model: { time: number; n: number }[] = [];
    let n = 0;
    for (let op = 0; op < 6000; op++) {
      if (next() < 0.6) {
        const time = Math.floor(next() * 300);
        q.push(time, 0, n, 0);
        model.push({ time, n: n++ });
      } else {
        model.sort((a, b) => a.time - b.time || a.n - b.n);
        const expected = model.shift();
        assert.equal(q.pop(), expected !== undefined);
        if (expected) assert.deepEqual([q.poppedTime, q.poppedA], [expected.time, expected.n], `operation ${op}`);
      }
    }
    model.sort((a, b) => a.time - b.time || a.n - b.n);
    assert.deepEqual(drainQueue(q).map(([time, a]) => ({ time, n: a })), model);
  });

  it('R14: timers set with the caller’s sequence (as the lanes do) pop by time, then by that sequence', () => {
    const q = new TimerQueue();
    const set: [number, number][] = [];
    for (let s = 0; s < 120; s++) set.push([[4, 1, 3, 1, 2][s % 5]!, s]);
    for (const [time, s] of set) q.pushSequenced(time, s, 1, s, 0);
    const sorted = [...set].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    assert.deepEqual(drainQueue(q).map(([time, a]) => [time, a]), sorted);
  });

  it('tells the sequence of its earliest timer, and none when empty', () => {
    const q = new TimerQueue();
    assert.equal(q.peekSequence(), undefined);
    assert.equal(q.peekTime(), Infinity);
    q.pushSequenced(9, 41, 0, 1, 0);
    q.pushSequenced(3, 42, 0, 2, 0);
    q.pushSequenced(3, 43, 0, 3, 0);
    assert.equal(q.peekSequence(), 42);
    assert.ok(q.pop());
    assert.equal(q.peekSequence(), 43);
    assert.ok(q.pop());
    assert.equal(q.peekSequence(), 41);
    assert.ok(q.pop());
    assert.equal(q.peekSequence(), undefined);
    assert.equal(q.pop(), false);
  });
});
