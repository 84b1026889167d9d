// A small, fast, seedable pseudo-random generator (mulberry32): the same
// seed gives the same numbers on every machine, so generated timelines and
// seeded test inputs are reproducible. Not for anything secret. Pure.

/** Numbers in [0, 1) from `seed` (taken as a 32-bit integer). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
