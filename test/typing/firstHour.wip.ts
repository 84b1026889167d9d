// Specification of a new user's first hour, done as a person does it in a
// real VS Code (code-server) through Playwright: clicks and keys on the
// Welcome page's "Get started with Journey Designer" walkthrough, its quick
// picks and the publish confirmation dialog, on a copy of the samples.
// - A walkthrough step is ticked only once its action really happened (the
//   context keys of src/walkthroughProgress.ts): a cancelled pick or a
//   cancelled confirmation ticks nothing.
// - R21: publishing asks for confirmation in a modal dialog that says what
//   will happen and lists every warning (past instants included); Cancel
//   writes nothing, Publish writes the compiled journey and marks the file.
// Screenshots of the ticked walkthrough and of the dialog go to test/screenshots/.
//
// WORK IN PROGRESS, not run by any stage yet (named .wip.ts, outside the
// test:typing glob): the walkthrough tests pass only in some runs, because
// the Welcome page moves the focus to a step it has just selected a moment
// after the click, which closes the quick pick the step's button opened; and
// the publish dialog is never shown while the probe runs as the extension
// tests module (VS Code: "DialogService: refused to show dialog in tests"),
// so the Publish step's test must run with startVsCode({ probe: false }) as
// publishConfirmation.test.ts does (then openWalkthrough cannot go through
// the probe either). The R21 test lives in publishConfirmation.test.ts. Rename to firstHour.test.ts once they pass reliably.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locator } from 'playwright-core';
import { mapFrames, startVsCode, until, type VsCodeSession } from './vscodeSession';

