// The journey as the kernel reads it: every point in one object shape (a
// numeric kind, successor indices, the facts its action needs), every
// starting point with the one event type that can fire it, and the
// journey-wide rules (re-entry, exit criteria, consent, the segment entry
// plan, the split seed, the zero-time guard's step limit). Built from the
// compiled IR (src/core/compiler/compileJourney.ts) by `fromIr`, the one way
// in for both drivers: the runtime reads the published IR, the simulator
// the IR it compiles in memory, so one kernel interprets one form. See
// src/core/semantics.md.
import type { IrExitCriterion, IrSegmentPlan, IrStartingPoint, JourneyIr } from '../compiler/irSchema';
import type { AwaitedEvent, ExitCriterion, Filter, PointType, Trigger } from '../schema';
import type { UnresolvedReference } from '../compiler/compileJourney';
import type { SimEvent } from '../simulator/matching';
import { NO_DURATION, type NominalDuration, nominalFromTotal } from '../time/nominalDuration';

type FieldValue = string | number | boolean | null;

// Point kinds: the kernel switches on a number instead of reading `type`
// from point objects of a dozen shapes (a megamorphic property load).
export const K_SEND_EMAIL = 0;
export const K_SEND_SMS = 1;
export const K_ADD_TAG = 2;
export const K_REMOVE_TAG = 3;
export const K_UPDATE_FIELD = 4;
export const K_SUBSCRIBE_LIST = 5;
export const K_UNSUBSCRIBE_LIST = 6;
export const K_WEBHOOK = 7;
export const K_EXIT = 8;
export const K_END = 9;
export const K_IF_ELSE = 10;
export const K_WAIT = 11;
export const K_WAIT_UNTIL = 12;
export const K_WAIT_FOR_EVENT = 13;
export const K_SPLIT = 14;

export const POINT_KIND: Record<PointType, number> = {
  sendEmail: K_SEND_EMAIL,
  sendSms: K_SEND_SMS,
  addTag: K_ADD_TAG,
  removeTag: K_REMOVE_TAG,
  updateField: K_UPDATE_FIELD,
  subscribeList: K_SUBSCRIBE_LIST,
  unsubscribeList: K_UNSUBSCRIBE_LIST,
  webhook: K_WEBHOOK,
  exit: K_EXIT,
  end: K_END,
  ifElse: K_IF_ELSE,
  wait: K_WAIT,
  waitUntil: K_WAIT_UNTIL,
  waitForEvent: K_WAIT_FOR_EVENT,
  split: K_SPLIT,
};

/** The only event type that can fire each trigger (see `triggerMatches`); undefined: no event fires it. */
export const TRIGGER_EVENT: Record<Trigger['type'], SimEvent['type'] | undefined> = {
  audienceJoined: 'audienceJoined',
  tagAdded: 'tagAdded',
  tagRemoved: 'tagRemoved',
  customEvent: 'customEvent',
  formSubmitted: 'formSubmitted',
  campaignActivity: 'campaignActivity',
  segmentEntered: 'segmentJoined',
  api: 'apiEntry',
  dateField: undefined,
};

/** One point, all kinds in one shape (fields a kind does not use are empty). */
export interface KernelPoint {
  readonly id: string;
  readonly index: number;
  readonly kind: number;
  /** Successor indices, -1 where the id names no point (a journey run without validation). */
  readonly succ: readonly number[];
  readonly succIds: readonly string[];
  /** Edge labels: next, yes, no, timeout, or the split branch labels. */
  readonly labels: readonly string[];
  /** wait: its duration; waitForEvent: its timeout, as R0 reads it (nominal days, exact rest). */
  readonly wait: NominalDuration;
  /** The same in milliseconds with a day counted as 24 h (the simulator's timer lanes are by this). */
  readonly waitMs: number;
  /** waitUntil: the instant (epoch ms). */
  readonly untilMs: number;
  /** split: branch percentages. */
  readonly percents: readonly number[];
  /** send points: the content id, whether it is transactional, its list, subject and phone field. */
  readonly content: string;
  readonly transactional: boolean;
  readonly list: string | undefined;
  readonly subject: string | undefined;
  readonly phoneField: string | undefined;
  /** addTag/removeTag: the tag; updateField: the field and value; (un)subscribeList: `list`. */
  readonly tag: string;
  readonly field: string;
  readonly value: FieldValue;
  /** webhook */
  readonly url: string;
  readonly method: 'POST' | 'PUT';
  /** exit: its reason */
  readonly reason: string | undefined;
  /** ifElse: the condition */
  readonly condition: Filter | undefined;
  /** waitForEvent: the awaited event and its type (undefined for other points). */
  readonly awaited: AwaitedEvent | undefined;
  readonly awaitedType: SimEvent['type'] | undefined;
  /** The event the point's action causes when it changes something (tagAdded, tagRemoved, audienceJoined); read only, so shared. */
  readonly caused: SimEvent | undefined;
}

