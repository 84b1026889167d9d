// The tests' channel provider: an HTTP server (outside the service process,
// so it survives the service being killed) that receives every message the
// journey service sends through `httpChannels`, delivers each idempotency key
// once like a provider that honours idempotency keys, and counts attempts.
import { createServer, type Server } from 'node:http';
import type { OutboundMessage, WebhookCall } from '../../../src/restate/runtime/channels';

export type Received = ({ kind: 'email' | 'sms' } & OutboundMessage) | ({ kind: 'webhook' } & WebhookCall);

export class RecordingServer {
  /** Delivered messages, once per idempotency key, in order of first arrival. */
  readonly delivered: Received[] = [];
  /** Attempts per idempotency key (more than one means the service retried). */
  readonly attempts = new Map<string, number>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(): Promise<RecordingServer> {
    let self: RecordingServer | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Received;
          const key = String(req.headers['idempotency-key'] ?? body.idempotencyKey);
          const n = (self!.attempts.get(key) ?? 0) + 1;
          self!.attempts.set(key, n);
          if (n === 1) self!.delivered.push(body);
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        } catch {
          res.writeHead(400).end();
        }
      });
    });
    const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
    self = new RecordingServer(server, port);
    return self;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/deliver`;
  }

  /** Messages (not webhooks) delivered for one journey. */
  messagesOf(journeyId: string): ({ kind: 'email' | 'sms' } & OutboundMessage)[] {
    return this.delivered.filter((m): m is { kind: 'email' | 'sms' } & OutboundMessage => m.kind !== 'webhook' && m.idempotencyKey.startsWith(`${journeyId}@`));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