const WALKTHROUGH = 'journey-designer.journey-designer#journeyDesigner.gettingStarted';
const SCREENSHOTS = resolve(__dirname, '../screenshots');
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('The first hour: the Getting Started walkthrough and the publish confirmation, clicked through in VS Code', function () {
  this.timeout(240_000);
  let vs: VsCodeSession;

  before(async function () {
    this.timeout(300_000);
    vs = await startVsCode({ samples: true });
  });
  after(async () => {
    await vs?.close();
  });
  afterEach(async function () {
    if (this.currentTest?.state !== 'failed' || !vs) return;
    const shot = join(tmpdir(), `journey-first-hour-failure-${Date.now()}.png`);
    writeFileSync(shot, await vs.page.screenshot());
    const focus = await vs.page.evaluate(() => { const a = document.activeElement as HTMLElement | null; return a ? `${a.tagName}.${a.className} "${(a.getAttribute('aria-label') ?? a.textContent ?? '').slice(0, 80)}"` : 'none'; });
    console.log(`    the screen at the failure: ${shot}; focus on ${focus}; quick input visible: ${await vs.page.locator('.quick-input-widget').isVisible()}`);
  });

  const page = () => vs.page;
  const inWorkspace = (name: string) => join(vs.workspace, name);

  /** The walkthrough's step `id` (open, simulate, publish) on the Welcome page. */
  const step = (id: string): Locator => page().locator(`.getting-started-step[data-step-id="${WALKTHROUGH}#${id}"]`);

  /** Whether VS Code shows the step as completed: its checkbox state and its ticked icon. */
  const isTicked = (id: string): Promise<boolean> =>
    step(id).evaluate((e) => e.getAttribute('aria-checked') === 'true' && e.querySelector(':scope > .codicon.complete.codicon-getting-started-step-checked') !== null);

  /** Shows the Journey Designer walkthrough (Help: Welcome's "Get started with Journey Designer"). */
  async function showWalkthrough(): Promise<void> {
    await until(
      async () => {
        if (await step('simulate').isVisible()) return true;
        await vs.probe('command', { id: 'workbench.action.openWalkthrough', args: [WALKTHROUGH, false] });
        await step('simulate').waitFor({ state: 'visible', timeout: 10_000 }).catch(() => undefined);
        return (await step('simulate').isVisible()) || undefined;
      },
      'the Journey Designer walkthrough on the Welcome page',
      90_000,
    );
  }

  async function waitTicked(id: string): Promise<void> {
    await until(async () => (await isTicked(id)) || undefined, `the walkthrough step "${id}" to show as completed`, 60_000);
  }

  /** The step stays unticked (checked a while, since its key could only come late). */
  async function staysUnticked(id: string, what: string): Promise<void> {
    const deadline = Date.now() + 4_000;
    while (Date.now() < deadline) {
      assert.equal(await isTicked(id), false, `the step "${id}" is not ticked ${what}`);
      await pause(250);
    }
  }

  /**
   * Clicks the step's title (expanding it), then its button `label`, until
   * the quick pick titled `opens` shows: the page re-renders a step it has
   * just selected, and a click that lands on the replaced button does
   * nothing, so a person clicks again.
   */
  async function clickStepButton(id: string, label: string, opens: string): Promise<string[]> {
    await step(id).locator('h3').click();
    await until(async () => (await step(id).evaluate((e) => e.classList.contains('expanded') && document.activeElement === e)) || undefined, `the step "${id}" expanded and focused`, 30_000);
    const button = step(id).locator('a.monaco-button', { hasText: label });
    for (let attempt = 1; ; attempt++) {
      await button.click();
      try {
        return await quickPickShown(opens, attempt < 4 ? 15_000 : 60_000);
      } catch (error) {
        if (attempt >= 4) throw error;
      }
    }
  }

  const quickInput = () => page().locator('.quick-input-widget');

  /** Waits for the quick pick titled (in part) `title`, and answers its rows' texts. */
  async function quickPickShown(title: string, timeoutMs = 60_000): Promise<string[]> {
    const shown = async () =>
      (await quickInput().isVisible()) && (await quickInput().locator('.quick-input-title').innerText()).includes(title) && (await quickInput().evaluate((e) => e.contains(document.activeElement)));
    await until(async () => (await shown()) || undefined, `the quick pick "${title}", focused`, timeoutMs);
    return quickInput().locator('.quick-input-list .monaco-list-row').allInnerTexts();
  }

  /** Types `filter` into the open quick pick and clicks the row that is it. */
  async function pick(filter: string): Promise<void> {
    await page().keyboard.type(filter);
    const row = quickInput()
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: page().locator('.label-name', { hasText: new RegExp(`^${filter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
    await row.first().click({ timeout: 15_000 });
  }

  /**
   * From the walkthrough step `id`: clicks its button, picks `journey` in the
   * journey pick and waits for what comes next (`next`). The page moves the
   * focus to a step it has just selected a moment later, which closes a
   * quick pick opened in between; a person then clicks the button again, and
   * so does this.
   */
  async function fromStepPickJourney(id: string, label: string, action: string, journey: string, next: () => Promise<boolean>, what: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await clickStepButton(id, label, `Pick the journey to ${action}`);
        await pick(journey);
        await until(async () => (await next()) || undefined, what, attempt < 4 ? 20_000 : 90_000);
        return;
      } catch (error) {
        if (attempt >= 4) throw error;
      }
    }
  }

  async function quickPickClosed(): Promise<void> {
    await until(async () => ((await quickInput().isVisible()) ? undefined : true), 'the quick pick to close', 30_000);
  }

  const dialog = () => page().locator('.monaco-dialog-box');

  /** The modal dialog's message and detail, once it is shown. */
  async function dialogShown(): Promise<{ message: string; detail: string }> {
    await dialog().waitFor({ state: 'visible', timeout: 90_000 });
    return { message: await dialog().locator('.dialog-message-text').innerText(), detail: await dialog().locator('.dialog-message-detail').innerText() };
  }

  async function clickDialogButton(label: string): Promise<void> {
    await dialog().locator('.dialog-buttons a.monaco-button', { hasText: new RegExp(`^${label}$`) }).click();
    await dialog().waitFor({ state: 'hidden', timeout: 30_000 });
  }

  async function screenshot(name: string): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(join(SCREENSHOTS, name), await page().screenshot());
  }

  /** The rows of the Journey Simulation view (Contact Queues) on screen. */
  const simulationViewText = () =>
    page().evaluate(() => [...document.querySelectorAll('.pane')].filter((p) => /Contact Queues/i.test(p.querySelector('.pane-header')?.textContent ?? '')).map((p) => (p as HTMLElement).innerText).join('\n'));

  it('Welcome page, no journey open: Escape at "Pick the journey to simulate" simulates nothing and leaves "Simulate contacts through it" unticked', async () => {
    await showWalkthrough();
    assert.equal(await isTicked('simulate'), false, 'not ticked at first');
    const journeys = await clickStepButton('simulate', 'Simulate Journey', 'Pick the journey to simulate');
    for (const sample of ['birthday-german', 'dynamics-product-announcement', 'mailchimp-vip-welcome', 'mailup-webform-nurture', 'preference-center']) {
      assert.ok(journeys.some((row) => row.includes(`${sample}.journey.json`)), `the pick lists ${sample}.journey.json (rows: ${JSON.stringify(journeys)})`);
    }
    await page().keyboard.press('Escape');
    await quickPickClosed();
    await staysUnticked('simulate', 'after the pick was cancelled');
    assert.doesNotMatch(await simulationViewText(), /\d+ started/, 'no simulation is shown');
  });

  it('"Simulate Journey": picking a journey and its timeline runs the simulation and ticks "Simulate contacts through it"', async () => {
    await showWalkthrough();
    await fromStepPickJourney('simulate', 'Simulate Journey', 'simulate', 'mailchimp-vip-welcome.journey.json', () => quickPickShown('pick a contact timeline', 5_000).then(() => true), 'the timeline pick');
    const timelines = await quickPickShown('pick a contact timeline');
    assert.match(timelines[0] ?? '', /mailchimp-vip-welcome\.timeline\.json/, `the journey's own timeline comes first (rows: ${JSON.stringify(timelines)})`);
    await page().keyboard.press('Enter');
    const shown = await until(async () => {
      const text = await simulationViewText();
      return /\d+ started · \d+ in progress · \d+ completed · \d+ exited/.test(text) ? text : undefined;
    }, 'the Journey Simulation view to show the simulation', 90_000);
    await showWalkthrough();
    await waitTicked('simulate');
    assert.equal(await isTicked('open'), false, 'simulating opened no map, so "Open a journey on the map" is not ticked');
  });

  it('"Publish it": Cancel in the confirmation leaves the step unticked and writes nothing; Publish ticks it', async () => {
    const journey = inWorkspace('preference-center.journey.json');
    const original = readFileSync(journey, 'utf8');
    await showWalkthrough();
    assert.equal(await isTicked('publish'), false, 'not ticked at first');

    const dialogOpen = () => dialog().isVisible();
    await fromStepPickJourney('publish', 'Publish Journey', 'publish', 'preference-center.journey.json', dialogOpen, 'the publish confirmation');
    const asked = await dialogShown();
    assert.match(asked.message, /^Publish ".+" as version 1\?$/);
    await clickDialogButton('Cancel');
    await staysUnticked('publish', 'after the confirmation was cancelled');
    assert.equal(existsSync(inWorkspace('published')), false, 'nothing was published');
    assert.equal(readFileSync(journey, 'utf8'), original, 'the journey file is unchanged');

    await fromStepPickJourney('publish', 'Publish Journey', 'publish', 'preference-center.journey.json', dialogOpen, 'the publish confirmation');
    await clickDialogButton('Publish');
    await waitTicked('publish');
    assert.ok(existsSync(inWorkspace('published/preference-center/preference-center.v1.journey.json')), 'the published version was written');
  });

  it('"Open a journey on the map" is ticked only once a journey shows on the map (double-click in the Explorer)', async () => {
    await showWalkthrough();
    await staysUnticked('open', 'before any map was opened');
    await page().locator('.explorer-folders-view .monaco-list-row', { hasText: 'dynamics-product-announcement.journey.json' }).dblclick();
    await mapFrames(page(), 1);
    await page().locator('.tabs-container .tab', { hasText: 'Walkthrough' }).click();
    await showWalkthrough();
    await waitTicked('open');
    for (const id of ['open', 'simulate', 'publish']) assert.equal(await isTicked(id), true, `"${id}" shows as completed`);
    await screenshot('walkthrough-steps-ticked.png');
  });

});
