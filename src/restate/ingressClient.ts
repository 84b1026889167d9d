// Calls a deployed journey through Restate's HTTP ingress: contact events and
// profile imports in, stats, queues and contact activity out. Events for one
// contact are sent one after the other, so Restate keeps their order; every
// call can carry an idempotency key, so a retried call is applied once.
import type { ContactReport } from './runtime/journeyServices';
import type { RehearsalSettings } from './runtime/runtimeConfig';
import { serviceNames } from './runtime/serviceNames';
import type { JourneyStats, QueueEntry } from './runtime/statsDelta';

/** What the service's versions query answers (journeyServices.ts): the versions it runs, newest (live) first. */
export interface DeployedVersions {
  id: string;
  name: string;
  live: number;
  versions: { version: number; hash?: string; publishedAt?: string }[];
}

export class IngressError extends Error {
  override readonly name = 'IngressError';
  constructor(
    message: string,
    readonly status: number | undefined,
    /** The message of Restate's error body (a handler's TerminalError), when it has one. */
    readonly detail?: string,
    /** The ingress was reached but did not answer in time (e.g. the journey service is registered but not running). */
    readonly timedOut = false,
  ) {
    super(message);
  }
}

/** The `message` of a Restate error body (`{"code":..., "message":...}`), if it is one. */
function errorMessage(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { message?: unknown };
    return typeof body.message === 'string' ? body.message : undefined;
  } catch {
    return undefined;
  }
}

export class JourneyIngressClient {
  readonly names: ReturnType<typeof serviceNames>;

  constructor(
    readonly ingressUrl: string,
    readonly journeyId: string,
    private readonly timeoutMs = 30_000,
  ) {
    this.names = serviceNames(journeyId);
  }

  private async post<T>(path: string, body: unknown, idempotencyKey?: string): Promise<T> {
    let response: Response;
    try {
      response = await fetch(new URL(path, this.ingressUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
        body: JSON.stringify(body ?? {}),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError') throw new IngressError(`${path}: no answer through the Restate ingress at ${this.ingressUrl} within ${this.timeoutMs / 1000} s`, undefined, undefined, true);
      throw new IngressError(`Cannot reach the Restate ingress at ${this.ingressUrl}: ${error instanceof Error ? error.message : String(error)}`, undefined);
    }
    const text = await response.text();
    if (!response.ok) throw new IngressError(`${path}: HTTP ${response.status} ${text.slice(0, 300)}`, response.status, errorMessage(text));
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private contactPath(contact: string, handler: string): string {
    return `/${this.names.contact}/${encodeURIComponent(contact)}/${handler}`;
  }

  /** Imports a contact's profile (waits until it is applied). */
  upsert(contact: string, profile: Record<string, unknown>, idempotencyKey?: string): Promise<{ accepted: true }> {
    return this.post(this.contactPath(contact, 'upsert'), profile, idempotencyKey);
  }

  /** Sends a contact event without waiting for it to be handled (Restate has accepted it durably when this resolves). */
  sendEvent(contact: string, event: Record<string, unknown>, idempotencyKey?: string): Promise<{ invocationId: string }> {
    return this.post(`${this.contactPath(contact, 'event')}/send`, event, idempotencyKey);
  }

  /** Sends a contact event and waits until it has been handled. */
  event(contact: string, event: Record<string, unknown>, idempotencyKey?: string): Promise<{ accepted: true; at: string; late: boolean }> {
    return this.post(this.contactPath(contact, 'event'), event, idempotencyKey);
  }

  stats(version?: number): Promise<JourneyStats> {
    return this.post(`/${this.names.api}/stats`, version !== undefined ? { version } : {});
  }

  queue(point: string, version?: number): Promise<{ point: string; version: number; contacts: QueueEntry[] }> {
    return this.post(`/${this.names.api}/queue`, { point, ...(version !== undefined ? { version } : {}) });
  }

  /** The versions the deployed service runs, newest (live) first. */
  versions(): Promise<DeployedVersions> {
    return this.post(`/${this.names.api}/versions`, {});
  }

  /** Makes the service run the journey on a rehearsal's time scale, live window and split seed (refused with 403 unless it allows rehearsals). */
  rehearsal(settings: RehearsalSettings): Promise<{ journey: string; live: number; settleMs: number }> {
    return this.post(`/${this.names.api}/rehearsal`, settings);
  }

  contact(contact: string): Promise<ContactReport> {
    return this.post(`/${this.names.api}/contact`, { contact });
  }

  /** How one stay of a contact ended, as the contact keeps it (its last 16 stays); undefined while the stay goes on. */
  async stayOutcome(contact: string, entry: number): Promise<({ kind: 'done' } & ContactReport['stays'][number]) | undefined> {
    const outcome = (await this.contact(contact)).stays.find((o) => o.entry === entry);
    return outcome ? { kind: 'done', ...outcome } : undefined;
  }
}
