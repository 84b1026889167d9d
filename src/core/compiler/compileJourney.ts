// Compiles a journey into its IR (irSchema.ts). The interpretation is the
// simulator's own (src/core/simulator/compiledJourney.ts): the same successor
// order and labels, durations, wait-until instants, content facts, re-entry
// policy and segment plan, so the runtime and the simulator cannot drift
// apart on what a journey means. Pure; throws CompileError when the journey
// cannot be compiled (a reference that names no point, an unknown time zone).
import type { Journey } from '../schema';
import { compileForSimulation as interpret } from '../simulator/compiledJourney';
import { SimulationError } from '../simulator/errors';
import { IR_VERSION, type IrPoint, type IrStartingPoint, JourneyIr } from './irSchema';

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

export function compileJourney(journey: Journey, options: CompileOptions = {}): JourneyIr {
  let cj: ReturnType<typeof interpret>;
  try {
    cj = interpret(journey);
  } catch (error) {
    if (error instanceof SimulationError) throw new CompileError([error.message]);
    throw error;
  }
  const problems: string[] = [];
  const points = cj.points.map((p): IrPoint => {
    const next = p.succ.map((to, k) => {
      if (to < 0) problems.push(`Point "${p.id}" goes on (${p.labels[k]}) to "${p.succIds[k]}", which is not a point of the journey.`);
      return { to: Math.max(0, to), label: p.labels[k]! };
    });
    const base = { id: p.id, ...(p.point.title !== undefined ? { title: p.point.title } : {}), next };
    const pt = p.point;
    switch (pt.type) {
      case 'sendEmail':
      case 'sendSms': {
        const facts = {
          content: pt.content,
          transactional: p.transactional,
          ...(p.list !== undefined ? { list: p.list } : {}),
          ...(p.content?.subject !== undefined ? { subject: p.content.subject } : {}),
        };
        return pt.type === 'sendEmail'
          ? { ...base, type: 'sendEmail', ...facts }
          : { ...base, type: 'sendSms', ...facts, ...(pt.phoneField !== undefined ? { phoneField: pt.phoneField } : {}) };
      }
      case 'addTag':
      case 'removeTag':
        return { ...base, type: pt.type, tag: pt.tag };
      case 'updateField':
        return { ...base, type: 'updateField', field: pt.field, value: pt.value };
      case 'subscribeList':
      case 'unsubscribeList':
        return { ...base, type: pt.type, list: pt.list };
      case 'webhook':
        return { ...base, type: 'webhook', url: pt.url, method: pt.method ?? 'POST' };
      case 'exit':
        return { ...base, type: 'exit', ...(pt.reason !== undefined ? { reason: pt.reason } : {}) };
      case 'end':
        return { ...base, type: 'end' };
      case 'ifElse':
        return { ...base, type: 'ifElse', condition: pt.condition };
      case 'wait':
        return { ...base, type: 'wait', durationMs: p.waitMs, ...(p.wait.days > 0 ? { durationDays: p.wait.days } : {}) };
      case 'waitUntil':
        return { ...base, type: 'waitUntil', atMs: p.untilMs, at: pt.at, timeZone: pt.timeZone ?? cj.timeZone };
      case 'waitForEvent':
        return { ...base, type: 'waitForEvent', event: pt.event, timeoutMs: p.waitMs, ...(p.wait.days > 0 ? { timeoutDays: p.wait.days } : {}) };
      case 'split':
        return { ...base, type: 'split', percents: [...p.percents] };
    }
  });
  const startingPoints = cj.starts.map((s): IrStartingPoint => {
    if (s.next < 0) problems.push(`Starting point "${s.id}" goes on to "${s.sp.next}", which is not a point of the journey.`);
    const t = s.sp.trigger;
    const dateTrigger =
      t.type === 'dateField'
        ? { field: t.field, hour: Number(t.time.slice(0, 2)), minute: Number(t.time.slice(3, 5)), timeZone: t.timeZone ?? cj.timeZone }
        : undefined;
    return { id: s.id, trigger: t, ...(s.sp.filter ? { filter: s.sp.filter } : {}), next: Math.max(0, s.next), ...(dateTrigger ? { dateTrigger } : {}) };
  });
  if (problems.length > 0) throw new CompileError(problems);
  const plan = cj.segmentPlan;
  const version = options.version ?? journey.version ?? 1;
  const ir: JourneyIr = {
    irVersion: IR_VERSION,
    journey: {
      id: journey.id,
      name: journey.name,
      version,
      ...(options.hash !== undefined ? { hash: options.hash } : {}),
      ...(options.publishedAt !== undefined ? { publishedAt: options.publishedAt } : {}),
    },
    kind: journey.kind,
    timeZone: cj.timeZone,
    marketing: cj.marketing,
    reEntry: cj.reEntry.mode === 'afterCooldown' ? { mode: 'afterCooldown', cooldownMs: cj.cooldownMs, ...(cj.cooldown.days > 0 ? { cooldownDays: cj.cooldown.days } : {}) } : { mode: cj.reEntry.mode },
    exitCriteria: cj.exitCriteria.map((c) => ({ ...c })),
    startingPoints,
    points,
    segment: plan
      ? {
          segment: plan.segment,
          schedule: plan.schedule.type,
          startMs: plan.startMs ?? null,
          everyMs: plan.everyMs,
          ...(plan.every.days > 0 ? { everyDays: plan.every.days } : {}),
          ...(plan.zone !== cj.timeZone ? { timeZone: plan.zone } : {}),
          untilMs: Number.isFinite(plan.untilMs) ? plan.untilMs : null,
          entry: plan.entry.index,
        }
      : null,
    maxChainSteps: Math.max(10_000, 50 * journey.points.length),
  };
  // The IR is checked against its own schema: what leaves the compiler is what a runtime accepts.
  return JourneyIr.parse(ir);
}

/** The IR as the JSON file a runtime loads: stable key order, two-space indent, trailing newline. */
export function irToJson(ir: JourneyIr): string {
  return JSON.stringify(ir, null, 2) + '\n';
}
