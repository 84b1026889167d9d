// The proleptic Gregorian calendar, written once for the whole product:
// leap years, month lengths, days from 1970-01-01, and civil date-times read
// as if they were UTC ("local milliseconds"), on which adding whole days is
// plain arithmetic. No time zones here (see zoneOffsets.ts). Pure.

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
/** A day of exact time (24 h); a nominal day in a zone may be 23 or 25 h (see nominalDuration.ts). */
export const DAY_MS = 24 * HOUR_MS;

export interface CivilDate {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

export interface LocalDateTimeParts extends CivilDate {
  hour: number;
  minute: number;
  second: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Milliseconds of a civil date-time read as if it were UTC. */
export function civilToUtcMs(p: LocalDateTimeParts): number {
  return daysFromCivil(p.year, p.month, p.day) * DAY_MS + ((p.hour * 60 + p.minute) * 60 + p.second) * SECOND_MS;
}

/** The civil date-time (whole seconds) of milliseconds read as UTC. */
export function utcMsToCivil(ms: number): LocalDateTimeParts {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

/** The civil date `days` after the given one (negative: before). */
export function addCivilDays(year: number, month: number, day: number, days: number): CivilDate {
  const d = new Date((daysFromCivil(year, month, day) + days) * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
