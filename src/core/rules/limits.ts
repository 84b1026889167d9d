// R1: a journey has at least one starting point, and stays within the
// limits of its platform and plan (see platformLimits.ts): starting points,
// journey points and wait-for-event rules; each excess is reported once, on
// the first item over the limit.
import { limitFor, type ResolvedLimit } from '../platformLimits';
import type { JourneyRule } from './ruleContext';

const capitalise = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function fix(limit: ResolvedLimit<number>, key: string): string {
  return limit.origin === 'limits' ? `raise settings.limits.${key}` : `declare a plan or settings.limits.${key} that allows more`;
}

export const limitsRule: JourneyRule = {
  rule: 'R1',
  title: 'starting points, journey points and wait-for-event rules within the plan limits',
  check(ctx) {
    const { journey, options } = ctx;
    const opts = options.defaultPlan !== undefined ? { defaultPlan: options.defaultPlan } : {};

    if (journey.startingPoints.length === 0) {
      ctx.report({
        code: 'R1.no-starting-point',
        rule: 'R1',
        severity: 'error',
        message: 'This journey has no starting point, so no contact can ever enter: a journey has one or more starting points, each with a trigger (R1, R2). Add a starting point that leads to the first journey point.',
        path: ['startingPoints'],
        on: 'key',
        data: { fix: 'addStartingPoint' },
      });
    }

    const sp = limitFor(journey, 'startingPoints', opts);
    if (sp && journey.startingPoints.length > sp.value) {
      const over = journey.startingPoints[sp.value]!;
      ctx.report({
        code: 'R1.too-many-starting-points',
        rule: 'R1',
        severity: 'error',
        message:
          `${capitalise(sp.source)} allows ${sp.value === 1 ? '1 starting point' : `up to ${sp.value} starting points`} (R1); this journey has ${journey.startingPoints.length}, ` +
          `and "${over.id}" is the first over the limit. Remove ${journey.startingPoints.length - sp.value === 1 ? 'it' : 'it and the ones after it'}, or ${fix(sp, 'startingPoints')}.`,
        path: ['startingPoints', sp.value],
        on: 'object',
        data: { limit: sp.value, count: journey.startingPoints.length, source: sp.source, ...(sp.plan ? { plan: sp.plan } : {}), id: over.id },
      });
    }

    const jp = limitFor(journey, 'journeyPoints', opts);
    if (jp && journey.points.length > jp.value) {
      const over = journey.points[jp.value]!;
      ctx.report({
        code: 'R1.too-many-journey-points',
        rule: 'R1',
        severity: 'error',
        message:
          `${capitalise(jp.source)} allows up to ${count(jp.value, 'journey point', 'journey points')} (R1); this journey has ${journey.points.length}, ` +
          `and "${over.id}" is the first over the limit. Remove or merge points, or ${fix(jp, 'journeyPoints')}.`,
        path: ['points', jp.value],
        on: 'object',
        data: { limit: jp.value, count: journey.points.length, source: jp.source, ...(jp.plan ? { plan: jp.plan } : {}), id: over.id },
      });
    }

    const wfe = limitFor(journey, 'waitForEventRules', opts);
    if (wfe) {
      const waits = journey.points.flatMap((p, index) => (p.type === 'waitForEvent' ? [{ p, index }] : []));
      const over = waits[wfe.value];
      if (over) {
        ctx.report({
          code: 'R1.too-many-wait-for-event-rules',
          rule: 'R1',
          severity: 'error',
          message:
            `${capitalise(wfe.source)} allows ${wfe.value === 0 ? 'no wait-for-event rules' : `up to ${count(wfe.value, 'wait-for-event rule', 'wait-for-event rules')}`} (R1); this journey has ${waits.length}, ` +
            `and "${over.p.id}" is the first over the limit. Replace some with waits or if/else rules, or ${fix(wfe, 'waitForEventRules')}.`,
          path: ['points', over.index],
          on: 'object',
          data: { limit: wfe.value, count: waits.length, source: wfe.source, id: over.p.id },
        });
      }
    }
  },
};
