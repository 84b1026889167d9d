// Runs that recur at a local wall-clock time (R19): run k of a schedule is
// its anchor plus k intervals, added as one nominal duration in the
// schedule's zone (R0), so a weekly 09:00 Europe/Vilnius run is 06:00Z in
// summer and 07:00Z in winter. Each run is counted from the anchor, not from
// the run before, so a run moved forward by a daylight-saving gap does not
// shift the ones after it (as RFC 5545 recurrences and Temporal). Pure.
import { addDuration, approximateMs, type NominalDuration, scaleDuration } from './nominalDuration';

export interface WallClockRecurrence {
  /** Run 0 (epoch ms). */
  readonly anchor: number;
  /** A positive interval. */
  readonly every: NominalDuration;
  /** The zone whose wall clock the runs keep. */
  readonly zone: string;
}

/** The instant of run k. */
export function runAt(r: WallClockRecurrence, k: number): number {
  return k === 0 ? r.anchor : addDuration(r.anchor, scaleDuration(r.every, k), r.zone);
}

/** The first run at or after `t` (run 0 when `t` is at or before the anchor): its index and instant. */
export function firstRunAtOrAfter(r: WallClockRecurrence, t: number): { k: number; at: number } {
  if (t <= r.anchor) return { k: 0, at: r.anchor };
  // Runs only go forward with k; estimate with 24-h days, then step to the exact one.
  let k = Math.max(0, Math.ceil((t - r.anchor) / approximateMs(r.every)));
  let at = runAt(r, k);
  while (k > 0) {
    const before = runAt(r, k - 1);
    if (before < t) break;
    k--;
    at = before;
  }
  while (at < t) at = runAt(r, ++k);
  return { k, at };
}
