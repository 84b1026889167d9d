// Specification of the live view's host side (issue #17, "Live view"), on a
// real restate-server running the published sample journey
// mailchimp-vip-welcome: the poller the editor uses (liveStatsPoller.ts)
// reads the running service's stats and contact queues through its query
// handlers, and what the map is sent for them (liveOverlay.ts) carries the
// runtime's own numbers, labelled "Live · v1 · updated hh:mm:ss"; a new
// contact shows at the next reading; a service that cannot be reached, a
// journey not deployed there, a version it does not run and a service that
// does not answer are each told as such, keeping the last numbers; a stopped
// poller reads no more.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planPublication } from '../../src/core/compiler/publishPlan';
import { Timeline } from '../../src/core/timeline';
import { JourneyIngressClient } from '../../src/restate/ingressClient';
import { readLiveStats } from '../../src/restate/liveStats';
import { liveOverlay } from '../../src/restate/liveOverlay';
import { type LiveResult, LiveStatsPoller } from '../../src/restate/liveStatsPoller';
import { eventBody } from '../../src/restate/runtime/ingressEvent';
import type { SimulationOverlay } from '../../src/webviewProtocol';
import { TestDeployment } from './support/deployment';
import { freePort } from './support/ports';
import { SAMPLES_DIR } from './support/samples';

