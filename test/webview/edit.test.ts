// Specification of editing on the journey map in headless Chromium: each
// gesture sends ONE meaning-level operation; the fake host applies it with
// src/core/edits exactly as the extension does, and the document text must
// be the text that operation gives, the map then showing the change.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { journeyEditFor } from '../../src/core/edits/journeyEdit';
import type { JourneyOperation } from '../../src/core/edits/journeyOperation';
import { validateJourneyText } from '../../src/core/validate';
import { type MapPage, waitForRender } from './harness/browser';
import { mapSuite } from './harness/mapSuite';
import { host, type HostSnapshot, nextEdit, NOW, sample, until } from './harness/mapTestKit';

/** The text `operation` makes of `text`, computed here with src/core/edits. */
function expectedText(text: string, operation: JourneyOperation): string {
  const outcome = journeyEditFor(text, operation, { now: new Date(NOW) });
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.error);
  return outcome.text;
}

/** Performs `gesture`, then checks it sent exactly `operation` and that the document became what it makes. */
async function gestureEdits(page: Page, gesture: () => Promise<void>, operation: JourneyOperation): Promise<HostSnapshot> {
  const before = await host(page);
  await gesture();
  const { operation: sent, host: after } = await nextEdit(page, before);
  assert.deepEqual(sent, operation, 'the map sent the meaning-level operation');
  assert.equal(after.text, expectedText(before.text, operation), 'the document is exactly what the operation makes of it');
  assert.equal(after.version, before.version + 1, 'one gesture, one edit');
  return after;
}

/** Whether a toolkit button (or any element) is disabled, by its `disabled` property. */
const isDisabled = (page: Page, selector: string) => page.locator(selector).evaluate((e) => (e as HTMLElement & { disabled?: boolean }).disabled === true);

async function commitField(page: Page, selector: string, value: string): Promise<void> {
  const field = page.locator(selector);
  await field.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
  await field.evaluate((e) => (e as HTMLElement).blur());
}

async function chooseOption(page: Page, dropdown: string, optionValue: string): Promise<void> {
  await page.locator(dropdown).click();
  await page.locator(`${dropdown} vscode-option[data-value="${optionValue}"]`).click();
}

