// When the clock lets contacts in, computed once for both drivers: the runs
// of a segment journey's schedule (R19: one run, or runs recurring at a
// local wall-clock time across daylight-saving changes) and the daily ticks
// of date-field triggers (R20: at a local time of day, the contacts whose
// yearly date falls on that calendar day; 29 February falls on 28 February
// in common years). The drivers keep only their bookkeeping: the simulator
// one timer per schedule over all contacts (with a day index of the dates),
// the runtime one timer per contact; both ask this module for the instants.
// A window is what the driver runs over: the simulator's replay (start to
// its stop instant), the runtime's live window (activeFrom to activeUntil).
// Pure. See src/core/semantics.md (R19, R20).
import { civilDate } from '../simulator/filterEvaluation';
import { addDays, isLeapYear, localParts, zonedToEpoch } from '../simulator/zonedTime';
import type { CivilDate } from '../time/calendar';
import { daysInMonth } from '../time/calendar';
import { firstRunAtOrAfter, runAt, type WallClockRecurrence } from '../time/wallClockRecurrence';
import type { DailyTick, KernelSegmentEntry } from './kernelJourney';

/** The instants a driver runs over; the runs and ticks outside it do not happen. */
export interface ScheduleWindow {
  readonly from: number;
  readonly until: number;
}

/** A run of a segment schedule: its index (0 for the first) and instant. */
export interface Run {
  readonly k: number;
  readonly at: number;
}

/** A segment schedule's runs within a window (R19). */
export interface SegmentRuns {
  readonly recurring: boolean;
  /** Run k is anchor + k intervals on the wall clock of the zone. */
  readonly recurrence: WallClockRecurrence;
  /** The first run in the window; undefined when there is none. */
  readonly first: Run | undefined;
  /** The last instant a run may have. */
  readonly last: number;
}

/**
 * R19: the runs of a segment schedule within a window. A schedule without a
 * start begins at the window's; a one-time schedule has one run, at its
 * start or the window's, whichever is later; a recurring one has run k at
 * the start plus k intervals (days nominal in the schedule's zone), the
 * first at or after the window's start, none after its `until` or the window.
 */
export function segmentRuns(plan: KernelSegmentEntry, window: ScheduleWindow): SegmentRuns {
  const anchor = plan.startMs ?? window.from;
  if (plan.schedule !== 'recurring') {
    const at = Math.max(anchor, window.from);
    return { recurring: false, recurrence: { anchor: at, every: plan.every, zone: plan.zone }, first: at <= window.until ? { k: 0, at } : undefined, last: at };
  }
  const recurrence = { anchor, every: plan.every, zone: plan.zone };
  const last = Math.min(plan.untilMs, window.until);
  const first = firstRunAtOrAfter(recurrence, window.from);
  return { recurring: true, recurrence, first: first.at <= last ? first : undefined, last };
}

/** The run after run k, undefined when there is none (a one-time schedule, or past the last instant). */
export function runAfter(runs: SegmentRuns, k: number): Run | undefined {
  if (!runs.recurring) return undefined;
  const at = runAt(runs.recurrence, k + 1);
  return at <= runs.last ? { k: k + 1, at } : undefined;
}

/**
 * The first recurring run at or after `t` (an event at a run's instant
 * counts for it), with the instant of the run before it (when a driver that
 * keeps one timer per schedule sets this run's timer; null for the first).
 */
export function recurringRunAtOrAfter(runs: SegmentRuns, t: number): { k: number; at: number; previousAt: number | null } | undefined {
  if (!runs.recurring || runs.first === undefined) return undefined;
  let run: Run = firstRunAtOrAfter(runs.recurrence, t);
  if (run.k < runs.first.k) run = runs.first;
  if (run.at > runs.last) return undefined;
  return { ...run, previousAt: run.k > runs.first.k ? runAt(runs.recurrence, run.k - 1) : null };
}

// ---------------------------------------------------------------------------
// R20: date-field triggers.

/** The instant of the tick on a calendar day. */
export function tickOn(tick: DailyTick, day: CivilDate): number {
  return zonedToEpoch({ year: day.year, month: day.month, day: day.day, hour: tick.hour, minute: tick.minute, second: 0 }, tick.zone);
}

/** The calendar day of the first tick at or after `from`: that day's, if not already past, else the next day's. */
export function firstTickDay(tick: DailyTick, from: number): CivilDate {
  const today = localParts(from, tick.zone);
  const day = { year: today.year, month: today.month, day: today.day };
  return tickOn(tick, day) < from ? dayAfter(day) : day;
}

export function dayAfter(day: CivilDate): CivilDate {
  return addDays(day.year, day.month, day.day, 1);
}

/** A yearly date as a number (month × 100 + day), 0 when the value is not a date. */
export function yearlyDateOf(value: unknown): number {
  const d = civilDate(typeof value === 'string' ? value : undefined);
  return d ? d.month * 100 + d.day : 0;
}

/** The yearly dates that fall on a calendar day: its own, and 29 February on 28 February of a common year. */
export function yearlyDatesOn(day: CivilDate): number[] {
  const own = day.month * 100 + day.day;
  return day.month === 2 && day.day === 28 && !isLeapYear(day.year) ? [own, 229] : [own];
}

/** Whether a contact's date value falls on the calendar day of a tick at `at`. */
export function dateFallsOn(tick: DailyTick, value: unknown, at: number): boolean {
  const date = yearlyDateOf(value);
  if (date === 0) return false;
  const today = localParts(at, tick.zone);
  return yearlyDatesOn({ year: today.year, month: today.month, day: today.day }).includes(date);
}

/**
 * The next tick at or after `from` (and in the window) on which a contact's
 * date value falls, with the instant of the day before's tick (when a driver
 * that keeps one daily timer sets this tick's timer; null when that is before
 * the window). Undefined when the value is not a date or no such tick is in
 * the window.
 */
export function nextTickFor(tick: DailyTick, value: unknown, from: number, window: ScheduleWindow): { at: number; previousAt: number | null } | undefined {
  const date = yearlyDateOf(value);
  if (date === 0) return undefined;
  const lower = Math.max(from, window.from);
  if (!Number.isFinite(lower)) return undefined;
  const month = Math.floor(date / 100);
  const year0 = localParts(lower, tick.zone).year;
  for (let year = year0 - 1; year <= year0 + 8; year++) {
    let day = date % 100;
    if (month === 2 && day === 29 && !isLeapYear(year)) day = 28;
    else if (day > daysInMonth(year, month)) continue;
    const at = tickOn(tick, { year, month, day });
    if (at < lower) continue;
    if (at > window.until) return undefined;
    const previousAt = tickOn(tick, addDays(year, month, day, -1));
    return { at, previousAt: previousAt >= window.from ? previousAt : null };
  }
  return undefined;
}