const DAY = 86_400_000;
const NAME = 'mailchimp-vip-welcome';
const text = readFileSync(join(SAMPLES_DIR, `${NAME}.journey.json`), 'utf8');
const timeline = Timeline.parse(JSON.parse(readFileSync(join(SAMPLES_DIR, `${NAME}.timeline.json`), 'utf8')));
/** The journey's "now" when the service starts: after the timeline's events of its first days, before any wait of 3 days ends. */
const NOW = Date.parse('2026-03-04T10:00:00Z');
/** One journey day lasts 10 wall minutes: no timer comes due while the test runs, so the numbers hold still between readings. */
const DAY_MS = 600_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('live view: the live stats poller on a real restate-server (issue #17)', function () {
  this.timeout(180_000);
  let deployment: TestDeployment | undefined;
  let client: JourneyIngressClient;
  const plan = planPublication(text, { now: new Date('2026-03-01T00:00:00Z') });
  assert.ok(plan.ok, 'the sample can be published');
  const journeyId = plan.ir.journey.id;
  const version = plan.ir.journey.version;

  before(async () => {
    deployment = await TestDeployment.start({
      irs: [plan.ir],
      settings: (wallStart) => ({ [journeyId]: { dayMs: DAY_MS, epoch: { journeyTime: NOW, wallTime: wallStart }, activeFrom: Date.parse(timeline.start!) - DAY } }),
    });
    client = new JourneyIngressClient(deployment.server.ingressUrl, journeyId);
    for (const { id, ...profile } of timeline.contacts) await client.upsert(id, { ...profile, at: timeline.start! });
    for (const e of timeline.events.filter((e) => Date.parse(e.at) < NOW)) await client.event(e.contact, { ...eventBody(e), at: e.at });
  });

  after(async () => {
    await deployment?.close();
  });

  /** Polls like the editor does, keeping every overlay it would send to the map. */
  function poll(options: { ingressUrl?: string; journeyId?: string; version?: number; timeoutMs?: number; queuePoints?: string[] } = {}) {
    const overlays: SimulationOverlay[] = [];
    const results: LiveResult[] = [];
    const ingressUrl = options.ingressUrl ?? deployment!.server.ingressUrl;
    const wanted = options.version ?? version;
    const poller = new LiveStatsPoller({
      ingressUrl: () => ingressUrl,
      journeyId: options.journeyId ?? journeyId,
      version: wanted,
      intervalMs: 200,
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      queuePoints: () => options.queuePoints ?? [],
      onResult: (result) => {
        results.push(result);
        overlays.push(liveOverlay(result, ingressUrl, overlays.at(-1), wanted));
      },
    });
    const next = async (count = results.length + 1, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      while (results.length < count) {
        if (Date.now() > deadline) throw new Error(`no reading ${count} in ${timeoutMs} ms`);
        await sleep(20);
      }
      return { result: results[count - 1]!, overlay: overlays[count - 1]! };
    };
    return { poller, overlays, results, next };
  }

  it('shows the runtime\'s own numbers per point and starting point, labelled "Live · v1 · updated hh:mm:ss"', async () => {
    const live = poll();
    live.poller.start();
    const { result, overlay } = await live.next();
    live.poller.stop();
    assert.ok(result.ok, result.ok ? '' : result.message);
    const stats = await client.stats(version);
    assert.equal(result.stats.started, stats.started);
    assert.match(overlay.label ?? '', new RegExp(`^Live · v${version} · updated \\d\\d:\\d\\d:\\d\\d · ${stats.started} started · ${stats.inProgress} in progress · ${stats.completed} completed · ${stats.exited} exited$`));
    assert.equal(overlay.live?.version, version);
    assert.equal(overlay.live?.error, undefined);
    assert.ok(stats.started > 0 && stats.inProgress > 0, 'contacts are inside the journey');
    assert.deepEqual(Object.keys(overlay.points).sort(), plan.ir.points.map((p) => p.id).sort(), 'every point of the version has its numbers');
    for (const [id, p] of Object.entries(stats.points)) {
      assert.deepEqual(overlay.points[id], { entered: p.entered, left: p.left, queued: p.queued, sent: p.sent, suppressed: p.suppressed }, `point ${id}`);
    }
    for (const [id, s] of Object.entries(stats.startingPoints)) assert.equal(overlay.startingPoints?.[id]?.entered, s.entered, `starting point ${id}`);
  });

  it('lists the contacts waiting at a point: the ones whose runtime state says they wait there', async () => {
    const contacts = [...new Set(timeline.contacts.map((c) => c.id))];
    const reports = await Promise.all(contacts.map((c) => client.contact(c)));
    const waiting = reports.filter((r) => r.waitingAt === 'p_wait_3d').map((r) => r.contact).sort();
    // The timeline's story by this instant: Ona, Greta and Lina wait out the 3 days; Max has unsubscribed; Jonas and Tomas were filtered out.
    assert.deepEqual(waiting, ['c_greta', 'c_lina', 'c_ona']);
    const result = await readLiveStats({ ingressUrl: deployment!.server.ingressUrl, journeyId, version, queuePoints: ['p_wait_3d', 'p_send_welcome'] });
    assert.ok(result.ok, result.ok ? '' : result.message);
    assert.deepEqual(result.queues['p_wait_3d']!.map((q) => q.contact).sort(), waiting);
    assert.deepEqual(result.queues['p_send_welcome'], [], 'nobody waits at a send');
    assert.equal(result.stats.points['p_wait_3d']!.queued, waiting.length);
  });

  it('refreshes: a contact entering now shows at the next reading, in the numbers and in the queue', async () => {
    const live = poll({ queuePoints: ['p_wait_3d'] });
    live.poller.start();
    const first = await live.next();
    assert.ok(first.result.ok);
    await client.upsert('c_new', { email: 'new@example.com', tags: ['Kunde', 'Instagram Follower'], lists: { main_audience: 'subscribed' } });
    await client.event('c_new', { type: 'tagAdded', tag: 'VIP' });
    const deadline = Date.now() + 20_000;
    let latest = first;
    while (!(latest.result.ok && latest.result.queues['p_wait_3d']?.some((q) => q.contact === 'c_new'))) {
      if (Date.now() > deadline) throw new Error('the new contact never showed in the live queue');
      latest = await live.next();
    }
    live.poller.stop();
    assert.ok(latest.result.ok);
    assert.equal(latest.overlay.points['p_wait_3d']!.queued, first.overlay.points['p_wait_3d']!.queued! + 1);
    assert.equal(latest.overlay.points['p_wait_3d']!.entered, first.overlay.points['p_wait_3d']!.entered! + 1);
    assert.equal(latest.overlay.startingPoints?.['sp_tag_vip']?.entered, first.overlay.startingPoints!['sp_tag_vip']!.entered + 1);
    const stats = await client.stats(version);
    assert.equal(latest.overlay.points['p_wait_3d']!.queued, stats.points['p_wait_3d']!.queued, 'the runtime agrees');
    assert.ok(Date.parse(latest.overlay.live!.updatedAt!) > Date.parse(first.overlay.live!.updatedAt!), 'the reading instant moved on');
  });

  it('stops: a stopped poller reads no more', async () => {
    const live = poll();
    live.poller.start();
    await live.next(2);
    live.poller.stop();
    const count = live.results.length;
    await sleep(1_000);
    assert.equal(live.results.length, count, 'a reading under way when it stopped is not reported either');
    assert.ok(live.poller.stopped);
  });

  it('says when no Restate server answers at the URL, and backs off', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const live = poll({ ingressUrl: url });
    live.poller.start();
    const { result, overlay } = await live.next();
    live.poller.stop();
    assert.equal(result.ok ? 'ok' : result.kind, 'unreachable');
    assert.match(overlay.live?.error ?? '', new RegExp(`No Restate server answers at ${url.replace(/[.]/g, '\\.')}`));
    assert.equal(overlay.label, `Live · v${version} · not connected`);
    assert.deepEqual(overlay.points, {});
    assert.ok(live.poller.nextDelayMs > 200, 'it waits longer after a failure');
  });

  it('says when the journey is not deployed on that server', async () => {
    const result = await readLiveStats({ ingressUrl: deployment!.server.ingressUrl, journeyId: 'no-such-journey' });
    assert.equal(result.ok ? 'ok' : result.kind, 'notDeployed', JSON.stringify(result));
    assert.match(result.ok ? '' : result.message, /Journey "no-such-journey" is not deployed on the Restate server at http:\/\/127\.0\.0\.1:\d+/);
  });

  it('says when the deployment does not run the version shown, and keeps the last numbers marked out of date', async () => {
    const good = await readLiveStats({ ingressUrl: deployment!.server.ingressUrl, journeyId, version });
    const shown = liveOverlay(good, deployment!.server.ingressUrl);
    const result = await readLiveStats({ ingressUrl: deployment!.server.ingressUrl, journeyId, version: version + 1 });
    assert.equal(result.ok ? 'ok' : result.kind, 'versionNotDeployed');
    assert.match(result.ok ? '' : result.message, new RegExp(`runs version ${version} of "${journeyId}", not version ${version + 1}`));
    const after = liveOverlay(result, deployment!.server.ingressUrl, shown);
    assert.equal(after.stale, true);
    assert.deepEqual(after.points, shown.points, 'the last numbers stay');
    assert.equal(after.label, shown.label, 'with the instant they were read');
    assert.equal(after.live?.error, result.ok ? '' : result.message);
  });

  it('says when the journey service is registered but does not answer (its process stopped)', async () => {
    await deployment!.service.kill('SIGTERM');
    const result = await readLiveStats({ ingressUrl: deployment!.server.ingressUrl, journeyId, version, timeoutMs: 2_000 });
    assert.equal(result.ok ? 'ok' : result.kind, 'notAnswering', JSON.stringify(result));
    assert.match(result.ok ? '' : result.message, /does not answer .*is its process running/);
  });
});
