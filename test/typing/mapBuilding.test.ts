// Issue #14 in a real VS Code (code-server) driven through Playwright as a
// marketer drives it: clicks and keys on the map's webview, never a message
// injected, the text never opened. Builds the seed journey of
// samples/mailchimp-vip-welcome from an empty file to a journey with no
// problem (the map's count and the language server's); deletes a branching
// point with its branches; copies and pastes three points; opens a
// problem's quick fixes on the map; creates a New Journey from a template
// accepting the default name; offers "Edit as New Version" only on
// published journeys. The probe in the
// extension host only reads the document. Screenshots go to
// test/screenshots/ with JOURNEY_SCREENSHOTS=1 (npm run screenshots).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Frame } from 'playwright-core';
import { validateJourneyText } from '../../src/core/validate';
import type { RenderedSummary } from '../../src/webviewProtocol';
import { assertSameJourneyLogic, buildSeedJourney, clickNode, edits, journeyOf, type MapDriver, problemsShown } from '../support/mapGestures';
import { freshJourney, startVsCode, until, writtenJson, type VsCodeSession } from './vscodeSession';

const SCREENSHOTS = process.env['JOURNEY_SCREENSHOTS'] ? resolve(__dirname, '../screenshots') : join(tmpdir(), 'journey-screenshots');
const SEED = JSON.parse(readFileSync(resolve(__dirname, '../../samples/mailchimp-vip-welcome.journey.json'), 'utf8')) as Record<string, unknown>;

