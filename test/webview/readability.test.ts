// Specification of a map that reads at a glance (issue #15), in headless
// Chromium with the built webview bundle and the fake host: labels wrap and
// are never cut on the samples (measured from the rendered text), summaries
// name content and points by their names, the first view fits the whole map
// beside the inspector, several starting points keep their own "+", and an
// edit keeps every node it does not have to move where it was on screen.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildMapModel } from '../../src/core/mapModel';
import { documentStateOf } from '../../src/documentState';
import { branchingJourney } from '../bench/branchingJourney';
import { waitForRender } from './harness/browser';
import { mapSuite } from './harness/mapSuite';
import { host, nextEdit, NOW, sample, samples, until } from './harness/mapTestKit';
import { REPO } from './harness/server';

const SHOTS = join(REPO, 'test-results', 'webview');

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
const inside = (a: Rect, b: Rect) => a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5;
const intersects = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every node's text as drawn: each line's measured width against the room the node has, and the joined lines. */
function drawnText(page: Page) {
  return page.locator('g.node').evaluateAll((nodes) =>
    nodes.map((g) => {
      const box = g.querySelector('rect.node-box')!.getBoundingClientRect();
      const room = (g.querySelector('rect.node-box') as SVGRectElement).width.baseVal.value;
      const lines = [...g.querySelectorAll<SVGTextContentElement>('.node-type, .node-title tspan, .node-summary tspan')];
      return {
        key: (g as SVGGElement).dataset['key'] ?? '',
        kind: (g as SVGGElement).dataset['kind'] ?? '',
        title: [...g.querySelectorAll('.node-title tspan')].map((t) => t.textContent).join(' '),
        summary: [...g.querySelectorAll('.node-summary tspan')].map((t) => t.textContent).join(' '),
        // Each line's right end, in node units, against the node's width less its right padding.
        overflow: lines.map((t) => ({ text: t.textContent ?? '', right: (t as SVGTextPositioningElement).x.baseVal[0]!.value + t.getComputedTextLength(), room: room - 12 })).filter((l) => l.right > l.room + 0.5),
        cut: lines.some((t) => (t.textContent ?? '').endsWith('…')),
        screen: { x: box.x, y: box.y, width: box.width, height: box.height },
      };
    }),
  );
}

/** Screen rectangles of every node, by key. */
async function nodeRects(page: Page): Promise<Map<string, Rect>> {
  const list = await page.locator('g.node').evaluateAll((nodes) => nodes.map((g) => {
    const r = g.querySelector('rect.node-box')!.getBoundingClientRect();
    return [(g as SVGGElement).dataset['key']!, { x: r.x, y: r.y, width: r.width, height: r.height }] as const;
  }));
  return new Map(list);
}

