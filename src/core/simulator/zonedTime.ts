// Local date-times in IANA time zones, for the simulator and the runtime
// (R0, R10, R19, R20): the time module's calendar arithmetic (../time/; Intl
// only; a local time in a spring-forward gap moves forward, an ambiguous one
// takes the earlier instant), with an unknown zone or an unreadable date-time
// reported as a SimulationError.
import { addCivilDays, civilToUtcMs as civilPartsToUtcMs, isLeapYear, type LocalDateTimeParts } from '../time/calendar';
import { parseLocalDateTime } from '../time/localDateTime';
import { addDuration, type NominalDuration } from '../time/nominalDuration';
import { epochMsToLocal, offsetMsAt, zonedToEpochMs } from '../time/zoneOffsets';
import { SimulationError } from './errors';

export type LocalParts = LocalDateTimeParts;
export { isLeapYear };

/** Runs a zone computation; Intl's RangeError for an unknown zone becomes a SimulationError. */
function inZone<T>(zone: string, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof RangeError) throw new SimulationError('invalid-time-zone', `Unknown time zone "${zone}": use an IANA name such as Europe/Berlin or UTC.`);
    throw error;
  }
}

/** Throws a SimulationError if the zone is not a known IANA zone. */
export function checkTimeZone(zone: string): void {
  inZone(zone, () => epochMsToLocal(0, zone));
}

/** The local calendar parts of an instant in a zone. */
export function localParts(epochMs: number, zone: string): LocalParts {
  return inZone(zone, () => epochMsToLocal(epochMs, zone));
}

/** UTC offset of the zone at an instant, in ms (local = utc + offset). */
export function offsetAt(epochMs: number, zone: string): number {
  return inZone(zone, () => offsetMsAt(epochMs, zone));
}

/** Milliseconds of a civil date-time read as if it were UTC (no zone). */
export function civilToUtcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return civilPartsToUtcMs({ year, month, day, hour, minute, second });
}

/** The instant a local date-time denotes in a zone (gap: forward; overlap: earlier). */
export function zonedToEpoch(p: LocalParts, zone: string): number {
  return inZone(zone, () => zonedToEpochMs(p, zone));
}

/** `2026-12-01T09:00` in `zone` as epoch ms; throws a SimulationError if unreadable. */
export function localDateTimeToEpoch(text: string, zone: string): number {
  const p = parseLocalDateTime(text);
  if (!p) throw new SimulationError('invalid-instant', `"${text}" is not a local date-time such as 2026-12-01T09:00.`);
  return zonedToEpoch(p, zone);
}

/** The civil date `days` after the given one. */
export const addDays = addCivilDays;

/** The instant `d` after `epochMs` in `zone`: days nominal (same wall-clock time), hours and less exact (R0). */
export function afterDuration(epochMs: number, d: NominalDuration, zone: string): number {
  try {
    return addDuration(epochMs, d, zone); // no closure: the engine calls this for every wait
  } catch (error) {
    return inZone(zone, () => {
      throw error;
    });
  }
}
