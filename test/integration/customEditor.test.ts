// In a real VS Code: a journey opens in the journey map, whose webview
// draws the journey's name and every point, read back from the webview DOM;
// an edit made on the map is one WorkspaceEdit that VS Code's own undo,
// redo, save and revert handle; external changes and the text cursor reach
// the map; a published journey is frozen; the map exports itself.
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { journeyEditFor } from '../../src/core/edits/journeyEdit';
import type { JourneyOperation } from '../../src/core/edits/journeyOperation';
import type { RenderedSummary } from '../../src/webviewProtocol';
import { closeAllEditors, journeyApi, sampleUri, waitFor } from './journeyTestKit';

interface SampleJourney {
  name: string;
  startingPoints: { id: string; name?: string }[];
  points: { id: string; title?: string }[];
}

async function readSample(uri: vscode.Uri): Promise<SampleJourney> {
  return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) as SampleJourney;
}

describe('journey map custom editor', function () {
  this.timeout(60000);
  afterEach(closeAllEditors);

  it('is the default editor of *.journey.json and draws the journey name and every point', async () => {
    const api = await journeyApi();
    const uri = sampleUri('mailchimp-vip-welcome.journey.json');
    const expected = await readSample(uri);
    await vscode.commands.executeCommand('vscode.open', uri);
    const summary = await waitFor(api.onDidRenderMap, () => api.renderedMap(uri), 'the map of the sample to render');
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    assert.ok(tab instanceof vscode.TabInputCustom, 'the journey opened in a custom editor');
    assert.equal(tab.viewType, 'journeyDesigner.map');
    assert.equal(summary.title, expected.name);
    assert.deepEqual(summary.startingPoints, expected.startingPoints.map((sp) => sp.name ?? sp.id));
    assert.deepEqual(summary.points, expected.points.map((p) => p.title ?? p.id));
    assert.equal(summary.unparseable, false);
  });

  it('shows the parse error of a file that is not JSON and leaves the document untouched', async () => {
    const api = await journeyApi();
    const uri = sampleUri('broken', 'not-json.journey.json');
    await vscode.commands.executeCommand('vscode.openWith', uri, 'journeyDesigner.map');
    const summary = await waitFor(api.onDidRenderMap, () => api.renderedMap(uri), 'the map of the broken file to render');
    assert.equal(summary.unparseable, true);
    assert.ok(summary.problems > 0);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    assert.ok(document, 'the text document backs the custom editor');
    assert.equal(document.isDirty, false, 'the map never writes to a document it could not parse');
  });

  it('re-renders when the text document changes', async () => {
    const api = await journeyApi();
    const uri = sampleUri('birthday-german.journey.json');
    await vscode.commands.executeCommand('vscode.openWith', uri, 'journeyDesigner.map');
    const first = await waitFor(api.onDidRenderMap, () => api.renderedMap(uri), 'the first render');
    const document = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    const nameOffset = document.getText().indexOf(JSON.stringify(first.title));
    assert.ok(nameOffset > 0);
    edit.replace(uri, new vscode.Range(document.positionAt(nameOffset), document.positionAt(nameOffset + JSON.stringify(first.title).length)), '"Renamed in the text"');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const second = await waitFor(api.onDidRenderMap, () => {
      const s = api.renderedMap(uri);
      return s && s.title === 'Renamed in the text' ? s : undefined;
    }, 'the map to show the new name');
    assert.ok(second.documentVersion > first.documentVersion);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});

/** A scratch copy of a sample outside the samples folder, so saving never touches the samples. */
async function scratchCopy(name: string, transform: (text: string) => string = (t) => t): Promise<vscode.Uri> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(sampleUri(name)));
  const uri = vscode.Uri.file(join(tmpdir(), `journey-map-${process.pid}-${Date.now()}-${name}`));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(transform(text)));
  return uri;
}

async function openOnMap(uri: vscode.Uri, accept: (s: RenderedSummary) => boolean = () => true): Promise<{ document: vscode.TextDocument; summary: RenderedSummary }> {
  const api = await journeyApi();
  await vscode.commands.executeCommand('vscode.openWith', uri, 'journeyDesigner.map');
  const summary = await waitFor(api.onDidRenderMap, () => {
    const s = api.renderedMap(uri);
    return s && accept(s) ? s : undefined;
  }, 'the map to render');
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  assert.ok(document, 'a text document backs the map');
  return { document, summary };
}

async function rendered(uri: vscode.Uri, accept: (s: RenderedSummary) => boolean, what: string): Promise<RenderedSummary> {
  const api = await journeyApi();
  return waitFor(api.onDidRenderMap, () => {
    const s = api.renderedMap(uri);
    return s && accept(s) ? s : undefined;
  }, what);
}

async function changed(document: vscode.TextDocument, from: number, what: string): Promise<void> {
  await waitFor(vscode.workspace.onDidChangeTextDocument, () => (document.version > from ? true : undefined), what);
}

