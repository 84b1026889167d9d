// Replays a timeline against a deployed journey through the Restate ingress,
// in scaled real time: each contact's profile is imported before the start,
// then every event is sent at the wall instant its journey instant maps to
// (a little early, which is always safe: the runtime handles a contact's
// timers due before an event first). Events go one after the other, each
// with an idempotency key, retried while the ingress is unreachable, so a
// restarted restate-server gets each event exactly once. Then it waits until
// every contact has nothing left to do up to the horizon, and collects the
// contacts' traces and the journey's stats.
import type { TraceEntry } from '../../../src/core/simulator/index';
import type { Timeline } from '../../../src/core/timeline';
import { type IngressError, JourneyIngressClient } from '../../../src/restate/ingressClient';
import { JourneyClock } from '../../../src/restate/runtime/clock';
import { eventBody } from '../../../src/restate/runtime/ingressEvent';
import type { ContactReport } from '../../../src/restate/runtime/journeyServices';
import type { JourneySettingsInput } from '../../../src/restate/runtime/runtimeConfig';
import type { JourneyStats } from '../../../src/restate/runtime/statsDelta';

export interface ReplayPlan {
  journeyId: string;
  timeline: Timeline;
  /** Journey instants: the replay start (history before it) and the horizon (inclusive). */
  start: number;
  horizon: number;
  seed: number;
  /** Wall milliseconds per journey day. */
  dayMs: number;
  /** The wall instant the journey start maps to. */
  wallStart: number;
}

/** The runtime settings that make the service replay this plan (live window = start..horizon). */
export function settingsFor(plan: ReplayPlan): JourneySettingsInput {
  return { dayMs: plan.dayMs, epoch: { journeyTime: plan.start, wallTime: plan.wallStart }, activeFrom: plan.start, activeUntil: plan.horizon, splitSeed: plan.seed };
}

export function clockOf(plan: ReplayPlan): JourneyClock {
  return new JourneyClock({ dayMs: plan.dayMs, epoch: { journeyTime: plan.start, wallTime: plan.wallStart } });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** Retries a call while the ingress cannot be reached or answers 5xx (e.g. restate-server restarting), up to `deadline`. */
export async function withRetry<T>(call: () => Promise<T>, deadline: number): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const status = (error as IngressError).status;
      const retriable = status === undefined || status >= 500 || status === 429;
      if (!retriable || Date.now() > deadline) throw error;
      await sleep(Math.min(100 * 2 ** attempt, 500));
    }
  }
}

export interface ReplayOptions {
  /** Send events this many wall ms before their instant. */
  leadMs?: number;
  /** Called before each event is sent (the fault test kills processes from here). */
  beforeEvent?: (index: number, at: number) => Promise<void>;
}

/** Imports the profiles, then sends every event of the timeline up to the horizon at its scaled instant. */
export async function replayTimeline(client: JourneyIngressClient, plan: ReplayPlan, options: ReplayOptions = {}): Promise<{ sent: number }> {
  const clock = clockOf(plan);
  const deadline = clock.wallAt(plan.horizon) + 120_000;
  const seen = new Set<string>();
  const profiles = plan.timeline.contacts.filter((c) => !seen.has(c.id) && seen.add(c.id));
  const before = new Date(plan.start - 1).toISOString();
  for (let i = 0; i < profiles.length; i += 8) {
    await Promise.all(
      profiles.slice(i, i + 8).map(({ id, ...profile }) => withRetry(() => client.upsert(id, { ...profile, at: before }, `${plan.journeyId}/profile/${id}`), deadline)),
    );
  }
  const order = plan.timeline.events.map((e, i) => ({ e, i, t: Date.parse(e.at) })).sort((a, b) => a.t - b.t || a.i - b.i);
  let sent = 0;
  for (const { e, i, t } of order) {
    if (t > plan.horizon) break;
    await options.beforeEvent?.(i, t);
    await sleep(clock.wallAt(t) - (options.leadMs ?? 150) - Date.now());
    await withRetry(() => client.sendEvent(e.contact, { ...eventBody(e), at: e.at }, `${plan.journeyId}/event/${i}`), deadline);
    sent++;
  }
  return { sent };
}

export interface ReplayResult {
  trace: TraceEntry[];
  reports: Map<string, ContactReport>;
  stats: JourneyStats;
  /** Wall milliseconds from the journey start to when everything up to the horizon was done. */
  settledAfterMs: number;
}

/**
 * Waits until the horizon has passed on the wall clock and every contact has
 * no timer left at or before it, then until the stats agree with the traces;
 * returns the traces (in contact order) and the stats.
 */
export async function collectWhenSettled(client: JourneyIngressClient, plan: ReplayPlan, contacts: readonly string[], timeoutMs: number): Promise<ReplayResult> {
  const clock = clockOf(plan);
  await sleep(clock.wallAt(plan.horizon) - Date.now());
  const deadline = Date.now() + timeoutMs;
  // Events are sent one-way (/send): the last ones may still be handled after
  // a first look, so the traces are read again until they and the stats agree.
  for (;;) {
    const reports = new Map(await Promise.all(contacts.map(async (c) => [c, await withRetry(() => client.contact(c), deadline)] as const)));
    const busy = [...reports.values()].filter((r) => r.pending.some((p) => p.due <= plan.horizon));
    if (busy.length > 0) {
      if (Date.now() > deadline) throw new Error(`contacts still have timers due by the horizon after ${timeoutMs} ms: ${busy.map((r) => `${r.contact} ${JSON.stringify(r.pending)}`).join('; ')}`);
      await sleep(100);
      continue;
    }
    const settledAfterMs = Date.now() - plan.wallStart;
    const trace = [...reports.values()].flatMap((r) => r.trace);
    const entries = trace.filter((e) => e.kind === 'enter').length;
    const stats = await withRetry(() => client.stats(), deadline);
    const queued = Object.values(stats.points).reduce((n, p) => n + p.queued, 0);
    if (stats.started === entries && queued === stats.inProgress) return { trace, reports, stats, settledAfterMs };
    if (Date.now() > deadline) throw new Error(`stats did not settle: started ${stats.started} (traces say ${entries}), queued ${queued}, in progress ${stats.inProgress}`);
    await sleep(100);
  }
}
