// The settings of a running journey service, per journey and shared: the
// clock (time scale, epoch), the window in which the journey is live, the
// split seed, how long timers let same-instant events arrive first, the
// Restate admin API the stats and queue queries read through, and the retry
// policy. Read from a JSON file
// (JOURNEY_RUNTIME_CONFIG) and environment variables; validated with zod so a
// typo stops the service at start rather than misbehaving later.
import { z } from 'zod';
import { REAL_DAY_MS } from './clock';
import { own } from './dictionary';

const instant = z.union([z.number(), z.iso.datetime({ offset: true }).transform((s) => Date.parse(s))]);

export const JourneySettings = z.strictObject({
  dayMs: z.number().positive().optional().describe('Wall milliseconds one journey day lasts (default real time: 86400000)'),
  epoch: z
    .strictObject({ journeyTime: instant, wallTime: instant })
    .optional()
    .describe('A journey instant and the wall instant it corresponds to; required when dayMs is not real time'),
  activeFrom: instant.nullable().optional().describe('Journey instant the journey goes live: earlier events only update contact data. Default: the publication instant'),
  activeUntil: instant.nullable().optional().describe('Journey instant after which nothing more is processed (timers stay pending). Default: none'),
  splitSeed: z.number().int().optional().describe('Seed of the percentage splits (R13); default 0'),
});
export type JourneySettingsInput = z.input<typeof JourneySettings>;

export const RuntimeConfigFile = z.strictObject({
  $schema: z.string().optional(),
  settleMs: z.number().nonnegative().optional().describe('Wall milliseconds a timer waits after its instant so that events of the same instant are handled first (R14)'),
  adminUrls: z
    .array(z.url({ protocol: /^https?$/ }))
    .min(1)
    .optional()
    .describe('Restate admin API URLs (any node of a cluster; tried in order) through which the stats and queue queries read the stats each contact keeps (SQL introspection). Default: RESTATE_ADMIN_URL, else http://127.0.0.1:9070'),
  statsShards: z
    .unknown()
    .optional()
    .refine((v) => v === undefined, {
      message:
        'statsShards is no longer a setting: each contact keeps its own stats and the queries sum them, so there are no stats shards to size. Remove it. Stats that an older runtime kept in stats shards are not carried over.',
    }),
  retry: z
    .strictObject({ initialIntervalMs: z.number().positive().optional(), maxIntervalMs: z.number().positive().optional(), maxAttempts: z.number().int().positive().optional() })
    .optional()
    .describe('Retry policy of the journey services (Restate retries failed invocations with it)'),
  sendAttempts: z.number().int().positive().optional().describe('Attempts of one send through a channel adapter before it is recorded as a failed delivery; default: retry until it succeeds or the adapter throws a TerminalError'),
  allowRehearsal: z
    .boolean()
    .optional()
    .describe('Let `journey rehearse` set a journey\'s time scale and live window through the ingress (its `rehearsal` handler) until the service restarts; default false. Turn it off for a service that runs real contacts.'),
  defaults: JourneySettings.optional(),
  journeys: z.record(z.string(), JourneySettings).optional().describe('Settings per journey id'),
});
export type RuntimeConfigFile = z.input<typeof RuntimeConfigFile>;

export interface JourneyRuntimeSettings {
  dayMs: number;
  epoch?: { journeyTime: number; wallTime: number };
  activeFrom: number;
  activeUntil: number;
  splitSeed: number;
}

export interface RuntimeConfig {
  settleMs: number;
  /** Restate admin API URLs the stats and queue queries read through, tried in order. */
  adminUrls: string[];
  retry: { initialIntervalMs: number; maxIntervalMs: number; maxAttempts?: number } | undefined;
  sendAttempts: number | undefined;
  allowRehearsal: boolean;
  settingsFor(journeyId: string, publishedAt: string | undefined): JourneyRuntimeSettings;
}

/** Parses `2026-03-02T00:00:00Z@2026-11-23T08:00:00.000Z` (journey instant @ wall instant). */
function parseEpoch(text: string): { journeyTime: number; wallTime: number } {
  const [j, w] = text.split('@');
  const journeyTime = Date.parse(j ?? '');
  const wallTime = /^\d+$/.test(w ?? '') ? Number(w) : Date.parse(w ?? '');
  if (Number.isNaN(journeyTime) || Number.isNaN(wallTime)) throw new Error(`JOURNEY_EPOCH must look like <journey instant>@<wall instant>, e.g. 2026-03-02T00:00:00Z@2026-11-23T08:00:00Z, not "${text}"`);
  return { journeyTime, wallTime };
}

