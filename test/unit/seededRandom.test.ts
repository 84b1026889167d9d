// Specification of src/core/seededRandom.ts: mulberry32, bit for bit the
// published generator (Tommy Ettinger's, as written in bryc's
// "PRNGs in JavaScript"), so a seed gives the same numbers on every machine
// and in every version of the project; numbers in [0, 1); a seed is taken as
// a 32-bit integer.
import assert from 'node:assert/strict';
import { mulberry32 } from '../../src/core/seededRandom';

/** The published mulberry32, kept verbatim apart from types. */
function publishedMulberry32(a: number): () => number {
  return function () {
    let t = (a += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const draw = (next: () => number, n: number) => Array.from({ length: n }, () => next());

describe('seeded random numbers (mulberry32)', () => {
  for (const seed of [0, 1, 42, 0x7fffffff, 123456789, 0xdeadbeef >>> 0]) {
    it(`seed ${seed}: the same 1,000 numbers as the published mulberry32`, () => {
      assert.deepEqual(draw(mulberry32(seed), 1000), draw(publishedMulberry32(seed), 1000));
    });
  }

  it('every number is in [0, 1), and the same seed gives the same sequence', () => {
    const numbers = draw(mulberry32(7), 10_000);
    for (const x of numbers) assert.ok(x >= 0 && x < 1, `${x} out of [0, 1)`);
    assert.deepEqual(draw(mulberry32(7), 10_000), numbers);
    assert.ok(new Set(numbers).size > 9_990, 'the numbers hardly repeat');
  });

  it('a seed is taken as a 32-bit integer: seeds equal modulo 2^32 give the same numbers, different seeds different ones', () => {
    assert.deepEqual(draw(mulberry32(-1), 20), draw(mulberry32(0xffffffff), 20));
    assert.deepEqual(draw(mulberry32(2 ** 32 + 5), 20), draw(mulberry32(5), 20));
    assert.notDeepEqual(draw(mulberry32(1), 20), draw(mulberry32(2), 20));
  });
});
