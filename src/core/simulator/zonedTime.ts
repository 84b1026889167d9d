// Local date-times in IANA time zones, for the simulator (R10, R19, R20):
// LocalDateTime + zone -> epoch ms, epoch ms -> local calendar parts, and
// civil-date arithmetic. Uses Intl only. A local time that does not exist
// (spring-forward gap) moves forward by the gap; an ambiguous one (fall-back
// overlap) takes the earlier instant (Temporal's "compatible").
//
// (A local helper: src/core/timeZones.ts did not exist when the simulator was
// written. If it lands, this module can delegate to it.)
import { SimulationError } from './errors';

export interface LocalParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        era: 'short',
      });
    } catch {
      throw new SimulationError('invalid-time-zone', `Unknown time zone "${zone}": use an IANA name such as Europe/Berlin or UTC.`);
    }
    formatters.set(zone, f);
  }
  return f;
}

/** Throws a SimulationError if the zone is not a known IANA zone. */
export function checkTimeZone(zone: string): void {
  formatter(zone);
}

/** The local calendar parts of an instant in a zone. */
export function localParts(epochMs: number, zone: string): LocalParts {
  if (zone === 'UTC' || zone === 'Etc/UTC') {
    const d = new Date(epochMs);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
  }
  const parts: LocalParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  let bc = false;
  for (const p of formatter(zone).formatToParts(epochMs)) {
    switch (p.type) {
      case 'year': parts.year = Number(p.value); break;
      case 'month': parts.month = Number(p.value); break;
      case 'day': parts.day = Number(p.value); break;
      case 'hour': parts.hour = Number(p.value) % 24; break;
      case 'minute': parts.minute = Number(p.value); break;
      case 'second': parts.second = Number(p.value); break;
      case 'era': bc = p.value.startsWith('B'); break;
    }
  }
  if (bc) parts.year = 1 - parts.year;
  return parts;
}

/** UTC offset of the zone at an instant, in ms (local = utc + offset). */
export function offsetAt(epochMs: number, zone: string): number {
  const floored = Math.floor(epochMs / 1000) * 1000;
  const p = localParts(floored, zone);
  return civilToUtcMs(p.year, p.month, p.day, p.hour, p.minute, p.second) - floored;
}

/** Milliseconds of a civil date-time read as if it were UTC (no zone). */
export function civilToUtcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

const DAY_MS = 86_400_000;

/** The instant a local date-time denotes in a zone (gap: forward; overlap: earlier). */
export function zonedToEpoch(p: LocalParts, zone: string): number {
  const local = civilToUtcMs(p.year, p.month, p.day, p.hour, p.minute, p.second);
  if (zone === 'UTC' || zone === 'Etc/UTC') return local;
  const before = offsetAt(local - DAY_MS, zone);
  const after = offsetAt(local + DAY_MS, zone);
  const candidates: number[] = [];
  for (const o of before === after ? [before] : [before, after]) {
    const e = local - o;
    if (offsetAt(e, zone) === o) candidates.push(e);
  }
  if (candidates.length > 0) return Math.min(...candidates);
  // In a gap: read with the offset in force before the transition, which lands after it.
  return local - before;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Parses `2026-12-01T09:00[:ss]`; undefined if it is not one. */
export function parseLocalDateTime(text: string): LocalParts | undefined {
  const m = LOCAL_DATE_TIME.exec(text);
  if (!m) return undefined;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]), second: m[6] ? Number(m[6]) : 0 };
}

/** `2026-12-01T09:00` in `zone` as epoch ms; throws a SimulationError if unreadable. */
export function localDateTimeToEpoch(text: string, zone: string): number {
  const p = parseLocalDateTime(text);
  if (!p) throw new SimulationError('invalid-instant', `"${text}" is not a local date-time such as 2026-12-01T09:00.`);
  return zonedToEpoch(p, zone);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The civil date `days` after the given one. */
export function addDays(year: number, month: number, day: number, days: number): { year: number; month: number; day: number } {
  const d = new Date(civilToUtcMs(year, month, day) + days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
