// Specification of the map's accessibility and room (issue #15), in headless
// Chromium: WCAG 2.2 AA contrast of node icons, accent bars and text in the
// light, dark and high-contrast themes, computed from the rendered colours;
// inspector fields named by their own labels in the browser's accessibility
// tree; the "+" of a node reachable with Tab and usable with Enter; an
// inspector that collapses and resizes, leaving the map a usable width beside
// the text, under a toolbar that never wraps.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { waitForRender } from './harness/browser';
import { mapSuite } from './harness/mapSuite';
import { NOW, sample, until } from './harness/mapTestKit';
import { THEME_NAMES, type ThemeName } from './harness/themes';
import { generateJourney } from '../bench/generateJourney';

interface Ratios {
  key: string;
  category: string;
  icon: number;
  accent: number;
  title: number;
  type: number;
  summary: number;
}

/** Contrast ratios (WCAG 2.x relative luminance) of each node's parts against its box, from the colours as rendered. */
async function nodeContrasts(page: Page): Promise<Ratios[]> {
  // tsx names the functions below with a helper the page lacks: give it one.
  await page.evaluate('window.__name = (f) => f');
  return page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    /** The opaque colour `colour` gives over the opaque `under` (alpha composited as the browser draws it). */
    const paint = (colour: string, under: string): [number, number, number] => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = under;
      ctx.fillRect(0, 0, 1, 1);
      ctx.fillStyle = colour;
      ctx.fillRect(0, 0, 1, 1);
      const d = ctx.getImageData(0, 0, 1, 1).data;
      return [d[0]!, d[1]!, d[2]!];
    };
    const luminance = ([r, g, b]: [number, number, number]) => {
      const c = [r, g, b].map((v) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
    };
    const ratio = (a: [number, number, number], b: [number, number, number]) => {
      const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m);
      return (x! + 0.05) / (y! + 0.05);
    };
    const page = getComputedStyle(document.body).backgroundColor;
    return [...document.querySelectorAll<SVGGElement>('g.node[data-kind]')].map((g) => {
      const box = paint(getComputedStyle(g.querySelector('.node-box')!).fill, page);
      /** The contrast of the first of `selectors` drawn now (hidden text, e.g. at a far zoom, is not seen). */
      const fillOf = (...selectors: string[]) => {
        const el = selectors.map((x) => g.querySelector(x)).find((e) => e && e.checkVisibility());
        return el ? ratio(paint(getComputedStyle(el).fill, `rgb(${box.join(',')})`), box) : Infinity;
      };
      return {
        key: g.dataset['key']!,
        category: [...g.classList].find((c) => c.startsWith('cat-')) ?? '',
        icon: fillOf('.node-icon', '.node-far-icon'),
        accent: fillOf('.node-accent'),
        title: fillOf('.node-title'),
        type: fillOf('.node-type'),
        summary: fillOf('.node-summary'),
      };
    });
  });
}

interface AxNode {
  role?: { value?: string };
  name?: { value?: string };
  value?: { value?: string };
}

