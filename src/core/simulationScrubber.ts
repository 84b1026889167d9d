// The snapshots behind the editor's time scrubber (#16): a step forward
// advances one live simulation from where it stands (advancing in several
// steps gives the same state as one step), instead of replaying the whole
// timeline from the start at every step; a step back takes a snapshot from a
// small cache, and on a miss replays from the start once, keeping the
// snapshots of the steps just before on the way, so stepping back costs one
// replay per BACK_WINDOW steps. Each snapshot equals that of a replay from
// the start to its instant (test/unit/simulator/scrubber.test.ts). Pure.
import type { Simulation, SimulationSnapshot } from './simulator/index';

/** Steps before the target whose snapshots a replay from the start keeps. */
const BACK_WINDOW = 8;
/** Snapshots kept (the oldest used goes first). */
const CACHED_SNAPSHOTS = 64;

export class SimulationScrubber {
  private cursor: Simulation | undefined;
  /** The step the cursor simulation has advanced to. */
  private cursorIndex = -1;
  private readonly cache = new Map<number, SimulationSnapshot>();

  /** `replay` makes a new simulation of the timeline at its start; `instants` are the scrubber's steps, ascending. */
  constructor(
    private readonly replay: () => Simulation,
    readonly instants: readonly number[],
  ) {}

  /** Counts the replays from the start so far (for the benchmark and tests). */
  replays = 0;

  /** The snapshot at step `index` (0 ≤ index < instants.length). */
  snapshotAt(index: number): SimulationSnapshot {
    const cached = this.cache.get(index);
    if (cached) {
      this.cache.delete(index); // most recently used last
      this.cache.set(index, cached);
      return cached;
    }
    try {
      if (this.cursor && index >= this.cursorIndex) {
        this.cursor.advanceTo(this.instants[index]!);
        this.cursorIndex = index;
        return this.remember(index, this.cursor.snapshot());
      }
      const simulation = this.replay();
      this.replays++;
      let snapshot: SimulationSnapshot | undefined;
      for (let k = Math.max(0, index - BACK_WINDOW); k <= index; k++) {
        simulation.advanceTo(this.instants[k]!);
        snapshot = this.remember(k, simulation.snapshot());
      }
      this.cursor = simulation;
      this.cursorIndex = index;
      return snapshot!;
    } catch (error) {
      // A replay that stops with an error (as a replay from the start would) leaves no cursor half-way.
      this.cursor = undefined;
      this.cursorIndex = -1;
      throw error;
    }
  }

  private remember(index: number, snapshot: SimulationSnapshot): SimulationSnapshot {
    this.cache.delete(index);
    this.cache.set(index, snapshot);
    if (this.cache.size > CACHED_SNAPSHOTS) this.cache.delete(this.cache.keys().next().value!);
    return snapshot;
  }
}
