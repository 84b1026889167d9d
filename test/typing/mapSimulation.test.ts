// The simulation on the map as a person uses it in a real VS Code
// (code-server) through Playwright (issue #15): the map opens fitted with no
// label cut; "Journey: Simulate Journey" from the Command Palette replays the
// sample's timeline; the map says whose path is highlighted once a contact is
// picked, and "View Contact Queue" clicked on a point of the map shows that
// point's row in the Journey Simulation view, its contacts by name.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mapFrames, startVsCode, until, type VsCodeSession } from './vscodeSession';

describe('the simulation on the map, in VS Code (issue #15)', function () {
  this.timeout(240_000);
  let vs: VsCodeSession;
  before(async function () {
    this.timeout(300_000);
    vs = await startVsCode({ samples: true, probe: false });
  });
  after(async () => {
    await vs?.close();
  });
  const page = () => vs.page;
  const quickInput = () => page().locator('.quick-input-widget');

  it('"View Contact Queue" on a point of the simulated map selects its row in the Journey Simulation view', async () => {
    const explorerRow = page().locator('.explorer-folders-view .monaco-list-row', { hasText: 'mailchimp-vip-welcome.journey.json' });
    let frame;
    for (let attempt = 1; ; attempt++) {
      await explorerRow.dblclick();
      try {
        [frame] = await mapFrames(page(), 1);
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
    const map = frame!;
    // Fitted, nothing cut: every node inside the canvas, no text with an ellipsis.
    // Both measured inside the webview's frame.
    const canvas = await map.locator('.map-canvas').evaluate((e) => e.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number });
    for (const box of await map.locator('g.node rect.node-box').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number }))) {
      assert.ok(box.x >= canvas.x - 1 && box.y >= canvas.y - 1 && box.x + box.width <= canvas.x + canvas.width + 1 && box.y + box.height <= canvas.y + canvas.height + 1, `a node off screen: ${JSON.stringify(box)}`);
    }
    assert.equal(await map.locator('g.node text, g.node tspan').evaluateAll((els) => els.filter((e) => (e.textContent ?? '').endsWith('…')).length), 0);

    await explorerRow.click();
    await page().keyboard.press('F1');
    await quickInput().waitFor({ state: 'visible', timeout: 30_000 });
    await page().keyboard.type('Journey: Simulate Journey');
    await quickInput().locator('.quick-input-list .monaco-list-row', { hasText: 'Simulate Journey' }).first().click({ timeout: 15_000 });
    // The timeline that replays this journey comes first.
    await quickInput().locator('.quick-input-list .monaco-list-row', { hasText: 'replays this journey' }).first().click({ timeout: 30_000 });
    const button = map.locator('g.node[data-id="p_wait_3d"] .queue-button');
    await button.waitFor({ state: 'visible', timeout: 60_000 });
    assert.match(await map.locator('g.node[data-id="p_wait_3d"] .stats-badge text').textContent() ?? '', /\d+ in/);
    await button.click();
    const row = page().locator('.monaco-list-row.selected', { hasText: 'Wait 3 days' });
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match((await row.getAttribute('aria-label')) ?? '', /^Wait 3 days: \d+ waiting, \d+ entered/, 'the row is read with its counts');

    // Highlight a contact from the view: the map names whose path it shows.
    const timeline = JSON.parse(readFileSync(join(vs.workspace, 'mailchimp-vip-welcome.timeline.json'), 'utf8')) as { contacts: { id: string; name?: string; email?: string }[] };
    const contacts = page().locator('.monaco-list-row', { hasText: /^Contacts/ });
    await contacts.first().click();
    const first = timeline.contacts[0]!;
    await page().locator('.monaco-list-row', { hasText: first.name! }).first().click({ timeout: 15_000 });
    const legend = await until(async () => (await map.locator('.simulation-legend .legend-path').count()) > 0 ? map.locator('.simulation-legend .legend-path').innerText() : undefined, 'the map to name the highlighted contact');
    assert.ok(legend.startsWith(`Path of ${first.name}`), legend);
  });
});
