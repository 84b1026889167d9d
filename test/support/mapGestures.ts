// Gestures on the journey map as a person makes them (clicks, typed text,
// keys), shared by the map's Chromium specifications (test/webview, a fake
// host) and the real VS Code ones (test/typing): the same steps drive the
// map in both. A driver says where the map is (a page or a webview frame),
// how to read the document's text and how to wait until the map shows the
// document an edit made. No message is injected: every edit comes from the
// map itself.
import assert from 'node:assert/strict';
import type { Frame, Keyboard, Page } from 'playwright-core';

export interface MapDriver {
  /** Where the map is: the harness page, or the webview frame inside VS Code. */
  ui: Page | Frame;
  keyboard: Keyboard;
  /** The document's exact text now. */
  text(): Promise<string>;
  /** Waits until the document is no longer `before` and the map shows it. */
  settled(before: string): Promise<void>;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Performs `gesture`, which must edit the document, and waits until the map shows the edit. */
export async function edits(d: MapDriver, gesture: () => Promise<void>): Promise<string> {
  const before = await d.text();
  await gesture();
  await d.settled(before);
  return d.text();
}

/** Types `value` into the text field `name` (its data-field) and commits it with Enter. */
export async function commit(d: MapDriver, name: string, value: string): Promise<string> {
  return edits(d, async () => {
    const field = d.ui.locator(`vscode-text-field[data-field="${name}"]`);
    await field.locator('input').click();
    await d.keyboard.press('Control+a');
    await d.keyboard.type(value);
    await d.keyboard.press('Enter');
  });
}

/** Chooses `value` in the dropdown `name`, without waiting for an edit (e.g. "Declare a new …"). */
export async function pick(d: MapDriver, name: string, value: string): Promise<void> {
  const dropdown = d.ui.locator(`vscode-dropdown[data-field="${name}"]`);
  await dropdown.click();
  const option = dropdown.locator(`vscode-option[data-value="${value}"]`);
  await option.scrollIntoViewIfNeeded();
  await option.click();
}

/** Chooses `value` in the dropdown `name`: one edit. */
export async function choose(d: MapDriver, name: string, value: string): Promise<string> {
  return edits(d, () => pick(d, name, value));
}

/** Clicks the toolkit button with data-action `action`: one edit. */
export async function press(d: MapDriver, action: string): Promise<string> {
  return edits(d, () => d.ui.locator(`[data-action="${action}"]`).first().click());
}

/** Fits the map to the view, so that every node can be clicked. */
export async function fit(d: MapDriver): Promise<void> {
  await d.ui.locator('.toolbar [data-action="fit"]').click();
  await pause(150);
}

/** Clicks node `id` on the map (it becomes the selection), with `modifiers` (Shift, Control) if given. */
export async function clickNode(d: MapDriver, id: string, modifiers: ('Shift' | 'Control')[] = []): Promise<void> {
  await fit(d);
  await d.ui.locator(`g.node[data-id="${id}"] .node-box`).click({ modifiers });
  if (modifiers.length === 0) await d.ui.locator(`g.node.selected[data-id="${id}"]`).waitFor({ timeout: 10_000 });
}

/** Shows the journey's own properties in the inspector (nothing selected): Escape on the map. */
export async function selectNothing(d: MapDriver): Promise<void> {
  const anyNode = d.ui.locator('g.node').first();
  await fit(d);
  await anyNode.locator('.node-box').click();
  await d.keyboard.press('Escape');
  await d.ui.locator('aside.inspector[aria-label="Journey properties"]').waitFor({ timeout: 10_000 });
}

/** "+" on the edge leaving `from` through `slot`, then `pointType` in the palette: one edit. */
export async function insertOnEdge(d: MapDriver, from: string, slot: string, pointType: string): Promise<string> {
  await fit(d);
  await d.ui.locator(`.insert-button[data-edge="${from}/${slot}"]`).click();
  return edits(d, () => d.ui.locator(`.palette-item[data-id="${pointType}"]`).click());
}

/** Renames the selected node with its Id field. */
export async function renameSelected(d: MapDriver, newId: string): Promise<void> {
  await commit(d, 'id', newId);
  await d.ui.locator(`g.node.selected[data-id="${newId}"]`).waitFor({ timeout: 10_000 });
}

/** Declares a name in the journey's Declarations panel (nothing selected). */
export async function declare(d: MapDriver, section: string, name: string): Promise<string> {
  return commit(d, `decl.${section}.new`, name);
}

/** Chooses "Declare a new …" in the name field `field` and types the new name: declared and used in one edit. */
export async function declareInField(d: MapDriver, field: string, name: string): Promise<string> {
  await pick(d, field, '+declare-new');
  return commit(d, `${field}.new`, name);
}

/** The journey value of the document now. */
export async function journeyOf(d: MapDriver): Promise<Record<string, unknown>> {
  return JSON.parse(await d.text()) as Record<string, unknown>;
}

/** The problems badge of the toolbar says there are none: its text, or '' when it shows none. */
export async function problemsShown(d: MapDriver): Promise<string> {
  const badges = d.ui.locator('.toolbar .badge-error, .toolbar .badge-warning');
  return (await badges.count()) === 0 ? '' : (await badges.allInnerTexts()).join(', ');
}

const SEED_TAGS = ['VIP', 'major donor', 'Kunde', 'Instagram Follower', 'VIP welcome sent', 'VIP engaged', 'VIP inactive'];
const SEED_EMAILS = ['vip_welcome_email', 'vip_early_access_email', 'vip_brand_story_email'];

/** The filter of the seed's starting points, built in the starting point's inspector: tag Kunde AND tag Instagram Follower. */
async function seedFilter(d: MapDriver): Promise<void> {
  await press(d, 'add-filter');
  await choose(d, 'filter.of.0.tag', 'Kunde');
  await press(d, 'filter-add');
  await choose(d, 'filter.of.1.tag', 'Instagram Follower');
}

/**
 * Builds the seed journey of samples/mailchimp-vip-welcome on the map,
 * starting from the map of an empty file, the way a marketer would: start
 * a journey, set the settings, declare the tags, list, campaign and emails,
 * set up three starting points with their filter, and insert, rename and
 * connect every point. The text is never opened.
 */
export async function buildSeedJourney(d: MapDriver, shot?: (name: string) => Promise<void>): Promise<void> {
  await press(d, 'start-journey');
  await d.ui.locator('g.node[data-id="start"]').waitFor({ timeout: 20_000 });
  assert.equal(await d.ui.locator('.empty-guide').count(), 1, 'an empty journey shows guidance on the canvas');
  await shot?.('empty');

  // The journey: name, settings, declarations.
  await selectNothing(d);
  const facts = await d.ui.locator('aside.inspector dl.facts').innerText();
  assert.match(facts, /Standard plan \(assumed: the journey declares no platform or settings\.plan\)/, 'R1: the limit of a journey without a platform');
  assert.doesNotMatch(facts, /Mailchimp/, 'a journey that declares no platform is not called a Mailchimp journey');
  await commit(d, 'journey.name', 'VIP & major donor welcome');
  await choose(d, 'journey.platform', 'mailchimp');
  await choose(d, 'journey.plan', 'standard');
  await choose(d, 'journey.timeZone', 'Europe/Vilnius');
  await declare(d, 'lists', 'main_audience');
  await commit(d, 'decl.lists.0.name', 'Kunden (main audience)');
  for (const tag of SEED_TAGS) await declare(d, 'tags', tag);
  await declare(d, 'campaigns', 'vip_preview_sale');
  for (const [i, email] of SEED_EMAILS.entries()) {
    await declare(d, 'content', email);
    await choose(d, `decl.content.${i}.status`, 'ready');
    await choose(d, `decl.content.${i}.list`, 'main_audience');
  }
  await press(d, 'journey.exitCriteria.add');
  await commit(d, 'journey.exitCriteria.0.id', 'no-longer-customer');
  await choose(d, 'settings.exitCriteria.0.condition.filter.tag', 'Kunde');

  // The first starting point, for contacts tagged Kunde AND Instagram Follower.
  await clickNode(d, 'start');
  await choose(d, 'trigger.type', 'tagAdded');
  await renameSelected(d, 'sp_tag_vip');
  await seedFilter(d);
  // The welcome: email, tag, three days' wait, then "clicked the preview sale?".
  await insertOnEdge(d, 'sp_tag_vip', 'next', 'sendEmail');
  await renameSelected(d, 'p_send_welcome');
  await insertOnEdge(d, 'p_send_welcome', 'next', 'addTag');
  await choose(d, 'tag', 'VIP welcome sent');
  await renameSelected(d, 'p_tag_welcomed');
  await insertOnEdge(d, 'p_tag_welcomed', 'next', 'wait');
  await commit(d, 'duration.amount', '3');
  await renameSelected(d, 'p_wait_3d');
  await insertOnEdge(d, 'p_wait_3d', 'next', 'ifElse');
  await choose(d, 'condition.type', 'campaignActivity');
  await choose(d, 'activity', 'clicked');
  await renameSelected(d, 'p_check_preview_click');

  // Yes: early access, tag engaged.
  await insertOnEdge(d, 'p_check_preview_click', 'yes', 'sendEmail');
  await choose(d, 'content', 'vip_early_access_email');
  await renameSelected(d, 'p_send_early_access');
  await insertOnEdge(d, 'p_send_early_access', 'next', 'addTag');
  await choose(d, 'tag', 'VIP engaged');
  await renameSelected(d, 'p_tag_engaged');
  await clickNode(d, 'done');
  await renameSelected(d, 'p_end_engaged');

  // No: the brand story, then wait up to two days for its open; opened → engaged, else tag inactive and end.
  await insertOnEdge(d, 'p_check_preview_click', 'no', 'sendEmail');
  await choose(d, 'content', 'vip_brand_story_email');
  await renameSelected(d, 'p_send_brand_story');
  await insertOnEdge(d, 'p_send_brand_story', 'next', 'waitForEvent');
  await commit(d, 'timeout.amount', '2');
  await choose(d, 'successor.yes', 'p_tag_engaged');
  await renameSelected(d, 'p_wait_story_open');
  await insertOnEdge(d, 'p_wait_story_open', 'timeout', 'addTag');
  await choose(d, 'tag', 'VIP inactive');
  await renameSelected(d, 'p_tag_inactive');
  await insertOnEdge(d, 'p_tag_inactive', 'next', 'end');
  await renameSelected(d, 'p_end_inactive');

  // The two other starting points lead where the first one does.
  for (const [trigger, id, tag] of [['tagAdded', 'sp_tag_major_donor', 'major donor'], ['audienceJoined', 'sp_joined_audience', undefined]] as const) {
    await d.ui.locator('.toolbar [data-action="add-starting-point"]').click();
    await edits(d, () => d.ui.locator(`.palette-item[data-id="${trigger}"]`).click());
    if (tag) await choose(d, 'trigger.tag', tag);
    await renameSelected(d, id);
    await seedFilter(d);
  }
}

type Raw = Record<string, unknown>;
const without = (o: unknown, ...keys: string[]): Raw => Object.fromEntries(Object.entries(o as Raw).filter(([k]) => !keys.includes(k)));
const byId = (items: unknown): Map<string, Raw> => new Map((items as Raw[]).map((x) => [String(x['id']), x]));

/** Asserts that `built` is the seed journey's logic: the same starting points, points, edges, settings and declarations (titles, names and order aside). */
export function assertSameJourneyLogic(built: Raw, seed: Raw): void {
  const starts = byId(built['startingPoints']);
  for (const [id, sp] of byId(seed['startingPoints'])) assert.deepEqual(without(starts.get(id) ?? {}, 'name'), without(sp, 'name'), `starting point ${id}`);
  assert.equal(starts.size, (seed['startingPoints'] as unknown[]).length, 'as many starting points');
  const points = byId(built['points']);
  for (const [id, p] of byId(seed['points'])) assert.deepEqual(without(points.get(id) ?? {}, 'title'), without(p, 'title'), `point ${id}`);
  assert.equal(points.size, (seed['points'] as unknown[]).length, 'as many points');
  const settings = (j: Raw) => j['settings'] as Raw;
  assert.deepEqual(settings(built), settings(seed), 'settings: plan, time zone, re-entry, exit criteria');
  assert.equal(built['platform'], seed['platform']);
  assert.equal(built['kind'], seed['kind']);
  assert.deepEqual([...(built['tags'] as string[])].sort(), [...(seed['tags'] as string[])].sort(), 'tags');
  assert.deepEqual([...byId(built['lists']).keys()], [...byId(seed['lists']).keys()], 'lists');
  assert.deepEqual([...byId(built['campaigns']).keys()], [...byId(seed['campaigns']).keys()], 'campaigns');
  const content = byId(built['content']);
  for (const [id, c] of byId(seed['content'])) {
    const mine = content.get(id) ?? {};
    for (const key of ['channel', 'status', 'list']) assert.equal(mine[key], c[key], `content ${id}: ${key}`);
  }
}
