// Replays a timeline against a deployed journey through the Restate ingress,
// in scaled real time (the rehearsal and the Restate tests): each contact's
// profile is imported before the start, then each contact's events are sent
// in order, each at the wall instant its journey instant maps to (a little
// early, which is always safe: the runtime handles a contact's timers due
// before an event first), contacts in parallel. Every call carries an
// idempotency key and is retried while the ingress is unreachable, so a
// restarted restate-server gets each event exactly once. Then it waits until
// every contact has nothing left to do up to the horizon, and collects the
// contacts' traces and the journey's stats.
import type { TraceEntry } from '../core/simulator/index';
import type { Timeline } from '../core/timeline';
import { type IngressError, JourneyIngressClient } from './ingressClient';
import { JourneyClock } from './runtime/clock';
import { eventBody } from './runtime/ingressEvent';
import type { ContactReport } from './runtime/journeyServices';
import type { RehearsalSettings } from './runtime/runtimeConfig';
import type { JourneyStats } from './runtime/statsDelta';

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
export function settingsFor(plan: ReplayPlan): RehearsalSettings {
  return { dayMs: plan.dayMs, epoch: { journeyTime: plan.start, wallTime: plan.wallStart }, activeFrom: plan.start, activeUntil: plan.horizon, splitSeed: plan.seed };
}

export function clockOf(plan: ReplayPlan): JourneyClock {
  return new JourneyClock({ dayMs: plan.dayMs, epoch: { journeyTime: plan.start, wallTime: plan.wallStart } });
}

/** Wall milliseconds per journey day so that `span` journey milliseconds last about `targetMs` (within [minDayMs, maxDayMs]). */
export function dayMsFor(span: number, targetMs: number, minDayMs = 25, maxDayMs = 400): number {
  return Math.round(Math.max(minDayMs, Math.min(maxDayMs, targetMs / (span / 86_400_000))));
}

/** Thrown when a replay is cancelled through its AbortSignal. */
export class ReplayCancelled extends Error {
  override readonly name = 'ReplayCancelled';
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(new ReplayCancelled('cancelled'));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, Math.max(0, ms));
    function done() {
      signal?.removeEventListener('abort', cancel);
      resolve();
    }
    function cancel() {
      clearTimeout(timer);
      reject(new ReplayCancelled('cancelled'));
    }
    signal?.addEventListener('abort', cancel, { once: true });
  });
}

/** Retries a call while the ingress cannot be reached or answers 5xx (e.g. restate-server restarting), up to `deadline`. */
export async function withRetry<T>(call: () => Promise<T>, deadline: number, signal?: AbortSignal): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const status = (error as IngressError).status;
      const retriable = status === undefined || status >= 500 || status === 429;
      if (!retriable || Date.now() > deadline || signal?.aborted) throw error;
      await sleep(Math.min(100 * 2 ** attempt, 500), signal);
    }
  }
}

export interface ReplayOptions {
  /** Send events this many wall ms before their instant. */
  leadMs?: number;
  /** Idempotency keys and nothing else depend on it: give each replay of the same timeline its own. */
  keyPrefix?: string;
  signal?: AbortSignal;
  /** Called after each event is sent (sent so far, of how many). */
  onSent?: (sent: number, total: number) => void;
}

/** The contacts of a timeline: its profiles and every contact an event names, in order of first mention. */
export function timelineContacts(timeline: Timeline): string[] {
  return [...new Set([...timeline.contacts.map((c) => c.id), ...timeline.events.map((e) => e.contact)])];
}

