// Compiles a journey into its IR (irSchema.ts), the one form the journey
// kernel reads: the Restate runtime loads it from the published file, the
// simulator compiles it in memory (both through src/core/semantics/
// kernelJourney.ts `fromIr`). Here, and only here, each point type is
// translated into its IR facts: successor indices in graph.ts order (so
// trace branches are the graph's edge labels), durations as R0 reads them,
// wait-until instants, content facts, the re-entry policy, the date-field
// ticks and the segment entry plan. Pure.
//
// Two entry points: `compileJourney` (publishing) refuses a journey whose
// references name no point and checks the result against the IR schema,
// throwing CompileError; `compileForSimulation` (the simulator, which runs
// journeys while they are being edited) keeps such references as edges to
// -1, reached only if a contact gets there, and says how questionable input
// was read in warnings. Both throw on what cannot be read at all (an unknown
// time zone, a duration that is not one): CompileError and SimulationError.
import { successorsOf } from '../graph';
import type { ContentItem, Journey, JourneyPoint, Schedule } from '../schema';
import { isMarketingJourney, isTransactional } from '../simulator/sendConsent';
import { SimulationError } from '../simulator/errors';
import { checkTimeZone, localDateTimeToEpoch } from '../simulator/zonedTime';
import { approximateMs, NO_DURATION, type NominalDuration, parseNominalDuration } from '../time/nominalDuration';
import { IR_VERSION, type IrEdge, type IrPoint, type IrSegmentPlan, type IrStartingPoint, JourneyIr } from './irSchema';

export class CompileError extends Error {
  override readonly name = 'CompileError';
  constructor(readonly problems: string[]) {
    super(`The journey cannot be compiled: ${problems.join(' ')}`);
  }
}

export interface CompileOptions {
  /** The version the IR is published as; defaults to the journey's `version`, else 1. */
  version?: number;
  /** journeyLogicHash of the source (R22). */
  hash?: string;
  /** ISO instant of publication. */
  publishedAt?: string;
}

/** A reference to a point the journey does not have: its edge goes to -1 in a simulation's IR. */
export interface UnresolvedReference {
  /** A journey point's edge, or a starting point's `next`. */
  readonly from: 'point' | 'start';
  /** Index of the point or starting point. */
  readonly index: number;
  /** Which of the point's edges (0 for a starting point). */
  readonly edge: number;
  /** The id that names no point. */
  readonly to: string;
  /** The problem as publishing reports it. */
  readonly problem: string;
}

/** A journey compiled for the simulator. */
export interface SimulationCompilation {
  /** The IR; edges of `unresolved` references go to -1, and it is not checked against the IR schema. */
  readonly ir: JourneyIr;
  readonly unresolved: readonly UnresolvedReference[];
  /** How input that validation refuses or questions was read. */
  readonly warnings: string[];
}

/** The IR a runtime loads. Throws CompileError when a reference names no point or a time zone or duration cannot be read. */
export function compileJourney(journey: Journey, options: CompileOptions = {}): JourneyIr {
  let compiled: SimulationCompilation;
  try {
    compiled = compile(journey, options);
  } catch (error) {
    if (error instanceof SimulationError) throw new CompileError([error.message]);
    throw error;
  }
  if (compiled.unresolved.length > 0) throw new CompileError(compiled.unresolved.map((u) => u.problem));
  // The IR is checked against its own schema: what leaves the compiler is what a runtime accepts.
  return JourneyIr.parse(compiled.ir);
}

/** The IR the simulator runs (version 1): lenient about references that name no point, see the header. Throws SimulationError. */
export function compileForSimulation(journey: Journey): SimulationCompilation {
  return compile(journey, { version: 1 });
}

/** The IR as the JSON file a runtime loads: stable key order, two-space indent, trailing newline. */
export function irToJson(ir: JourneyIr): string {
  return JSON.stringify(ir, null, 2) + '\n';
}

function duration(text: string, where: string): NominalDuration {
  const d = parseNominalDuration(text);
  if (d === undefined) throw new SimulationError('invalid-duration', `${where}: "${text}" is not a duration such as P1D or PT12H.`);
  return d;
}

/** R0: a duration as the IR writes it: the total with 24-h days, and how many of its days are nominal (absent when none). */
function msAndDays(d: NominalDuration): { ms: number; days: number | undefined } {
  return { ms: approximateMs(d), days: d.days > 0 ? d.days : undefined };
}