describe('journey map webview: readable at a glance (issue #15)', function () {
  this.timeout(120000);
  const suite = mapSuite();

  before(() => mkdirSync(SHOTS, { recursive: true }));
  const mapOf = async (text: string, viewport = { width: 1280, height: 800 }) => {
    const m = await suite.open({ text, fileName: 'test.journey.json', now: NOW }, 'dark', viewport);
    await waitForRender(m.page);
    return m.page;
  };

  for (const s of samples().filter((x) => !x.name.startsWith('broken-'))) {
    it(`${s.file}: every title and summary is drawn whole, wrapped to at most two lines inside its node`, async () => {
      const state = documentStateOf(s.text);
      assert.equal(state.kind, 'journey');
      const model = buildMapModel(state.kind === 'journey' ? state.value : undefined, state.kind === 'journey' ? state.diagnostics : []);
      const page = await mapOf(s.text);
      const drawn = await drawnText(page);
      assert.equal(drawn.length, model.nodes.length);
      for (const node of model.nodes.filter((n) => n.kind !== 'missing')) {
        const d = drawn.find((x) => x.key === node.key)!;
        assert.deepEqual(d.overflow, [], `${node.key}: no line runs out of its node`);
        assert.equal(d.cut, false, `${node.key}: no line cut with an ellipsis`);
        assert.equal(d.title, node.title.trim().replace(/\s+/g, ' '), `${node.key}: the whole title`);
        assert.equal(d.summary, node.summary.trim().replace(/\s+/g, ' '), `${node.key}: the whole summary`);
        const lines = await page.locator(`g.node[data-key="${node.key}"] .node-title tspan`).count();
        assert.ok(lines >= 1 && lines <= 2, `${node.key}: title on one or two lines (${lines})`);
      }
      await page.screenshot({ path: join(SHOTS, `readable-${s.name}.png`) });
    });

    it(`${s.file}: the first view shows every node, none under the inspector or the overview`, async () => {
      const page = await mapOf(s.text);
      const canvas = (await page.locator('.map-canvas').boundingBox())!;
      const inspector = (await page.locator('.inspector').boundingBox())!;
      const minimap = (await page.locator('svg.minimap').count()) > 0 ? await page.locator('svg.minimap').boundingBox() : null;
      for (const [key, r] of await nodeRects(page)) {
        assert.ok(inside(r, canvas), `${key} is on screen (${JSON.stringify(r)} in ${JSON.stringify(canvas)})`);
        assert.ok(!intersects(r, inspector), `${key} is not under the inspector`);
        if (minimap) assert.ok(!intersects(r, minimap), `${key} is not under the overview`);
      }
    });
  }

  it('names content by its name and points by their titles in summaries, not by ids', async () => {
    const page = await mapOf(sample('mailchimp-vip-welcome').text);
    const welcome = page.locator('g.node[data-id="p_send_welcome"]');
    assert.equal((await welcome.locator('.node-summary tspan').allTextContents()).join(' '), "Email 'VIP welcome'");
    assert.match((await welcome.getAttribute('aria-label')) ?? '', /Email 'VIP welcome'\./);
    const waitForOpen = page.locator('g.node[data-id="p_wait_story_open"]');
    assert.match((await waitForOpen.locator('.node-summary tspan').allTextContents()).join(' '), /^Wait for open of 'Send brand story email'/);
  });

  it('gives each of several starting points its own "+", apart from the others', async () => {
    const page = await mapOf(sample('mailchimp-vip-welcome').text);
    const starts = ['sp_tag_vip', 'sp_tag_major_donor', 'sp_joined_audience'];
    const buttons = await Promise.all(starts.map(async (id) => (await page.locator(`.insert-button[data-edge="${id}/next"]`).boundingBox())!));
    for (let i = 0; i < buttons.length; i++) {
      for (let j = i + 1; j < buttons.length; j++) assert.ok(!intersects(buttons[i]!, buttons[j]!), `the "+" of ${starts[i]} and of ${starts[j]} do not overlap`);
      await page.locator(`.insert-button[data-edge="${starts[i]}/next"]`).click();
      await until(page, async () => (await page.locator('.palette-item').count()) > 0, 'the palette');
      await page.keyboard.press('Escape');
    }
  });

  it('keeps every node where it was on screen when a point is inserted on an edge, except those below it in its column', async () => {
    const page = await mapOf(sample('mailchimp-vip-welcome').text);
    const before = await nodeRects(page);
    const snapshot = await host(page);
    await page.locator('.insert-button[data-edge="p_wait_3d/next"]').click();
    await page.locator('.palette-item', { hasText: 'Add tag' }).click();
    const { host: after } = await nextEdit(page, snapshot);
    await until(page, async () => (await page.locator('g.node').count()) === before.size + 1, 'the new node');
    const now = await nodeRects(page);
    const inserted = [...now.keys()].find((k) => !before.has(k))!;
    const at = now.get(inserted)!;
    const moved = [...before].filter(([k, r]) => Math.abs(now.get(k)!.x - r.x) > 0.5 || Math.abs(now.get(k)!.y - r.y) > 0.5).map(([k]) => k);
    for (const key of moved) {
      const was = before.get(key)!;
      assert.ok(was.y >= at.y - 1, `${key} moved, and it is below the new point`);
      assert.ok(Math.abs(now.get(key)!.x - was.x) <= 0.5, `${key} moved down only`);
    }
    for (const key of ['sp_tag_vip', 'sp_tag_major_donor', 'sp_joined_audience', 'p_send_welcome', 'p_tag_welcomed', 'p_wait_3d']) assert.ok(!moved.includes(key), `${key}, above the new point, stayed`);
    assert.ok(after.text.includes('"type": "addTag"'));
    await page.screenshot({ path: join(SHOTS, 'stable-after-insert.png') });
  });

  it('keeps every node where it was on screen when a starting point is added, and shows the new one', async () => {
    const page = await mapOf(sample('preference-center').text);
    const before = await nodeRects(page);
    const snapshot = await host(page);
    await page.locator('.toolbar [data-action="add-starting-point"]').click();
    await page.locator('.palette-item', { hasText: 'API call' }).click();
    await nextEdit(page, snapshot);
    await until(page, async () => (await page.locator('g.node[data-kind="start"]').count()) === 2, 'the new starting point');
    const now = await nodeRects(page);
    const moved = [...before].filter(([k, r]) => Math.abs(now.get(k)!.x - r.x) > 0.5 || Math.abs(now.get(k)!.y - r.y) > 0.5).map(([k]) => k);
    assert.deepEqual(moved, [], 'no node moved');
    const added = [...now.keys()].find((k) => !before.has(k))!;
    const canvas = (await page.locator('.map-canvas').boundingBox())!;
    await until(page, async () => inside((await nodeRects(page)).get(added)!, canvas), 'the new starting point in view');
    await page.screenshot({ path: join(SHOTS, 'stable-after-adding-a-starting-point.png') });
  });

  it('fits a 200-point journey with 16 if/else whole, at a zoom where each node shows a recognisable icon, its main path straight', async () => {
    const journey = branchingJourney(200, 16);
    const page = await mapOf(JSON.stringify(journey, null, 2));
    await until(page, async () => (await page.locator('g.node').count()) === 201, 'every node');
    const canvas = (await page.locator('.map-canvas').boundingBox())!;
    const rects = await nodeRects(page);
    for (const [key, r] of rects) assert.ok(inside(r, canvas), `${key} is on screen`);
    const zoom = Number(/scale\(([\d.]+)\)/.exec((await page.locator('g.map-world').getAttribute('transform')) ?? '')?.[1]);
    const icon = (await page.locator('g.node[data-id="m_0"] .node-far-icon').boundingBox())!;
    assert.ok(icon.height >= 8, `each node shows its type's icon at least 8 px high (${icon.height.toFixed(1)} px at zoom ${zoom.toFixed(2)})`);
    // The main path: consecutive main points in one column are straight above each other.
    const main = journey.points.filter((p) => p.id.startsWith('m_')).map((p) => rects.get(p.id)!);
    let aligned = 0;
    for (let i = 1; i < main.length; i++) {
      const [a, b] = [main[i - 1]!, main[i]!];
      if (b.y < a.y) continue; // the next column
      assert.ok(Math.abs(a.x + a.width / 2 - (b.x + b.width / 2)) <= 1, `m_${i - 1} and m_${i} are straight above each other`);
      aligned++;
    }
    assert.ok(aligned > main.length * 0.8, `most of the main path runs straight (${aligned} of ${main.length - 1})`);
    await page.screenshot({ path: join(SHOTS, 'branching-200-fitted.png') });
  });

  it('collapses the branches of a point, or of all, into placeholders, and expands them again', async () => {
    const page = await mapOf(JSON.stringify(branchingJourney(200, 16), null, 2));
    await until(page, async () => (await page.locator('g.node').count()) === 201, 'every node');
    await page.locator('[data-action="collapse-all"]').click();
    await until(page, async () => (await page.locator('g.node').count()) === 201 - 16 * 4 + 16, 'each if/else\'s four own points as one placeholder');
    assert.equal(await page.locator('g.node.node-collapsed').count(), 16);
    assert.match((await page.locator('g.node.node-collapsed').first().getAttribute('aria-label')) ?? '', /^Collapsed branch \(yes\): 4 points: Send the follow-up of offer \d+, Wait 2 days, …/);
    await page.locator('[data-action="expand-all"]').click();
    await until(page, async () => (await page.locator('g.node').count()) === 201, 'every node again');
    // One point's branches, by keyboard: its fold button follows it in the Tab order.
    const small = await mapOf(sample('mailchimp-vip-welcome').text);
    await small.locator('g.node[data-id="p_check_preview_click"]').click();
    const fold = small.locator('g.node[data-id="p_check_preview_click"] .fold-button');
    assert.equal(await fold.getAttribute('aria-expanded'), 'true');
    await fold.focus();
    await small.keyboard.press('Enter');
    await until(small, async () => (await small.locator('g.node.node-collapsed').count()) > 0, 'the branches collapsed');
    const hidden = await small.locator('g.node[data-id="p_send_early_access"]').count();
    assert.equal(hidden, 0, 'the yes branch\'s own point is folded away');
    await small.locator('g.node.node-collapsed').first().dblclick();
    await until(small, async () => (await small.locator('g.node[data-id="p_send_early_access"]').count()) === 1, 'expanded by double-click on the placeholder');
  });
});
