// Specification of edits on a large map (issue #15): an insert on an edge,
// a delete and a rename on the generated 500-point journey are drawn
// without laying the whole map out again with elkjs; every node stays where
// it was except those the edit must move (the points below an inserted one,
// in its column, straight down); the inserted point overlaps no node and no
// edge label, and no edge passes through it. Several starting points into
// one point each have their own way in: their edges share no segment and
// do not cross. "Tidy layout" lays the map out again with elkjs. Geometry
// is read from the drawn SVG, in map units.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { journeyEditFor } from '../../src/core/edits/journeyEdit';
import type { JourneyOperation } from '../../src/core/edits/journeyOperation';
import type { RenderedSummary } from '../../src/webviewProtocol';
import { generateJourney } from '../bench/generateJourney';
import { waitForRender } from './harness/browser';
import { mapSuite } from './harness/mapSuite';
import { NOW, sample } from './harness/mapTestKit';

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Drawn {
  nodes: Map<string, Rect>;
  labels: (Rect & { edge: string })[];
  edges: { key: string; from: string; to: string; points: [number, number][] }[];
}

const intersects = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const insideOf = (r: Rect, [x, y]: [number, number], inset = 1) => x > r.x + inset && x < r.x + r.width - inset && y > r.y + inset && y < r.y + r.height - inset;

/** Every node box, edge label box and edge (sampled every 2 units along its drawn path), in map units. */
async function drawn(page: Page): Promise<Drawn> {
  // No named functions inside: the page does not have the test runner's helpers for them.
  const raw = await page.evaluate(() => {
    const nodes = [...document.querySelectorAll<SVGGElement>('g.node')].map((g) => {
      const [x, y] = (/translate\(([-\d.e]+)[ ,]+([-\d.e]+)\)/.exec(g.getAttribute('transform') ?? '') ?? ['', '0', '0']).slice(1).map(Number) as [number, number];
      const r = g.querySelector<SVGRectElement>('rect.node-box')!;
      return [g.dataset['key']!, { x, y, width: r.width.baseVal.value, height: r.height.baseVal.value }] as const;
    });
    const labels = [...document.querySelectorAll<SVGGElement>('g.edge')].flatMap((g) => {
      const label = g.querySelector<SVGGElement>('g.edge-label');
      if (!label) return [];
      const [x, y] = (/translate\(([-\d.e]+)[ ,]+([-\d.e]+)\)/.exec(label.getAttribute('transform') ?? '') ?? ['', '0', '0']).slice(1).map(Number) as [number, number];
      const r = label.querySelector('rect')!;
      return [{ edge: g.dataset['edge']!, x, y, width: r.width.baseVal.value, height: r.height.baseVal.value }];
    });
    const edges = [...document.querySelectorAll<SVGGElement>('g.edge')].map((g) => {
      const path = g.querySelector<SVGPathElement>('path.edge-line')!;
      const length = path.getTotalLength();
      const points: [number, number][] = [];
      for (let d = 0; d <= length; d += 2) {
        const p = path.getPointAtLength(d);
        points.push([p.x, p.y]);
      }
      return { key: g.dataset['edge']!, from: g.dataset['from']!, to: g.dataset['to']!, points };
    });
    return { nodes, labels, edges };
  });
  return { ...raw, nodes: new Map(raw.nodes) };
}

const movedBetween = (before: Drawn, after: Drawn) =>
  [...before.nodes].filter(([k, r]) => after.nodes.has(k) && (Math.abs(after.nodes.get(k)!.x - r.x) > 0.5 || Math.abs(after.nodes.get(k)!.y - r.y) > 0.5)).map(([k]) => k);

