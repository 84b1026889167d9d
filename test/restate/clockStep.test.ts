// An event sent without an instant happens when its contact object handles
// it: the runtime reads the clock in a journaled step that also makes the
// step's first delivery. Served in-process against a real restate-server,
// with providers that fail: when a later delivery of the step fails and
// Restate runs the handler again (a replay, the clock read again in between,
// on a fast journey clock), the step must still be the one the first run
// decided: every trace entry and every message at the journaled instant,
// the first message made once, the contact waiting from that instant. Also
// when the first delivery fails for good (TerminalError), or fails in the
// clock's step and is retried in a step of its own until its attempts run
// out (sendAttempts): every attempt is made for the instant the event arrived at.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TerminalError } from '@restatedev/restate-sdk';
import { compileJourney } from '../../src/core/compiler/compileJourney';
import { Journey } from '../../src/core/schema';
import { registerDeployment } from '../../src/restate/adminClient';
import { type ContactReport } from '../../src/restate/runtime/journeyServices';
import { JourneyIngressClient } from '../../src/restate/ingressClient';
import { createRequestIdentity, recordingChannels, resolveRuntimeConfig, serveJourneys, type OutboundMessage, type RunningJourneyService } from '../../src/restate/runtime/index';
import { LocalRestateServer } from './support/restateServer';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-07-06T00:00:00Z');
/** Wall ms per journey day: a wall millisecond is 144 journey seconds, so a replay 50 ms later reads another instant. */
const DAY_MS = 600;

const journey = Journey.parse({
  formatVersion: 1,
  id: 'clock-step',
  name: 'Clock step',
  kind: 'trigger',
  lists: [{ id: 'news' }],
  content: [
    { id: 'hello', channel: 'email', status: 'ready', list: 'news' },
    { id: 'code', channel: 'sms', status: 'ready', transactional: true },
  ],
  startingPoints: [{ id: 'sp', trigger: { type: 'api' }, next: 'p_mail' }],
  points: [
    { id: 'p_mail', type: 'sendEmail', content: 'hello', next: 'p_sms' },
    { id: 'p_sms', type: 'sendSms', content: 'code', next: 'p_wait' },
    { id: 'p_wait', type: 'wait', duration: 'PT2H', next: 'p_end' },
    { id: 'p_end', type: 'end' },
  ],
});

