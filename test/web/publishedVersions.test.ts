// In VS Code for the Web (R22): a published journey and the source kept for
// its version 1 (published/<id>/<id>.v1.journey.json, as publishing on the
// desktop writes them; publishing itself needs the desktop) are read-only in
// the text editor: typing changes nothing. The language server, in its web
// worker, reads the kept version through the client (vscode.workspace.fs):
// an edit of the published version is reported at the changed value, and a
// publication removed by hand is an error. "Edit as New Version" makes the
// journey the next draft, and version 1 still opens on the map, read-only.
import { assert } from 'chai';
import * as vscode from 'vscode';
import { journeyLogicHash } from '../../src/core/journeyHash';
import { closeAllEditors, journeyApi, mountedUri, openUntilDiagnostic, readJson, waitFor } from './webTestKit';

describe('published versions in VS Code for the Web (R22)', function () {
  this.timeout(90_000);
  const folder = mountedUri('.published-versions-test');
  const journeyUri = vscode.Uri.joinPath(folder, 'frozen.journey.json');
  const keptUri = vscode.Uri.joinPath(folder, 'published', 'birthday-german', 'birthday-german.v1.journey.json');
  let published = '';

  before(async () => {
    const draft = await readJson<Record<string, unknown>>(mountedUri('birthday-german.journey.json'));
    const journey = { ...draft, status: 'published', version: 1, publication: { version: 1, publishedAt: '2026-02-01T09:00:00Z', hash: journeyLogicHash(draft) } };
    published = `${JSON.stringify(journey, null, 2)}\n`;
    await vscode.workspace.fs.writeFile(journeyUri, new TextEncoder().encode(published));
    await vscode.workspace.fs.writeFile(keptUri, new TextEncoder().encode(published));
  });
  afterEach(closeAllEditors);
  after(async () => {
    await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  it('R22: typing into the text of the published journey changes nothing', async () => {
    const api = await journeyApi();
    const document = await vscode.workspace.openTextDocument(journeyUri);
    await vscode.window.showTextDocument(document);
    await waitFor(api.publishedReadOnly.onDidChange, () => (api.publishedReadOnly.isReadOnly(journeyUri) ? true : undefined), 'the text to become read-only');
    await vscode.commands.executeCommand('type', { text: 'x' });
    assert.equal(document.getText(), published);
    assert.isFalse(document.isDirty);
  });

  it('R22: typing into the kept source of version 1 changes nothing (files.readonlyInclude)', async () => {
    const document = await vscode.workspace.openTextDocument(keptUri);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('type', { text: 'x' });
    assert.equal(document.getText(), published);
    assert.isFalse(document.isDirty);
  });

  it('R22: the language server in its web worker reads the kept version: a publication removed by hand is an error on the version', async () => {
    const unpublished = JSON.parse(published) as Record<string, unknown>;
    delete unpublished['publication'];
    unpublished['status'] = 'draft';
    const removedUri = vscode.Uri.joinPath(folder, 'removed.journey.json');
    await vscode.workspace.fs.writeFile(removedUri, new TextEncoder().encode(JSON.stringify(unpublished, null, 2)));
    const { document, diagnostic } = await openUntilDiagnostic(removedUri, 'R22.publication-removed');
    assert.equal(document.getText(diagnostic.range), '1');
    assert.include(diagnostic.message, 'published/birthday-german/birthday-german.v1.journey.json');
  });

  it('R22: "Edit as New Version" makes the journey version 2, a draft, and version 1 still opens on the map, read-only', async () => {
    const api = await journeyApi();
    await vscode.commands.executeCommand('vscode.openWith', journeyUri, 'journeyDesigner.map');
    await waitFor(api.onDidRenderMap, () => (api.renderedMap(journeyUri)?.published ? true : undefined), 'the published map');
    const asNew = await api.mapOperation(journeyUri, { op: 'editAsNewVersion' });
    assert.isTrue(asNew.ok, JSON.stringify(asNew));
    const document = await vscode.workspace.openTextDocument(journeyUri);
    await document.save();
    const draft = await readJson<{ version: number; status: string; publication?: unknown }>(journeyUri);
    assert.deepEqual({ version: draft.version, status: draft.status, publication: draft.publication }, { version: 2, status: 'draft', publication: undefined });

    const opened = await vscode.commands.executeCommand<vscode.Uri>('journeyDesigner.openPublishedVersion', journeyUri, { version: 1 });
    assert.equal(opened?.toString(), keptUri.toString());
    const summary = await waitFor(api.onDidRenderMap, () => api.renderedMap(keptUri), 'the map of version 1', 30_000);
    assert.isTrue(summary.published, 'version 1 shows read-only on the map');
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(keptUri)), published, 'version 1 is kept as it was');
  });
});
