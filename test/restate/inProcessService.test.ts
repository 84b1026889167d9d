// The runtime's services served from this process (serveJourneys, as a
// project's own code would) with the in-memory recording channel adapter,
// against a real restate-server that signs its requests (Restate request
// identity; the service is given the public key): the ingress refuses malformed events, the
// queue, stats and contact queries answer per point, a contact's wait for a
// click ends on the click or at its timeout (the contact's own delayed
// wake-up), and each send reaches the adapter once.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TerminalError } from '@restatedev/restate-sdk';
import { compileJourney } from '../../src/core/compiler/compileJourney';
import { Journey } from '../../src/core/schema';
import { registerDeployment } from '../../src/restate/adminClient';
import { IngressError, JourneyIngressClient } from '../../src/restate/ingressClient';
import { createRequestIdentity, recordingChannels, resolveRuntimeConfig, serveJourneys, type RunningJourneyService } from '../../src/restate/runtime/index';
import { LocalRestateServer } from './support/restateServer';

const DAY = 86_400_000;
const T0 = Date.parse('2026-06-01T00:00:00Z');
/** Wall milliseconds per journey day: the one-day timeout lasts 600 ms. */
const DAY_MS = 600;

const journey = Journey.parse({
  formatVersion: 1,
  id: 'click-or-remind',
  name: 'Click or remind',
  kind: 'trigger',
  lists: [{ id: 'news' }],
  content: [
    { id: 'offer', channel: 'email', status: 'ready', list: 'news', links: ['buy'] },
    { id: 'reminder', channel: 'sms', status: 'ready', transactional: true },
  ],
  startingPoints: [{ id: 'sp', trigger: { type: 'customEvent', name: 'signup' }, next: 'p_offer' }],
  points: [
    { id: 'p_offer', type: 'sendEmail', content: 'offer', next: 'p_click' },
    { id: 'p_click', type: 'waitForEvent', event: { type: 'emailClicked', point: 'p_offer', link: 'buy' }, timeout: 'P1D', branches: { yes: 'p_end', timeout: 'p_remind' } },
    { id: 'p_remind', type: 'sendSms', content: 'reminder', next: 'p_end' },
    { id: 'p_end', type: 'end' },
  ],
});

