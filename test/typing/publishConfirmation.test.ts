// R21, as a person meets it in a real VS Code (code-server) through
// Playwright: "Journey: Publish Journey" from the Command Palette, with the
// journey open on the map, shows a modal dialog that says what publishing
// will do and lists every warning (here the Dynamics sample's segment start
// and wait-until, both past); Cancel writes nothing, Publish writes the
// version, its compiled journey, and marks the journey file. The dialog's
// buttons are clicked in the workbench; a screenshot of the dialog goes to
// test/screenshots/ with JOURNEY_SCREENSHOTS=1. Runs without the probe: VS Code refuses modal dialogs
// while an extension tests module runs.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { mapFrames, startVsCode, until, type VsCodeSession } from './vscodeSession';
import { tmpdir } from 'node:os';

/** The dialog's picture goes to test/screenshots/ when retaking the README's pictures (JOURNEY_SCREENSHOTS=1), else to a temporary folder, so a test run leaves the repository as it was. */
const SCREENSHOTS = process.env['JOURNEY_SCREENSHOTS'] ? resolve(__dirname, '../screenshots') : join(tmpdir(), 'journey-screenshots');
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('R21: publishing asks for confirmation, clicked through in VS Code (no probe: VS Code shows no dialogs to an extension test run)', function () {
  this.timeout(240_000);
  let vs: VsCodeSession;
  before(async function () {
    this.timeout(300_000);
    vs = await startVsCode({ samples: true, probe: false });
  });
  after(async () => {
    await vs?.close();
  });
  const page = () => vs.page;
  const inWorkspace = (name: string) => join(vs.workspace, name);
  const quickInput = () => page().locator('.quick-input-widget');
  const dialog = () => page().locator('.monaco-dialog-box');
  async function pick(filter: string): Promise<void> {
    await page().keyboard.type(filter);
    const row = quickInput().locator('.quick-input-list .monaco-list-row').filter({ has: page().locator('.label-name', { hasText: new RegExp(`^${filter}$`) }) });
    await row.first().click({ timeout: 15_000 });
  }
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

  it('R21: "Journey: Publish Journey" on the open map asks first, listing both past instants; Cancel writes nothing, Publish writes the version and marks the file', async () => {
    const file = inWorkspace('dynamics-product-announcement.journey.json');
    const original = readFileSync(file, 'utf8');
    const journey = JSON.parse(original) as { id: string; name: string; segmentEntry: { start: string; timeZone: string }; points: { type: string; at?: string; timeZone?: string }[] };
    const waitUntil = journey.points.find((p) => p.type === 'waitUntil')!;
    const id = journey.id;

    const explorerRow = page().locator('.explorer-folders-view .monaco-list-row', { hasText: 'dynamics-product-announcement.journey.json' });
    for (let attempt = 1; ; attempt++) {
      // Without the probe nothing waits for the extension to be ready: the first double-click may come before its map editor is.
      await explorerRow.dblclick();
      try {
        await mapFrames(page(), 1);
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
    const publishFromPalette = async () => {
      // The map stays the active editor while the Explorer has the focus (F1 typed into the map's webview would not reach the workbench).
      await explorerRow.click();
      await page().keyboard.press('F1');
      await quickInput().waitFor({ state: 'visible', timeout: 30_000 });
      await pick('Journey: Publish Journey');
      return dialogShown();
    };

    const asked = await publishFromPalette();
    assert.equal(asked.message, `Publish "${journey.name}" as version 1?`);
    assert.match(asked.detail, /Version 1 is frozen/, 'the dialog says what publishing does');
    assert.match(asked.detail, /2 warnings:/);
    assert.ok(asked.detail.includes(`The segment start (${journey.segmentEntry.start} ${journey.segmentEntry.timeZone}) is already past`), `the segment start's warning is listed:\n${asked.detail}`);
    assert.ok(asked.detail.includes(`waits until ${waitUntil.at} ${waitUntil.timeZone}, which is already past`), `the wait-until's warning is listed:\n${asked.detail}`);
    await screenshot('publish-confirmation-dialog.png');
    await clickDialogButton('Cancel');
    await pause(3_000); // a publish that went on despite Cancel would have written by now
    assert.equal(existsSync(inWorkspace(`published/${id}`)), false, 'Cancel: nothing published');
    assert.equal(readFileSync(file, 'utf8'), original, 'Cancel: the journey file is unchanged');

    await publishFromPalette();
    await clickDialogButton('Publish');
    const published = await until(async () => {
      const text = readFileSync(file, 'utf8');
      return text.includes('"publication"') ? text : undefined;
    }, 'the journey file to be marked published', 90_000);
    assert.equal((JSON.parse(published) as { publication?: { version?: number } }).publication?.version, 1, 'the file says version 1 is published');
    assert.ok(existsSync(inWorkspace(`published/${id}/${id}.v1.journey.json`)), 'the published source exists');
    assert.ok(existsSync(inWorkspace(`published/${id}/${id}.v1.ir.json`)), 'the compiled journey (IR) exists');
  });
});
