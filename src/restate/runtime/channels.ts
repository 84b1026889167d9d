// Channel adapters: how a journey's sends leave the runtime. The runtime
// decides who gets what (consent, frequency, R17/R18) and hands each message
// to the adapter of its channel inside a durable step, with an idempotency
// key that stays the same across retries, so a provider that honours it
// delivers each message at most once. Users plug in their email and SMS
// providers; this module ships three adapters: one that records in memory
// (tests), one that POSTs every message as JSON to a URL (webhook-style
// gateways, and the differential tests' recorder), and one that logs.
import type { SendIntent, WebhookIntent } from './contactMachine';

/** A message to deliver: the send intent as the adapter sees it. */
export type OutboundMessage = SendIntent;
export type WebhookCall = WebhookIntent;

export interface ChannelAdapters {
  /** Delivers an email; throw to have the runtime retry (a TerminalError from @restatedev/restate-sdk stops retrying). */
  email?(message: OutboundMessage): Promise<void>;
  /** Delivers an SMS. */
  sms?(message: OutboundMessage): Promise<void>;
  /** Calls a webhook point's URL. Without it, webhook points are recorded but not called. */
  webhook?(call: WebhookCall): Promise<void>;
}

/** Keeps every message in memory, once per idempotency key, with how often each was attempted. */
export function recordingChannels(): ChannelAdapters & { messages: OutboundMessage[]; webhooks: WebhookCall[]; attempts: Map<string, number> } {
  const messages: OutboundMessage[] = [];
  const webhooks: WebhookCall[] = [];
  const attempts = new Map<string, number>();
  const seen = (key: string) => {
    const n = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, n);
    return n > 1;
  };
  return {
    messages,
    webhooks,
    attempts,
    async email(m) {
      if (!seen(m.idempotencyKey)) messages.push(m);
    },
    async sms(m) {
      if (!seen(m.idempotencyKey)) messages.push(m);
    },
    async webhook(w) {
      if (!seen(w.idempotencyKey)) webhooks.push(w);
    },
  };
}

/**
 * POSTs every message as JSON to `url` (`{ kind: "email" | "sms" | "webhook", ... }`)
 * with an `Idempotency-Key` header; a non-2xx answer is an error (retried).
 */
export function httpChannels(url: string, options: { headers?: Record<string, string>; timeoutMs?: number } = {}): ChannelAdapters {
  const post = async (kind: string, body: { idempotencyKey: string }) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': body.idempotencyKey, ...options.headers },
      body: JSON.stringify({ kind, ...body }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    if (!response.ok) throw new Error(`${kind} delivery to ${url} failed: HTTP ${response.status}`);
    await response.arrayBuffer();
  };
  return {
    email: (m) => post('email', m),
    sms: (m) => post('sms', m),
    webhook: (w) => post('webhook', w),
  };
}

/** Logs each message on one line: for trying a journey out before real providers are wired. */
export function loggingChannels(log: (line: string) => void = (line) => console.log(line)): ChannelAdapters {
  const line = (m: OutboundMessage) => `[journey] ${m.channel} ${m.content} to ${m.contact}${m.to ? ` <${m.to}>` : ''} (point ${m.point}, ${new Date(m.at).toISOString()})`;
  return {
    async email(m) {
      log(line(m));
    },
    async sms(m) {
      log(line(m));
    },
    async webhook(w) {
      log(`[journey] webhook ${w.method} ${w.url} for ${w.contact} (point ${w.point}; not called by the logging adapter)`);
    },
  };
}