describe('journey map custom editor: editing in VS Code', function () {
  this.timeout(90000);
  afterEach(async () => {
    // Scratch copies may be left dirty by a failed test: save them (they are temporary) so closing never prompts.
    for (const d of vscode.workspace.textDocuments) if (d.isDirty && d.uri.scheme === 'file' && d.uri.fsPath.startsWith(tmpdir())) await d.save();
    await closeAllEditors();
  });

  it('applies a map edit as one minimal edit that VS Code undoes, redoes and saves', async () => {
    const api = await journeyApi();
    const uri = await scratchCopy('mailchimp-vip-welcome.journey.json');
    const { document } = await openOnMap(uri);
    const original = document.getText();
    const operation: JourneyOperation = { op: 'insertPoint', from: 'p_tag_welcomed', slot: 'next', pointType: 'wait' };
    const version = document.version;
    const result = await api.mapOperation(uri, operation);
    assert.ok(result.ok, result.ok ? '' : result.error);
    const expected = journeyEditFor(original, operation);
    assert.ok(expected.ok);
    assert.equal(document.getText(), expected.text, 'the document holds exactly the edited text');
    assert.equal(document.version, version + 1, 'one edit');
    assert.equal(document.isDirty, true);
    await rendered(uri, (s) => s.points.includes('p_wait'), 'the map to show the new point');

    await vscode.commands.executeCommand('undo');
    await waitFor(vscode.workspace.onDidChangeTextDocument, () => (document.getText() === original ? true : undefined), 'undo to restore the text');
    await rendered(uri, (s) => !s.points.includes('p_wait') && s.documentVersion === document.version, 'the map to follow the undo');
    await vscode.commands.executeCommand('redo');
    await waitFor(vscode.workspace.onDidChangeTextDocument, () => (document.getText() === expected.text ? true : undefined), 'redo to reapply the edit');

    assert.ok(await document.save(), 'saved');
    assert.equal(document.isDirty, false);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), expected.text, 'the file holds the edited text');
  });

  it('keeps two maps of one file in sync', async () => {
    const api = await journeyApi();
    const uri = await scratchCopy('birthday-german.journey.json');
    const { document } = await openOnMap(uri);
    await vscode.commands.executeCommand('vscode.openWith', uri, 'journeyDesigner.map', vscode.ViewColumn.Beside);
    await rendered(uri, (s) => s.documentVersion === document.version, 'the second map to render');
    const target = document.version + 1;
    let maps = 0;
    const counting = api.onDidRenderMap((e) => {
      if (e.uri === uri.toString() && e.summary.documentVersion === target && e.summary.points.includes('p_end')) maps++;
    });
    try {
      const result = await api.mapOperation(uri, { op: 'changePointType', id: 'p_end_redeemed', pointType: 'addTag' });
      assert.ok(result.ok, result.ok ? '' : result.error);
      await waitFor(api.onDidRenderMap, () => (maps >= 2 ? true : undefined), 'both maps to draw the edit');
    } finally {
      counting.dispose();
    }
  });

  it('re-renders at once when the file changes on disk', async () => {
    const uri = await scratchCopy('birthday-german.journey.json');
    const { summary } = await openOnMap(uri);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text.replace(JSON.stringify(summary.title), '"Changed on disk"')));
    await rendered(uri, (s) => s.title === 'Changed on disk', 'the map to show the change on disk');
  });

  it('selects the node the cursor is in when the same document is open as text', async () => {
    const uri = await scratchCopy('mailchimp-vip-welcome.journey.json');
    const { document } = await openOnMap(uri);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    const at = document.positionAt(document.getText().indexOf('"duration": "P3D"'));
    editor.selection = new vscode.Selection(at, at);
    await rendered(uri, (s) => s.selected === 'p_wait_3d', 'the map to select the node under the cursor');
  });

  it('reopens with the text editor (Reopen With)', async () => {
    const uri = await scratchCopy('birthday-german.journey.json');
    await openOnMap(uri);
    await vscode.commands.executeCommand('vscode.openWith', uri, 'default');
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    assert.ok(tab instanceof vscode.TabInputText, 'the journey is now open as text');
    assert.equal(tab.uri.toString(), uri.toString());
  });

  it('R22: refuses map edits of a published journey, and "edit as new version" makes it a draft in one undoable edit', async () => {
    const api = await journeyApi();
    const uri = await scratchCopy('birthday-german.journey.json', (t) => t.replace('"status": "draft",', '"status": "published",\n  "version": 1,\n  "publication": { "version": 1, "publishedAt": "2026-02-01T09:00:00Z", "hash": "fnv1a64:0123456789abcdef" },'));
    const { document, summary } = await openOnMap(uri);
    assert.equal(summary.published, true);
    const refused = await api.mapOperation(uri, { op: 'pinPositions', positions: [{ id: 'p_send_birthday', x: 0, y: 0 }] });
    assert.equal(refused.ok, false);
    assert.equal(document.isDirty, false, 'nothing was written');
    const version = document.version;
    const unfrozen = await api.mapOperation(uri, { op: 'editAsNewVersion' });
    assert.ok(unfrozen.ok);
    assert.equal(document.version, version + 1);
    assert.match(document.getText(), /"status": "draft",\n {2}"version": 2,\n/);
    assert.doesNotMatch(document.getText(), /"publication"/);
    await rendered(uri, (s) => s.published === false, 'the map to become editable');
  });

  it('never edits a document that is not JSON', async () => {
    const api = await journeyApi();
    const uri = sampleUri('broken', 'not-json.journey.json');
    const { document } = await openOnMap(uri);
    const result = await api.mapOperation(uri, { op: 'unpinPositions' });
    assert.equal(result.ok, false);
    assert.equal(document.isDirty, false);
  });

  it('exports the map as SVG and PNG files (journeyDesigner.map.exportSvg / exportPng)', async () => {
    const uri = await scratchCopy('dynamics-product-announcement.journey.json');
    await openOnMap(uri);
    const svgTarget = vscode.Uri.file(join(tmpdir(), `journey-map-${process.pid}-${Date.now()}.svg`));
    const pngTarget = vscode.Uri.file(join(tmpdir(), `journey-map-${process.pid}-${Date.now()}.png`));
    await vscode.commands.executeCommand('journeyDesigner.map.exportSvg', svgTarget);
    await vscode.commands.executeCommand('journeyDesigner.map.exportPng', pngTarget);
    const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(svgTarget));
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.ok(svg.includes('Send product announcement email'));
    const png = await vscode.workspace.fs.readFile(pngTarget);
    assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  });
});