describe('journey map webview: edits on a large map keep it still and are drawn without a new layout (issue #15)', function () {
  this.timeout(180000);
  const suite = mapSuite();

  /** The generated 500-point journey on the map, and a way to make an edit of its text as the next document version. */
  async function largeMap() {
    let text = JSON.stringify(generateJourney(500), null, 2);
    const { page } = await suite.open({ text, fileName: 'generated.journey.json', now: NOW }, 'dark', { width: 1600, height: 1000 });
    let summary = await waitForRender(page, (s) => s.points.length === 500 && s.view !== undefined, 120000);
    const edit = async (operation: JourneyOperation): Promise<RenderedSummary> => {
      const outcome = journeyEditFor(text, operation);
      if (!outcome.ok) throw new Error(outcome.error);
      text = outcome.text;
      const before = summary.documentVersion;
      await page.evaluate((t) => (window as unknown as { __host: { externalEdit(t: string): void } }).__host.externalEdit(t), text);
      summary = await waitForRender(page, (s) => s.documentVersion > before && s.view !== undefined, 60000);
      return summary;
    };
    return { page, edit };
  }

  it('inserts a point on an edge of the 500-point map without an elkjs layout: only the points below it in its column move, straight down, and it overlaps no node, no label and no edge', async () => {
    const { page, edit } = await largeMap();
    const before = await drawn(page);
    const summary = await edit({ op: 'insertPoint', from: 's10_0', slot: 'next', pointType: 'addTag' });
    assert.equal(summary.layoutMs, 0, 'no elkjs layout of the whole map');
    const after = await drawn(page);
    const added = [...after.nodes.keys()].filter((k) => !before.nodes.has(k));
    assert.equal(added.length, 1, 'one new node');
    const key = added[0]!;
    const box = after.nodes.get(key)!;
    assert.ok(summary.edges?.includes(`s10_0 --> ${key}`) && summary.edges.includes(`${key} --> s10_1`), 'the new point sits on the edge it was inserted on');

    const moved = movedBetween(before, after);
    for (const k of moved) {
      const [was, now] = [before.nodes.get(k)!, after.nodes.get(k)!];
      assert.ok(was.y >= box.y - 1, `${k} moved, and it was below the new point`);
      assert.ok(Math.abs(now.x - was.x) <= 0.5 && now.y > was.y, `${k} moved straight down`);
    }
    // Its column: the x range of the new point and the points that moved; all of them moved by as much, and nothing else there below it.
    const shifts = new Set(moved.map((k) => Math.round(after.nodes.get(k)!.y - before.nodes.get(k)!.y)));
    assert.ok(shifts.size <= 1, `the points below it moved together (by ${[...shifts].join(', ')})`);
    const left = Math.min(box.x, ...moved.map((k) => before.nodes.get(k)!.x));
    const right = Math.max(box.x + box.width, ...moved.map((k) => before.nodes.get(k)!.x + before.nodes.get(k)!.width));
    const stayed = [...before.nodes].filter(([k, r]) => !moved.includes(k) && r.y > box.y && r.x < right && r.x + r.width > left).map(([k]) => k);
    assert.deepEqual(stayed, [], 'every point below it in its column moved with the others');
    assert.ok(moved.length < before.nodes.size / 4, `only the new point's column below it moved (${moved.length} of ${before.nodes.size})`);

    for (const [k, r] of after.nodes) if (k !== key) assert.ok(!intersects(box, r), `the new point does not overlap ${k}`);
    for (const l of after.labels) assert.ok(!intersects(box, l), `the new point does not overlap the label of ${l.edge}`);
    for (const e of after.edges) {
      if (e.from === key || e.to === key) continue;
      assert.ok(!e.points.some((p) => insideOf(box, p)), `the edge ${e.key} does not pass through the new point`);
    }
  });

  it('deletes a point of the 500-point map without an elkjs layout and without moving any node; the reconnected edge passes through no node', async () => {
    const { page, edit } = await largeMap();
    const before = await drawn(page);
    const summary = await edit({ op: 'deletePoint', id: 's11_6' });
    assert.equal(summary.layoutMs, 0, 'no elkjs layout of the whole map');
    const after = await drawn(page);
    assert.deepEqual(movedBetween(before, after), [], 'no node moved');
    assert.ok(!after.nodes.has('s11_6'), 'the point is gone');
    const reconnected = after.edges.find((e) => e.key === 's11_5/yes')!;
    assert.equal(reconnected.to, 's11_8', 'its incoming edge leads to its successor');
    for (const [k, r] of after.nodes) if (k !== 's11_5' && k !== 's11_8') assert.ok(!reconnected.points.some((p) => insideOf(r, p)), `the reconnected edge does not pass through ${k}`);
  });

  it('renames a point of the 500-point map, also to a title of two lines, without an elkjs layout; only what lies below a grown node in its column moves', async () => {
    const { page, edit } = await largeMap();
    const before = await drawn(page);
    let summary = await edit({ op: 'setFields', target: { kind: 'point', id: 's12_1' }, changes: [{ path: ['title'], value: 'Wait one day (renamed)' }] });
    assert.equal(summary.layoutMs, 0, 'no elkjs layout for a new title');
    assert.deepEqual(movedBetween(before, await drawn(page)), [], 'no node moved');
    summary = await edit({ op: 'setFields', target: { kind: 'point', id: 's12_1' }, changes: [{ path: ['title'], value: 'Wait one whole day before sending the reminder to every contact who has not opened' }] });
    assert.equal(summary.layoutMs, 0, 'no elkjs layout for a title that wraps to two lines');
    const after = await drawn(page);
    const grown = after.nodes.get('s12_1')!;
    for (const k of movedBetween(before, after)) {
      if (k === 's12_1') continue;
      assert.ok(before.nodes.get(k)!.y > grown.y, `${k} moved, and it is below the renamed point`);
    }
    for (const [k, r] of after.nodes) if (k !== 's12_1') assert.ok(!intersects(grown, r), `the renamed point does not overlap ${k}`);
  });

  it('"Tidy layout" lays the whole map out again with elkjs, after edits that kept it still', async () => {
    const { page } = await suite.open({ text: sample('mailchimp-vip-welcome').text, fileName: 'test.journey.json', now: NOW }, 'dark', { width: 1280, height: 800 });
    const opened = await waitForRender(page);
    assert.ok((opened.layoutMs ?? 0) > 0, 'the first map is laid out by elkjs');
    await page.locator('.insert-button[data-edge="p_wait_3d/next"]').click();
    await page.locator('.palette-item', { hasText: 'Add tag' }).click();
    const edited = await waitForRender(page, (s) => s.documentVersion > opened.documentVersion && s.points.length === opened.points.length + 1);
    assert.equal(edited.layoutMs, 0, 'the insert is placed without elkjs');
    await page.locator('.toolbar [data-action="tidy-layout"]').click();
    const last = await waitForRender(page, (s) => s.documentVersion === edited.documentVersion && (s.layoutMs ?? 0) > 0);
    assert.equal(last.points.length, edited.points.length);
  });

  it('gives each of several starting points its own way into the first point: their edges share no segment, do not cross, and enter at different places', async () => {
    const { page } = await suite.open({ text: sample('mailchimp-vip-welcome').text, fileName: 'test.journey.json', now: NOW }, 'dark', { width: 1280, height: 800 });
    await waitForRender(page);
    const starts = (await drawn(page)).edges.filter((e) => e.from.startsWith('sp_'));
    assert.equal(starts.length, 3);
    assert.equal(new Set(starts.map((e) => e.to)).size, 1, 'the three lead to one point');
    for (let i = 0; i < starts.length; i++) {
      for (let j = i + 1; j < starts.length; j++) {
        const [a, b] = [starts[i]!, starts[j]!];
        let closest = Infinity;
        for (const p of a.points) for (const q of b.points) closest = Math.min(closest, Math.hypot(p[0] - q[0], p[1] - q[1]));
        assert.ok(closest >= 8, `${a.key} and ${b.key} keep apart all along (closest ${closest.toFixed(1)})`);
      }
    }
  });
});
