// The journey turned into what the engine's hot loop needs: points by
// index with successor indices (in graph.ts order, so trace branches are the
// graph's edge labels), parsed durations, absolute wait-until instants,
// content facts, the re-entry policy and the segment entry plan.
import { approximateMs, NO_DURATION, type NominalDuration, parseNominalDuration } from '../time/nominalDuration';
import { successorsOf } from '../graph';
import type { ContentItem, ExitCriterion, Journey, JourneyPoint, ReEntry, Schedule, StartingPoint } from '../schema';
import { isMarketingJourney, isTransactional } from './sendConsent';
import { SimulationError } from './errors';
import { checkTimeZone, localDateTimeToEpoch } from './zonedTime';

export interface CompiledPoint {
  readonly id: string;
  readonly index: number;
  readonly point: JourneyPoint;
  /** Successor indices, -1 where the id names no point. */
  readonly succ: readonly number[];
  readonly succIds: readonly string[];
  /** Edge labels: next, yes, no, timeout, or the split branch labels. */
  readonly labels: readonly string[];
  /** wait: its duration; waitForEvent: its timeout (ms, a day counted as 24 h: lanes and the IR's total). */
  readonly waitMs: number;
  /** The same duration as R0 reads it: nominal days, exact rest. */
  readonly wait: NominalDuration;
  /** waitUntil: the instant (epoch ms). */
  readonly untilMs: number;
  /** split: branch percentages. */
  readonly percents: readonly number[];
  /** send points: the content, whether it is transactional, its list. */
  readonly content?: ContentItem;
  readonly transactional: boolean;
  readonly list?: string;
}

export interface CompiledStart {
  readonly id: string;
  readonly index: number;
  readonly sp: StartingPoint;
  readonly next: number;
}

export interface SegmentPlan {
  readonly segment: string;
  readonly schedule: Schedule;
  /** The schedule's start (epoch ms); undefined: the replay start. */
  readonly startMs: number | undefined;
  /** recurring: interval (ms, a day counted as 24 h) and last run (epoch ms). */
  readonly everyMs: number;
  /** The interval as R0 reads it, and the zone whose wall clock the runs keep (R19). */
  readonly every: NominalDuration;
  readonly zone: string;
  readonly untilMs: number;
  /** The starting point segment entries go through (its filter applies). */
  readonly entry: CompiledStart;
}

export interface CompiledJourney {
  readonly journey: Journey;
  readonly points: readonly CompiledPoint[];
  readonly pointIndex: ReadonlyMap<string, number>;
  readonly starts: readonly CompiledStart[];
  readonly timeZone: string;
  readonly marketing: boolean;
  readonly reEntry: ReEntry;
  readonly cooldownMs: number;
  readonly cooldown: NominalDuration;
  readonly exitCriteria: readonly ExitCriterion[];
  readonly hasConditionCriteria: boolean;
  /** The content id each send point sends, for email events that name only the content. */
  readonly contentOfPoint: ReadonlyMap<string, string>;
  readonly segmentPlan: SegmentPlan | undefined;
  readonly warnings: string[];
}

function duration(text: string, where: string): NominalDuration {
  const d = parseNominalDuration(text);
  if (d === undefined) throw new SimulationError('invalid-duration', `${where}: "${text}" is not a duration such as P1D or PT12H.`);
  return d;
}