describe('an event without an instant: the clock is read in the step that makes the first delivery, and a replay keeps it (real restate-server)', function () {
  this.timeout(120_000);
  let server: LocalRestateServer;
  let service: RunningJourneyService;
  let client: JourneyIngressClient;
  let keyDir = '';
  const recorded = recordingChannels();
  /** Attempts per contact and channel, delivered or not, and the instant each was made for. */
  const tries = new Map<string, number>();
  const instants = new Map<string, number[]>();
  const tried = (m: OutboundMessage) => {
    const key = `${m.contact} ${m.channel}`;
    tries.set(key, (tries.get(key) ?? 0) + 1);
    instants.set(key, [...(instants.get(key) ?? []), m.at]);
    return tries.get(key)!;
  };
  const channels = {
    ...recorded,
    // ann's and bob's providers fail once for the SMS (the second delivery of the step): Restate runs the handler again.
    sms: async (m: OutboundMessage) => {
      if (tried(m) === 1 && m.contact !== 'cat') throw new Error('SMS gateway busy');
      return recorded.sms!(m);
    },
    // bob's mailbox provider is down (his attempts run out); cat's refuses for good.
    email: async (m: OutboundMessage) => {
      tried(m);
      if (m.contact === 'bob') throw new Error('mail provider down');
      if (m.contact === 'cat') throw new TerminalError('mailbox unavailable');
      return recorded.email!(m);
    },
  };
  const answers = new Map<string, { at: string }>();
  const reports = new Map<string, ContactReport>();

  before(async () => {
    const identity = createRequestIdentity();
    keyDir = mkdtempSync(join(tmpdir(), 'journey-identity-'));
    writeFileSync(join(keyDir, 'identity.pem'), identity.privateKeyPem, { mode: 0o600 });
    server = await LocalRestateServer.start({ partitions: 2, identityKeyFile: join(keyDir, 'identity.pem') });
    const wallStart = Date.now();
    const config = resolveRuntimeConfig({
      settleMs: 50,
      sendAttempts: 2,
      retry: { initialIntervalMs: 50, maxIntervalMs: 200 },
      adminUrls: [server.adminUrl],
      journeys: { [journey.id]: { dayMs: DAY_MS, epoch: { journeyTime: T0, wallTime: wallStart }, activeFrom: T0 - DAY } },
    });
    service = await serveJourneys({ irs: [compileJourney(journey)], channels, config, port: 0, identityKeys: [identity.publicKey], logger: () => {} });
    await registerDeployment(server.adminUrl, `http://127.0.0.1:${service.port}`);
    client = new JourneyIngressClient(server.ingressUrl, journey.id);
    for (const id of ['ann', 'bob', 'cat']) {
      await client.upsert(id, { email: `${id}@example.com`, phone: `+351 555 010${id.length}`, lists: { news: 'subscribed' } });
      answers.set(id, await client.event(id, { type: 'apiEntry' }));
    }
    // The 2-hour wait lasts 50 wall ms; then each contact completes.
    for (const id of ['ann', 'bob', 'cat']) {
      let report = await client.contact(id);
      for (let i = 0; i < 100 && report.status !== 'completed'; i++) report = await new Promise((r) => setTimeout(r, 50)).then(() => client.contact(id));
      reports.set(id, report);
    }
  });

  after(async () => {
    await service?.close();
    await server?.dispose();
    rmSync(keyDir, { recursive: true, force: true });
  });

  for (const [id, story] of [
    ['ann', 'the first delivery made in the clock step, the second failing once'],
    ['bob', 'the first delivery failing in the clock step, then in its own until its attempts run out, the second failing once'],
    ['cat', 'the first delivery refused for good at once'],
  ] as const) {
    it(`R14 ${id} (${story}): every trace entry of the step, every message and the answer carry the one journaled instant, and the wait ends two hours after it`, () => {
      const report = reports.get(id)!;
      const entered = report.trace.find((e) => e.kind === 'enter')!;
      const at = entered.at;
      assert.equal(answers.get(id)!.at, new Date(at).toISOString(), 'the answer names the journaled instant');
      const step = report.trace.filter((e) => e.point !== 'p_end' && !(e.point === 'p_wait' && e.kind === 'leave'));
      assert.deepEqual(step.map((e) => `${e.point} ${e.kind} ${e.at - at}`), ['sp enter 0', 'p_mail send 0', 'p_sms send 0', 'p_wait arrive 0']);
      assert.deepEqual(report.trace.slice(-2).map((e) => `${e.point} ${e.kind} ${e.at - at}`), [`p_wait leave ${2 * HOUR}`, `p_end complete ${2 * HOUR}`]);
      for (const m of recorded.messages.filter((x) => x.contact === id)) assert.equal(m.at, at, `${m.channel} at the journaled instant`);
      for (const channel of ['email', 'sms']) assert.deepEqual(instants.get(`${id} ${channel}`)!.map((t) => t - at), Array(tries.get(`${id} ${channel}`)).fill(0), `every ${channel} attempt was made for the journaled instant`);
      assert.equal(report.status, 'completed');
    });
  }

  it('R17 each message reaches its provider as often as the failures require, and is delivered once; deliveries refused for good are counted', () => {
    assert.deepEqual(Object.fromEntries([...tries].sort()), { 'ann email': 1, 'ann sms': 2, 'bob email': 2, 'bob sms': 2, 'cat email': 1, 'cat sms': 1 });
    assert.deepEqual(recorded.messages.map((m) => `${m.contact} ${m.channel}`).sort(), ['ann email', 'ann sms', 'bob sms', 'cat sms']);
    assert.ok([...recorded.attempts.values()].every((n) => n === 1));
    assert.deepEqual(['ann', 'bob', 'cat'].map((id) => reports.get(id)!.failedDeliveries), [0, 1, 1]);
  });
});
