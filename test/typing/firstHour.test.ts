// A new user's first hour in a real VS Code (code-server), done as a person
// does it through Playwright, on a copy of the samples, with no probe in the
// extension host (VS Code shows no modal dialogs to an extension test run):
// - on a fresh window, "Test: Run All Tests" from the Command Palette, the
//   moment it is offered and before the Testing view was ever opened, runs
//   every expectation of every scenario file;
// - each step of the "Get started with Journey Designer" walkthrough,
//   clicked on the Welcome page, does what it says (picking a journey when
//   none is active: the Welcome page is) and is ticked only once it really
//   happened; a cancelled pick or confirmation ticks nothing;
// - "Journey: New Journey…" creates a journey from every template.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { JOURNEY_TEMPLATES, journeyFileName } from '../../src/core/journeyTemplate';
import { mapFrames, startVsCode, until, writtenJson, type VsCodeSession } from './vscodeSession';
import { Workbench } from './workbench';

const SAMPLES = resolve(__dirname, '../../samples');
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How many expectations the samples' scenario files hold: what Run All Tests must run. */
function sampleExpectations(): number {
  return readdirSync(SAMPLES)
    .filter((f) => f.endsWith('.scenario.json'))
    .reduce((n, f) => n + (JSON.parse(readFileSync(join(SAMPLES, f), 'utf8')) as { expectations: unknown[] }).expectations.length, 0);
}

