// Runs a simulation to its end in slices of time for a caller that must stay
// responsive (#16: the editor's Simulate Journey, with a progress
// notification and Cancel): it advances to one instant after another (a
// sample of the timeline's own instants), and after about `sliceMs` of work
// it reports how far it got and awaits `pause` (the event loop runs: a
// Cancel is seen), then asks whether to stop. Advancing in several steps
// gives the same snapshot as one run (Simulation.advanceTo), so a replay that
// is not cancelled ends exactly as run(). Pure.
import type { PackedTimeline } from './packedTimeline';
import type { Simulation } from './simulator/index';
import type { Timeline } from './timeline';

/** Instants of the timeline the replay advances to, at most this many. */
const SLICES = 200;

export interface SliceOptions {
  /** Told the share of the replay done (0..1), after each slice. */
  onProgress?: (fraction: number) => void;
  /** Asked after each pause: true stops the replay. */
  cancelled?: () => boolean;
  /** Work between two pauses, ms. */
  sliceMs?: number;
  /** The pause (default: a macrotask, so timers and messages run). */
  pause?: () => Promise<void>;
  /** The clock, ms. */
  now?: () => number;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Instants to advance to, ascending: every so many events' (the timeline's order need not be time order). */
function sliceInstants(timeline: Timeline | PackedTimeline): number[] {
  const packed = (timeline as PackedTimeline).packed === true;
  const n = packed ? (timeline as PackedTimeline).eventTime.length : (timeline as Timeline).events.length;
  const every = Math.max(1, Math.ceil(n / SLICES));
  const instants: number[] = [];
  for (let i = every - 1; i < n; i += every) {
    const t = packed ? (timeline as PackedTimeline).eventTime[i]! : Date.parse((timeline as Timeline).events[i]!.at);
    if (!Number.isNaN(t)) instants.push(t);
  }
  return instants.sort((a, b) => a - b);
}

/** Runs `simulation` (of `timeline`, at its start) to its end; false when cancelled part-way (drop the simulation then). */
export async function runInSlices(simulation: Simulation, timeline: Timeline | PackedTimeline, options: SliceOptions = {}): Promise<boolean> {
  const { onProgress, cancelled, sliceMs = 50, pause = nextTask, now = () => performance.now() } = options;
  const instants = sliceInstants(timeline);
  let since = now();
  for (let k = 0; k < instants.length; k++) {
    simulation.advanceTo(instants[k]!);
    if (now() - since < sliceMs) continue;
    onProgress?.((k + 1) / (instants.length + 1));
    await pause();
    if (cancelled?.()) return false;
    since = now();
  }
  simulation.run();
  onProgress?.(1);
  return true;
}
