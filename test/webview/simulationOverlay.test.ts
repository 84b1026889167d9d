// Specification of the simulation on the map (issue #15), in headless
// Chromium with the fake host: each point shows how many contacts exited
// there, the map says whose path is highlighted (by name and email), says
// when its numbers are out of date, and offers "View Contact Queue" on each
// point, by mouse and keyboard.
import assert from 'node:assert/strict';
import { type MapPage, waitForRender } from './harness/browser';
import { mapSuite } from './harness/mapSuite';
import { host, NOW, sample, until } from './harness/mapTestKit';

const post = (m: MapPage, message: unknown) => m.page.evaluate((msg) => (window as unknown as { __host: { post(x: unknown): void } }).__host.post(msg), message);

describe('journey map webview: the simulation on the map (issue #15)', function () {
  this.timeout(120000);
  const suite = mapSuite();
  let map: MapPage;

  beforeEach(async () => {
    map = await suite.open({ text: sample('mailchimp-vip-welcome').text, fileName: 'test.journey.json', now: NOW });
    await waitForRender(map.page);
  });

  it('shows the exits of a point with its other counts, and whose path is highlighted', async () => {
    await post(map, {
      type: 'simulation',
      overlay: {
        label: 'Simulated to 2026-03-09 UTC',
        points: { p_wait_3d: { entered: 5, left: 5, queued: 0, exited: 2 } },
        contact: { id: 'c_anna', label: 'Anna Schmidt <anna@example.com>', path: ['sp_tag_vip', 'p_send_welcome', 'p_tag_welcomed', 'p_wait_3d'] },
      },
    });
    const badge = map.page.locator('g.node[data-id="p_wait_3d"] .stats-badge text');
    await until(map.page, async () => (await badge.count()) === 1, 'the stats badge');
    assert.equal(await badge.textContent(), '5 in · 2 exited');
    assert.match((await map.page.locator('g.node[data-id="p_wait_3d"]').getAttribute('aria-label')) ?? '', /Simulation: 5 in · 2 exited\./);
    assert.equal(await map.page.locator('.simulation-legend .legend-path').innerText(), 'Path of Anna Schmidt <anna@example.com>');
    await post(map, { type: 'simulation', overlay: { label: 'x', points: {}, stale: true } });
    await until(map.page, async () => (await map.page.locator('.simulation-legend.stale').count()) === 1, 'the out-of-date notice');
    assert.match(await map.page.locator('.simulation-legend').innerText(), /The numbers are out of date/);
  });

  it('offers "View Contact Queue" on each point while a simulation is shown, by click and by keyboard', async () => {
    assert.equal(await map.page.locator('.queue-button').count(), 0, 'not without a simulation');
    await post(map, { type: 'simulation', overlay: { label: 'x', points: { p_wait_3d: { entered: 5, left: 2, queued: 3 } } } });
    const button = map.page.locator('g.node[data-id="p_wait_3d"] .queue-button');
    await until(map.page, async () => (await button.count()) === 1, 'the button on the node');
    assert.equal(await button.getAttribute('aria-label'), 'View contact queue of Wait 3 days');
    await button.click();
    await until(map.page, async () => (await host(map.page)).commands.includes('viewContactQueue p_wait_3d'), 'the host asked to show the queue');
    await map.page.locator('g.node[data-id="p_send_welcome"]').click();
    await map.page.keyboard.press('Tab');
    assert.equal(await map.page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'View contact queue of Send VIP welcome email');
    await map.page.keyboard.press('Enter');
    await until(map.page, async () => (await host(map.page)).commands.includes('viewContactQueue p_send_welcome'), 'Enter on the focused button');
  });
});