/** Imports the profiles (before the start), then sends every event up to the horizon at its scaled instant: per contact in order, contacts in parallel. */
export async function replayTimeline(client: JourneyIngressClient, plan: ReplayPlan, options: ReplayOptions = {}): Promise<{ sent: number }> {
  const { signal } = options;
  const keyPrefix = options.keyPrefix ?? plan.journeyId;
  const clock = clockOf(plan);
  const deadline = clock.wallAt(plan.horizon) + 120_000;
  const seen = new Set<string>();
  const profiles = plan.timeline.contacts.filter((c) => !seen.has(c.id) && seen.add(c.id));
  const before = new Date(plan.start - 1).toISOString();
  for (let i = 0; i < profiles.length; i += 8) {
    await Promise.all(
      profiles.slice(i, i + 8).map(({ id, ...profile }) => withRetry(() => client.upsert(id, { ...profile, at: before }, `${keyPrefix}/profile/${id}`), deadline, signal)),
    );
  }
  const perContact = new Map<string, { e: Timeline['events'][number]; i: number; t: number }[]>();
  plan.timeline.events.forEach((e, i) => {
    const t = Date.parse(e.at);
    if (t > plan.horizon) return;
    let list = perContact.get(e.contact);
    if (!list) perContact.set(e.contact, (list = []));
    list.push({ e, i, t });
  });
  const total = [...perContact.values()].reduce((n, l) => n + l.length, 0);
  let sent = 0;
  await Promise.all(
    [...perContact.values()].map(async (list) => {
      list.sort((a, b) => a.t - b.t || a.i - b.i);
      for (const { e, i, t } of list) {
        await sleep(clock.wallAt(t) - (options.leadMs ?? 150) - Date.now(), signal);
        await withRetry(() => client.sendEvent(e.contact, { ...eventBody(e), at: e.at }, `${keyPrefix}/event/${i}`), deadline, signal);
        options.onSent?.(++sent, total);
      }
    }),
  );
  return { sent };
}

export interface ReplayResult {
  trace: TraceEntry[];
  reports: Map<string, ContactReport>;
  /** The live stats when the journey had settled. */
  stats: JourneyStats;
  /** Wall milliseconds from the journey start to when everything up to the horizon was done. */
  settledAfterMs: number;
}

export interface CollectOptions {
  /** The stats before the replay (a rehearsal on a service that already ran contacts): only what the replay added must agree with the traces. */
  baseline?: JourneyStats;
  signal?: AbortSignal;
}

const queuedOf = (s: JourneyStats) => Object.values(s.points).reduce((n, p) => n + p.queued, 0);

/**
 * Waits until the horizon has passed on the wall clock and every contact has
 * no timer left at or before it, then until the stats agree with the traces;
 * returns the traces (in contact order) and the stats.
 */
export async function collectWhenSettled(client: JourneyIngressClient, plan: ReplayPlan, contacts: readonly string[], timeoutMs: number, options: CollectOptions = {}): Promise<ReplayResult> {
  const { signal, baseline } = options;
  const clock = clockOf(plan);
  await sleep(clock.wallAt(plan.horizon) - Date.now(), signal);
  const deadline = Date.now() + timeoutMs;
  // Events are sent one-way (/send): the last ones may still be handled after
  // a first look, so the traces are read again until they and the stats agree.
  for (;;) {
    const reports = new Map<string, ContactReport>();
    for (let i = 0; i < contacts.length; i += 16) {
      const read = await Promise.all(contacts.slice(i, i + 16).map(async (c) => [c, await withRetry(() => client.contact(c), deadline, signal)] as const));
      for (const [c, r] of read) reports.set(c, r);
    }
    const busy = [...reports.values()].filter((r) => r.pending.some((p) => p.due <= plan.horizon));
    if (busy.length > 0) {
      if (Date.now() > deadline) throw new Error(`contacts still have timers due by the horizon after ${timeoutMs} ms: ${busy.map((r) => `${r.contact} ${JSON.stringify(r.pending)}`).join('; ')}`);
      await sleep(100, signal);
      continue;
    }
    const settledAfterMs = Date.now() - plan.wallStart;
    const trace = [...reports.values()].flatMap((r) => r.trace);
    const entries = trace.filter((e) => e.kind === 'enter').length;
    const stats = await withRetry(() => client.stats(), deadline, signal);
    const started = stats.started - (baseline?.started ?? 0);
    const queued = queuedOf(stats) - (baseline ? queuedOf(baseline) : 0);
    const inProgress = stats.inProgress - (baseline?.inProgress ?? 0);
    if (started === entries && queued === inProgress) return { trace, reports, stats, settledAfterMs };
    if (Date.now() > deadline) throw new Error(`stats did not settle: started ${started} (traces say ${entries}), queued ${queued}, in progress ${inProgress}`);
    await sleep(100, signal);
  }
}
