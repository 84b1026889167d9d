// One reading of a published journey's live numbers from its running Restate
// service, through its query handlers (ingressClient.ts): which versions the
// service runs, the stats of the version shown and the contact queues asked
// for. A failure is told as what the person can do about it: no Restate
// answers at the URL, the journey is not deployed there, the deployment does
// not run this version, or the journey service does not answer.
import { IngressError, JourneyIngressClient } from './ingressClient';
import type { JourneyStats, QueueEntry } from './runtime/statsDelta';

export interface LiveReading {
  ok: true;
  journeyId: string;
  /** The version whose numbers these are. */
  version: number;
  /** The newest version the service runs (new contacts enter it). */
  liveVersion: number;
  stats: JourneyStats;
  /** The contacts waiting at each point asked for, in order of arrival. */
  queues: Record<string, QueueEntry[]>;
  /** Wall instant (ms) of the reading. */
  at: number;
}

export type LiveFailureKind = 'unreachable' | 'notDeployed' | 'versionNotDeployed' | 'notAnswering' | 'failed';

export interface LiveFailure {
  ok: false;
  kind: LiveFailureKind;
  message: string;
  at: number;
}

export interface LiveReadOptions {
  ingressUrl: string;
  journeyId: string;
  /** The published version to read; the service's live (newest) version when omitted. */
  version?: number;
  /** Points whose contact queues to read as well. */
  queuePoints?: readonly string[];
  /** How long one call may take (a service registered but not running never answers). */
  timeoutMs?: number;
}

/** Whether a Restate server answers at `ingressUrl` (its ingress health check). */
async function restateAnswers(ingressUrl: string, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(new URL('/restate/health', ingressUrl), { signal: AbortSignal.timeout(timeoutMs) });
    return response.ok;
  } catch {
    return false;
  }
}

function describe(error: unknown, options: LiveReadOptions, serviceRuns: boolean): Omit<LiveFailure, 'ok' | 'at'> {
  const { ingressUrl, journeyId } = options;
  const project = `published/${journeyId}/restate-service`;
  const text = error instanceof Error ? error.message : String(error);
  if (error instanceof IngressError && error.status === 404) {
    return { kind: 'notDeployed', message: `Journey "${journeyId}" is not deployed on the Restate server at ${ingressUrl}: start its service (${project}: npm start) and register it (npm run register).` };
  }
  if (error instanceof IngressError && error.status === undefined && !serviceRuns && !error.timedOut) {
    return { kind: 'unreachable', message: `No Restate server answers at ${ingressUrl}: start restate-server, or set journeyDesigner.restate.ingressUrl to its ingress.` };
  }
  if (error instanceof IngressError && (error.timedOut || (error.status !== undefined && error.status >= 500))) {
    return { kind: 'notAnswering', message: `The service of journey "${journeyId}" does not answer through ${ingressUrl} (${text}): is its process running (${project}: npm start)?` };
  }
  return { kind: 'failed', message: `Reading the live stats of "${journeyId}" failed: ${text}` };
}

/** Reads the live stats (and the queues asked for) of one version of a deployed journey. */
export async function readLiveStats(options: LiveReadOptions): Promise<LiveReading | LiveFailure> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const client = new JourneyIngressClient(options.ingressUrl, options.journeyId, timeoutMs);
  try {
    const deployed = await client.versions();
    const version = options.version ?? deployed.live;
    if (!deployed.versions.some((v) => v.version === version)) {
      const runs = deployed.versions.map((v) => v.version).sort((a, b) => a - b);
      return {
        ok: false,
        kind: 'versionNotDeployed',
        message: `The service at ${options.ingressUrl} runs version${runs.length === 1 ? '' : 's'} ${runs.join(', ')} of "${options.journeyId}", not version ${version}: deploy the service published with version ${version} (published/${options.journeyId}/restate-service).`,
        at: Date.now(),
      };
    }
    const stats = await client.stats(version);
    // Only points of this version: the queue query refuses others (404).
    const points = [...new Set(options.queuePoints ?? [])].filter((p) => Object.prototype.hasOwnProperty.call(stats.points, p));
    const queues = await Promise.all(points.map((p) => client.queue(p, version)));
    const byPoint: Record<string, QueueEntry[]> = Object.create(null) as Record<string, QueueEntry[]>;
    for (const q of queues) byPoint[q.point] = q.contacts;
    return { ok: true, journeyId: options.journeyId, version, liveVersion: deployed.live, stats, queues: byPoint, at: Date.now() };
  } catch (error) {
    const serviceRuns = error instanceof IngressError && error.status === undefined && !error.timedOut ? await restateAnswers(options.ingressUrl, timeoutMs) : true;
    return { ok: false, ...describe(error, options, serviceRuns), at: Date.now() };
  }
}
