// Durations of the journey format read as R0 says (src/core/semantics.md):
// weeks and days are nominal, counted on the wall clock of a time zone as in
// RFC 5545 and Temporal's ZonedDateTime.add (a 1-day wait begun at 10:00 the
// day before a daylight-saving change ends at 10:00 the next day, 23 or 25 h
// later); hours, minutes and seconds are exact. Pure.
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from './calendar';
import { laterByDays } from './zoneOffsets';

/** A duration split as R0 reads it: whole nominal days (weeks × 7 + days) and exact milliseconds. */
export interface NominalDuration {
  readonly days: number;
  readonly exactMs: number;
}

export const NO_DURATION: NominalDuration = { days: 0, exactMs: 0 };

const DURATION = /^P(?!$)(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** `P1W2DT3H` → 9 nominal days and 3 exact hours; undefined if the text is not a duration of the format. */
export function parseNominalDuration(text: string): NominalDuration | undefined {
  const m = DURATION.exec(text);
  if (!m) return undefined;
  const [, w, d, h, min, s] = m.map((g) => (g === undefined ? 0 : Number(g)));
  return { days: w! * 7 + d!, exactMs: h! * HOUR_MS + min! * MINUTE_MS + s! * SECOND_MS };
}

/** A nominal duration from its days and the total it was counted as with 24-h days (the IR's `…Ms` fields). */
export function nominalFromTotal(totalMs: number, days: number | undefined): NominalDuration {
  const d = days ?? 0;
  return { days: d, exactMs: totalMs - d * DAY_MS };
}

/** The duration's length when every day is 24 h (what it was counted as before R0: an upper bound of sorts, for sizing). */
export function approximateMs(d: NominalDuration): number {
  return d.days * DAY_MS + d.exactMs;
}

/** The duration `times` over (for the k-th run of a recurrence, counted from its first). */
export function scaleDuration(d: NominalDuration, times: number): NominalDuration {
  return { days: d.days * times, exactMs: d.exactMs * times };
}

/**
 * The instant `d` after `epochMs` in `zone` (R0), as Temporal's
 * ZonedDateTime.add: the days move the local date and keep the wall-clock
 * time (resolved "compatible": a gap moves forward, an overlap takes the
 * earlier instant), then the exact part is added. Throws a RangeError for
 * an unknown zone.
 */
export function addDuration(epochMs: number, d: NominalDuration, zone: string): number {
  if (d.days === 0 || !Number.isFinite(epochMs)) return epochMs + d.exactMs;
  return laterByDays(epochMs, d.days, zone) + d.exactMs;
}

/** Whether `now` is at least `d` after `since` in `zone` (R18's "a send exactly one period later is allowed"). */
export function hasElapsed(since: number, d: NominalDuration, now: number, zone: string): boolean {
  if (since === -Infinity) return true;
  return now >= addDuration(since, d, zone);
}
