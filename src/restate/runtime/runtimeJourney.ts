// A compiled journey (IR) made ready for the runtime: validated against the IR
// schema, in the form the journey kernel reads (src/core/semantics/
// kernelJourney.ts), with the journey's live window and clock settings
// resolved. Also the instants that follow from the settings: the segment
// schedule's runs (R19) and the daily date-trigger ticks (R20), computed
// exactly as the simulator computes them.
import { JourneyIr, type IrStartingPoint } from '../../core/compiler/irSchema';
import { fromIr, type KernelJourney } from '../../core/semantics/kernelJourney';
import { civilDate } from '../../core/simulator/filterEvaluation';
import { daysInMonth } from '../../core/time/calendar';
import { NO_DURATION, nominalFromTotal } from '../../core/time/nominalDuration';
import { firstRunAtOrAfter, runAt, type WallClockRecurrence } from '../../core/time/wallClockRecurrence';
import { addDays, isLeapYear, localParts, zonedToEpoch } from '../../core/simulator/zonedTime';
import type { JourneyRuntimeSettings } from './runtimeConfig';

export interface RuntimeJourney {
  readonly ir: JourneyIr;
  readonly version: number;
  readonly settings: JourneyRuntimeSettings;
  /** The segment schedule (R19): anchor, first run and interval; undefined for trigger journeys. */
  readonly runs: SegmentRuns | undefined;
  /** The journey as the semantics kernel reads it. */
  readonly kernel: KernelJourney;
}

export interface SegmentRuns {
  /** Runs are at anchor + k * every, on the wall clock of the schedule's zone (R19). */
  readonly anchor: number;
  /** Index of the first run at or after the journey goes live; its instant, or undefined when there is none. */
  readonly k0: number;
  readonly firstAt: number | undefined;
  readonly every: number;
  readonly recurrence: WallClockRecurrence;
  readonly until: number;
}

export function loadRuntimeJourney(ir: unknown, settings: JourneyRuntimeSettings): RuntimeJourney {
  const parsed = JourneyIr.parse(ir);
  return {
    ir: parsed,
    version: parsed.journey.version,
    settings,
    runs: segmentRuns(parsed, settings),
    kernel: fromIr(parsed, settings.splitSeed),
  };
}

function segmentRuns(ir: JourneyIr, settings: JourneyRuntimeSettings): SegmentRuns | undefined {
  const plan = ir.segment;
  if (!plan) return undefined;
  const start = settings.activeFrom;
  const planStart = plan.startMs ?? start;
  if (!Number.isFinite(planStart)) {
    throw new Error(`Journey "${ir.journey.id}" is segment-based without a schedule start: set segmentEntry.start in the journey, or activeFrom in the runtime settings.`);
  }
  const until = Math.min(plan.untilMs ?? Infinity, settings.activeUntil);
  if (plan.schedule !== 'recurring') {
    const at = Math.max(planStart, start);
    return { anchor: at, k0: 0, firstAt: at <= settings.activeUntil ? at : undefined, every: 0, recurrence: { anchor: at, every: NO_DURATION, zone: 'UTC' }, until: at };
  }
  const recurrence = { anchor: planStart, every: nominalFromTotal(plan.everyMs, plan.everyDays), zone: plan.timeZone ?? ir.timeZone };
  const { k: k0, at: first } = firstRunAtOrAfter(recurrence, start);
  return { anchor: planStart, k0, firstAt: first <= until ? first : undefined, every: plan.everyMs, recurrence, until };
}

/** The first recurring run at or after `t` (events at a run's instant count for it), with the instant its timer was set. */
export function nextRunAtOrAfter(runs: SegmentRuns, t: number): { at: number; run: number; pushedAt: number | null } | undefined {
  if (runs.every <= 0 || runs.firstAt === undefined) return undefined;
  let { k, at } = firstRunAtOrAfter(runs.recurrence, t);
  if (k < runs.k0) ({ k, at } = { k: runs.k0, at: runs.firstAt });
  if (at > runs.until) return undefined;
  return { at, run: k, pushedAt: k > runs.k0 ? runAt(runs.recurrence, k - 1) : null };
}

/**
 * R20: the next daily tick of a date-field starting point at or after `from`
 * on which the contact's date (month and day of `value`) falls, with the
 * instant of the day before's tick (when the simulator sets that timer).
 * 29 February falls on 28 February in other years. Ticks start on the day
 * the journey goes live (that day's tick if not already past).
 */
export function nextDateTick(
  sp: IrStartingPoint,
  value: unknown,
  from: number,
  settings: JourneyRuntimeSettings,
): { at: number; pushedAt: number | null } | undefined {
  const dt = sp.dateTrigger;
  if (!dt) return undefined;
  const date = civilDate(typeof value === 'string' ? value : undefined);
  if (!date) return undefined;
  const lower = Math.max(from, settings.activeFrom);
  if (!Number.isFinite(lower)) return undefined;
  const tick = (y: number, m: number, d: number) => zonedToEpoch({ year: y, month: m, day: d, hour: dt.hour, minute: dt.minute, second: 0 }, dt.timeZone);
  const year0 = localParts(lower, dt.timeZone).year;
  for (let y = year0 - 1; y <= year0 + 8; y++) {
    let { month, day } = date;
    if (month === 2 && day === 29 && !isLeapYear(y)) day = 28;
    else if (day > daysInMonth(y, month)) continue;
    const at = tick(y, month, day);
    if (at < lower) continue;
    if (at > settings.activeUntil) return undefined;
    const before = addDays(y, month, day, -1);
    const prev = tick(before.year, before.month, before.day);
    return { at, pushedAt: prev >= settings.activeFrom ? prev : null };
  }
  return undefined;
}

/** Whether a date value falls on the calendar day of a tick (R20), in the trigger's zone. */
export function dateFallsOn(sp: IrStartingPoint, value: unknown, at: number): boolean {
  const dt = sp.dateTrigger;
  const date = civilDate(typeof value === 'string' ? value : undefined);
  if (!dt || !date) return false;
  const today = localParts(at, dt.timeZone);
  if (date.month === today.month && date.day === today.day) return true;
  return date.month === 2 && date.day === 29 && today.month === 2 && today.day === 28 && !isLeapYear(today.year);
}
