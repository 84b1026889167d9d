// Specification of the live view on the map (issue #17), in headless
// Chromium with the fake host: a published journey offers "Live" in its
// toolbar; the live numbers the host sends (made by the host's own
// liveOverlay from a reading) are drawn by the simulation's overlay, labelled
// "Live · v<N> · updated hh:mm:ss" apart from a simulation, with "View
// Contact Queue" on each point; a failed reading is a message on the map that
// leaves the map usable and keeps the last numbers; "Stop live" asks the
// host to stop.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { planPublication } from '../../src/core/compiler/publishPlan';
import type { LiveReading } from '../../src/restate/liveStats';
import { liveOverlay } from '../../src/restate/liveOverlay';
import type { JourneyStats } from '../../src/restate/runtime/statsDelta';
import type { SimulationOverlay } from '../../src/webviewProtocol';
import { type MapPage, waitForRender } from './harness/browser';
import { mapSuite } from './harness/mapSuite';
import { host, NOW, sample, until } from './harness/mapTestKit';
import { REPO } from './harness/server';

const SHOTS = join(REPO, 'test-results', 'webview');
const INGRESS = 'http://127.0.0.1:8080';

/** The words of a toolbar button (without its icon). */
const buttonText = (button: Locator) => button.locator('span:not(.codicon-glyph)').innerText();
const post = (m: MapPage, message: unknown) => m.page.evaluate((msg) => (window as unknown as { __host: { post(x: unknown): void } }).__host.post(msg), message);

/** Stats of version 1 as the runtime's stats query answers them: 7 contacts started, 3 waiting out the 3 days. */
function stats(): JourneyStats {
  const point = (entered: number, left: number, queued: number, sent = 0) => ({ entered, left, sent, suppressed: 0, suppressedBy: {}, queued });
  return {
    version: 1,
    started: 7,
    inProgress: 3,
    completed: 3,
    exited: 1,
    exitedBy: { exitPoint: 0, exitCriteria: 0, unsubscribed: 1, removed: 0 },
    points: { p_send_welcome: point(7, 7, 0, 7), p_tag_welcomed: point(7, 7, 0), p_wait_3d: point(7, 3, 3) },
    startingPoints: { sp_tag_vip: { entered: 5 }, sp_tag_major_donor: { entered: 2 }, sp_joined_audience: { entered: 0 } },
    late: 0,
  };
}

const reading = (at: number): LiveReading => ({ ok: true, journeyId: 'mailchimp-vip-welcome', version: 1, liveVersion: 1, stats: stats(), queues: {}, at });