export interface KernelStart {
  readonly id: string;
  readonly index: number;
  readonly trigger: Trigger;
  /** The only event type that can fire the trigger. */
  readonly triggerType: SimEvent['type'] | undefined;
  readonly filter: Filter | undefined;
  /** Index of the first point, -1 when the id names no point. */
  readonly next: number;
  readonly nextId: string;
  /** dateField: the field and the daily instant it is checked at (R20; see schedules.ts). */
  readonly daily: DailyTick | undefined;
}

/** A date-field trigger's daily check (R20): at hour:minute on the wall clock of `zone`, contacts whose `field` date falls on that day. */
export interface DailyTick {
  readonly field: string;
  readonly hour: number;
  readonly minute: number;
  readonly zone: string;
}

export interface KernelSegmentEntry {
  readonly segment: string;
  readonly schedule: 'oneTimeStatic' | 'oneTimeRolling' | 'recurring';
  /** The starting point segment entries go through. */
  readonly entry: KernelStart;
  /** The `enter` trace outcome: `segment:<schedule>`. */
  readonly how: string;
  /** The schedule's start (epoch ms); undefined: when the driver starts (the replay's start, the runtime's activeFrom). */
  readonly startMs: number | undefined;
  /** recurring: the interval as R0 reads it, the zone whose wall clock the runs keep (R19), the last possible run (Infinity: none). */
  readonly every: NominalDuration;
  readonly zone: string;
  readonly untilMs: number;
}

export interface KernelJourney {
  /** The published version (1 for a simulation). */
  readonly version: number;
  readonly kind: 'trigger' | 'segment';
  readonly points: readonly KernelPoint[];
  readonly starts: readonly KernelStart[];
  readonly timeZone: string;
  readonly marketing: boolean;
  readonly reEntry: 'never' | 'afterCompletion' | 'afterCooldown';
  /** The re-entry cool-down (R6) as R0 reads it. */
  readonly cooldown: NominalDuration;
  readonly exitCriteria: readonly (ExitCriterion | IrExitCriterion)[];
  readonly hasConditionCriteria: boolean;
  readonly contentOf: (pointId: string) => string | undefined;
  readonly segment: KernelSegmentEntry | undefined;
  /** The seed of the percentage splits (R13). */
  readonly seed: number;
  /** Most points one contact may pass at one instant (the zero-time guard). */
  readonly maxSteps: number;
}

function causedBy(type: PointType, tag: string, list: string | undefined): SimEvent | undefined {
  if (type === 'addTag') return Object.freeze({ type: 'tagAdded', tag });
  if (type === 'removeTag') return Object.freeze({ type: 'tagRemoved', tag });
  if (type === 'subscribeList') return Object.freeze({ type: 'audienceJoined', list: list! });
  return undefined;
}

interface PointFacts {
  id: string;
  index: number;
  type: PointType;
  succ: number[];
  succIds: string[];
  labels: string[];
  wait?: NominalDuration;
  waitMs?: number;
  untilMs?: number;
  percents?: readonly number[];
  content?: string;
  transactional?: boolean;
  list?: string | undefined;
  subject?: string | undefined;
  phoneField?: string | undefined;
  tag?: string;
  field?: string;
  value?: FieldValue;
  url?: string;
  method?: 'POST' | 'PUT';
  reason?: string | undefined;
  condition?: Filter | undefined;
  awaited?: AwaitedEvent | undefined;
}

function kernelPoint(f: PointFacts): KernelPoint {
  const tag = f.tag ?? '';
  return {
    id: f.id,
    index: f.index,
    kind: POINT_KIND[f.type],
    succ: f.succ,
    succIds: f.succIds,
    labels: f.labels,
    wait: f.wait ?? NO_DURATION,
    waitMs: f.waitMs ?? 0,
    untilMs: f.untilMs ?? NaN,
    percents: f.percents ?? [],
    content: f.content ?? '',
    transactional: f.transactional ?? false,
    list: f.list,
    subject: f.subject,
    phoneField: f.phoneField,
    tag,
    field: f.field ?? '',
    value: f.value ?? null,
    url: f.url ?? '',
    method: f.method ?? 'POST',
    reason: f.reason,
    condition: f.condition,
    awaited: f.awaited,
    awaitedType: f.awaited?.type,
    caused: causedBy(f.type, tag, f.list),
  };
}