describe('journey map webview: accessible in every theme, by keyboard and screen reader (issue #15)', function () {
  this.timeout(120000);
  const suite = mapSuite();

  const mapOf = async (text: string, theme: ThemeName = 'dark', viewport = { width: 1280, height: 800 }) => {
    const m = await suite.open({ text, fileName: 'test.journey.json', now: NOW }, theme, viewport);
    await waitForRender(m.page);
    return m.page;
  };

  for (const theme of THEME_NAMES) {
    it(`${theme}: every node's icon and accent bar have at least 3:1 against the node, its text at least 4.5:1 (WCAG 2.2 AA)`, async () => {
      // Two segments of the generated journey: every category, if/else, wait for event and split among them.
      const page = await mapOf(JSON.stringify(generateJourney(21)), theme);
      // Fitted (a far zoom: tinted nodes with a large icon), then at actual size (text).
      for (const zoom of ['fitted', 'actual size']) {
        if (zoom === 'actual size') {
          await page.locator('.map-canvas').focus();
          await page.keyboard.press('1');
          await until(page, async () => (await page.locator('svg.map-svg.zoom-far').count()) === 0, 'the text drawn');
        }
        const ratios = await nodeContrasts(page);
        assert.deepEqual([...new Set(ratios.map((r) => r.category))].sort(), ['cat-action', 'cat-rule', 'cat-send', 'cat-start', 'cat-terminal', 'cat-wait']);
        for (const r of ratios) {
          assert.ok(r.icon >= 3, `${zoom}: ${r.key} (${r.category}): icon ${r.icon.toFixed(2)}:1`);
          assert.ok(r.accent >= 3, `${zoom}: ${r.key} (${r.category}): accent bar ${r.accent.toFixed(2)}:1`);
          for (const part of ['title', 'type', 'summary'] as const) assert.ok(r[part] >= 4.5, `${zoom}: ${r.key}: ${part} text ${r[part].toFixed(2)}:1`);
        }
      }
    });
  }

  it('names each inspector field by its own label in the accessibility tree, after another node or the journey was shown', async () => {
    const page = await mapOf(sample('mailchimp-vip-welcome').text);
    const cdp = await page.context().newCDPSession(page);
    const textboxes = async () => {
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
      return nodes.filter((n) => n.role?.value === 'textbox').map((n) => ({ name: n.name?.value ?? '', value: n.value?.value ?? '' }));
    };
    assert.ok((await textboxes()).some((t) => t.name === 'Name' && t.value === 'VIP & major donor welcome'), 'the journey\'s Name field first');
    for (const [id, title] of [['sp_tag_vip', 'Tag "VIP" added'], ['p_send_welcome', 'Send VIP welcome email'], ['p_wait_3d', 'Wait 3 days']] as const) {
      await page.evaluate((nodeId) => (window as unknown as { __host: { post(m: unknown): void } }).__host.post({ type: 'select', nodeId }), id);
      await until(page, async () => (await page.locator('.inspector h2').innerText()) === title, `the inspector of ${id}`);
      const boxes = await until(page, async () => {
        const t = await textboxes();
        return t.some((x) => x.value === id) ? t : undefined;
      }, 'the fields in the accessibility tree');
      assert.deepEqual(boxes.filter((t) => t.value === id).map((t) => t.name), ['Id'], `${id}: the id field is named "Id"`);
      assert.deepEqual(boxes.filter((t) => t.value === title).map((t) => t.name), [id.startsWith('sp_') ? 'Name' : 'Title'], `${id}: the title field is named by its label`);
    }
  });

  it('reaches the "+" of the focused point with Tab and opens the palette with Enter', async () => {
    const page = await mapOf(sample('mailchimp-vip-welcome').text);
    await page.locator('g.node[data-id="p_wait_3d"]').click();
    await until(page, async () => (await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset?.['id'])) === 'p_wait_3d', 'the point focused');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ edge: (document.activeElement as HTMLElement | null)?.dataset?.['edge'], name: document.activeElement?.getAttribute('aria-label') }));
    assert.deepEqual(focused, { edge: 'p_wait_3d/next', name: 'Insert a point between Wait 3 days and Clicked the VIP preview sale campaign?' });
    await page.keyboard.press('Enter');
    await until(page, async () => (await page.locator('.palette-item').count()) === 15, 'the palette');
    await page.keyboard.press('Escape');
    // An if/else: its fold button, both its "+", then on to the inspector.
    await page.locator('g.node[data-id="p_check_preview_click"]').click();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Collapse the branches of Clicked the VIP preview sale campaign?');
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset?.['edge']);
    await page.keyboard.press('Tab');
    const second = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset?.['edge']);
    assert.deepEqual([first, second].sort(), ['p_check_preview_click/no', 'p_check_preview_click/yes']);
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => !!document.activeElement?.closest('.inspector-panel')), 'then the properties panel');
  });

  it('keeps the map usable beside the text: the inspector gives way, collapses and resizes, and the toolbar stays one row', async () => {
    const page = await mapOf(sample('mailchimp-vip-welcome').text, 'dark', { width: 640, height: 700 });
    const canvas = async () => (await page.locator('.map-canvas').boundingBox())!;
    const toolbar = (await page.locator('.toolbar').boundingBox())!;
    assert.ok(toolbar.height <= 33, `the toolbar is one row (${toolbar.height} px)`);
    assert.ok((await canvas()).width >= 640 * 0.55 - 1, `the map keeps more than half of a narrow editor (${(await canvas()).width} px)`);
    assert.equal((await canvas()).y, toolbar.y + toolbar.height, 'the map starts right under the toolbar');
    await page.locator('[data-action="collapse-inspector"]').click();
    await until(page, async () => (await canvas()).width >= 640 - 30, 'the map to take the room of the collapsed panel');
    assert.equal(await page.locator('.inspector').count(), 0);
    await page.locator('[data-action="expand-inspector"]').click();
    await until(page, async () => (await page.locator('.inspector').count()) === 1, 'the panel back');
    const wide = await suite.open({ text: sample('birthday-german').text, fileName: 'test.journey.json', now: NOW }, 'dark', { width: 1400, height: 800 });
    await waitForRender(wide.page);
    const panel = async () => (await wide.page.locator('.inspector-panel').boundingBox())!.width;
    const before = await panel();
    await wide.page.locator('.inspector-splitter').focus();
    await wide.page.keyboard.press('ArrowLeft');
    await wide.page.keyboard.press('ArrowLeft');
    await until(wide.page, async () => (await panel()) === before + 48, 'two steps wider');
    assert.equal(await wide.page.locator('.inspector-splitter').getAttribute('aria-valuenow'), String(before + 48));
    const box = (await wide.page.locator('.inspector-splitter').boundingBox())!;
    await wide.page.mouse.move(box.x + 3, box.y + 200);
    await wide.page.mouse.down();
    await wide.page.mouse.move(box.x + 103, box.y + 200, { steps: 4 });
    await wide.page.mouse.up();
    await until(wide.page, async () => (await panel()) === before - 52, 'dragged 100 px narrower');
  });
});
