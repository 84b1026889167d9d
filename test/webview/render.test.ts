// Specification of the journey map webview as drawn in headless Chromium,
// against the built bundle (dist/webview.js) with a fake host: every sample
// draws every node and edge, in light, dark and high-contrast themes
// (screenshots in test-results/webview/), under the production CSP; the
// message contract, navigation, diagnostics, sync with the text, the
// simulation overlay and export.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildMapModel } from '../../src/core/mapModel';
import { documentStateOf } from '../../src/documentState';
import { switchTheme, waitForRender } from './harness/browser';
import { mapSuite } from './harness/mapSuite';
import { host, NOW, renderedVersion, sample, samples, until } from './harness/mapTestKit';
import { REPO } from './harness/server';
import { THEME_NAMES, themeBodyClass } from './harness/themes';

const SHOTS = join(REPO, 'test-results', 'webview');

describe('journey map webview: drawing', function () {
  this.timeout(120000);
  const suite = mapSuite();

  before(() => mkdirSync(SHOTS, { recursive: true }));
  const mapOf = async (text: string, theme: (typeof THEME_NAMES)[number] = 'dark', fileName = 'test.journey.json') => {
    const m = await suite.open({ text, fileName, now: NOW }, theme);
    return m;
  };

  for (const s of samples()) {
    it(`draws ${s.file}: every starting point and point, every edge with its label, in light, dark and high contrast`, async () => {
      const state = documentStateOf(s.text);
      const { page } = await mapOf(s.text, THEME_NAMES[0], s.file);
      const summary = await waitForRender(page);
      for (const theme of THEME_NAMES) {
        if (theme !== THEME_NAMES[0]) await switchTheme(page, theme, themeBodyClass(theme));
        if (state.kind === 'unparseable') {
          assert.equal(summary.unparseable, true);
          assert.match(await page.locator('.parse-error h1').innerText(), /is not valid JSON/);
          assert.ok(await page.locator('[data-action="open-as-text"]').isVisible(), 'offers to open the text');
        } else {
          const model = buildMapModel(state.value, state.diagnostics);
          assert.deepEqual(summary.startingPoints, model.nodes.filter((n) => n.kind === 'start').map((n) => n.title));
          assert.deepEqual(summary.points, model.nodes.filter((n) => n.kind === 'point').map((n) => n.title));
          assert.equal(summary.edges?.length, model.edges.length, 'every successor reference is an edge');
          const labels = await page.locator('g.edge[data-label]').evaluateAll((els) => els.map((e) => e.getAttribute('data-label')).filter(Boolean));
          assert.deepEqual(labels.sort(), model.edges.map((e) => e.label).filter(Boolean).sort(), 'branch edges carry yes / no / timeout / % labels');
          for (const label of labels) assert.ok(await page.locator(`g.edge[data-label="${label}"] .edge-label text`).first().isVisible());
          // Each node shows its type's codicon, its title and a one-line summary.
          const firstPoint = model.nodes.find((n) => n.kind === 'point')!;
          const node = page.locator(`g.node[data-key="${firstPoint.key}"]`);
          const shownSummary = (await node.locator('.node-summary tspan').allTextContents()).join(' ').replace(/…$/, '').trimEnd();
          assert.ok(shownSummary.length > 0 && firstPoint.summary.startsWith(shownSummary), `the one-line summary "${firstPoint.summary}" (shown as "${shownSummary}")`);
          assert.equal(await node.locator('.node-icon').evaluate((e) => getComputedStyle(e).fontFamily), 'codicon');
        }
        await page.screenshot({ path: join(SHOTS, `${s.name}-${theme}.png`) });
      }
    });
  }

  it('shows the inspector of the selected point and the "+" palette, in light, dark and high contrast', async () => {
    const { page } = await mapOf(sample('mailchimp-vip-welcome').text, THEME_NAMES[0]);
    await waitForRender(page);
    for (const theme of THEME_NAMES) {
      if (theme !== THEME_NAMES[0]) await switchTheme(page, theme, themeBodyClass(theme));
      await page.evaluate(() => (window as unknown as { __host: { post(m: unknown): void } }).__host.post({ type: 'select', nodeId: 'sp_tag_vip' }));
      await until(page, async () => (await page.locator('.inspector [data-field="trigger.type"]').count()) === 1, 'the starting point inspector');
      assert.equal(await page.locator('.inspector .filter-node').count(), 3, 'the filter tree: all of two tags');
      await page.screenshot({ path: join(SHOTS, `inspector-starting-point-${theme}.png`) });
      await page.evaluate(() => (window as unknown as { __host: { post(m: unknown): void } }).__host.post({ type: 'select', nodeId: 'p_wait_story_open' }));
      await until(page, async () => (await page.locator('.inspector [data-field="timeout.amount"]').count()) === 1, 'the wait-for-event inspector');
      await page.locator('g.node.selected').focus();
      await page.keyboard.press('Insert');
      await until(page, async () => (await page.locator('.palette-item').count()) === 15, 'the palette');
      await page.screenshot({ path: join(SHOTS, `inspector-wait-for-event-and-palette-${theme}.png`) });
      await page.keyboard.press('Escape');
    }
  });

  it('answers ready with init (the handshake) and answers a message it does not understand with an error', async () => {
    const { page } = await mapOf(sample('birthday-german').text);
    await waitForRender(page);
    let h = await host(page);
    assert.equal(h.received[0]?.type, 'ready', 'the webview speaks first');
    assert.equal(h.received[0]?.['protocol'], 2);
    assert.equal(h.sent[0]?.type, 'init');
    await page.evaluate(() => (window as unknown as { __host: { post(m: unknown): void } }).__host.post({ type: 'teleport', requestId: 'r-42' }));
    h = await until(page, async () => {
      const now = await host(page);
      return now.received.some((m) => m.type === 'error') ? now : undefined;
    }, 'the error answer');
    const error = h.received.find((m) => m.type === 'error')!;
    assert.equal(error['requestId'], 'r-42', 'the answer names the request');
    assert.match(String(error['message']), /"teleport"/);
  });

  it('shows each diagnostic on the node it belongs to, with its message as tooltip, and still draws invalid points', async () => {
    const broken = sample('broken-unknown-point-type');
    const state = documentStateOf(broken.text);
    assert.equal(state.kind, 'journey');
    const { page } = await mapOf(broken.text);
    await waitForRender(page);
    const model = buildMapModel(state.kind === 'journey' ? state.value : undefined, state.kind === 'journey' ? state.diagnostics : []);
    const invalid = model.nodes.find((n) => n.problems.length > 0)!;
    const node = page.locator(`g.node[data-key="${invalid.key}"]`);
    assert.equal(await node.locator('.problem-badge.badge-error').count(), 1, 'an error badge on the node');
    assert.match((await node.locator('title').first().textContent()) ?? '', new RegExp(invalid.problems[0]!.message.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.match((await node.getAttribute('aria-label')) ?? '', /1 error/);
    assert.equal(await page.locator('g.node').count(), model.nodes.length, 'every node is drawn, the invalid one too');
  });

  it('draws an edge to a missing point as a dashed edge to a ghost node', async () => {
    const text = sample('birthday-german').text.replace('"next": "p_tag_coupon"', '"next": "p_nowhere"');
    const { page } = await mapOf(text);
    await waitForRender(page);
    assert.equal(await page.locator('g.node[data-kind="missing"][data-id="p_nowhere"]').count(), 1);
    assert.equal(await page.locator('g.edge.dangling').count(), 1);
  });

  it('gives nodes and edges accessible names and moves between nodes with the keyboard', async () => {
    const s = sample('mailchimp-vip-welcome');
    const { page } = await mapOf(s.text);
    await waitForRender(page);
    const svg = page.locator('svg.map-svg');
    assert.match((await svg.getAttribute('aria-label')) ?? '', /Journey map of VIP & major donor welcome: \d+ nodes/);
    const welcome = page.locator('g.node[data-id="p_send_welcome"]');
    assert.equal(await welcome.getAttribute('role'), 'button');
    assert.match((await welcome.getAttribute('aria-label')) ?? '', /^Send email: Send VIP welcome email\. Email 'VIP welcome'\. Leads to Tag "VIP welcome sent"\.$/);
    assert.match((await page.locator('g.edge[data-label="yes"]').first().getAttribute('aria-label')) ?? '', /^Edge from Clicked the VIP preview sale campaign\? to Send early-access email, yes$/);

    await page.locator('g.node[data-id="p_send_welcome"]').click();
    await page.keyboard.press('ArrowDown');
    await until(page, async () => (await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset?.['id'])) === 'p_tag_welcomed', 'ArrowDown to move to the successor');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await until(page, async () => (await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset?.['id'])) === 'p_check_preview_click', 'two more steps down');
    assert.equal(await page.locator('g.node.selected').getAttribute('data-id'), 'p_check_preview_click', 'selection follows focus');
    await page.keyboard.press('ArrowUp');
    await until(page, async () => (await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset?.['id'])) === 'p_wait_3d', 'ArrowUp back');
    const before = (await host(page)).received.length;
    await page.keyboard.press('Enter');
    const reveal = await until(page, async () => (await host(page)).received.slice(before).find((m) => m.type === 'revealPath'), 'Enter to reveal the JSON');
    assert.deepEqual(reveal['path'], ['points', 2]);
  });

  it('reveals a node\'s JSON on double-click', async () => {
    const { page } = await mapOf(sample('birthday-german').text);
    await waitForRender(page);
    await page.locator('g.node[data-kind="start"]').first().dblclick();
    const reveal = await until(page, async () => (await host(page)).received.find((m) => m.type === 'revealPath'), 'the reveal message');
    assert.deepEqual(reveal['path'], ['startingPoints', 0]);
  });

  it('zooms, fits, and shows an overview when the map is larger than the screen', async () => {
    const { page } = await mapOf(sample('preference-center').text);
    await waitForRender(page);
    const scale = async () => Number(/scale\(([\d.]+)\)/.exec((await page.locator('g.map-world').getAttribute('transform')) ?? '')?.[1]);
    const first = await scale();
    await page.locator('[data-action="zoom-in"]').click();
    assert.ok((await scale()) > first, 'zoom in');
    await page.locator('.map-canvas').focus();
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    assert.ok((await scale()) < first, '- zooms out');
    await page.locator('[data-action="fit"]').click();
    const fitted = await scale();
    const box = await page.locator('g.map-world').boundingBox();
    const canvas = await page.locator('.map-canvas').boundingBox();
    assert.ok(box && canvas && box.height <= canvas.height + 1 && box.width <= canvas.width + 1, `fit shows the whole map (zoom ${fitted})`);
    await page.locator('[data-action="zoom-in"]').click();
    await page.locator('[data-action="zoom-in"]').click();
    await page.locator('[data-action="zoom-in"]').click();
    assert.equal(await page.locator('svg.minimap').count(), 1, 'an overview once the map overflows');
    const wheelBefore = await page.locator('g.map-world').getAttribute('transform');
    await page.mouse.move(300, 300);
    await page.mouse.wheel(0, 200);
    await until(page, async () => (await page.locator('g.map-world').getAttribute('transform')) !== wheelBefore, 'the wheel to pan the map');
  });

  it('keeps the last good map with an "out of sync" badge while the text does not parse, and never edits it', async () => {
    const s = sample('birthday-german');
    const { page } = await mapOf(s.text);
    await waitForRender(page);
    await page.evaluate((t) => (window as unknown as { __host: { externalEdit(t: string): void } }).__host.externalEdit(t), s.text.replace('"kind": "trigger",', '"kind": "trigger"'));
    const summary = await waitForRender(page, (r) => r.documentVersion === 2);
    assert.equal(summary.outOfSync, true);
    assert.ok(summary.points.length > 0, 'the last map that parsed stays on screen');
    assert.match(await page.locator('.banner-warning').innerText(), /Out of sync: the text is not valid JSON \(line \d+, column \d+/);
    assert.equal(await page.locator('.insert-button').count(), 0, 'no editing while out of sync');
    await page.locator('.banner-warning [data-action="open-as-text"]').click();
    await until(page, async () => (await host(page)).received.some((m) => m.type === 'openAsText'), 'open as text');
    await page.evaluate((t) => (window as unknown as { __host: { externalEdit(t: string): void } }).__host.externalEdit(t), s.text);
    const back = await waitForRender(page, (r) => r.documentVersion === 3);
    assert.equal(back.outOfSync, false);
  });

  it('re-renders at once on an external edit, keeping the layout when only a title changed', async () => {
    const s = sample('mailchimp-vip-welcome');
    const { page } = await mapOf(s.text);
    await waitForRender(page);
    const position = await page.locator('g.node[data-id="p_wait_3d"]').getAttribute('transform');
    await page.evaluate((t) => (window as unknown as { __host: { externalEdit(t: string): void } }).__host.externalEdit(t), s.text.replace('"title": "Wait 3 days"', '"title": "Wait three days"'));
    const summary = await waitForRender(page, (r) => r.documentVersion === 2);
    assert.ok(summary.points.includes('Wait three days'));
    assert.equal(summary.layoutMs, 0, 'no new layout for a title change');
    assert.equal(await page.locator('g.node[data-id="p_wait_3d"]').getAttribute('transform'), position);
  });

  it('selects the node the text cursor is in (host select message)', async () => {
    const { page } = await mapOf(sample('mailchimp-vip-welcome').text);
    await waitForRender(page);
    await page.evaluate(() => (window as unknown as { __host: { post(m: unknown): void } }).__host.post({ type: 'select', nodeId: 'p_tag_inactive' }));
    await until(page, async () => (await page.locator('g.node.selected').getAttribute('data-id')) === 'p_tag_inactive', 'the node to be selected');
    assert.match(await page.locator('.inspector h2').innerText(), /Tag "VIP inactive"/);
    const box = await page.locator('g.node[data-id="p_tag_inactive"]').boundingBox();
    const canvas = await page.locator('.map-canvas').boundingBox();
    assert.ok(box && canvas && box.y >= canvas.y && box.y + box.height <= canvas.y + canvas.height, 'scrolled into view');
  });

  it('draws a simulation: stats badges on the nodes and the selected contact\'s path highlighted', async () => {
    const { page } = await mapOf(sample('mailchimp-vip-welcome').text, 'light');
    await waitForRender(page);
    await page.evaluate(() =>
      (window as unknown as { __host: { post(m: unknown): void } }).__host.post({
        type: 'simulation',
        overlay: {
          label: 'Simulated until 2026-03-04 09:00',
          points: { p_send_welcome: { entered: 12, left: 12, queued: 0, sent: 10, suppressed: 2 }, p_wait_3d: { entered: 12, left: 4, queued: 8 } },
          startingPoints: { sp_tag_vip: { entered: 7 } },
          contact: { id: 'anna', path: ['sp_tag_vip', 'p_send_welcome', 'p_tag_welcomed', 'p_wait_3d'] },
        },
      }),
    );
    await until(page, async () => (await page.locator('.stats-badge').count()) > 0, 'stats badges');
    assert.equal(await page.locator('g.node[data-id="p_send_welcome"] .stats-badge text').textContent(), '12 in · 10 sent · 2 suppressed');
    assert.equal(await page.locator('g.node[data-id="p_wait_3d"] .stats-badge text').textContent(), '12 in · 8 waiting');
    assert.equal(await page.locator('g.node[data-id="sp_tag_vip"] .stats-badge text').textContent(), '7 entered');
    assert.deepEqual(await page.locator('g.node.in-path').evaluateAll((els) => els.map((e) => e.getAttribute('data-id'))), ['sp_tag_vip', 'p_send_welcome', 'p_tag_welcomed', 'p_wait_3d']);
    assert.equal(await page.locator('g.edge.in-path').count(), 3);
    assert.match((await page.locator('.toolbar').innerText()), /Simulated until 2026-03-04 09:00/);
    await page.screenshot({ path: join(SHOTS, 'simulation-overlay-light.png') });
    await page.evaluate(() => (window as unknown as { __host: { post(m: unknown): void } }).__host.post({ type: 'simulation', overlay: null }));
    await until(page, async () => (await page.locator('.stats-badge').count()) === 0, 'the overlay to clear');
  });

  it('exports the map as SVG (themed, with the codicon font, no editing controls) and as PNG', async () => {
    const { page } = await mapOf(sample('dynamics-product-announcement').text);
    await waitForRender(page);
    await page.locator('[data-action="export-svg"]').click();
    await page.locator('[data-action="export-png"]').click();
    const h = await until(page, async () => {
      const now = await host(page);
      return now.exports.length === 2 ? now : undefined;
    }, 'both exports');
    assert.deepEqual(h.commands, ['exportSvg', 'exportPng'], 'the toolbar asks the host, which saves the file');
    const svg = h.exports.find((e) => e.format === 'svg')!.data!;
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+"/);
    assert.match(svg, /@font-face\{font-family:codicon;src:url\(data:font\/ttf;base64,/);
    assert.doesNotMatch(svg, /insert-button|port-handle/, 'no editing controls');
    assert.doesNotMatch(svg, /var\(--vscode/, 'colours resolved from the theme');
    for (const title of ['Send product announcement email', 'Clicked the product link within 1 day?']) assert.ok(svg.includes(title), `the SVG names "${title}"`);
    const png = Buffer.from(h.exports.find((e) => e.format === 'png')!.data!, 'base64');
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
    assert.ok(png.length > 5000);
  });

  it('leaves undo and redo keys to VS Code outside text fields (no history in the webview)', async () => {
    const { page } = await mapOf(sample('birthday-german').text);
    await waitForRender(page);
    await page.evaluate(() => {
      (window as unknown as { __keys: string[] }).__keys = [];
      window.addEventListener('keydown', (e) => {
        if (e.key !== 'Control') (window as unknown as { __keys: string[] }).__keys.push(`${e.ctrlKey ? 'ctrl+' : ''}${e.key}${e.defaultPrevented ? ' prevented' : ''}`);
      });
    });
    await page.locator('g.node[data-kind="start"]').first().click();
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+y');
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __keys: string[] }).__keys), ['ctrl+z', 'ctrl+y'], 'the keys reach the window, where VS Code forwards them');
    const h = await host(page);
    assert.equal(h.version, 1, 'the webview did not change the document itself');
    await page.locator('[data-action="undo"]').click();
    await until(page, async () => (await host(page)).commands.includes('undo'), 'the toolbar undo to run VS Code\'s undo');
  });

  it('draws a 500-point journey with every node', async () => {
    const { generateJourney } = await import('../bench/generateJourney');
    const text = JSON.stringify(generateJourney(500), null, 2);
    const { page } = await mapOf(text);
    const summary = await waitForRender(page, (s) => s.points.length > 0, 60000);
    assert.equal(summary.points.length, 500);
    await renderedVersion(page, 1);
  });
});
