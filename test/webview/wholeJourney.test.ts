// Specification (issue #14) of building and changing a whole journey on the
// map in headless Chromium, with the fake host applying each edit with
// src/core/edits as the extension does: from an empty file to the seed
// journey of samples/mailchimp-vip-welcome with no problem, the text never
// opened; deleting a branching point with its branches; selecting several
// points and copying, pasting, duplicating and cutting them. The same
// gestures (test/support/mapGestures.ts) run in a real VS Code in
// test/typing/mapBuilding.test.ts.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { validateJourneyText } from '../../src/core/validate';
import { assertSameJourneyLogic, buildSeedJourney, choose, clickNode, commit, edits, fit, journeyOf, type MapDriver, press, problemsShown } from '../support/mapGestures';
import { type MapPage } from './harness/browser';
import { mapSuite } from './harness/mapSuite';
import { host, NOW, renderedVersion, sample, until } from './harness/mapTestKit';

function harnessDriver(page: Page): MapDriver {
  return {
    ui: page,
    keyboard: page.keyboard,
    text: async () => (await host(page)).text,
    settled: async (before) => {
      const changed = await until(page, async () => {
        const h = await host(page);
        return h.text !== before ? h : undefined;
      }, 'the gesture to edit the document');
      await renderedVersion(page, changed.version);
    },
  };
}

interface Point { id: string; type: string; next?: string; branches?: Record<string, string> }
const pointsOf = (text: string) => (JSON.parse(text) as { points: Point[] }).points;