describe('journey map webview: editing', function () {
  this.timeout(120000);
  const suite = mapSuite();
  let current: MapPage | undefined;

  const mapOf = async (text: string) => {
    current = await suite.open({ text, fileName: 'edit.journey.json', now: NOW }, 'dark', { width: 1280, height: 1000 });
    await waitForRender(current.page);
    // The whole map on screen, so every node can be clicked.
    await current.page.locator('[data-action="fit"]').click();
    return current.page;
  };

  it('"+" on an edge opens the palette of every point type and inserts the chosen point there', async () => {
    const page = await mapOf(sample('mailchimp-vip-welcome').text);
    await page.locator('.insert-button[data-edge="p_tag_welcomed/next"]').click();
    const items = await page.locator('.palette-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    assert.equal(items.length, 15, 'every point type is offered');
    await page.keyboard.type('wait for');
    assert.deepEqual(await page.locator('.palette-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-id'))), ['waitForEvent'], 'typing filters the palette');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    const after = await gestureEdits(page, () => page.locator('.palette-item[data-id="wait"]').click(), { op: 'insertPoint', from: 'p_tag_welcomed', slot: 'next', pointType: 'wait' });
    assert.equal(await page.locator('g.node[data-id="p_wait"]').count(), 1, 'the new point is on the map');
    assert.equal(await page.locator('g.edge[data-from="p_tag_welcomed"][data-to="p_wait"]').count(), 1);
    assert.equal(await page.locator('g.edge[data-from="p_wait"][data-to="p_wait_3d"]').count(), 1);
    assert.equal(await page.locator('g.node.selected').getAttribute('data-id'), 'p_wait', 'the new point is selected');
    assert.ok(validateJourneyText(after.text).journey, 'the journey still fits the schema');
  });

  it('inserts on a branch chosen in the palette from the keyboard (Insert on a selected node)', async () => {
    const page = await mapOf(sample('mailchimp-vip-welcome').text);
    await page.locator('g.node[data-id="p_check_preview_click"]').click();
    await page.keyboard.press('Insert');
    await page.locator('.palette-branches button', { hasText: 'no' }).click();
    await page.locator('.palette-filter').fill('send sms');
    await gestureEdits(page, () => page.keyboard.press('Enter'), { op: 'insertPoint', from: 'p_check_preview_click', slot: 'no', pointType: 'sendSms' });
  });

  it('deletes a point with one successor at once, its incoming edges reconnected', async () => {
    const page = await mapOf(sample('mailchimp-vip-welcome').text);
    await page.locator('g.node[data-id="p_wait_3d"]').click();
    await gestureEdits(page, () => page.keyboard.press('Delete'), { op: 'deletePoint', id: 'p_wait_3d' });
    assert.equal(await page.locator('g.node[data-id="p_wait_3d"]').count(), 0);
    assert.equal(await page.locator('g.edge[data-from="p_tag_welcomed"][data-to="p_check_preview_click"]').count(), 1);
  });

  it('asks where the edges go when a deleted point ends its path, and reconnects them there', async () => {
    const page = await mapOf(sample('mailchimp-vip-welcome').text);
    await page.locator('g.node[data-id="p_end_inactive"]').click();
    await page.locator('[data-action="delete"]').click();
    assert.match(await page.locator('.modal').innerText(), /1 edge leads to this point\. It ends its path/);
    await chooseOption(page, '[data-field="reconnect-to"]', 'p_end_engaged');
    await gestureEdits(page, () => page.locator('[data-action="confirm-delete"]').click(), { op: 'deletePoint', id: 'p_end_inactive', reconnectTo: 'p_end_engaged' });
    assert.equal(await page.locator('.modal').count(), 0);
  });

  it('reconnects a successor from the inspector and by dragging from the node\'s port', async () => {
    const page = await mapOf(sample('mailchimp-vip-welcome').text);
    await page.locator('g.node[data-id="p_check_preview_click"]').click();
    await gestureEdits(page, () => chooseOption(page, '[data-field="successor.no"]', 'p_tag_inactive'), { op: 'connect', from: 'p_check_preview_click', slot: 'no', to: 'p_tag_inactive' });
    await page.locator('g.node[data-id="p_tag_welcomed"]').click();
    const port = await page.locator('.port-handle[data-edge="p_tag_welcomed/next"]').boundingBox();
    const target = await page.locator('g.node[data-id="p_send_brand_story"] .node-box').boundingBox();
    assert.ok(port && target);
    await gestureEdits(page, async () => {
      await page.mouse.move(port.x + port.width / 2, port.y + port.height / 2);
      await page.mouse.down();
      await page.mouse.move(target.x + 40, target.y + 20, { steps: 8 });
      await page.mouse.up();
    }, { op: 'connect', from: 'p_tag_welcomed', slot: 'next', to: 'p_send_brand_story' });
  });

  it('R1: adds a starting point within the plan\'s limit, and says why it cannot add one beyond it', async () => {
    const limited = sample('mailchimp-vip-welcome');
    let page = await mapOf(limited.text);
    const button = page.locator('.toolbar [data-action="add-starting-point"]');
    assert.equal(await button.isDisabled(), true, 'three of three on the Standard plan');
    assert.match((await button.getAttribute('title')) ?? '', /The Mailchimp Standard plan allows up to 3 starting points; this journey has 3 \(R1\)/);
    await current!.close();
    current = undefined;
    page = await mapOf(sample('birthday-german').text);
    await page.locator('.toolbar [data-action="add-starting-point"]').click();
    await gestureEdits(page, () => page.locator('.palette-item[data-id="tagAdded"]').click(), { op: 'addStartingPoint', triggerType: 'tagAdded' });
    assert.equal(await page.locator('g.node[data-kind="start"]').count(), 2);
  });

  it('R1: removes a starting point from the inspector, never the last one', async () => {
    const page = await mapOf(sample('mailchimp-vip-welcome').text);
    await page.locator('g.node[data-id="sp_joined_audience"]').click();
    await gestureEdits(page, () => page.locator('[data-action="remove-starting-point"]').click(), { op: 'removeStartingPoint', id: 'sp_joined_audience' });
    await current!.close();
    const single = await mapOf(sample('birthday-german').text);
    await single.locator('g.node[data-kind="start"]').click();
    assert.equal(await isDisabled(single, '[data-action="remove-starting-point"]'), true);
  });

  it('edits a point\'s properties in the inspector: title, duration, trigger, filter tree', async () => {
    const page = await mapOf(sample('mailchimp-vip-welcome').text);
    await page.locator('g.node[data-id="p_wait_3d"]').click();
    await gestureEdits(page, () => commitField(page, '[data-field="title"]', 'Wait four days'), { op: 'setFields', target: { kind: 'point', id: 'p_wait_3d' }, changes: [{ path: ['title'], value: 'Wait four days', base: 'Wait 3 days' }] });
    await gestureEdits(page, () => commitField(page, '[data-field="duration.amount"]', '4'), { op: 'setFields', target: { kind: 'point', id: 'p_wait_3d' }, changes: [{ path: ['duration'], value: 'P4D' }] });
    await gestureEdits(page, () => chooseOption(page, '[data-field="duration.unit"]', 'hours'), { op: 'setFields', target: { kind: 'point', id: 'p_wait_3d' }, changes: [{ path: ['duration'], value: 'PT4H' }] });
    assert.equal(await page.locator('g.node[data-id="p_wait_3d"] .node-summary').textContent(), '4 hours', 'the map shows the new summary');

    await page.locator('g.node[data-id="sp_tag_vip"]').click();
    await chooseOption(page, '[data-field="trigger.tag"]', '+declare-new');
    await gestureEdits(page, async () => {
      // The field for the new name goes away once it is committed.
      await page.locator('[data-field="trigger.tag.new"]').click();
      await page.keyboard.type('Gold');
      await page.keyboard.press('Enter');
    }, {
      op: 'declare',
      section: 'tags',
      entry: 'Gold',
      use: { target: { kind: 'start', id: 'sp_tag_vip' }, changes: [{ path: ['trigger', 'tag'], value: 'Gold' }] },
    });
    await gestureEdits(page, () => page.locator('[data-path="filter"] > .filter-children [data-action="filter-add"]').click(), {
      op: 'setFields',
      target: { kind: 'start', id: 'sp_tag_vip' },
      changes: [{ path: ['filter', 'of', 2], value: { type: 'hasTag', tag: 'VIP' }, insert: true }],
    });
    await gestureEdits(page, () => chooseOption(page, '[data-path="filter.of.2"] [data-field="filter.of.2.type"]', 'language'), {
      op: 'setFields',
      target: { kind: 'start', id: 'sp_tag_vip' },
      changes: [{ path: ['filter', 'of', 2], value: { type: 'language', language: 'en' } }],
    });
    await gestureEdits(page, () => chooseOption(page, '[data-field="filter.type"]', 'any'), { op: 'setFields', target: { kind: 'start', id: 'sp_tag_vip' }, changes: [{ path: ['filter', 'type'], value: 'any' }] });
    await gestureEdits(page, () => page.locator('[data-path="filter.of.0"] [data-action="filter-remove"]').click(), { op: 'setFields', target: { kind: 'start', id: 'sp_tag_vip' }, changes: [{ path: ['filter', 'of', 0] }] });
    assert.match((await page.locator('g.node[data-id="sp_tag_vip"] title').textContent()) ?? '', /Tag 'Gold' added · only if \(tag 'Instagram Follower' OR language en\)/);
  });

  it('a field whose value the document changes just before the first key is typed keeps both: the key is typed into the new value, even when the next animation frame comes after the key', async () => {
    const page = await mapOf(sample('mailchimp-vip-welcome').text);
    await page.locator('g.node[data-id="p_wait_3d"]').click();
    const field = page.locator('[data-field="title"]');
    await field.click();
    await page.keyboard.press('End');
    // The toolkit copies a value set from outside into its input at the next
    // animation frame; a busy or unfocused webview may run that frame after
    // the next key. Frames are held here until the key is typed.
    await page.evaluate(() => {
      const held: FrameRequestCallback[] = [];
      const w = window as unknown as { __releaseFrames(): void };
      const request = window.requestAnimationFrame.bind(window);
      window.requestAnimationFrame = (callback) => (held.push(callback), held.length);
      w.__releaseFrames = () => {
        window.requestAnimationFrame = request;
        for (const callback of held.splice(0)) request(callback);
      };
    });
    const before = await host(page);
    // Another map (or the text editor) renames the point meanwhile.
    await page.evaluate((t) => (window as unknown as { __host: { externalEdit(t: string): void } }).__host.externalEdit(t), before.text.replace('"title": "Wait 3 days"', '"title": "Wait three days"'));
    await until(page, () => field.evaluate((e) => (e as HTMLElement & { value: string }).value === 'Wait three days'), 'the field to take the document\'s new title');
    await page.keyboard.type('!');
    await page.evaluate(() => (window as unknown as { __releaseFrames(): void }).__releaseFrames());
    const after = await gestureEdits(page, () => page.keyboard.press('Enter'), { op: 'setFields', target: { kind: 'point', id: 'p_wait_3d' }, changes: [{ path: ['title'], value: 'Wait three days!', base: 'Wait three days' }] });
    assert.match(after.text, /"title": "Wait three days!"/, 'the document has the new title and the typed key');
    assert.equal(await field.evaluate((e) => (e as HTMLElement & { value: string }).value), 'Wait three days!', 'the field shows it');
  });

  it('R13: edits the percentages of a split, the other share following, and adds a branch', async () => {
    const page = await mapOf(sample('birthday-german').text);
    const first = await page.locator('g.node[data-kind="start"]').getAttribute('data-id');
    const edge = await page.locator(`.insert-button[data-edge="${first}/next"]`);
    await edge.click();
    await gestureEdits(page, () => page.locator('.palette-item[data-id="split"]').click(), { op: 'insertPoint', from: first!, slot: 'next', pointType: 'split' });
    await gestureEdits(page, () => commitField(page, '[data-field="branches.0.percent"]', '70'), {
      op: 'setFields',
      target: { kind: 'point', id: 'p_split' },
      changes: [{ path: ['branches', 0, 'percent'], value: 70 }, { path: ['branches', 1, 'percent'], value: 30 }],
    });
    assert.deepEqual((await page.locator('g.edge[data-from="p_split"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-label')))).sort(), ['30%', '70%']);
    const next = /"p_split"[\s\S]*?"next": "([^"]+)"/.exec((await host(page)).text)![1]!;
    await gestureEdits(page, () => page.locator('[data-action="add-branch"]').click(), {
      op: 'setFields',
      target: { kind: 'point', id: 'p_split' },
      changes: [{ path: ['branches', 0, 'percent'], value: 34 }, { path: ['branches', 1, 'percent'], value: 33 }, { path: ['branches', 2], value: { percent: 33, next }, insert: true }],
    });
    assert.match(await page.locator('.split-footer').innerText(), /Shares add up to 100%/);
  });

  it('renames a point and changes its type from the inspector', async () => {
    const page = await mapOf(sample('mailchimp-vip-welcome').text);
    await page.locator('g.node[data-id="p_end_inactive"]').click();
    await gestureEdits(page, () => commitField(page, '[data-field="id"]', 'p_done_inactive'), { op: 'rename', id: 'p_end_inactive', newId: 'p_done_inactive' });
    await gestureEdits(page, () => chooseOption(page, '[data-field="type"]', 'exit'), { op: 'changePointType', id: 'p_done_inactive', pointType: 'exit' });
  });

  it('pins a dragged node where it was dropped, in the journey\'s layout object', async () => {
    const page = await mapOf(sample('mailchimp-vip-welcome').text);
    const node = page.locator('g.node[data-id="p_end_inactive"] .node-box');
    const box = (await node.boundingBox())!;
    const zoom = Number(/scale\(([\d.]+)\)/.exec((await page.locator('g.map-world').getAttribute('transform'))!)![1]);
    const from = /translate\(([\d.-]+) ([\d.-]+)\)/.exec((await page.locator('g.node[data-id="p_end_inactive"]').getAttribute('transform'))!)!;
    const before = await host(page);
    await page.mouse.move(box.x + 30, box.y + 20);
    await page.mouse.down();
    await page.mouse.move(box.x + 30 + 120 * zoom, box.y + 20 + 40 * zoom, { steps: 10 });
    await page.mouse.up();
    const { operation, host: after } = await nextEdit(page, before);
    assert.equal(operation.op, 'pinPositions');
    const pinned = operation.op === 'pinPositions' ? operation.positions[0]! : undefined;
    assert.equal(pinned?.id, 'p_end_inactive');
    assert.ok(Math.abs(pinned!.x - (Number(from[1]) + 120)) < 2 && Math.abs(pinned!.y - (Number(from[2]) + 40)) < 2, `dropped 120, 40 further: ${JSON.stringify(pinned)}`);
    assert.equal(after.text, expectedText(before.text, operation));
    assert.match(after.text, /"layout": \{\n {4}"p_end_inactive": \{\n {6}"x": \d+,\n {6}"y": \d+\n {4}\}\n {2}\}\n\}/);
    await until(page, async () => (await page.locator('g.node[data-id="p_end_inactive"] .node-pin').count()) === 1, 'the pin mark');
    assert.match((await page.locator('g.node[data-id="p_end_inactive"]').getAttribute('transform'))!, new RegExp(`translate\\(${Math.round(pinned!.x)} ${Math.round(pinned!.y)}\\)`));
    await page.locator('g.node[data-id="p_end_inactive"]').click();
    await gestureEdits(page, () => page.locator('[data-action="unpin"]').click(), { op: 'unpinPositions', ids: ['p_end_inactive'] });
  });

  it('R22: opens a published journey read-only with a banner, and "Edit as new version" makes it a draft in one edit', async () => {
    const text = sample('birthday-german').text.replace('"status": "draft",', '"status": "published",\n  "version": 2,\n  "publication": {\n    "version": 2,\n    "publishedAt": "2026-02-01T09:00:00Z",\n    "hash": "fnv1a64:0123456789abcdef"\n  },');
    const page = await mapOf(text);
    assert.match(await page.locator('.banner-info').innerText(), /published version 2 .*frozen: it opens read-only/);
    assert.equal(await page.locator('.insert-button').count(), 0, 'no "+" on a frozen journey');
    await page.locator('g.node[data-kind="point"]').first().click();
    assert.equal(await isDisabled(page, '[data-action="delete"]'), true);
    const after = await gestureEdits(page, () => page.locator('[data-action="edit-as-new-version"]').click(), { op: 'editAsNewVersion' });
    assert.match(after.text, /"status": "draft",\n {2}"version": 3,\n/);
    await until(page, async () => (await page.locator('.insert-button').count()) > 0, 'the map to become editable');
    assert.equal(await page.locator('.banner-info').count(), 0);
  });

  it('shows the host\'s refusal and leaves the document as it was', async () => {
    const page = await mapOf(sample('mailchimp-vip-welcome').text);
    await page.locator('g.node[data-id="p_end_engaged"]').click();
    const before = await host(page);
    await commitField(page, '[data-field="id"]', 'p_tag_engaged');
    await until(page, async () => (await page.locator('.banner-error').count()) > 0, 'the refusal');
    assert.match(await page.locator('.banner-error').innerText(), /already the id of another point/);
    assert.equal((await host(page)).text, before.text);
  });
});