describe('The first hour in VS Code (code-server): Run All Tests on a fresh window, the walkthrough clicked on the Welcome page, New Journey from every template', function () {
  this.timeout(240_000);
  let vs: VsCodeSession;
  let wb: Workbench;

  before(async function () {
    this.timeout(300_000);
    vs = await startVsCode({ samples: true, probe: false });
    wb = new Workbench(vs.page);
  });
  after(async () => {
    await vs?.close();
  });
  afterEach(async function () {
    if (this.currentTest?.state !== 'failed' || !vs) return;
    const shot = join(tmpdir(), `journey-first-hour-failure-${Date.now()}.png`);
    writeFileSync(shot, await vs.page.screenshot());
    console.log(`    the screen at the failure: ${shot}`);
  });

  const inWorkspace = (name: string) => join(vs.workspace, name);

  /** The step stays unticked (checked a while, since its key could only come late). */
  async function staysUnticked(id: string, what: string): Promise<void> {
    const deadline = Date.now() + 3_000;
    while (Date.now() < deadline) {
      assert.equal(await wb.isTicked(id), false, `the step "${id}" is not ticked ${what}`);
      await pause(250);
    }
  }

  /** From the walkthrough step `id`: clicks its button and picks `journey` in "Pick the journey to …". */
  async function fromStepPickJourney(id: string, label: string, action: string, journey: string): Promise<string[]> {
    const journeys = await wb.clickStepButton(id, label, `Pick the journey to ${action}`);
    await wb.pick(journey);
    return journeys;
  }

  it('"Test: Run All Tests" on a fresh window, before the Testing view was ever opened, runs every scenario expectation', async () => {
    const expected = sampleExpectations();
    assert.ok(expected > 0);
    await wb.runCommand('Test: Run All Tests');
    const summary = await wb.testingSummary(`${expected}/${expected}`);
    assert.match(summary, new RegExp(`^${expected}/${expected}\\b`), `all ${expected} expectations ran and passed (the Testing view says "${summary}")`);
  });

  it('the walkthrough on the Welcome page shows its three steps, none ticked', async () => {
    await wb.showWalkthrough();
    for (const id of ['open', 'simulate', 'publish']) {
      assert.equal(await wb.step(id).isVisible(), true, `the step "${id}" is shown (publishing works on this host)`);
      assert.equal(await wb.isTicked(id), false, `"${id}" is not ticked at first`);
    }
  });

  it('"Simulate Journey" with no journey active (the Welcome page is): Escape at "Pick the journey to simulate" simulates nothing and ticks nothing', async () => {
    await wb.showWalkthrough();
    const journeys = await wb.clickStepButton('simulate', 'Simulate Journey', 'Pick the journey to simulate');
    for (const sample of ['birthday-german', 'dynamics-product-announcement', 'mailchimp-vip-welcome', 'mailup-webform-nurture', 'preference-center']) {
      assert.ok(journeys.some((row) => row.includes(`${sample}.journey.json`)), `the pick lists ${sample}.journey.json (rows: ${JSON.stringify(journeys)})`);
    }
    await wb.typeIntoQuickInput('');
    await vs.page.keyboard.press('Escape');
    await wb.quickInputClosed();
    await staysUnticked('simulate', 'after the pick was cancelled');
    assert.doesNotMatch(await wb.simulationViewText(), /\d+ started/, 'no simulation is shown');
  });

  it('"Simulate Journey": picking a journey and its timeline runs the simulation, and only then is "Simulate contacts through it" ticked', async () => {
    await wb.showWalkthrough();
    await fromStepPickJourney('simulate', 'Simulate Journey', 'simulate', 'mailchimp-vip-welcome.journey.json');
    const timelines = await wb.quickPickRows('pick a contact timeline');
    assert.match(timelines[0] ?? '', /mailchimp-vip-welcome\.timeline\.json/, `the journey's own timeline comes first (rows: ${JSON.stringify(timelines)})`);
    await staysUnticked('simulate', 'while the timeline is not picked yet');
    await wb.typeIntoQuickInput('');
    await vs.page.keyboard.press('Enter');
    await until(async () => (/\d+ started · \d+ in progress · \d+ completed · \d+ exited/.test(await wb.simulationViewText()) ? true : undefined), 'the Journey Simulation view to show the simulation', 90_000);
    await wb.showWalkthrough();
    await wb.waitTicked('simulate');
    assert.equal(await wb.isTicked('open'), false, 'simulating opened no map, so "Open a journey on the map" is not ticked');
  });

  it('"Publish Journey": Cancel in the confirmation leaves "Publish it" unticked and writes nothing; Publish writes the version and ticks it', async () => {
    const journey = inWorkspace('preference-center.journey.json');
    const original = readFileSync(journey, 'utf8');
    await wb.showWalkthrough();
    await fromStepPickJourney('publish', 'Publish Journey', 'publish', 'preference-center.journey.json');
    const asked = await wb.dialogShown();
    assert.match(asked.message, /^Publish ".+" as version 1\?$/);
    await wb.clickDialogButton('Cancel');
    await staysUnticked('publish', 'after the confirmation was cancelled');
    assert.equal(existsSync(inWorkspace('published')), false, 'nothing was published');
    assert.equal(readFileSync(journey, 'utf8'), original, 'the journey file is unchanged');

    await wb.showWalkthrough();
    await fromStepPickJourney('publish', 'Publish Journey', 'publish', 'preference-center.journey.json');
    await wb.dialogShown();
    await wb.clickDialogButton('Publish');
    await until(async () => (existsSync(inWorkspace('published/preference-center/preference-center.v1.journey.json')) ? true : undefined), 'the published version to be written', 90_000);
    await wb.showWalkthrough();
    await wb.waitTicked('publish');
    assert.equal(await wb.isTicked('open'), false, 'no map was opened yet');
  });

  it('"New Journey…" on the step "Open a journey on the map": a template, a name, the save dialog; the journey shows on the map, and only then is the step ticked', async () => {
    await wb.showWalkthrough();
    const template = JOURNEY_TEMPLATES[1]!;
    const rows = await wb.clickStepButton('open', 'New Journey…', 'New journey from a template');
    for (const t of JOURNEY_TEMPLATES) assert.ok(rows.some((r) => r.includes(t.label)), `the template "${t.label}" is offered (rows: ${JSON.stringify(rows)})`);
    await wb.pick(template.key, template.label);
    await wb.quickInputShown('Name of the new journey');
    await staysUnticked('open', 'while the journey is being named');
    const name = 'Geburtstagsgrüße';
    await wb.typeIntoQuickInput(name);
    await vs.page.keyboard.press('Enter');
    await wb.quickInputShown('Save the new journey');
    await vs.page.keyboard.press('Enter');
    const file = inWorkspace(journeyFileName(name));
    const written = await writtenJson<{ name: string; id: string }>(file);
    assert.equal(journeyFileName(name), 'geburtstagsgrusse.journey.json');
    await mapFrames(vs.page, 1);
    await wb.showWalkthrough();
    await wb.waitTicked('open');
    for (const id of ['open', 'simulate', 'publish']) assert.equal(await wb.isTicked(id), true, `"${id}" shows as completed`);
    assert.deepEqual({ name: written.name, id: written.id }, { name, id: 'geburtstagsgrusse' });
  });

  for (const template of [...JOURNEY_TEMPLATES.map((t) => ({ key: t.key, label: t.label })), { key: 'empty', label: 'Empty journey' }]) {
    it(`"Journey: New Journey…" from the Command Palette creates a journey from the template "${template.label}" and shows it on the map`, async () => {
      const name = `First ${template.key}`;
      await wb.runCommand('Journey: New Journey…');
      await wb.quickInputShown('New journey from a template');
      await wb.pick(template.key, template.label);
      await wb.quickInputShown('Name of the new journey');
      await wb.typeIntoQuickInput(name);
      await vs.page.keyboard.press('Enter');
      await wb.quickInputShown('Save the new journey');
      await vs.page.keyboard.press('Enter');
      const file = inWorkspace(journeyFileName(name));
      const created = await writtenJson<{ name: string; status?: string; publication?: unknown }>(file);
      assert.equal(created.name, name);
      assert.notEqual(created.status, 'published');
      await until(async () => ((await vs.page.locator('.tabs-container .tab.active', { hasText: journeyFileName(name) }).count()) > 0 ? true : undefined), `the tab of ${journeyFileName(name)} to be active`, 30_000);
      await mapFrames(vs.page, 1);
    });
  }
});

describe('The walkthrough in VS Code (code-server) when the first map opened before the Welcome page was ever shown', function () {
  this.timeout(240_000);
  let vs: VsCodeSession;
  let wb: Workbench;
  before(async function () {
    this.timeout(300_000);
    vs = await startVsCode({ samples: true, probe: false });
    wb = new Workbench(vs.page);
  });
  after(async () => {
    await vs?.close();
  });

  it('a journey opened on the map from the Explorer (double-click) first, then the walkthrough: "Open a journey on the map" shows as ticked, the others not', async () => {
    const row = vs.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'birthday-german.journey.json' });
    for (let attempt = 1; ; attempt++) {
      // Nothing waits for the extension here: the first double-click may come before its map editor is registered.
      await row.dblclick();
      try {
        await mapFrames(vs.page, 1);
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
    await wb.showWalkthrough();
    await wb.waitTicked('open');
    assert.equal(await wb.isTicked('simulate'), false);
    assert.equal(await wb.isTicked('publish'), false);
  });
});
