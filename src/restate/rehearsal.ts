// Rehearsal: replays a timeline live through a running journey service (a
// published journey's Restate project, started and registered) and compares
// what the service did with what the simulator does, contact by contact.
// The rehearsal sets the time scale itself: the service's `rehearsal`
// handler makes it run the journey on a scaled clock from an epoch a few
// seconds ahead, live from the timeline's start to its horizon, with the
// timeline's split seed. Contacts are renamed `<run>.<contact>` (the
// simulator replays the same names, so splits hash alike), so rehearsals can
// follow each other on one service; the live stats are compared as what
// this run added to them. Stats, queues and traces are read through the
// journey's query handlers (ingressClient.ts).
import type { Journey } from '../core/schema';
import { simulate, type SimulationResult } from '../core/simulator/index';
import type { Timeline } from '../core/timeline';
import { IngressError, JourneyIngressClient } from './ingressClient';
import { REAL_DAY_MS } from './runtime/clock';
import type { JourneyStats } from './runtime/statsDelta';
import { collectWhenSettled, dayMsFor, ReplayCancelled, type ReplayPlan, replayTimeline, settingsFor, timelineContacts } from './timelineReplay';
import { compareTraces, type ContactComparison } from './traceComparison';

export interface RehearsalOptions {
  journey: Journey;
  timeline: Timeline;
  /** Restate's HTTP ingress, e.g. http://127.0.0.1:8080. */
  ingressUrl: string;
  /** Seed of the percentage splits; default the timeline's (as `journey simulate`). */
  seed?: number;
  /** Journey instant the rehearsal ends (inclusive); default the timeline's horizon, else when the simulator has nothing left to do. */
  horizon?: number;
  /** Wall milliseconds one journey day lasts; default so that the rehearsal lasts about `targetMs`. */
  dayMs?: number;
  /** About how long the replay should take in wall time (default 20 s). */
  targetMs?: number;
  /** How long to wait after the horizon for the journey to settle (default 60 s). */
  settleTimeoutMs?: number;
  /** Names this run's contacts (`<runId>.<contact>`); default from the clock. */
  runId?: string;
  signal?: AbortSignal;
  progress?: (message: string, fraction?: number) => void;
}

export interface RehearsalReport {
  journeyId: string;
  journeyName: string;
  ingressUrl: string;
  runId: string;
  /** The version the service runs for new contacts. */
  liveVersion: number;
  start: number;
  horizon: number;
  seed: number;
  dayMs: number;
  events: number;
  /** One per contact of the timeline, by its timeline id. */
  contacts: ContactComparison[];
  /** Stats and queues that differ: `what: simulator X, service Y`. */
  stats: string[];
  equal: boolean;
}

/** The rehearsal could not run (no deployment answers, refused, bad input): nothing was compared. */
export class RehearsalError extends Error {
  override readonly name = 'RehearsalError';
}

/** A run id that is a valid id prefix and differs between runs: `r` and the wall clock in base 36. */
export function newRunId(now = Date.now()): string {
  return `r${now.toString(36)}`;
}

function renamed(timeline: Timeline, runId: string): Timeline {
  const name = (id: string) => `${runId}.${id}`;
  return { ...timeline, contacts: timeline.contacts.map((c) => ({ ...c, id: name(c.id) })), events: timeline.events.map((e) => ({ ...e, contact: name(e.contact) })) };
}

/** The simulator's numbers a rehearsal checks, by path (`points.p_wait.queued`). */
function simulatedNumbers(sim: SimulationResult): Map<string, number> {
  const out = new Map<string, number>();
  const { started, inProgress, completed, exited, exitedBy } = sim.stats;
  Object.entries({ started, inProgress, completed, exited }).forEach(([k, v]) => out.set(k, v));
  for (const [k, v] of Object.entries(exitedBy)) out.set(`exitedBy.${k}`, v);
  for (const [id, p] of Object.entries(sim.points)) for (const k of ['entered', 'left', 'queued', 'sent', 'suppressed'] as const) out.set(`points.${id}.${k}`, p[k]);
  for (const [id, s] of Object.entries(sim.startingPoints)) out.set(`startingPoints.${id}.entered`, s.entered);
  out.set('late', 0);
  return out;
}