describe('journey map webview: the live view of a published journey (issue #17)', function () {
  this.timeout(120000);
  const suite = mapSuite();
  const published = planPublication(sample('mailchimp-vip-welcome').text, { now: new Date(NOW) });
  let map: MapPage;

  before(() => mkdirSync(SHOTS, { recursive: true }));

  beforeEach(async () => {
    assert.ok(published.ok);
    map = await suite.open({ text: published.text, fileName: 'mailchimp-vip-welcome.journey.json', now: NOW }, 'light');
    await waitForRender(map.page);
  });

  it('offers "Live" on a published journey only, and asks the host to show the live stats', async () => {
    const live = map.page.locator('[data-action="live-view"]');
    assert.equal(await buttonText(live), 'Live');
    assert.equal(await live.getAttribute('aria-pressed'), 'false');
    await live.click();
    await until(map.page, async () => (await host(map.page)).commands.includes('liveView on'), 'the host asked to show the live stats');
    const draft = await suite.open({ text: sample('mailchimp-vip-welcome').text, fileName: 'draft.journey.json', now: NOW });
    await waitForRender(draft.page);
    assert.equal(await draft.page.locator('[data-action="live-view"]').count(), 0, 'a draft has no live stats');
  });

  it('draws the live numbers with the overlay, labelled "Live · v1 · updated hh:mm:ss", with View Contact Queue; Stop live asks the host to stop', async () => {
    const overlay = liveOverlay(reading(Date.parse('2026-03-04T10:15:42Z')), INGRESS);
    await post(map, { type: 'simulation', overlay });
    const badge = map.page.locator('.toolbar .badge-live');
    await until(map.page, async () => (await badge.count()) === 1, 'the live badge');
    assert.match(await badge.innerText(), /^Live · v1 · updated \d\d:\d\d:\d\d · 7 started · 3 in progress · 3 completed · 1 exited$/);
    assert.equal(await badge.innerText(), overlay.label, 'the label the host made');
    assert.equal(await map.page.locator('.toolbar .badge-info[role="status"]').count(), 0, 'not the simulation badge');
    const waitBadge = map.page.locator('g.node[data-id="p_wait_3d"] .stats-badge text');
    assert.equal(await waitBadge.textContent(), '7 in · 3 waiting');
    assert.equal(await map.page.locator('g.node[data-id="p_send_welcome"] .stats-badge text').textContent(), '7 in · 7 sent');
    assert.equal(await map.page.locator('g.node[data-id="sp_tag_vip"] .stats-badge text').textContent(), '5 entered');
    assert.match((await map.page.locator('g.node[data-id="p_wait_3d"]').getAttribute('aria-label')) ?? '', /Live: 7 in · 3 waiting\./);
    await map.page.screenshot({ path: join(SHOTS, 'live-view.png') });

    await map.page.locator('g.node[data-id="p_wait_3d"] .queue-button').click();
    await until(map.page, async () => (await host(map.page)).commands.includes('viewContactQueue p_wait_3d'), 'the host asked for the live queue');

    const stop = map.page.locator('[data-action="live-view"]');
    assert.equal(await buttonText(stop), 'Stop live');
    assert.equal(await stop.getAttribute('aria-pressed'), 'true');
    await stop.click();
    await until(map.page, async () => (await host(map.page)).commands.includes('liveView off'), 'the host asked to stop');
    await post(map, { type: 'simulation', overlay: null });
    await until(map.page, async () => (await map.page.locator('.stats-badge').count()) === 0, 'the live numbers to go');
    assert.equal(await buttonText(map.page.locator('[data-action="live-view"]')), 'Live');
  });

  it('shows a failed reading as a message on the map, keeps the last numbers marked out of date, and the map stays usable', async () => {
    const shown = liveOverlay(reading(Date.parse('2026-03-04T10:15:42Z')), INGRESS);
    await post(map, { type: 'simulation', overlay: shown });
    await until(map.page, async () => (await map.page.locator('.toolbar .badge-live').count()) === 1, 'the live badge');
    const message = `No Restate server answers at ${INGRESS}: start restate-server, or set journeyDesigner.restate.ingressUrl to its ingress.`;
    const failed: SimulationOverlay = liveOverlay({ ok: false, kind: 'unreachable', message, at: Date.now() }, INGRESS, shown);
    await post(map, { type: 'simulation', overlay: failed });
    const banner = map.page.locator('.banner.live-error');
    await until(map.page, async () => (await banner.count()) === 1, 'the live error message');
    assert.equal(await banner.getAttribute('role'), 'status', 'a message, not an alert that takes the focus');
    assert.match(await banner.innerText(), new RegExp(`Live stats \\(the numbers shown are from the last reading\\): ${message.replace(/[.]/g, '\\.')}`));
    assert.equal(await map.page.locator('.toolbar .badge-live').innerText(), shown.label, 'the label keeps the instant of the last reading');
    assert.equal(await map.page.locator('g.node[data-id="p_wait_3d"] .stats-badge text').textContent(), '7 in · 3 waiting');
    assert.match(await map.page.locator('.simulation-legend').innerText(), /The numbers are out of date/);
    await map.page.screenshot({ path: join(SHOTS, 'live-view-error.png') });
    await map.page.locator('g.node[data-id="p_tag_welcomed"]').click();
    await until(map.page, async () => (await map.page.locator('g.node[data-id="p_tag_welcomed"].selected').count()) === 1, 'the node to be selected under the message');
    await map.page.locator('[data-action="stop-live-view"]').click();
    await until(map.page, async () => (await host(map.page)).commands.includes('liveView off'), 'Stop live view in the message');
  });
});
