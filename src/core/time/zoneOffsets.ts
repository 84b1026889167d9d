// UTC offsets of IANA time zones, read from the runtime's Intl (Node, the
// webview and VS Code for the web alike; no tz database of our own), and the
// two conversions built on them: an instant to its local wall-clock time, and
// a local wall-clock time back to an instant with Temporal's "compatible"
// disambiguation (a time in a spring-forward gap moves forward by the gap; an
// ambiguous one in a fall-back overlap takes the earlier instant). See R0 in
// src/core/semantics.md. Unknown zones throw Intl's RangeError. Pure (caches
// aside).
import { civilToUtcMs, DAY_MS, type LocalDateTimeParts, utcMsToCivil } from './calendar';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    // Throws a RangeError for an unknown zone.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

export const isUtcZone = (zone: string): boolean => zone === 'UTC' || zone === 'Etc/UTC';

/** The local calendar time (whole seconds) Intl gives for an instant in a zone. */
function intlLocal(epochMs: number, zone: string): LocalDateTimeParts {
  const p: LocalDateTimeParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  let beforeChrist = false;
  for (const part of formatter(zone).formatToParts(epochMs)) {
    const n = Number(part.value);
    switch (part.type) {
      case 'year': p.year = n; break;
      case 'month': p.month = n; break;
      case 'day': p.day = n; break;
      case 'hour': p.hour = n % 24; break;
      case 'minute': p.minute = n; break;
      case 'second': p.second = n; break;
      case 'era': beforeChrist = part.value.startsWith('B'); break;
    }
  }
  if (beforeChrist) p.year = 1 - p.year;
  return p;
}

function intlOffset(epochMs: number, zone: string): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  return civilToUtcMs(intlLocal(whole, zone)) - whole;
}

/**
 * Per zone, per UTC day: the offset when it is the same at the day's start
 * and at the next day's start (then it holds all day: zones change at most
 * once a day), NaN when it changes within the day (its change instant is
 * then found once, to the second, and kept). Intl is the slow part of
 * every conversion, and a replay converts millions of instants within a few
 * days: the days are kept in arrays of WINDOW days (UNKNOWN until first
 * asked), and the array last used is remembered, so most lookups are one
 * string comparison and one array read.
 */
const WINDOW = 4096;
const UNKNOWN = Number.MAX_VALUE;
const dayWindows = new Map<string, Map<number, Float64Array>>();
let lastZone = '';
let lastWindow = NaN;
let lastDays: Float64Array = new Float64Array(0);

function daysWindow(zone: string, window: number): Float64Array {
  let windows = dayWindows.get(zone);
  if (!windows) {
    formatter(zone); // an unknown zone throws before anything is cached
    windows = new Map();
    dayWindows.set(zone, windows);
  }
  let days = windows.get(window);
  if (!days) {
    days = new Float64Array(WINDOW).fill(UNKNOWN);
    windows.set(window, days);
  }
  lastZone = zone;
  lastWindow = window;
  lastDays = days;
  return days;
}

/** The zone's offset from UTC at an instant, in ms (local = UTC + offset). Throws a RangeError for an unknown zone. */
export function offsetMsAt(epochMs: number, zone: string): number {
  if (isUtcZone(zone)) return 0;
  const dayIndex = Math.floor(epochMs / DAY_MS);
  const window = Math.floor(dayIndex / WINDOW);
  if (!Number.isFinite(window)) return intlOffset(epochMs, zone); // throws for NaN and infinities
  const days = zone === lastZone && window === lastWindow ? lastDays : daysWindow(zone, window);
  const i = dayIndex - window * WINDOW;
  let offset = days[i]!;
  if (offset === UNKNOWN) {
    const atStart = intlOffset(dayIndex * DAY_MS, zone);
    offset = atStart === intlOffset((dayIndex + 1) * DAY_MS, zone) ? atStart : NaN;
    days[i] = offset;
  }
  return offset === offset ? offset : changeWithin(zone, dayIndex).offsetAt(epochMs);
}

/** The one offset change within a UTC day: from `before` to `after` at `at` (epoch ms, whole second). */
class OffsetChange {
  constructor(
    readonly at: number,
    readonly before: number,
    readonly after: number,
  ) {}

  offsetAt(epochMs: number): number {
    return epochMs < this.at ? this.before : this.after;
  }
}

const changes = new Map<string, Map<number, OffsetChange>>();