function compile(journey: Journey, options: CompileOptions): SimulationCompilation {
  const warnings: string[] = [];
  const unresolved: UnresolvedReference[] = [];
  const timeZone = journey.settings?.timeZone ?? 'UTC';
  checkTimeZone(timeZone);
  const pointIndex = new Map<string, number>();
  journey.points.forEach((p, i) => {
    if (!pointIndex.has(p.id)) pointIndex.set(p.id, i);
  });
  const contentById = new Map((journey.content ?? []).map((c) => [c.id, c]));

  const points = journey.points.map((pt, index): IrPoint => {
    const next = successorsOf(pt).map((s, k): IrEdge => {
      const to = pointIndex.get(s.to);
      if (to !== undefined) return { to, label: s.label };
      unresolved.push({ from: 'point', index, edge: k, to: s.to, problem: `Point "${pt.id}" goes on (${s.label}) to "${s.to}", which is not a point of the journey.` });
      return { to: -1, label: s.label };
    });
    return { id: pt.id, ...(pt.title !== undefined ? { title: pt.title } : {}), next, ...pointFacts(pt, journey, timeZone, contentById, warnings) } as IrPoint;
  });

  const startingPoints = journey.startingPoints.map((sp, index): IrStartingPoint => {
    const t = sp.trigger;
    let next = pointIndex.get(sp.next);
    if (next === undefined) {
      unresolved.push({ from: 'start', index, edge: 0, to: sp.next, problem: `Starting point "${sp.id}" goes on to "${sp.next}", which is not a point of the journey.` });
      next = -1;
    }
    let dateTrigger: IrStartingPoint['dateTrigger'];
    if (t.type === 'dateField') {
      const zone = t.timeZone ?? timeZone;
      checkTimeZone(zone);
      const [hour, minute] = t.time.split(':').map(Number) as [number, number];
      dateTrigger = { field: t.field, hour, minute, timeZone: zone };
    }
    return { id: sp.id, trigger: t, ...(sp.filter ? { filter: sp.filter } : {}), next, ...(dateTrigger ? { dateTrigger } : {}) };
  });

  const reEntry = journey.settings?.reEntry ?? { mode: 'never' };
  const exitCriteria = journey.settings?.exitCriteria ?? [];
  const ir: JourneyIr = {
    irVersion: IR_VERSION,
    journey: {
      id: journey.id,
      name: journey.name,
      version: options.version ?? journey.version ?? 1,
      ...(options.hash !== undefined ? { hash: options.hash } : {}),
      ...(options.publishedAt !== undefined ? { publishedAt: options.publishedAt } : {}),
    },
    kind: journey.kind,
    timeZone,
    marketing: isMarketingJourney(journey),
    reEntry: reEntry.mode === 'afterCooldown' ? cooldown(duration(reEntry.cooldown, 'The re-entry cool-down')) : { mode: reEntry.mode },
    exitCriteria: exitCriteria.map((c) => ({ ...c })),
    startingPoints,
    points,
    segment: journey.kind === 'segment' ? segmentPlan(journey, startingPoints, timeZone, warnings) : null,
    maxChainSteps: Math.max(10_000, 50 * journey.points.length),
  };
  return { ir, unresolved, warnings };
}

function cooldown(d: NominalDuration): JourneyIr['reEntry'] {
  const { ms, days } = msAndDays(d);
  return { mode: 'afterCooldown', cooldownMs: ms, ...(days !== undefined ? { cooldownDays: days } : {}) };
}

/** A point's IR fields but its id, title and edges (distributed over the point types). */
type PointFacts = IrPoint extends infer P ? (P extends IrPoint ? Omit<P, 'id' | 'title' | 'next'> : never) : never;