describe('journey services served in-process with the recording channel adapter', function () {
  this.timeout(120_000);
  let server: LocalRestateServer;
  let service: RunningJourneyService;
  let client: JourneyIngressClient;
  const recorded = recordingChannels();
  // A provider that refuses one address for good.
  const channels = {
    ...recorded,
    email: async (m: Parameters<NonNullable<typeof recorded.email>>[0]) => {
      if (m.to === 'bounce@example.com') throw new TerminalError('mailbox unavailable');
      return recorded.email!(m);
    },
  };
  let wallStart = 0;
  let keyDir = '';
  const errors: string[] = [];
  let closing = false;
  const wallAt = (journeyTime: number) => wallStart + ((journeyTime - T0) / DAY) * DAY_MS;
  const until = (journeyTime: number) => new Promise((r) => setTimeout(r, Math.max(0, wallAt(journeyTime) - Date.now())));

  before(async () => {
    const identity = createRequestIdentity();
    keyDir = mkdtempSync(join(tmpdir(), 'journey-identity-'));
    writeFileSync(join(keyDir, 'identity.pem'), identity.privateKeyPem, { mode: 0o600 });
    server = await LocalRestateServer.start({ partitions: 2, identityKeyFile: join(keyDir, 'identity.pem') });
    wallStart = Date.now() + 3_000;
    const config = resolveRuntimeConfig({ settleMs: 100, adminUrls: [server.adminUrl], journeys: { [journey.id]: { dayMs: DAY_MS, epoch: { journeyTime: T0, wallTime: wallStart }, activeFrom: T0, activeUntil: T0 + DAY + 6 * 3_600_000 } } });
    service = await serveJourneys({
      irs: [compileJourney(journey)],
      channels,
      config,
      port: 0,
      identityKeys: [identity.publicKey],
      // The SDK's errors become part of what the test checks; refused events (400, 404) are expected warnings.
      logger: (meta, message) => {
        if (meta.level === 'error' && !closing) errors.push(`${meta.context?.invocationTarget}: ${String(message)}`);
      },
    });
    await registerDeployment(server.adminUrl, `http://127.0.0.1:${service.port}`);
    client = new JourneyIngressClient(server.ingressUrl, journey.id);
    for (const id of ['ana', 'ben']) await client.upsert(id, { email: `${id}@example.com`, phone: '+351 555 0100', lists: { news: 'subscribed' }, at: new Date(T0 - 1).toISOString() });
  });

  after(async () => {
    closing = true; // closing cuts the open invocation streams, which the SDK reports
    await service?.close();
    await server?.dispose();
    rmSync(keyDir, { recursive: true, force: true });
  });

  it('refuses a malformed contact event with HTTP 400 and a message saying what is wrong', async () => {
    await assert.rejects(client.event('ana', { type: 'tagAdded' }), (e: unknown) => e instanceof IngressError && e.status === 400 && /tag/.test(e.message));
    await assert.rejects(client.event('ana', { type: 'teleported' }), (e: unknown) => e instanceof IngressError && e.status === 400);
  });

  it('refuses a rehearsal (HTTP 403, saying how to allow it) when the configuration does not set allowRehearsal', async () => {
    await assert.rejects(
      client.rehearsal({ dayMs: 1, epoch: { journeyTime: T0, wallTime: Date.now() }, activeFrom: T0, activeUntil: T0 + DAY, splitSeed: 0 }),
      (e: unknown) => e instanceof IngressError && e.status === 403 && /"allowRehearsal": true/.test(e.detail ?? ''),
    );
  });

  it('R11 R15 both contacts wait at the click point: the queue query lists them in arrival order, the stats count them', async () => {
    await until(T0 + 2 * 3_600_000);
    await client.event('ana', { type: 'customEvent', name: 'signup', at: new Date(T0 + 2 * 3_600_000).toISOString() });
    await client.event('ben', { type: 'customEvent', name: 'signup', at: new Date(T0 + 3 * 3_600_000).toISOString() });
    let queue = await client.queue('p_click');
    for (let i = 0; i < 50 && queue.contacts.length < 2; i++) queue = await new Promise((r) => setTimeout(r, 50)).then(() => client.queue('p_click'));
    assert.deepEqual(queue.contacts.map((c) => c.contact), ['ana', 'ben']);
    const stats = await client.stats();
    assert.equal(stats.started, 2);
    assert.equal(stats.points.p_click!.queued, 2);
    assert.equal(stats.points.p_offer!.sent, 2);
    await assert.rejects(client.queue('p_nowhere'), (e: unknown) => e instanceof IngressError && e.status === 404);
  });

  it('R11 a click ends the wait at once down "yes"; without one the timeout fires at arrival + 1 day (the contact\'s delayed wake-up)', async () => {
    await until(T0 + 9 * 3_600_000);
    await client.event('ana', { type: 'emailClicked', point: 'p_offer', link: 'buy', at: new Date(T0 + 9 * 3_600_000).toISOString() });
    const ana = await client.contact('ana');
    assert.equal(ana.status, 'completed');
    assert.deepEqual(ana.trace.slice(-2).map((e) => `${e.point} ${e.kind} ${e.branch ?? ''}`.trim()), ['p_click leave yes', 'p_end complete']);
    await until(T0 + DAY + 3 * 3_600_000);
    let ben = await client.contact('ben');
    for (let i = 0; i < 100 && ben.status !== 'completed'; i++) ben = await new Promise((r) => setTimeout(r, 50)).then(() => client.contact('ben'));
    const leave = ben.trace.find((e) => e.point === 'p_click' && e.kind === 'leave')!;
    assert.equal(leave.branch, 'timeout');
    assert.equal(leave.at, T0 + 3 * 3_600_000 + DAY, 'exactly arrival + timeout, in journey time');
    assert.deepEqual(await client.stayOutcome('ben', 1), { kind: 'done', entry: 1, version: 1, outcome: 'completed', point: 'p_end', at: T0 + 3 * 3_600_000 + DAY });
  });

  it('R17 the recording adapter got each message once: two offers, one reminder SMS to the phone number', () => {
    assert.deepEqual(
      recorded.messages.map((m) => `${m.channel} ${m.content} ${m.contact} ${m.to}`).sort(),
      ['email offer ana ana@example.com', 'email offer ben ben@example.com', 'sms reminder ben +351 555 0100'],
    );
    assert.ok([...recorded.attempts.values()].every((n) => n === 1));
  });

  it('R17 a delivery the provider refuses for good (TerminalError) is recorded as failed, and the contact goes on', async () => {
    const at = T0 + DAY + 4 * 3_600_000;
    await until(at);
    await client.upsert('cat', { email: 'bounce@example.com', lists: { news: 'subscribed' } });
    await client.event('cat', { type: 'customEvent', name: 'signup', at: new Date(at).toISOString() });
    const cat = await client.contact('cat');
    assert.equal(cat.failedDeliveries, 1);
    assert.equal(cat.waitingAt, 'p_click');
    assert.deepEqual(cat.trace.map((e) => `${e.point} ${e.kind}`), ['sp enter', 'p_offer send', 'p_click arrive']);
    assert.ok(!recorded.messages.some((m) => m.contact === 'cat'));
  });

  it('the service logged no error while it ran', () => {
    assert.deepEqual(errors, []);
  });
});