function changeWithin(zone: string, dayIndex: number): OffsetChange {
  let byDay = changes.get(zone);
  if (!byDay) changes.set(zone, (byDay = new Map()));
  let change = byDay.get(dayIndex);
  if (!change) {
    // Binary search, in whole seconds, for the first instant with the next day's offset.
    let lo = dayIndex * DAY_MS;
    let hi = lo + DAY_MS;
    const before = intlOffset(lo, zone);
    const after = intlOffset(hi, zone);
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (intlOffset(mid, zone) === before) lo = mid;
      else hi = mid;
    }
    change = new OffsetChange(hi, before, after);
    byDay.set(dayIndex, change);
  }
  return change;
}

/**
 * The instant `days` nominal days after `epochMs` in the zone: the same
 * wall-clock time `days` later (R0), exactly `localMsToEpoch(epochToLocalMs(
 * epochMs) + days × 24 h)`. The usual case, an offset that holds on the
 * start's UTC day and on the five UTC days around the candidate instant
 * (which cover every instant `localMsToEpoch` reads), is settled from the
 * day array alone: the candidate `epochMs + days × 24 h` is the answer. Else
 * the full conversion (which then learns those days). The simulator
 * computes this for every wait of a contact.
 */
export function laterByDays(epochMs: number, days: number, zone: string): number {
  const candidate = epochMs + days * DAY_MS;
  if (isUtcZone(zone)) return candidate;
  const dayIndex = Math.floor(epochMs / DAY_MS);
  const window = Math.floor(dayIndex / WINDOW);
  if (zone === lastZone && window === lastWindow) {
    const day = dayIndex - window * WINDOW;
    const to = Math.floor(candidate / DAY_MS) - window * WINDOW;
    const offset = lastDays[day]!;
    // Offsets are under a day, so the instants localMsToEpoch reads lie within two days of the candidate's.
    if (
      to >= 2 &&
      to + 2 < WINDOW &&
      offset !== UNKNOWN &&
      lastDays[to - 2] === offset &&
      lastDays[to - 1] === offset &&
      lastDays[to] === offset &&
      lastDays[to + 1] === offset &&
      lastDays[to + 2] === offset
    ) {
      return candidate; // offset === offset too: NaN (a change within the day) never equals
    }
  }
  const later = localMsToEpoch(epochToLocalMs(epochMs, zone) + days * DAY_MS, zone);
  // Learn the days around the candidate, so that the next time the check above has them all.
  for (let k = -2; k <= 2; k++) offsetMsAt(candidate + k * DAY_MS, zone);
  return later;
}

/** The instant's local wall-clock time in the zone as "local milliseconds" (the civil date-time read as UTC, ms kept). */
export function epochToLocalMs(epochMs: number, zone: string): number {
  return epochMs + offsetMsAt(epochMs, zone);
}

/** The local calendar time (whole seconds) of an instant in a zone. Throws a RangeError for an unknown zone. */
export function epochMsToLocal(epochMs: number, zone: string): LocalDateTimeParts {
  return utcMsToCivil(Math.floor(epochToLocalMs(epochMs, zone) / 1000) * 1000);
}

/**
 * The instant a local wall-clock time (as local milliseconds) denotes in a
 * zone, Temporal's "compatible" way: in a spring-forward gap the time moves
 * forward by the gap (02:30 on a 02:00→03:00 night is 03:30); in a fall-back
 * overlap the earlier of the two instants is taken.
 */
export function localMsToEpoch(localMs: number, zone: string): number {
  if (isUtcZone(zone)) return localMs;
  // The offsets in force a day before and a day after: at most one change lies between.
  const before = offsetMsAt(localMs - DAY_MS, zone);
  const after = offsetMsAt(localMs + DAY_MS, zone);
  if (before === after) {
    const instant = localMs - before;
    if (offsetMsAt(instant, zone) === before) return instant;
    return localMs - before; // two changes within two days that cancel out: not in tz data we know of
  }
  const earlier = localMs - before;
  const later = localMs - after;
  const earlierOk = offsetMsAt(earlier, zone) === before;
  const laterOk = offsetMsAt(later, zone) === after;
  if (earlierOk && laterOk) return Math.min(earlier, later);
  if (earlierOk) return earlier;
  if (laterOk) return later;
  // In a gap: read with the offset before the change, which lands after it.
  return localMs - before;
}

/** The instant a local date-time denotes in a zone (gap: forward; overlap: earlier). Throws a RangeError for an unknown zone. */
export function zonedToEpochMs(p: LocalDateTimeParts, zone: string): number {
  return localMsToEpoch(civilToUtcMs(p), zone);
}
