// Specification of the comparison drawn on the journey map (Compare Journey
// With…) in headless Chromium against the built bundle: the host sends the
// overlay of a comparison (src/compareJourneyCommand.ts comparisonOverlay),
// whose points carry a mark (added, changed, renamed) and their counts as
// A → B; the map outlines the marked points, shows the counts verbatim in
// the stats badge and says both in the node's accessible name.
import assert from 'node:assert/strict';
import { waitForRender } from './harness/browser';
import { mapSuite } from './harness/mapSuite';
import { NOW, sample, until } from './harness/mapTestKit';

describe('journey map webview: a comparison of two versions', function () {
  this.timeout(120000);
  const suite = mapSuite();

  it('outlines the points added, changed and renamed, shows their counts as A → B, and clears with the overlay', async () => {
    const m = await suite.open({ text: sample('dynamics-product-announcement').text, fileName: 'test.journey.json', now: NOW }, 'light');
    const { page } = m;
    await waitForRender(page);
    await page.evaluate(() =>
      (window as unknown as { __host: { post(m: unknown): void } }).__host.post({
        type: 'simulation',
        overlay: {
          label: 'Compared with version 1 on dynamics.timeline.json: 3 contacts changed (1 path)',
          points: {
            p_wait_product_click: { entered: 6, text: 'changed: 6 in', mark: 'changed' },
            p_send_launch_sms: { entered: 3, sent: 2, text: '4 → 3 in · 3 → 2 sent' },
            p_end_launched: { entered: 3, text: 'added: — → 3 in', mark: 'added' },
            p_end_no_interest: { entered: 3, text: 'renamed: 2 → 3 in', mark: 'renamed' },
          },
          startingPoints: { sp_top_customers: { entered: 6, text: '6 entered' } },
        },
      }),
    );
    await until(page, async () => (await page.locator('.stats-badge').count()) > 0, 'stats badges');
    assert.equal(await page.locator('g.node[data-id="p_send_launch_sms"] .stats-badge text').textContent(), '4 → 3 in · 3 → 2 sent');
    assert.deepEqual(await page.locator('g.node[data-compare]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-id'), e.getAttribute('data-compare')]).sort()), [
      ['p_end_launched', 'added'],
      ['p_end_no_interest', 'renamed'],
      ['p_wait_product_click', 'changed'],
    ]);
    assert.ok(await page.locator('g.node.compare-changed[data-id="p_wait_product_click"]').count(), 'the changed point has its class');
    const stroke = await page.locator('g.node.compare-added .node-box').evaluate((el) => getComputedStyle(el).strokeWidth);
    assert.equal(stroke, '3px', 'a marked point is outlined');
    assert.match((await page.locator('g.node[data-id="p_wait_product_click"]').getAttribute('aria-label')) ?? '', /Simulation: changed: 6 in\./);
    assert.match(await page.locator('.toolbar').innerText(), /Compared with version 1/);
    await page.evaluate(() => (window as unknown as { __host: { post(m: unknown): void } }).__host.post({ type: 'simulation', overlay: null }));
    await until(page, async () => (await page.locator('g.node[data-compare]').count()) === 0, 'the marks to clear');
  });
});
