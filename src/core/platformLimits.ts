// R1, R11: the limits a journey must stay within (starting points, journey
// points, wait-for-event rules, the longest wait-for-event timeout), by
// platform and account plan, and where each limit comes from so messages
// can say it. Pure.
//
// How a limit is chosen, for each kind separately:
//   1. `settings.limits.<kind>` in the file, if present, wins.
//   2. Else, if the journey is a Mailchimp journey (platform "mailchimp" or no
//      platform) or declares `settings.plan` (on any platform: the schema
//      makes the plan the source of the limits), the plan's row of
//      PLAN_LIMITS; the plan is `settings.plan`, else the default plan (a
//      user setting), else Standard.
//   3. Else the platform's row of PLATFORM_LIMITS.
//   Nothing found means "no limit".
//
// The values:
//   - Mailchimp starting points: 3 on Standard and above, 1 below (seed 003:
//     "up to three starting points ... on the Standard plan or higher").
//   - Mailchimp journey points: 100 on Standard and above (Mailchimp help:
//     "If you have a Standard plan or higher, you can add up to 100 journey
//     points"); 4 on Free and Essentials (an assumption: below Standard,
//     journeys are limited to a few steps; set settings.limits.journeyPoints
//     if your account differs).
//   - Wait-for-event rules: no platform documents a count limit, so none is
//     assumed; `settings.limits.waitForEventRules` sets one.
//   - Dynamics 365 Customer Insights - Journeys: a wait-for-event ("if/then
//     branch on a trigger") timeout is at most 90 days; no starting-point or
//     journey-point limit.
//   - MailUp and generic: no limits.
import { parseDuration } from './durations';
import type { Journey, Plan, Platform } from './schema';

export interface Limits {
  startingPoints?: number;
  journeyPoints?: number;
  waitForEventRules?: number;
  /** The longest wait-for-event timeout, as an ISO duration. */
  maxWait?: string;
}

export type LimitKind = keyof Limits;

export const PLAN_NAMES: Record<Plan, string> = { free: 'Free', essentials: 'Essentials', standard: 'Standard', premium: 'Premium' };
export const PLATFORM_NAMES: Record<Platform, string> = { mailchimp: 'Mailchimp', dynamics: 'Dynamics 365', mailup: 'MailUp', generic: 'generic' };

/** Mailchimp account plans. */
export const PLAN_LIMITS: Record<Plan, Limits> = {
  free: { startingPoints: 1, journeyPoints: 4 },
  essentials: { startingPoints: 1, journeyPoints: 4 },
  standard: { startingPoints: 3, journeyPoints: 100 },
  premium: { startingPoints: 3, journeyPoints: 100 },
};

/** Platforms whose limits do not depend on a plan. */
export const PLATFORM_LIMITS: Record<Exclude<Platform, 'mailchimp'>, Limits> = {
  dynamics: { maxWait: 'P90D' },
  mailup: {},
  generic: {},
};

export interface ResolvedLimit<T> {
  value: T;
  /** Where the limit comes from, e.g. `the explicit limit settings.limits.startingPoints`, `the Mailchimp Standard plan`. */
  source: string;
  origin: 'limits' | 'plan' | 'platform';
  plan?: Plan;
}

export interface LimitOptions {
  /** The plan assumed when the journey declares none (user setting). */
  defaultPlan?: Plan;
}

/** The limit of one kind that applies to a journey, or undefined when there is none. */
export function limitFor<K extends LimitKind>(journey: Journey, kind: K, options: LimitOptions = {}): ResolvedLimit<NonNullable<Limits[K]>> | undefined {
  const explicit = journey.settings?.limits?.[kind];
  if (explicit !== undefined) return { value: explicit as NonNullable<Limits[K]>, source: `the explicit limit settings.limits.${kind}`, origin: 'limits' };
  const platform = journey.platform ?? 'mailchimp';
  const declaredPlan = journey.settings?.plan;
  if (platform === 'mailchimp' || declaredPlan !== undefined) {
    const plan = declaredPlan ?? options.defaultPlan ?? 'standard';
    const value = PLAN_LIMITS[plan][kind];
    if (value === undefined) return undefined;
    // Only a journey that says it is a Mailchimp journey is called one; without a platform, Mailchimp's plans apply all the same.
    const platformName = journey.platform === 'mailchimp' ? 'Mailchimp ' : '';
    const assumed = declaredPlan !== undefined ? '' : journey.platform === undefined ? ' (assumed: the journey declares no platform or settings.plan)' : ' (assumed: the journey declares no settings.plan)';
    const source = `the ${platformName}${PLAN_NAMES[plan]} plan${assumed}`;
    return { value: value as NonNullable<Limits[K]>, source, origin: 'plan', plan };
  }
  const value = PLATFORM_LIMITS[platform][kind];
  if (value === undefined) return undefined;
  return { value: value as NonNullable<Limits[K]>, source: PLATFORM_NAMES[platform], origin: 'platform' };
}

/** What a plan allows, as people read it: `3 starting points, 100 journey points` (the settings' plan descriptions say exactly this). */
export function planSummary(plan: Plan): string {
  const l = PLAN_LIMITS[plan];
  const parts: string[] = [];
  if (l.startingPoints !== undefined) parts.push(`${l.startingPoints} starting point${l.startingPoints === 1 ? '' : 's'}`);
  if (l.journeyPoints !== undefined) parts.push(`${l.journeyPoints} journey points`);
  if (l.waitForEventRules !== undefined) parts.push(`${l.waitForEventRules} wait-for-event rules`);
  if (l.maxWait !== undefined) parts.push(`waits of at most ${l.maxWait}`);
  return parts.join(', ') || 'no limits';
}

/** The longest wait-for-event timeout in ms, with its source; undefined when unlimited. */
export function maxWaitMs(journey: Journey, options: LimitOptions = {}): (ResolvedLimit<string> & { ms: number }) | undefined {
  const limit = limitFor(journey, 'maxWait', options);
  if (!limit) return undefined;
  const ms = parseDuration(limit.value);
  return ms === undefined ? undefined : { ...limit, ms };
}
