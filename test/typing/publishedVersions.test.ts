// R22 as a person meets it in a real VS Code (code-server), through
// Playwright: the text of a published version cannot be changed in the
// editor, whether it is the journey file marked published (opened with the
// map's "Open as Text") or the source publishing keeps under
// published/<id>/; keys typed into it change neither the document nor, after
// code-server's auto-save delay, the file. "Published Journey: Edit as New
// Version" from the Command Palette makes the journey the next draft, and
// "Journey: Open Published Version…" still lists version 1 (and "Compare
// with version 1") and opens it on the map, read-only.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { clickInText, startVsCode, until, type VsCodeSession } from './vscodeSession';
import { Workbench } from './workbench';

const CLI = resolve(__dirname, '../../dist/cli.js');
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Longer than the auto-save delay of the VS Code under test (files.autoSave afterDelay, 1 s). */
const AUTO_SAVE_WAIT_MS = 3_000;

describe('R22: published versions are read-only in the editor, clicked and typed in VS Code (code-server)', function () {
  this.timeout(240_000);
  let vs: VsCodeSession;
  let wb: Workbench;
  let journey: string;
  let id: string;
  let kept: string;

  before(async function () {
    this.timeout(300_000);
    vs = await startVsCode({ samples: true });
    wb = new Workbench(vs.page);
    journey = join(vs.workspace, 'mailchimp-vip-welcome.journey.json');
    id = (JSON.parse(readFileSync(journey, 'utf8')) as { id: string }).id;
    kept = join(vs.workspace, 'published', id, `${id}.v1.journey.json`);
    const published = spawnSync(process.execPath, [CLI, 'publish', journey, '--yes'], { encoding: 'utf8' });
    assert.equal(published.status, 0, `journey publish: ${published.stdout}${published.stderr}`);
    assert.ok(existsSync(kept), 'publishing kept the source of version 1');
  });
  after(async () => {
    await vs?.close();
  });

  const rendered = (file: string) => vs.probe<{ published?: boolean; title?: string } | null>('rendered', { file });
  const text = (file: string) => vs.probe<{ text: string; dirty: boolean }>('text', { file });

  it('R22: keys typed into the published journey right after "Open as Text" on its map change nothing, in the editor or on disk', async () => {
    const onDisk = readFileSync(journey, 'utf8');
    await vs.probe('openMap', { file: journey });
    await until(async () => ((await rendered(journey))?.published ? true : undefined), 'the published map', 60_000);
    await vs.page.locator('.editor-actions .action-label[aria-label^="Open as Text"]').first().click();
    // At once, as a fast user does, before anything else happens.
    await vs.page.keyboard.type('zz');
    await until(async () => ((await vs.page.locator('.tabs-container .tab.active', { hasText: 'mailchimp-vip-welcome.journey.json' }).count()) > 0 ? true : undefined), 'the text editor', 30_000);
    await clickInText(vs, journey, '"name"', 1);
    await vs.page.keyboard.type('typed into a frozen version');
    await vs.page.keyboard.press('Enter');
    await pause(AUTO_SAVE_WAIT_MS);
    const shown = await text(journey);
    assert.equal(shown.text, onDisk, 'the document is unchanged');
    assert.equal(shown.dirty, false);
    assert.equal(readFileSync(journey, 'utf8'), onDisk, 'auto-save wrote nothing');
  });

  it('R22: keys typed into the kept source of version 1 (published/<id>/<id>.v1.journey.json) change nothing, in the editor or on disk', async () => {
    const onDisk = readFileSync(kept, 'utf8');
    await vs.probe('openText', { file: kept, column: 1 });
    await clickInText(vs, kept, '"points"', 2);
    await vs.page.keyboard.type('xx');
    await vs.page.keyboard.press('Backspace');
    await vs.page.keyboard.press('Delete');
    await pause(AUTO_SAVE_WAIT_MS);
    const shown = await text(kept);
    assert.equal(shown.text, onDisk, 'the document is unchanged');
    assert.equal(shown.dirty, false);
    assert.equal(readFileSync(kept, 'utf8'), onDisk, 'auto-save wrote nothing');
  });

  it('R22: "Published Journey: Edit as New Version", then "Journey: Open Published Version…" lists version 1 and "Compare with version 1", and opens version 1 on the map, read-only', async () => {
    const keptText = readFileSync(kept, 'utf8');
    await vs.probe('closeAll');
    await vs.probe('openMap', { file: journey });
    await until(async () => ((await rendered(journey))?.published ? true : undefined), 'the published map', 60_000);
    await wb.runCommand('Journey: Published Journey: Edit as New Version');
    await until(async () => ((await rendered(journey))?.published === false ? true : undefined), 'the map to show the new draft', 60_000);
    await until(async () => (/"version": 2/.test(readFileSync(journey, 'utf8')) && !readFileSync(journey, 'utf8').includes('"publication"') ? true : undefined), 'the file to be saved as version 2, a draft', 30_000).catch(async (error: unknown) => {
      const shown = await text(journey);
      throw new Error(`${error instanceof Error ? error.message : String(error)}; the document is ${shown.dirty ? 'dirty' : 'saved'}, ${shown.text.includes('"publication"') ? 'published' : 'a draft'}; on disk: ${readFileSync(journey, 'utf8').includes('"publication"') ? 'published' : 'a draft'}`);
    });

    await wb.runCommand('Journey: Open Published Version…');
    const rows = await wb.quickPickRows('Open a published version');
    assert.ok(rows.some((r) => r.startsWith('Version 1')), `version 1 is listed (rows: ${JSON.stringify(rows)})`);
    assert.ok(rows.some((r) => r.startsWith('Compare with version 1')), `"Compare with version 1" is offered (rows: ${JSON.stringify(rows)})`);
    await wb.pick('Version 1');
    await until(async () => ((await rendered(kept))?.published === true ? true : undefined), 'version 1 on the map, read-only', 60_000);
    assert.equal(readFileSync(kept, 'utf8'), keptText, 'version 1 is kept as it was published');
  });
});
