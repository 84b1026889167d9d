// Local date-times as the journey format writes them (`2026-12-01T09:00[:ss]`):
// parse, format, and read in an IANA zone (R0, R10). Pure.
import { daysInMonth, type LocalDateTimeParts } from './calendar';
import { zonedToEpochMs } from './zoneOffsets';

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

/** `2026-12-01T09:00` in `zone` as UTC epoch ms; undefined if the text is not a local date-time. Throws a RangeError for an unknown zone. */
export function localDateTimeToEpochMs(text: string, zone: string): number | undefined {
  const p = parseLocalDateTime(text);
  return p ? zonedToEpochMs(p, zone) : undefined;
}