/** The single translation of a journey point into the IR's facts for its type. */
function pointFacts(pt: JourneyPoint, journey: Journey, timeZone: string, contentById: ReadonlyMap<string, ContentItem>, warnings: string[]): PointFacts {
  switch (pt.type) {
    case 'sendEmail':
    case 'sendSms': {
      const content = contentById.get(pt.content);
      if (!content) warnings.push(`Point "${pt.id}" sends content "${pt.content}", which the journey does not declare: it is treated as marketing content without a list.`);
      const facts = {
        content: pt.content,
        transactional: isTransactional(content, journey),
        ...(content?.list !== undefined ? { list: content.list } : {}),
        ...(content?.subject !== undefined ? { subject: content.subject } : {}),
      };
      return pt.type === 'sendEmail' ? { type: 'sendEmail', ...facts } : { type: 'sendSms', ...facts, ...(pt.phoneField !== undefined ? { phoneField: pt.phoneField } : {}) };
    }
    case 'addTag':
    case 'removeTag':
      return { type: pt.type, tag: pt.tag };
    case 'updateField':
      return { type: 'updateField', field: pt.field, value: pt.value };
    case 'subscribeList':
    case 'unsubscribeList':
      return { type: pt.type, list: pt.list };
    case 'webhook':
      return { type: 'webhook', url: pt.url, method: pt.method ?? 'POST' };
    case 'exit':
      return { type: 'exit', ...(pt.reason !== undefined ? { reason: pt.reason } : {}) };
    case 'end':
      return { type: 'end' };
    case 'ifElse':
      return { type: 'ifElse', condition: pt.condition };
    case 'wait': {
      const { ms, days } = msAndDays(duration(pt.duration, `Point "${pt.id}"`));
      return { type: 'wait', durationMs: ms, ...(days !== undefined ? { durationDays: days } : {}) };
    }
    case 'waitUntil': {
      const zone = pt.timeZone ?? timeZone;
      checkTimeZone(zone);
      return { type: 'waitUntil', atMs: localDateTimeToEpoch(pt.at, zone), at: pt.at, timeZone: zone };
    }
    case 'waitForEvent': {
      const { ms, days } = msAndDays(duration(pt.timeout, `Point "${pt.id}"`));
      return { type: 'waitForEvent', event: pt.event, timeoutMs: ms, ...(days !== undefined ? { timeoutDays: days } : {}) };
    }
    case 'split': {
      const percents = pt.branches.map((b) => b.percent);
      // Validation refuses such a split (R13.split-total); a caller that skips it is told how it was read.
      const total = percents.reduce((a, b) => a + b, 0);
      if (Math.abs(total - 100) > 1e-9) warnings.push(`The branches of split "${pt.id}" add up to ${total}%, not 100% (R13): their shares were read relative to ${total}.`);
      return { type: 'split', percents };
    }
  }
}

/**
 * R19: the segment, schedule (default one-time static), start (default: when
 * the replay or the runtime starts) and the starting point entries go
 * through: the one whose trigger enters that segment, else the first.
 */
function segmentPlan(journey: Journey, starts: readonly IrStartingPoint[], timeZone: string, warnings: string[]): IrSegmentPlan | null {
  const entryDecl = journey.segmentEntry;
  const byTrigger = starts.findIndex((s) => s.trigger.type === 'segmentEntered' && (entryDecl?.segment === undefined || s.trigger.segment === entryDecl.segment));
  const trigger = starts[byTrigger]?.trigger;
  const segment = entryDecl?.segment ?? (trigger?.type === 'segmentEntered' ? trigger.segment : undefined);
  const entry = byTrigger >= 0 ? byTrigger : 0;
  if (segment === undefined || starts.length === 0) {
    warnings.push('This segment-based journey names no segment (segmentEntry.segment or a segmentEntered starting point) or has no starting point: nobody enters it.');
    return null;
  }
  const zone = entryDecl?.timeZone ?? timeZone;
  checkTimeZone(zone);
  const schedule: Schedule = entryDecl?.schedule ?? { type: 'oneTimeStatic' };
  const startMs = entryDecl?.start !== undefined ? localDateTimeToEpoch(entryDecl.start, zone) : null;
  let every = NO_DURATION;
  let untilMs: number | null = null;
  if (schedule.type === 'recurring') {
    every = duration(schedule.every, 'The recurring schedule');
    if (approximateMs(every) <= 0) throw new SimulationError('invalid-duration', 'The recurring schedule runs every 0 seconds: give it a positive interval.');
    if (schedule.until !== undefined) untilMs = localDateTimeToEpoch(schedule.until, zone);
  }
  const { ms, days } = msAndDays(every);
  return {
    segment,
    schedule: schedule.type,
    startMs,
    everyMs: ms,
    ...(days !== undefined ? { everyDays: days } : {}),
    ...(zone !== timeZone ? { timeZone: zone } : {}),
    untilMs,
    entry,
  };
}