describe('journey map webview: whole journeys (issue #14)', function () {
  this.timeout(300_000);
  const suite = mapSuite();
  let current: MapPage | undefined;

  const mapOf = async (text: string, fileName = 'edit.journey.json') => {
    current = await suite.open({ text, fileName, now: NOW }, 'dark', { width: 1400, height: 1000 });
    await current.page.locator(text.trim() === '' ? '[data-action="start-journey"]' : 'g.node').first().waitFor();
    return harnessDriver(current.page);
  };

  it('builds the seed journey of mailchimp-vip-welcome from an empty file on the map alone, ending with no problem', async () => {
    const d = await mapOf('', 'vip-welcome.journey.json');
    await buildSeedJourney(d);
    const text = await d.text();
    assert.deepEqual(validateJourneyText(text).diagnostics.map((x) => `${x.code}: ${x.message}`), [], 'no problem in the built journey');
    assert.equal(await problemsShown(d), '', 'the map shows no problem');
    assert.equal(await d.ui.locator('.empty-guide').count(), 0, 'the guidance is gone once the journey has points');
    assertSameJourneyLogic(await journeyOf(d), JSON.parse(sample('mailchimp-vip-welcome').text) as Record<string, unknown>);
  });

  it('"tag Kunde AND tag Instagram Follower": the filter\'s undeclared tags are declared from the map, leaving no unknown-tag problem', async () => {
    const seed = sample('mailchimp-vip-welcome').text;
    const text = seed.replace(/"tags": \[[^\]]*\]/, '"tags": ["VIP", "major donor", "VIP welcome sent", "VIP engaged", "VIP inactive"]');
    const d = await mapOf(text);
    const unknownTags = async () => validateJourneyText(await d.text()).diagnostics.filter((x) => x.severity === 'error' && /tag/i.test(x.code)).length;
    assert.ok((await unknownTags()) >= 2);
    await clickNode(d, 'sp_tag_vip');
    const labels = await d.ui.locator('aside.inspector h3, aside.inspector .field-label, aside.inspector legend').allInnerTexts();
    assert.ok(labels.length > 3 && labels.every((l) => !/\bR\d+\b/.test(l)), `labels name no rule ids (hovers do): ${labels.join(' | ')}`);
    assert.equal(await d.ui.locator('aside.inspector h3[title*="R2"]').count(), 1, 'the trigger heading names R2 in its hover');
    await edits(d, () => d.ui.locator('[data-action="filter.of.0.tag.declare"]').click());
    await edits(d, () => d.ui.locator('[data-action="filter.of.1.tag.declare"]').click());
    assert.equal(await unknownTags(), 0);
    assert.equal(await problemsShown(d), '');
  });

  it('deletes a branching point with the branches only it leads to, saying how many points go', async () => {
    const d = await mapOf(sample('mailchimp-vip-welcome').text);
    await clickNode(d, 'p_check_preview_click');
    await d.keyboard.press('Delete');
    const dialog = d.ui.locator('.modal');
    assert.match(await dialog.innerText(), /Delete it with its branches: 7 points only it leads to go too; the path that led here ends/);
    assert.match(await dialog.innerText(), /Keep the “yes” branch in its place, delete the others: 4 points go too/);
    await d.ui.locator('[data-choice="all"]').check();
    const text = await edits(d, () => d.ui.locator('[data-action="confirm-delete"]').click());
    assert.deepEqual(pointsOf(text).map((p) => p.id), ['p_send_welcome', 'p_tag_welcomed', 'p_wait_3d', 'p_end']);
    assert.equal(await d.ui.locator('g.node[data-kind="point"]').count(), 4, 'the map shows the four points left');
    assert.deepEqual(validateJourneyText(text).diagnostics, [], 'nothing floats away unreachable');
  });

  it('selects three points with Ctrl+click, copies them with Ctrl+C and pastes them with Ctrl+V after another point: fresh ids, internal edges kept, one edit', async () => {
    const d = await mapOf(sample('mailchimp-vip-welcome').text);
    await clickNode(d, 'p_send_brand_story');
    await clickNode(d, 'p_wait_story_open', ['Control']);
    await clickNode(d, 'p_tag_inactive', ['Shift']);
    assert.equal(await d.ui.locator('g.node.selected').count(), 3, 'three points selected');
    await d.keyboard.press('Control+c');
    await clickNode(d, 'p_send_early_access');
    const before = await host(current!.page);
    const text = await edits(d, () => d.keyboard.press('Control+v'));
    assert.equal((await host(current!.page)).version, before.version + 1, 'one edit');
    const byId = new Map(pointsOf(text).map((p) => [p.id, p]));
    assert.equal(byId.get('p_send_early_access')?.next, 'p_send_brand_story_2', 'pasted after the selected point');
    assert.equal(byId.get('p_send_brand_story_2')?.next, 'p_wait_story_open_2');
    assert.deepEqual(byId.get('p_wait_story_open_2')?.branches, { yes: 'p_tag_engaged', timeout: 'p_tag_inactive_2' });
    assert.equal(byId.get('p_tag_inactive_2')?.next, 'p_tag_engaged', 'what left the copy leads on where the edge led');
    for (const id of ['p_send_brand_story_2', 'p_wait_story_open_2', 'p_tag_inactive_2']) assert.equal(await d.ui.locator(`g.node[data-id="${id}"]`).count(), 1, `${id} is on the map`);
    assert.deepEqual(validateJourneyText(text).diagnostics.filter((x) => x.severity === 'error'), []);
  });

  it('selects with a rubber band (Shift+drag), duplicates with Ctrl+D and deletes the selection with Delete', async () => {
    const d = await mapOf(sample('mailchimp-vip-welcome').text);
    await fit(d);
    const a = (await d.ui.locator('g.node[data-id="p_tag_welcomed"] .node-box').boundingBox())!;
    const b = (await d.ui.locator('g.node[data-id="p_wait_3d"] .node-box').boundingBox())!;
    const page = current!.page;
    await page.keyboard.down('Shift');
    await page.mouse.move(Math.min(a.x, b.x) - 40, Math.min(a.y, b.y) - 4);
    await page.mouse.down();
    await page.mouse.move(Math.max(a.x + a.width, b.x + b.width) + 40, Math.max(a.y + a.height, b.y + b.height) + 4, { steps: 6 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    assert.deepEqual((await d.ui.locator('g.node.selected').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).sort(), ['p_tag_welcomed', 'p_wait_3d']);
    const duplicated = await edits(d, () => d.keyboard.press('Control+d'));
    assert.deepEqual(pointsOf(duplicated).slice(-2).map((p) => [p.id, p.next]), [['p_tag_welcomed_2', 'p_wait_3d_2'], ['p_wait_3d_2', 'p_check_preview_click']]);
    await clickNode(d, 'p_tag_welcomed_2');
    await clickNode(d, 'p_wait_3d_2', ['Shift']);
    const deleted = await edits(d, () => d.keyboard.press('Delete'));
    assert.equal(deleted, sample('mailchimp-vip-welcome').text, 'deleting the two duplicates gives the journey back');
  });

  it('continues a path past its end: "Continue the path here" on an end point puts the new point before it', async () => {
    const d = await mapOf(sample('mailchimp-vip-welcome').text);
    await clickNode(d, 'p_end_engaged');
    await d.ui.locator('[data-action="continue-path"]').click();
    const text = await edits(d, () => d.ui.locator('.palette-item[data-id="sendSms"]').click());
    const byId = new Map(pointsOf(text).map((p) => [p.id, p]));
    assert.equal(byId.get('p_tag_engaged')?.next, 'p_send_sms');
    assert.equal(byId.get('p_send_sms')?.next, 'p_end_engaged');
  });

  it('edits a segment-based journey\'s entry on the map: schedule, start, time zone, status', async () => {
    const d = await mapOf(sample('dynamics-product-announcement').text);
    await d.ui.locator('g.node').first().locator('.node-box').click();
    await d.keyboard.press('Escape');
    await choose(d, 'journey.segmentEntry.schedule', 'recurring');
    await commit(d, 'journey.segmentEntry.every.amount', '2');
    await choose(d, 'journey.segmentEntry.timeZone', 'Europe/Berlin');
    await edits(d, async () => {
      const start = d.ui.locator('input[data-field="journey.segmentEntry.start"]');
      await start.fill('2027-01-04T09:30');
      await start.press('Enter');
    });
    await choose(d, 'journey.status', 'draft');
    const j = await journeyOf(d);
    assert.deepEqual(j['segmentEntry'], { segment: 'top-customers', schedule: { type: 'recurring', every: 'P2W' }, start: '2027-01-04T09:30', timeZone: 'Europe/Berlin' });
    assert.equal(j['status'], 'draft');
  });

  it('R16: an exit criterion that waits for an event is edited on the map: the MailUp sample\'s "converted" on a purchase becomes a form submission, and a new criterion can leave on an event', async () => {
    const d = await mapOf(sample('mailup-webform-nurture').text);
    await d.ui.locator('g.node').first().locator('.node-box').click();
    await d.keyboard.press('Escape');
    const criteria = async () => ((await journeyOf(d))['settings'] as { exitCriteria: { id: string; when: string; event?: { type: string; form?: string } }[] }).exitCriteria;
    assert.deepEqual((await criteria())[0], { id: 'converted', when: 'event', event: { type: 'purchase' } });
    await choose(d, 'event.type', 'formSubmitted');
    const forms = ((await journeyOf(d))['forms'] as { id: string }[] | undefined)?.map((f) => f.id) ?? [];
    const changed = (await criteria())[0]!;
    assert.equal(changed.when, 'event');
    assert.equal(changed.event?.type, 'formSubmitted');
    assert.ok(changed.event?.form === undefined || forms.includes(changed.event.form), 'a declared form, if any');
    const before = (await criteria()).length;
    await press(d, 'journey.exitCriteria.add');
    await choose(d, `journey.exitCriteria.${before}.when`, 'event');
    const added = (await criteria())[before]!;
    assert.equal(added.when, 'event');
    assert.equal(added.event?.type, 'purchase');
  });

  it('declares, edits and removes declarations and edits the journey settings in the journey panel', async () => {
    const d = await mapOf(sample('birthday-german').text);
    await d.ui.locator('g.node').first().locator('.node-box').click();
    await d.keyboard.press('Escape');
    await choose(d, 'journey.reEntry', 'afterCooldown');
    assert.deepEqual((await journeyOf(d))['settings'] && ((await journeyOf(d))['settings'] as Record<string, unknown>)['reEntry'], { mode: 'afterCooldown', cooldown: 'P30D' });
    await choose(d, 'journey.plan', 'premium');
    assert.equal(await d.ui.locator('vscode-dropdown[data-field="journey.plan"] vscode-option[data-value="premium"]').textContent(), 'Premium: 3 starting points, 100 journey points', 'the plan says the limits the validator enforces (R1)');
    const segments = ((await journeyOf(d))['segments'] as unknown[] | undefined)?.length ?? 0;
    await edits(d, async () => {
      await d.ui.locator('vscode-text-field[data-field="decl.segments.new"] input').click();
      await d.keyboard.type('vip_customers');
      await d.keyboard.press('Enter');
    });
    assert.equal(((await journeyOf(d))['segments'] as unknown[]).length, segments + 1);
    await edits(d, () => d.ui.locator('[data-action="decl.segments.remove.vip_customers"]').click());
    assert.equal(((await journeyOf(d))['segments'] as unknown[] | undefined)?.length ?? 0, segments);
  });
});
