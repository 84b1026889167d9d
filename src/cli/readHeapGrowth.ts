// How `journey simulate` steers V8's garbage collector while several
// threads read a timeline file at once (#16, shardedFileReplay.ts).
// A thread's read of a million-contact file fills its heap with data that
// all lives to the end of the read. V8 sets a heap's next limit at about
// twice what survived its last full collection, so a heap growing to
// 200 MB goes through six or seven full collections, each marking
// everything read so far; and on two cores the threads that mark one
// thread's heap take the core of the other thread (measured on the
// development machine: half of the benchmark's file read by two processes
// at once took 5.1 s each, one alone 3.3 s). So while the threads read,
// every heap grows four times what survived (--heap-growing-percent, a
// V8 flag of the whole process that V8 reads at each collection): three
// collections instead of seven, and 3.5-3.9 s each for two reads at once. When
// a thread has read its shard it sets the usual growth again and collects
// the read's garbage at once (a full collection, about 0.1 s), so every
// replay starts from a heap of live data with the usual limit: the
// process's peak memory is set by the replay, as before (#16: ≤ 1 GB).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** While threads read: each collection sets the heap's next limit at (1 + this / 100) times what survived. */
const READING_GROWTH_PERCENT = 300;

/** Heaps grow four times what survives each collection (every thread's heap), until usualHeapGrowth. */
export function readingHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${READING_GROWTH_PERCENT}`);
}

/** Heaps grow as V8 decides (its default). */
export function usualHeapGrowth(): void {
  setFlagsFromString('--heap-growing-percent=0');
}

/**
 * A full garbage collection of this thread's heap, with the usual growth
 * from here on. `gc` is exposed to a new context only (the flag is the
 * process's, this thread's own global does not change).
 */
export function collectGarbage(): void {
  usualHeapGrowth();
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}
