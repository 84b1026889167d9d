// In a real VS Code (R22): publishing keeps each version's source beside its
// compiled journey; after "Edit as New Version" version 1 can still be opened
// on the map, read-only, its stored source cannot be edited, and "Compare
// with version 1" compares the draft with it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, journeyApi, sampleUri, waitFor } from './journeyTestKit';

describe('published versions (R22)', function () {
  this.timeout(90_000);
  const folder = mkdtempSync(join(tmpdir(), 'journey-versions-'));
  after(() => rmSync(folder, { recursive: true, force: true }));
  afterEach(closeAllEditors);

  it('R22: keeps version 1 after "Edit as New Version", opens it on the map read-only, and refuses edits of its text', async () => {
    const api = await journeyApi();
    const journey = vscode.Uri.file(join(folder, 'vip.journey.json'));
    await vscode.workspace.fs.copy(sampleUri('mailchimp-vip-welcome.journey.json'), journey);

    const result = await vscode.commands.executeCommand<{ published: boolean; reasons: string[]; outcome?: { sourcePath?: string } }>('journeyDesigner.publish', journey, { quiet: true, confirmed: true });
    assert.ok(result?.published, `refused: ${result?.reasons.join('; ')}`);
    const publishedText = (await vscode.workspace.openTextDocument(journey)).getText();

    await vscode.commands.executeCommand('vscode.openWith', journey, 'journeyDesigner.map');
    await waitFor(api.onDidRenderMap, () => (api.renderedMap(journey)?.published ? true : undefined), 'the published map');
    const asNew = await api.mapOperation(journey, { op: 'editAsNewVersion' });
    assert.ok(asNew.ok, asNew.ok ? '' : JSON.stringify(asNew));
    const document = await vscode.workspace.openTextDocument(journey);
    await document.save();
    assert.match(document.getText(), /"version": 2/);

    const opened = await vscode.commands.executeCommand<vscode.Uri>('journeyDesigner.openPublishedVersion', journey, { version: 1 });
    assert.ok(opened, 'version 1 is listed');
    assert.equal(opened.path, vscode.Uri.file(join(folder, 'published', 'mailchimp-vip-welcome', 'mailchimp-vip-welcome.v1.journey.json')).path);
    const summary = await waitFor(api.onDidRenderMap, () => api.renderedMap(opened), 'the map of version 1');
    assert.equal(summary.published, true, 'version 1 shows read-only on the map');
    const stored = await vscode.workspace.openTextDocument(opened);
    assert.equal(stored.getText(), publishedText, 'version 1 is kept exactly as it was published');

    // Typing into its text, as a user does (the `type` command is the keyboard's path).
    await vscode.window.showTextDocument(stored);
    await vscode.commands.executeCommand('type', { text: 'x' });
    assert.equal(stored.getText(), publishedText, 'the stored version is read-only');
    assert.equal(stored.isDirty, false);

    // "Compare with version 1" compares the draft (B) with the kept version 1 (A) through the
    // compare command; its timeline is picked as Simulate picks one (the sample's, first).
    const comparing = vscode.commands.executeCommand<vscode.Uri>('journeyDesigner.openPublishedVersion', journey, { compare: 1 });
    let settled = false;
    void Promise.resolve(comparing).finally(() => (settled = true));
    for (let waited = 0; !settled && waited < 15_000; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    assert.equal((await comparing)?.path, opened.path, 'the entry names version 1');
    const session = api.comparisons.current;
    assert.ok(session, 'the comparison ran');
    assert.equal(session.currentUri.path, journey.path, 'B is the journey being edited');
    assert.equal(session.a.version ?? 1, 1, 'A is the kept version 1');
    assert.equal(session.a.publication?.version, 1, 'A carries its publication record');
    assert.equal(session.b.version, 2);
    assert.equal(session.comparison.equal, true, 'only the version number changed: the same outcomes');
    await vscode.commands.executeCommand('journeyDesigner.simulation.clear');
  });

  it('R22: the text of a published journey is read-only until "Edit as New Version" makes it a draft', async () => {
    const api = await journeyApi();
    const journey = vscode.Uri.file(join(folder, 'frozen.journey.json'));
    const text = new TextDecoder()
      .decode(await vscode.workspace.fs.readFile(sampleUri('birthday-german.journey.json')))
      .replace('"status": "draft",', '"status": "published",\n  "version": 1,\n  "publication": { "version": 1, "publishedAt": "2026-02-01T09:00:00Z", "hash": "fnv1a64:0123456789abcdef" },');
    await vscode.workspace.fs.writeFile(journey, new TextEncoder().encode(text));
    const document = await vscode.workspace.openTextDocument(journey);
    await vscode.window.showTextDocument(document);
    await waitFor(api.publishedReadOnly.onDidChange, () => (api.publishedReadOnly.isReadOnly(journey) ? true : undefined), 'the text to become read-only');
    await vscode.commands.executeCommand('type', { text: 'x' });
    assert.equal(document.getText(), text, 'a stray keystroke does not change the published version');

    await vscode.commands.executeCommand('vscode.openWith', journey, 'journeyDesigner.map');
    await waitFor(api.onDidRenderMap, () => (api.renderedMap(journey)?.published ? true : undefined), 'the published map');
    assert.ok((await api.mapOperation(journey, { op: 'editAsNewVersion' })).ok);
    await vscode.window.showTextDocument(document);
    await waitFor(api.publishedReadOnly.onDidChange, () => (api.publishedReadOnly.isReadOnly(journey) ? undefined : true), 'the text to become writeable');
    const before = document.getText();
    await vscode.commands.executeCommand('type', { text: 'x' });
    assert.notEqual(document.getText(), before, 'the new draft version is editable again');
  });
});