export function compileForSimulation(journey: Journey): CompiledJourney {
  const warnings: string[] = [];
  const timeZone = journey.settings?.timeZone ?? 'UTC';
  checkTimeZone(timeZone);
  const pointIndex = new Map<string, number>();
  journey.points.forEach((p, i) => {
    if (!pointIndex.has(p.id)) pointIndex.set(p.id, i);
  });
  const contentById = new Map((journey.content ?? []).map((c) => [c.id, c]));
  const contentOfPoint = new Map<string, string>();

  const points = journey.points.map((point, index): CompiledPoint => {
    const successors = successorsOf(point);
    let wait = NO_DURATION;
    let untilMs = NaN;
    let percents: number[] = [];
    let content: ContentItem | undefined;
    let transactional = false;
    switch (point.type) {
      case 'wait':
        wait = duration(point.duration, `Point "${point.id}"`);
        break;
      case 'waitForEvent':
        wait = duration(point.timeout, `Point "${point.id}"`);
        break;
      case 'waitUntil': {
        const zone = point.timeZone ?? timeZone;
        checkTimeZone(zone);
        untilMs = localDateTimeToEpoch(point.at, zone);
        break;
      }
      case 'split': {
        percents = point.branches.map((b) => b.percent);
        // Validation refuses such a split (R13.split-total); a caller that skips it is told how it was read.
        const total = percents.reduce((a, b) => a + b, 0);
        if (Math.abs(total - 100) > 1e-9) warnings.push(`The branches of split "${point.id}" add up to ${total}%, not 100% (R13): their shares were read relative to ${total}.`);
        break;
      }
      case 'sendEmail':
      case 'sendSms':
        content = contentById.get(point.content);
        if (!content) warnings.push(`Point "${point.id}" sends content "${point.content}", which the journey does not declare: it is treated as marketing content without a list.`);
        transactional = isTransactional(content, journey);
        if (!contentOfPoint.has(point.id)) contentOfPoint.set(point.id, point.content);
        break;
    }
    return {
      id: point.id,
      index,
      point,
      succ: successors.map((s) => pointIndex.get(s.to) ?? -1),
      succIds: successors.map((s) => s.to),
      labels: successors.map((s) => s.label),
      waitMs: approximateMs(wait),
      wait,
      untilMs,
      percents,
      ...(content ? { content } : {}),
      transactional,
      ...(content?.list !== undefined ? { list: content.list } : {}),
    };
  });

  const starts = journey.startingPoints.map((sp, index): CompiledStart => {
    if (sp.trigger.type === 'dateField' && sp.trigger.timeZone) checkTimeZone(sp.trigger.timeZone);
    return { id: sp.id, index, sp, next: pointIndex.get(sp.next) ?? -1 };
  });

  const reEntry: ReEntry = journey.settings?.reEntry ?? { mode: 'never' };
  const cooldown = reEntry.mode === 'afterCooldown' ? duration(reEntry.cooldown, 'The re-entry cool-down') : NO_DURATION;
  const cooldownMs = approximateMs(cooldown);
  const exitCriteria = journey.settings?.exitCriteria ?? [];

  return {
    journey,
    points,
    pointIndex,
    starts,
    timeZone,
    marketing: isMarketingJourney(journey),
    reEntry,
    cooldownMs,
    cooldown,
    exitCriteria,
    hasConditionCriteria: exitCriteria.some((c) => c.when === 'condition'),
    contentOfPoint,
    segmentPlan: journey.kind === 'segment' ? segmentPlan(journey, starts, timeZone, warnings) : undefined,
    warnings,
  };
}

/**
 * R19: the segment, schedule (default one-time static), start (default: the
 * replay start) and the starting point entries go through: the one whose
 * trigger enters that segment, else the first.
 */
function segmentPlan(journey: Journey, starts: CompiledStart[], timeZone: string, warnings: string[]): SegmentPlan | undefined {
  const entryDecl = journey.segmentEntry;
  const bySegmentTrigger = starts.find((s) => s.sp.trigger.type === 'segmentEntered' && (entryDecl?.segment === undefined || s.sp.trigger.segment === entryDecl.segment));
  const segment = entryDecl?.segment ?? (bySegmentTrigger?.sp.trigger.type === 'segmentEntered' ? bySegmentTrigger.sp.trigger.segment : undefined);
  const entry = bySegmentTrigger ?? starts[0];
  if (segment === undefined || entry === undefined) {
    warnings.push('This segment-based journey names no segment (segmentEntry.segment or a segmentEntered starting point) or has no starting point: nobody enters it.');
    return undefined;
  }
  const zone = entryDecl?.timeZone ?? timeZone;
  checkTimeZone(zone);
  const schedule: Schedule = entryDecl?.schedule ?? { type: 'oneTimeStatic' };
  const startMs = entryDecl?.start !== undefined ? localDateTimeToEpoch(entryDecl.start, zone) : undefined;
  let every = NO_DURATION;
  let untilMs = Infinity;
  if (schedule.type === 'recurring') {
    every = duration(schedule.every, 'The recurring schedule');
    const everyMs = approximateMs(every);
    if (everyMs <= 0) throw new SimulationError('invalid-duration', 'The recurring schedule runs every 0 seconds: give it a positive interval.');
    if (schedule.until !== undefined) untilMs = localDateTimeToEpoch(schedule.until, zone);
  }
  return { segment, schedule, startMs, everyMs: approximateMs(every), every, zone, untilMs, entry };
}
