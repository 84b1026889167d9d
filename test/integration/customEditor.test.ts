// In a real VS Code: a journey opens in the journey map, whose webview
// draws the journey's name and every point, read back from the webview DOM.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
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
