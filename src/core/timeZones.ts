// IANA time zone names for the validator (R10) and the simulator: whether a
// name is a real IANA zone and the closest real one for a typo (Intl only).
// The calendar arithmetic in zones lives in ./time/ and is re-exported here
// for the modules that read zones and local date-times together. Pure.
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
 * (`Europe/Berln`), or a city without its region (`Berlin`, `new york`,
 * `Indiana/Knox` for America/Indiana/Knox).
 */
export function closestTimeZone(name: string): string | undefined {
  const zones = [...knownTimeZones()];
  const city = name.trim().replace(/\s+/g, '_').toLowerCase();
  // No zone name ends in "/", so a blank name finds no city.
  const byCity = zones.find((z) => z.toLowerCase().endsWith('/' + city));
  if (byCity) return byCity;
  const exactCase = zones.find((z) => z.toLowerCase() === name.toLowerCase());
  return exactCase ?? closestName(name, zones);
}

export { civilToUtcMs, daysInMonth, isLeapYear, type LocalDateTimeParts } from './time/calendar';
export { epochMsToLocal, offsetMsAt, zonedToEpochMs } from './time/zoneOffsets';
export { formatLocalDateTime, localDateTimeToEpochMs, parseLocalDateTime } from './time/localDateTime';