function kernelStart(sp: IrStartingPoint, index: number, nextId: string): KernelStart {
  const d = sp.dateTrigger;
  const daily = d ? { field: d.field, hour: d.hour, minute: d.minute, zone: d.timeZone } : undefined;
  return { id: sp.id, index, trigger: sp.trigger, triggerType: TRIGGER_EVENT[sp.trigger.type], filter: sp.filter, next: sp.next, nextId, daily };
}

function segmentEntry(plan: IrSegmentPlan, entry: KernelStart, journeyZone: string): KernelSegmentEntry {
  return {
    segment: plan.segment,
    schedule: plan.schedule,
    entry,
    how: `segment:${plan.schedule}`,
    startMs: plan.startMs ?? undefined,
    every: plan.schedule === 'recurring' ? nominalFromTotal(plan.everyMs, plan.everyDays) : NO_DURATION,
    zone: plan.timeZone ?? journeyZone,
    untilMs: plan.untilMs ?? Infinity,
  };
}

export interface FromIrOptions {
  /** The zero-time guard's step limit, when not the IR's own (the simulator's maxChainSteps option). */
  maxSteps?: number;
  /** References that name no point (a simulation of a journey being edited): their edges are -1 in the IR. */
  unresolved?: readonly UnresolvedReference[];
}

/** A compiled journey (IR) in the kernel's form; `seed` is the split seed (R13). */
export function fromIr(ir: JourneyIr, seed: number, options: FromIrOptions = {}): KernelJourney {
  const missing = new Map<string, string>();
  for (const u of options.unresolved ?? []) missing.set(`${u.from}/${u.index}/${u.edge}`, u.to);
  const idOf = (to: number, key: string) => (to >= 0 ? (ir.points[to]?.id ?? String(to)) : (missing.get(key) ?? String(to)));
  const contentOfPoint = new Map<string, string>();
  for (const p of ir.points) if ((p.type === 'sendEmail' || p.type === 'sendSms') && !contentOfPoint.has(p.id)) contentOfPoint.set(p.id, p.content);
  const points = ir.points.map((p, index) => {
    const f: PointFacts = { id: p.id, index, type: p.type, succ: p.next.map((e) => e.to), succIds: p.next.map((e, k) => idOf(e.to, `point/${index}/${k}`)), labels: p.next.map((e) => e.label) };
    switch (p.type) {
      case 'sendEmail':
        Object.assign(f, { content: p.content, transactional: p.transactional, list: p.list, subject: p.subject });
        break;
      case 'sendSms':
        Object.assign(f, { content: p.content, transactional: p.transactional, list: p.list, subject: p.subject, phoneField: p.phoneField });
        break;
      case 'addTag':
      case 'removeTag':
        f.tag = p.tag;
        break;
      case 'updateField':
        Object.assign(f, { field: p.field, value: p.value });
        break;
      case 'subscribeList':
      case 'unsubscribeList':
        f.list = p.list;
        break;
      case 'webhook':
        Object.assign(f, { url: p.url, method: p.method });
        break;
      case 'exit':
        f.reason = p.reason;
        break;
      case 'ifElse':
        f.condition = p.condition;
        break;
      case 'wait':
        Object.assign(f, { wait: nominalFromTotal(p.durationMs, p.durationDays), waitMs: p.durationMs });
        break;
      case 'waitUntil':
        f.untilMs = p.atMs;
        break;
      case 'waitForEvent':
        Object.assign(f, { awaited: p.event, wait: nominalFromTotal(p.timeoutMs, p.timeoutDays), waitMs: p.timeoutMs });
        break;
      case 'split':
        f.percents = p.percents;
        break;
    }
    return kernelPoint(f);
  });
  const starts = ir.startingPoints.map((sp, i) => kernelStart(sp, i, idOf(sp.next, `start/${i}/0`)));
  const plan = ir.segment;
  return {
    version: ir.journey.version,
    kind: ir.kind,
    points,
    starts,
    timeZone: ir.timeZone,
    marketing: ir.marketing,
    reEntry: ir.reEntry.mode,
    cooldown: ir.reEntry.mode === 'afterCooldown' ? nominalFromTotal(ir.reEntry.cooldownMs, ir.reEntry.cooldownDays) : NO_DURATION,
    exitCriteria: ir.exitCriteria,
    hasConditionCriteria: ir.exitCriteria.some((c) => c.when === 'condition'),
    contentOf: (id) => contentOfPoint.get(id),
    segment: plan ? segmentEntry(plan, starts[plan.entry]!, ir.timeZone) : undefined,
    seed,
    maxSteps: options.maxSteps ?? ir.maxChainSteps,
  };
}