/** A number of the live stats by path, 0 when absent. */
function liveNumber(stats: JourneyStats, path: string): number {
  let at: unknown = stats;
  for (const key of path.split('.')) at = at !== null && typeof at === 'object' && Object.hasOwn(at, key) ? (at as Record<string, unknown>)[key] : undefined;
  return typeof at === 'number' ? at : 0;
}

/** What went wrong talking to the deployment, as a sentence naming the URL and what to do. */
function deploymentError(error: unknown, ingressUrl: string, journeyId: string): RehearsalError {
  if (error instanceof IngressError) {
    if (error.status === undefined) return new RehearsalError(`No Restate ingress answers at ${ingressUrl} (${error.message}). Start restate-server and the journey's service (npm start in its generated project, then npm run register), or name the ingress with --ingress.`);
    if (error.status === 404) return new RehearsalError(`The Restate ingress at ${ingressUrl} has no journey "${journeyId}" (no service journey.${journeyId}): publish the journey, start its service (npm start in the generated project) and register it (npm run register).`);
    return new RehearsalError(`The journey service at ${ingressUrl} refused: ${error.detail ?? error.message}`);
  }
  return new RehearsalError(error instanceof Error ? error.message : String(error));
}

/** Replays the timeline through the running service and compares it with the simulator, contact by contact. */
export async function rehearse(options: RehearsalOptions): Promise<RehearsalReport> {
  const { journey, ingressUrl, signal } = options;
  const progress = options.progress ?? (() => undefined);
  const runId = options.runId ?? newRunId();
  const timeline = renamed(options.timeline, runId);
  const client = new JourneyIngressClient(ingressUrl, journey.id);

  progress(`Asking ${ingressUrl} for journey "${journey.id}"…`);
  let live: number;
  try {
    live = (await client.versions()).live;
  } catch (error) {
    throw deploymentError(error, ingressUrl, journey.id);
  }

  progress('Simulating the timeline…');
  const horizonOption = options.horizon ?? (timeline.horizon !== undefined ? Date.parse(timeline.horizon) : undefined);
  let sim = simulate(journey, timeline, { ...(options.seed !== undefined ? { seed: options.seed } : {}), ...(horizonOption !== undefined ? { horizon: horizonOption } : {}) });
  let horizon = horizonOption;
  if (horizon === undefined) {
    // No horizon given: the rehearsal lasts until the simulator had nothing left to do.
    horizon = Math.max(sim.start, ...sim.trace.map((e) => e.at), ...timeline.events.map((e) => Date.parse(e.at)));
    sim = simulate(journey, timeline, { seed: sim.seed, horizon });
  }
  const start = sim.start;
  if (!(horizon > start)) throw new RehearsalError(`Nothing to rehearse: the horizon ${new Date(horizon).toISOString()} is not after the start ${new Date(start).toISOString()}.`);
  const dayMs = options.dayMs ?? dayMsFor(horizon - start, options.targetMs ?? 20_000, 100, REAL_DAY_MS);
  const contacts = timelineContacts(timeline);
  const plan: ReplayPlan = { journeyId: journey.id, timeline, start, horizon, seed: sim.seed, dayMs, wallStart: Date.now() + 2_000 + 30 * timeline.contacts.length };

  progress(`Setting the time scale: one journey day lasts ${dayMs} ms…`);
  let baseline: JourneyStats;
  try {
    await client.rehearsal(settingsFor(plan));
    baseline = await client.stats();
  } catch (error) {
    throw deploymentError(error, ingressUrl, journey.id);
  }

  progress(`Importing ${timeline.contacts.length} profiles…`, 0);
  const events = timeline.events.filter((e) => Date.parse(e.at) <= horizon).length;
  try {
    await replayTimeline(client, plan, { keyPrefix: `${journey.id}/${runId}`, ...(signal ? { signal } : {}), onSent: (sent, total) => progress(`Sent ${sent} of ${total} events`, sent / Math.max(1, total)) });
    progress('Waiting for the journey to settle…', 1);
    const settleTimeoutMs = options.settleTimeoutMs ?? 60_000;
    const settled = await collectWhenSettled(client, plan, contacts, settleTimeoutMs, { baseline, ...(signal ? { signal } : {}) }).catch((error: unknown) => {
      if (error instanceof IngressError || error instanceof ReplayCancelled) throw error;
      throw new RehearsalError(`The journey at ${ingressUrl} did not settle within ${settleTimeoutMs / 1000} s after the horizon: ${error instanceof Error ? error.message : String(error)}`);
    });

    progress('Reading the queues and comparing…', 1);
    const stats: string[] = [];
    for (const [path, expected] of simulatedNumbers(sim)) {
      const actual = liveNumber(settled.stats, path) - liveNumber(baseline, path);
      if (actual !== expected) stats.push(`${path}: simulator ${expected}, service ${actual}`);
    }
    const prefix = `${runId}.`;
    const strip = (id: string) => (id.startsWith(prefix) ? id.slice(prefix.length) : id);
    for (const point of journey.points.map((p) => p.id)) {
      const expected = sim.queues[point] ?? [];
      if (expected.length === 0 && liveNumber(settled.stats, `points.${point}.queued`) === liveNumber(baseline, `points.${point}.queued`)) continue;
      const queue = await client.queue(point);
      const actual = queue.contacts.map((c) => c.contact).filter((c) => c.startsWith(prefix));
      if (actual.join() !== expected.join()) stats.push(`queue of ${point}: simulator [${expected.map(strip).join(', ')}], service [${actual.map(strip).join(', ')}]`);
    }
    const comparisons = compareTraces(sim.trace, settled.trace, contacts).map((c) => ({ ...c, contact: strip(c.contact) }));
    return {
      journeyId: journey.id,
      journeyName: journey.name,
      ingressUrl,
      runId,
      liveVersion: live,
      start,
      horizon,
      seed: sim.seed,
      dayMs,
      events,
      contacts: comparisons,
      stats,
      equal: stats.length === 0 && comparisons.every((c) => c.same),
    };
  } catch (error) {
    if (error instanceof IngressError) throw deploymentError(error, ingressUrl, journey.id);
    throw error;
  }
}

/** The report as lines: a header, each contact that differs with its differences, the stats that differ, and a verdict. */
export function formatRehearsal(report: RehearsalReport): string[] {
  const lines = [
    `Rehearsal of ${report.journeyName} (journey "${report.journeyId}", live version ${report.liveVersion}) at ${report.ingressUrl}, run ${report.runId}`,
    `  ${report.contacts.length} contacts, ${report.events} events from ${new Date(report.start).toISOString()} to ${new Date(report.horizon).toISOString()}, seed ${report.seed}, one journey day in ${report.dayMs} ms`,
  ];
  const differing = report.contacts.filter((c) => !c.same);
  for (const c of differing) {
    lines.push(`  ${c.contact}: differs`);
    for (const d of c.differences) lines.push(`    ${d}`);
  }
  if (report.stats.length > 0) {
    lines.push('  stats and queues that differ:');
    for (const s of report.stats) lines.push(`    ${s}`);
  }
  lines.push(
    report.equal
      ? `The service did what the simulator does: all ${report.contacts.length} contacts, the stats and the queues.`
      : `The service differs from the simulator: ${differing.length} of ${report.contacts.length} contacts${report.stats.length > 0 ? `, ${report.stats.length} stats or queues` : ''}.`,
  );
  return lines;
}