describe('Issue #14: a whole journey built and changed on the map in VS Code (clicks and keys only)', function () {
  this.timeout(600_000);
  let vs: VsCodeSession;
  before(async function () {
    this.timeout(300_000);
    vs = await startVsCode();
  });
  after(async () => {
    await vs?.close();
  });

  async function screenshot(name: string): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(join(SCREENSHOTS, name), await vs.page.screenshot());
  }

  /** The webview frame of the one map on screen that shows `selector`. */
  async function mapFrame(selector: string): Promise<Frame> {
    return until(async () => {
      for (const frame of vs.page.frames()) if (await frame.$(selector).catch(() => null)) return frame;
      return undefined;
    }, `a map showing ${selector}`, 90_000);
  }

  /** Opens `file` on the map, alone, and drives it. */
  async function openOnMap(file: string, selector: string): Promise<MapDriver> {
    await vs.probe('closeAll');
    await vs.probe('openMap', { file });
    const frame = await mapFrame(selector);
    const text = async () => (await vs.probe<{ text: string; version: number }>('text', { file })).text;
    return {
      ui: frame,
      keyboard: vs.page.keyboard,
      text,
      settled: async (before) => {
        const now = await until(async () => {
          const t = await vs.probe<{ text: string; version: number }>('text', { file });
          return t.text !== before ? t : undefined;
        }, 'the gesture to edit the document', 30_000);
        await until(async () => {
          const r = await vs.probe<RenderedSummary | null>('rendered', { file });
          return r && r.documentVersion >= now.version ? true : undefined;
        }, `the map to draw version ${now.version}`, 30_000);
      },
    };
  }

  it('builds the seed journey of mailchimp-vip-welcome from an empty file on the map, ending with no problem', async () => {
    const file = join(vs.workspace, 'vip-welcome.journey.json');
    writeFileSync(file, '');
    const d = await openOnMap(file, '[data-action="start-journey"]');
    await buildSeedJourney(d, (name) => (name === 'empty' ? screenshot('map-empty-journey.png') : Promise.resolve()));
    const text = await d.text();
    assert.deepEqual(validateJourneyText(text).diagnostics.map((x) => `${x.code}: ${x.message}`), [], 'no problem in the built journey');
    assert.equal(await problemsShown(d), '', 'the map shows no problem');
    const diagnostics = await until(async () => {
      const list = await vs.probe<string[]>('diagnostics', { file });
      return list.length === 0 ? list : undefined;
    }, 'the language server to report no problem', 60_000).catch(async () => vs.probe<string[]>('diagnostics', { file }));
    assert.deepEqual(diagnostics, [], 'VS Code lists no problem for the file');
    assertSameJourneyLogic(await journeyOf(d), SEED);
    await screenshot('map-built-from-empty.png');
  });

  it('deletes a branching point with the branches only it leads to, from the dialog that counts them', async () => {
    const { file } = freshJourney(vs, 'mailchimp-vip-welcome', 'branch-delete');
    const d = await openOnMap(file, 'g.node[data-id="p_check_preview_click"]');
    await clickNode(d, 'p_check_preview_click');
    await d.keyboard.press('Delete');
    const dialog = d.ui.locator('.modal');
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /Delete it with its branches: 7 points only it leads to go too/);
    await d.ui.locator('[data-choice="all"]').check();
    await screenshot('map-delete-branching-point.png');
    const text = await edits(d, () => d.ui.locator('[data-action="confirm-delete"]').click());
    assert.deepEqual((JSON.parse(text) as { points: { id: string }[] }).points.map((p) => p.id), ['p_send_welcome', 'p_tag_welcomed', 'p_wait_3d', 'p_end']);
    assert.equal(await d.ui.locator('g.node[data-kind="point"]').count(), 4);
    assert.deepEqual(validateJourneyText(text).diagnostics, []);
  });

  it('copies three points (Ctrl+click, Ctrl+C) and pastes them after another point (Ctrl+V): fresh ids, internal edges kept, one undoable edit', async () => {
    const { file, original } = freshJourney(vs, 'mailchimp-vip-welcome', 'copy-paste');
    const d = await openOnMap(file, 'g.node[data-id="p_send_brand_story"]');
    await clickNode(d, 'p_send_brand_story');
    await clickNode(d, 'p_wait_story_open', ['Control']);
    await clickNode(d, 'p_tag_inactive', ['Control']);
    assert.equal(await d.ui.locator('g.node.selected').count(), 3);
    await d.keyboard.press('Control+c');
    await clickNode(d, 'p_send_early_access');
    const text = await edits(d, () => d.keyboard.press('Control+v'));
    const points = new Map((JSON.parse(text) as { points: { id: string; next?: string; branches?: unknown }[] }).points.map((p) => [p.id, p]));
    assert.equal(points.get('p_send_early_access')?.next, 'p_send_brand_story_2');
    assert.equal(points.get('p_send_brand_story_2')?.next, 'p_wait_story_open_2');
    assert.deepEqual(points.get('p_wait_story_open_2')?.branches, { yes: 'p_tag_engaged', timeout: 'p_tag_inactive_2' });
    assert.equal(points.get('p_tag_inactive_2')?.next, 'p_tag_engaged');
    await d.ui.locator('g.node[data-id="p_tag_inactive_2"]').waitFor();
    await screenshot('map-copy-paste-three-points.png');
    const log = await vs.probe<unknown[]>('changes', { file });
    assert.equal(log.length, 1, 'the paste is one change of the document');
    await vs.probe('command', { id: 'undo' });
    await until(async () => ((await d.text()) === original ? true : undefined), 'undo to give the journey back', 15_000);
  });

  it('opens a problem\'s quick fixes on the map and applies one there (R4: create the missing point)', async () => {
    const { file } = freshJourney(vs, 'mailchimp-vip-welcome', 'quick-fix');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"next": "p_end_engaged"', '"next": "p_nowhere"'));
    const d = await openOnMap(file, 'g.node[data-id="p_tag_engaged"]');
    await until(async () => ((await vs.probe<string[]>('diagnostics', { file })).some((x) => /p_nowhere/.test(x)) ? true : undefined), 'the language server to report the missing point', 60_000);
    await clickNode(d, 'p_tag_engaged');
    const problem = d.ui.locator('.problem-list li', { hasText: 'p_nowhere' });
    await problem.locator('[data-action="quick-fix"]').click();
    const fix = problem.locator('[data-action="apply-fix"]', { hasText: 'Create the missing point "p_nowhere"' });
    await fix.waitFor({ timeout: 30_000 });
    await screenshot('map-quick-fix.png');
    const text = await edits(d, () => fix.click());
    assert.ok((JSON.parse(text) as { points: { id: string; type: string }[] }).points.some((p) => p.id === 'p_nowhere' && p.type === 'end'), 'the missing point was created');
    await d.ui.locator('g.node[data-kind="point"][data-id="p_nowhere"]').waitFor();
  });

  it('New Journey from a template, accepting the default name: one .journey.json ending, the id from the name, the product\'s templates only', async () => {
    await vs.probe('closeAll');
    writeFileSync(join(vs.workspace, 'scratch.journey.json'), JSON.stringify({ formatVersion: 1, id: 'scratch', name: 'Scratch', kind: 'trigger', startingPoints: [], points: [] }));
    const page = vs.page;
    await page.locator('.explorer-folders-view').click();
    await page.keyboard.press('F1');
    const quickInput = page.locator('.quick-input-widget');
    await quickInput.waitFor({ state: 'visible' });
    await page.keyboard.type('Journey: New Journey');
    await quickInput.locator('.quick-input-list .monaco-list-row', { hasText: 'Journey: New Journey' }).first().click();
    const rows = quickInput.locator('.quick-input-list .monaco-list-row');
    await until(async () => ((await rows.count()) >= 6 ? true : undefined), 'the template list');
    const labels = await rows.evaluateAll((els) => els.map((e) => e.querySelector('.label-name')?.textContent ?? ''));
    assert.deepEqual(labels.length, 6, `the empty journey and the five product templates: ${labels.join(' | ')}`);
    assert.ok(!labels.some((l) => /scratch/i.test(l)), 'journeys of the workspace are not templates');
    await rows.filter({ hasText: 'Welcome VIPs and major donors' }).first().click();
    const nameBox = quickInput.locator('input');
    await until(async () => ((await nameBox.inputValue()) === 'Welcome VIPs and major donors (copy)' ? true : undefined), 'the default name');
    await page.keyboard.press('Enter'); // the default name
    const expected = join(vs.workspace, 'welcome-vips-and-major-donors-copy.journey.json');
    await until(async () => ((await nameBox.inputValue()).endsWith('welcome-vips-and-major-donors-copy.journey.json') ? true : undefined), 'the save dialog with the default file name');
    await screenshot('new-journey-default-name.png');
    await page.keyboard.press('Enter'); // the default file name
    const journey = await writtenJson<{ id: string; name: string }>(expected);
    assert.equal(journey.id, 'welcome-vips-and-major-donors-copy');
    assert.equal(journey.name, 'Welcome VIPs and major donors (copy)');
    assert.ok(!existsSync(`${expected}.journey.json`), 'no doubled ending');
    await mapFrame('g.node[data-id="p_send_welcome"]');
  });

  it('R22: "Published Journey: Edit as New Version" is offered in the Command Palette only on a published journey, below "Publish Journey"', async () => {
    const page = vs.page;
    const quickInput = page.locator('.quick-input-widget');
    /** The commands the Command Palette lists for "Journey: Publish" while `fileName`'s map is active. */
    const listed = async (fileName: string): Promise<string[]> => {
      // The map stays the active editor while the Explorer has the focus (F1 typed into the map's webview would not reach the workbench).
      await page.mouse.move(900, 5); // away from the Explorer, whose hover would take the click
      await page.keyboard.press('Escape');
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).click({ timeout: 10_000 });
      await page.keyboard.press('F1');
      await quickInput.waitFor({ state: 'visible' });
      await page.keyboard.type('Journey: Publish');
      const rows = quickInput.locator('.quick-input-list .monaco-list-row');
      await rows.first().waitFor();
      await new Promise((r) => setTimeout(r, 500));
      const labels = await rows.evaluateAll((els) => els.map((e) => e.querySelector('.label-name')?.textContent ?? ''));
      await page.keyboard.press('Escape');
      return labels;
    };
    const { file: draft } = freshJourney(vs, 'mailchimp-vip-welcome', 'palette-draft');
    await openOnMap(draft, 'g.node[data-id="p_send_welcome"]');
    const onDraft = await listed('palette-draft.journey.json');
    assert.ok(onDraft.includes('Journey: Publish Journey'), onDraft.join(' | '));
    assert.ok(!onDraft.some((l) => /Edit as New Version/.test(l)), `not offered on a draft: ${onDraft.join(' | ')}`);

    const published = join(vs.workspace, 'palette-published.journey.json');
    writeFileSync(published, readFileSync(draft, 'utf8').replace('"status": "draft",', '"status": "published",\n  "version": 1,\n  "publication": {\n    "version": 1,\n    "publishedAt": "2026-02-01T09:00:00Z",\n    "hash": "fnv1a64:0123456789abcdef"\n  },'));
    await openOnMap(published, '.banner-info');
    const onPublished = await until(async () => {
      const labels = await listed('palette-published.journey.json');
      return labels.some((l) => /Edit as New Version/.test(l)) ? labels : undefined;
    }, 'the command to be offered on the published journey', 30_000);
    const publish = onPublished.indexOf('Journey: Publish Journey');
    const asNew = onPublished.indexOf('Journey: Published Journey: Edit as New Version');
    assert.ok(publish >= 0 && asNew > publish, `Publish Journey ranks first: ${onPublished.join(' | ')}`);
  });
});
