// The journey runtime's public API, bundled as `journey-runtime.mjs` into
// every generated Restate project: serve one or more compiled journeys (each
// with all its published versions) as Restate services over HTTP/2, with the
// channel adapters the project supplies.
import * as restate from '@restatedev/restate-sdk';
import { readdirSync, readFileSync } from 'node:fs';
import http2 from 'node:http2';
import { join } from 'node:path';
import { JourneyIr } from '../../core/compiler/irSchema';
import type { ChannelAdapters } from './channels';
import { JourneyClock } from './clock';
import { journeyServices } from './journeyServices';
import { resolveRuntimeConfig, type RuntimeConfig } from './runtimeConfig';
import { isIdentityPublicKey } from './requestIdentity';
import { loadRuntimeJourney } from './runtimeJourney';

export { httpChannels, loggingChannels, recordingChannels, type ChannelAdapters, type OutboundMessage, type WebhookCall } from './channels';
export { JourneyClock } from './clock';
export { callWebhooks, isPublicAddress, type WebhookCallOptions } from './webhookCalls';
export { createRequestIdentity, identityKeysFromEnvironment, type RequestIdentity } from './requestIdentity';
export { journeyServices, type ContactReport } from './journeyServices';
export { resolveRuntimeConfig, type RuntimeConfig, type RuntimeConfigFile } from './runtimeConfig';
export { serviceNames } from './serviceNames';
export type { JourneyStats, QueueEntry } from './statsDelta';

export interface ServeJourneysOptions {
  /** Compiled journeys (IR objects); versions of the same journey id are served together, the newest live. */
  irs: readonly unknown[];
  channels: ChannelAdapters;
  /** The runtime configuration (see runtimeConfig.ts); default: from JOURNEY_RUNTIME_CONFIG and the environment. */
  config?: RuntimeConfig;
  port?: number;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /**
   * Restate request identity public keys (`publickeyv1_...`): only requests
   * signed by a restate-server holding the matching private key are served.
   * Required unless `unsignedRequests` is true.
   */
  identityKeys?: readonly string[];
  /** Serve requests without a request identity (anyone who reaches the port can call the handlers): only for a local trial or tests. */
  unsignedRequests?: boolean;
  /** Lowest level of the Restate SDK's invocation log (default: RESTATE_LOGGING, else info). */
  logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error';
  /** Where the Restate SDK's invocation log goes instead of the console (e.g. your logger). */
  logger?: (meta: { level: string; replaying: boolean; context?: { invocationTarget: string; invocationId: string } }, message?: unknown, ...rest: unknown[]) => void;
}

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error'] as const;

/** The SDK's console log, from `level` up. */
function consoleLogger(level: (typeof LOG_LEVELS)[number]): restate.LoggerTransport {
  const min = LOG_LEVELS.indexOf(level);
  return (meta, message, ...rest) => {
    if (meta.replaying || LOG_LEVELS.indexOf(meta.level as (typeof LOG_LEVELS)[number]) < min) return;
    const prefix = `[restate] ${meta.context ? `[${meta.context.invocationTarget}][${meta.context.invocationId}] ` : ''}${meta.level.toUpperCase()}:`;
    (meta.level === 'error' ? console.error : meta.level === 'warn' ? console.warn : console.log)(prefix, message, ...rest);
  };
}

export interface RunningJourneyService {
  port: number;
  /** The Restate service names served, per journey id. */
  journeys: { id: string; versions: number[]; services: string[] }[];
  close(): Promise<void>;
}

/** Reads every `*.ir.json` file of a directory. */
export function readIrDirectory(dir: string): unknown[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ir.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown);
}

/** The configuration from JOURNEY_RUNTIME_CONFIG (a JSON file, optional) and the JOURNEY_* environment variables. */
export function configFromEnvironment(env: Record<string, string | undefined> = process.env): RuntimeConfig {
  const file = env.JOURNEY_RUNTIME_CONFIG ? (JSON.parse(readFileSync(env.JOURNEY_RUNTIME_CONFIG, 'utf8')) as unknown) : undefined;
  return resolveRuntimeConfig(file, env);
}

/** Builds the services of every journey; throws on an IR or setting that cannot run. */
export function buildJourneyServices(irs: readonly unknown[], channels: ChannelAdapters, config: RuntimeConfig) {
  const byJourney = new Map<string, JourneyIr[]>();
  for (const raw of irs) {
    const ir = JourneyIr.parse(raw);
    const list = byJourney.get(ir.journey.id) ?? [];
    if (list.some((v) => v.journey.version === ir.journey.version)) throw new Error(`Journey "${ir.journey.id}" version ${ir.journey.version} is given twice.`);
    list.push(ir);
    byJourney.set(ir.journey.id, list);
  }
  return [...byJourney.entries()].map(([id, versions]) => {
    const live = [...versions].sort((a, b) => b.journey.version - a.journey.version)[0]!;
    const settings = config.settingsFor(id, live.journey.publishedAt);
    const clock = new JourneyClock(settings);
    const built = journeyServices({ versions: versions.map((v) => loadRuntimeJourney(v, settings)), clock, config, channels });
    return { id, versions: versions.map((v) => v.journey.version).sort((a, b) => a - b), built };
  });
}

/** Serves the journeys on an HTTP/2 endpoint for restate-server to call. */
export async function serveJourneys(options: ServeJourneysOptions): Promise<RunningJourneyService> {
  const config = options.config ?? configFromEnvironment();
  const journeys = buildJourneyServices(options.irs, options.channels, config);
  if (journeys.length === 0) throw new Error('No compiled journey to serve: give at least one IR.');
  const identityKeys = [...(options.identityKeys ?? [])];
  if (identityKeys.length === 0 && options.unsignedRequests !== true) {
    throw new Error('The journey service only serves requests signed by restate-server: give its request identity public key (identityKeys, JOURNEY_IDENTITY_KEYS, `npm run keys` in a generated project), or set unsignedRequests for a local trial.');
  }
  for (const key of identityKeys) if (!isIdentityPublicKey(key)) throw new Error(`"${key}" is not a Restate request identity public key (publickeyv1_ followed by the base58 key).`);
  const services = journeys.flatMap((j) => [...j.built.services]);
  const logger = options.logger ?? (options.logLevel ? consoleLogger(options.logLevel) : undefined);
  const server = http2.createServer(restate.createEndpointHandler({ services, ...(identityKeys.length > 0 ? { identityKeys } : {}), ...(logger ? { logger } : {}) }));
  const sessions = new Set<http2.ServerHttp2Session>();
  server.on('session', (session) => {
    sessions.add(session);
    session.once('close', () => sessions.delete(session));
  });
  const host = options.host ?? '127.0.0.1';
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 9080, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : (options.port ?? 9080));
    });
  });
  return {
    port,
    journeys: journeys.map((j) => ({ id: j.id, versions: j.versions, services: Object.values(j.built.names) })),
    close: () =>
      new Promise<void>((resolve) => {
        // Stop accepting, let open invocation streams finish (GOAWAY), then cut what is left.
        server.close(() => resolve());
        for (const session of sessions) session.close();
        setTimeout(() => {
          for (const session of sessions) session.destroy();
        }, 2_000).unref();
      }),
  };
}