/** RESTATE_ADMIN_URL: one admin URL or several, comma-separated. */
function adminUrlsFrom(text: string): string[] {
  const urls = text.split(',').map((u) => u.trim()).filter((u) => u !== '');
  for (const u of urls) if (!/^https?:\/\/[^\s]+$/.test(u) || !URL.canParse(u)) throw new Error(`RESTATE_ADMIN_URL must be one or more http(s) URLs separated by commas, not "${text}"`);
  if (urls.length === 0) throw new Error('RESTATE_ADMIN_URL is empty.');
  return urls;
}

/**
 * The configuration from a parsed config file plus environment overrides:
 * JOURNEY_DAY_MS, JOURNEY_EPOCH, JOURNEY_ACTIVE_FROM, JOURNEY_ACTIVE_UNTIL,
 * JOURNEY_SPLIT_SEED (defaults for every journey), JOURNEY_SETTLE_MS,
 * RESTATE_ADMIN_URL (comma-separated admin URLs).
 */
export function resolveRuntimeConfig(file: unknown, env: Record<string, string | undefined> = {}): RuntimeConfig {
  const parsed = RuntimeConfigFile.parse(file ?? {});
  const envDefaults: z.output<typeof JourneySettings> = {};
  if (env.JOURNEY_DAY_MS) envDefaults.dayMs = Number(env.JOURNEY_DAY_MS);
  if (env.JOURNEY_EPOCH) envDefaults.epoch = parseEpoch(env.JOURNEY_EPOCH);
  if (env.JOURNEY_ACTIVE_FROM) envDefaults.activeFrom = Date.parse(env.JOURNEY_ACTIVE_FROM);
  if (env.JOURNEY_ACTIVE_UNTIL) envDefaults.activeUntil = Date.parse(env.JOURNEY_ACTIVE_UNTIL);
  if (env.JOURNEY_SPLIT_SEED) envDefaults.splitSeed = Number(env.JOURNEY_SPLIT_SEED);
  for (const [k, v] of Object.entries(envDefaults)) if (typeof v === 'number' && Number.isNaN(v)) throw new Error(`The environment setting for ${k} is not a number or instant.`);
  const defaults = { ...parsed.defaults, ...envDefaults };
  return {
    settleMs: env.JOURNEY_SETTLE_MS ? Number(env.JOURNEY_SETTLE_MS) : (parsed.settleMs ?? 500),
    adminUrls: env.RESTATE_ADMIN_URL ? adminUrlsFrom(env.RESTATE_ADMIN_URL) : (parsed.adminUrls ?? ['http://127.0.0.1:9070']),
    retry: parsed.retry ? { initialIntervalMs: parsed.retry.initialIntervalMs ?? 100, maxIntervalMs: parsed.retry.maxIntervalMs ?? 10_000, ...(parsed.retry.maxAttempts ? { maxAttempts: parsed.retry.maxAttempts } : {}) } : undefined,
    sendAttempts: parsed.sendAttempts,
    allowRehearsal: parsed.allowRehearsal ?? false,
    settingsFor(journeyId, publishedAt) {
      const s = { ...defaults, ...own(parsed.journeys, journeyId) };
      const dayMs = s.dayMs ?? REAL_DAY_MS;
      const published = publishedAt !== undefined ? Date.parse(publishedAt) : NaN;
      return {
        dayMs,
        ...(s.epoch ? { epoch: s.epoch } : {}),
        activeFrom: s.activeFrom ?? (Number.isNaN(published) ? -Infinity : published),
        activeUntil: s.activeUntil ?? Infinity,
        splitSeed: s.splitSeed ?? 0,
      };
    },
  };
}

/**
 * The time scale and live window a rehearsal gives a running journey (its
 * `rehearsal` handler): every instant is journey epoch milliseconds except
 * `epoch.wallTime`, the wall instant `epoch.journeyTime` corresponds to.
 */
export const RehearsalSettings = z.strictObject({
  dayMs: z.number().positive(),
  epoch: z.strictObject({ journeyTime: z.number(), wallTime: z.number() }),
  activeFrom: z.number(),
  activeUntil: z.number(),
  splitSeed: z.number().int(),
});
export type RehearsalSettings = z.infer<typeof RehearsalSettings>;
