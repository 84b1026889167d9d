// R1: how many starting points the journey may have, and why, as the map
// shows it (the add button's reason, the refusal of one too many). The
// limit itself comes from platformLimits.ts (explicit settings.limits, else
// the plan, else the platform); this reads the raw value defensively, so it
// also answers for documents that do not fit the schema yet. Pure.
import { limitFor } from '../platformLimits';
import type { Journey, Plan } from '../schema';
import { isObject } from './nodeReferences';

export interface StartingPointLimit {
  /** The most starting points allowed; null when nothing limits them. */
  max: number | null;
  /** Where the limit comes from, as a person reads it. */
  reason: string;
}

const PLANS = new Set(['free', 'essentials', 'standard', 'premium']);
const PLATFORMS = new Set(['mailchimp', 'dynamics', 'mailup', 'generic']);

/** The parts of a raw journey value the limits depend on, kept only where they are well-formed. */
function limitInputs(journey: unknown): Journey {
  const raw = isObject(journey) ? journey : {};
  const settings = isObject(raw['settings']) ? raw['settings'] : {};
  const limits = isObject(settings['limits']) ? settings['limits'] : {};
  const explicit = limits['startingPoints'];
  const plan = settings['plan'];
  const platform = raw['platform'];
  return {
    ...(typeof platform === 'string' && PLATFORMS.has(platform) ? { platform } : {}),
    settings: {
      ...(typeof plan === 'string' && PLANS.has(plan) ? { plan } : {}),
      ...(typeof explicit === 'number' && Number.isInteger(explicit) && explicit > 0 ? { limits: { startingPoints: explicit } } : {}),
    },
  } as Journey;
}

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function startingPointLimit(journey: unknown, defaultPlan?: Plan): StartingPointLimit {
  const limit = limitFor(limitInputs(journey), 'startingPoints', defaultPlan ? { defaultPlan } : {});
  if (!limit) return { max: null, reason: 'Nothing limits the number of starting points on this platform' };
  const n = limit.value;
  return { max: n, reason: `${capitalized(limit.source)} allows ${n === 1 ? '1 starting point' : `up to ${n} starting points`}` };
}
