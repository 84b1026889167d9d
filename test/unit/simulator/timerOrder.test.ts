// R14 for the engine's timers (src/core/simulator/timerLanes.ts), written
// out case by case: timers due at one instant pop in the order they were
// set, in the heap, in one fixed-delay lane, and across lanes and the heap;
// a lane holding more timers than its first buffer, and one whose buffer has
// wrapped round, keeps them all in order. (The generated property in
// internals.test.ts draws short operation lists, which did not reach these.)
import assert from 'node:assert/strict';
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
