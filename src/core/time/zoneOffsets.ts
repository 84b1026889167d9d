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
 * once a day), NaN when it changes within the day; for such a day, the
 * instant of the change (found once, to the second, by bisection) and the
 * offsets before and after it. Intl is the slow part of every conversion; a
 * replay converts millions of instants in a few days, many of them near a
 * change (#16: calling Intl for each instant of a change day took 20% of a
 * replay of the benchmark journey in Europe/Berlin).
 */
const dayOffsets = new Map<string, Map<number, number>>();
const changes = new Map<string, Map<number, ZoneChange>>();
const MAX_CACHED_DAYS = 200_000;

interface ZoneChange {
  /** The first whole second with the offset `after`. */
  at: number;
  before: number;
  after: number;
}

/** The change within the UTC day `dayIndex` (the offsets at its start and at the next day's start differ). */
function changeWithin(dayIndex: number, zone: string): ZoneChange {
  const before = intlOffset(dayIndex * DAY_MS, zone);
  const after = intlOffset((dayIndex + 1) * DAY_MS, zone);
  // Whole seconds: low has the offset before, high the offset after.
  let low = (dayIndex * DAY_MS) / 1000;
  let high = low + DAY_MS / 1000;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (intlOffset(mid * 1000, zone) === before) low = mid;
    else high = mid;
  }
  return { at: high * 1000, before, after };
}

/** The zone's offset from UTC at an instant, in ms (local = UTC + offset). Throws a RangeError for an unknown zone. */
export function offsetMsAt(epochMs: number, zone: string): number {
  if (isUtcZone(zone)) return 0;
  let days = dayOffsets.get(zone);
  if (!days) {
    formatter(zone); // an unknown zone throws before it is cached
    days = new Map();
    dayOffsets.set(zone, days);
    changes.set(zone, new Map());
  }
  const dayIndex = Math.floor(epochMs / DAY_MS);
  let offset = days.get(dayIndex);
  if (offset === undefined) {
    const atStart = intlOffset(dayIndex * DAY_MS, zone);
    offset = atStart === intlOffset((dayIndex + 1) * DAY_MS, zone) ? atStart : NaN;
    if (days.size >= MAX_CACHED_DAYS) {
      days.clear();
      changes.get(zone)!.clear();
    }
    days.set(dayIndex, offset);
  }
  if (offset === offset) return offset;
  const zoneChanges = changes.get(zone)!;
  let change = zoneChanges.get(dayIndex);
  if (!change) {
    change = changeWithin(dayIndex, zone);
    zoneChanges.set(dayIndex, change);
  }
  return Math.floor(epochMs / 1000) * 1000 < change.at ? change.before : change.after;
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
