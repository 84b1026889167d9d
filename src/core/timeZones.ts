// IANA time zones for the validator (R10) and the simulator: whether a name
// is a real IANA zone, the closest real one for a typo, and local date-times
// (`2026-12-01T09:00`) in a zone to UTC epoch milliseconds and back. Intl
// only, no dependency. A local time in a spring-forward gap moves forward by
// the gap; an ambiguous one in a fall-back overlap takes the earlier instant
// (Temporal's "compatible" disambiguation). Pure.
import { closestName } from './editDistance';

let known: ReadonlySet<string> | undefined;

/** The zone names this runtime lists (canonical IANA names), plus UTC. */
export function knownTimeZones(): ReadonlySet<string> {
  if (!known) {
    const names = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    known = new Set(['UTC', ...names]);
  }
  return known;
}

const validity = new Map<string, boolean>();

/**
 * Whether `name` is an IANA time zone: a listed canonical name, UTC, or an
 * alias Intl accepts (`US/Eastern`, `Asia/Calcutta`, `Etc/GMT+1`). Offsets
 * such as `+01:00` are not IANA names (no daylight saving rules) and are
 * refused even where Intl accepts them.
 */
export function isIanaTimeZone(name: string): boolean {
  if (knownTimeZones().has(name)) return true;
  const cached = validity.get(name);
  if (cached !== undefined) return cached;
  let ok = false;
  if (/^[A-Za-z]/.test(name)) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: name });
      ok = true;
    } catch {
      ok = false;
    }
  }
  validity.set(name, ok);
  return ok;
}

/**
 * The real zone a wrong name most likely meant: a close spelling
 * (`Europe/Berln`), or a city without its region (`Berlin`, `new york`).
 */
export function closestTimeZone(name: string): string | undefined {
  const zones = [...knownTimeZones()];
  const city = name.trim().replace(/\s+/g, '_').toLowerCase();
  if (city && !city.includes('/')) {
    const byCity = zones.find((z) => z.toLowerCase().endsWith('/' + city));
    if (byCity) return byCity;
  }
  const exactCase = zones.find((z) => z.toLowerCase() === name.toLowerCase());
  return exactCase ?? closestName(name, zones);
}

// ---------------------------------------------------------------------------
// Local date-times.

export interface LocalDateTimeParts {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Parses `2026-12-01T09:00[:ss]`; undefined if it is not one or not a real calendar time. */
export function parseLocalDateTime(text: string): LocalDateTimeParts | undefined {
  const m = LOCAL_DATE_TIME.exec(text);
  if (!m) return undefined;
  const parts = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]), second: m[6] ? Number(m[6]) : 0 };
  if (parts.month < 1 || parts.month > 12 || parts.day < 1 || parts.day > daysInMonth(parts.year, parts.month)) return undefined;
  if (parts.hour > 23 || parts.minute > 59 || parts.second > 59) return undefined;
  return parts;
}

/** `2026-12-01T09:00:00`. */
export function formatLocalDateTime(p: LocalDateTimeParts): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(p.year).padStart(4, '0')}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}:${two(p.second)}`;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Milliseconds of a civil date-time read as if it were UTC. */
export function civilToUtcMs(p: LocalDateTimeParts): number {
  const d = new Date(0);
  d.setUTCFullYear(p.year, p.month - 1, p.day);
  d.setUTCHours(p.hour, p.minute, p.second, 0);
  return d.getTime();
}

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

const isUtc = (zone: string) => zone === 'UTC' || zone === 'Etc/UTC';

/** The local calendar time of an instant in a zone. Throws a RangeError for an unknown zone. */
export function epochMsToLocal(epochMs: number, zone: string): LocalDateTimeParts {
  if (isUtc(zone)) {
    const d = new Date(epochMs);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
  }
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

/** The zone's offset from UTC at an instant, in ms (local = UTC + offset). */
export function offsetMsAt(epochMs: number, zone: string): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  return civilToUtcMs(epochMsToLocal(whole, zone)) - whole;
}

const DAY_MS = 86_400_000;

/**
 * The UTC instant (epoch ms) a local date-time denotes in an IANA zone,
 * correct across daylight saving changes: in a spring-forward gap the time
 * moves forward by the gap (02:30 on a 02:00→03:00 night is 03:30); in a
 * fall-back overlap the earlier of the two instants is taken. Throws a
 * RangeError for an unknown zone.
 */
export function zonedToEpochMs(p: LocalDateTimeParts, zone: string): number {
  const local = civilToUtcMs(p);
  if (isUtc(zone)) return local;
  // The offsets in force a day before and a day after: at most one change lies between.
  const before = offsetMsAt(local - DAY_MS, zone);
  const after = offsetMsAt(local + DAY_MS, zone);
  const candidates: number[] = [];
  for (const offset of before === after ? [before] : [before, after]) {
    const instant = local - offset;
    if (offsetMsAt(instant, zone) === offset) candidates.push(instant);
  }
  if (candidates.length > 0) return Math.min(...candidates);
  // In a gap: read with the offset before the change, which lands after it.
  return local - before;
}

/** `2026-12-01T09:00` in `zone` as UTC epoch ms; undefined if the text is not a local date-time. Throws a RangeError for an unknown zone. */
export function localDateTimeToEpochMs(text: string, zone: string): number | undefined {
  const p = parseLocalDateTime(text);
  return p ? zonedToEpochMs(p, zone) : undefined;
}
