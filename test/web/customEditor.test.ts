// In VS Code for the Web: the extension runs in the web worker extension
// host, a mounted *.journey.json opens in the journey map custom editor, and
// its webview draws the journey's name and every point.
import { assert } from 'chai';
import * as vscode from 'vscode';
import { VIEW_TYPE } from '../../src/journeyMapViewType';
import { closeAllEditors, journeyApi, mountedUri, readJson, waitFor } from './webTestKit';

interface SampleJourney {
  name: string;
  startingPoints: { id: string; name?: string }[];
  points: { id: string; title?: string }[];
}

describe('the journey map in VS Code for the Web', function () {
  afterEach(closeAllEditors);

  it('runs the browser build of the extension in a web worker extension host', async () => {
    await journeyApi();
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    assert.equal(typeof (globalThis as { importScripts?: unknown }).importScripts, 'function', 'the extension host is a web worker');
    assert.equal(typeof (globalThis as { process?: unknown }).process, 'undefined', 'no Node in the extension host');
  });

  it('opens a mounted sample in the journey map, which draws its name and every point', async () => {
    const api = await journeyApi();
    const uri = mountedUri('mailchimp-vip-welcome.journey.json');
    assert.equal(uri.scheme, 'vscode-test-web');
    const expected = await readJson<SampleJourney>(uri);
    await vscode.commands.executeCommand('vscode.open', uri);
    const summary = await waitFor(api.onDidRenderMap, () => api.renderedMap(uri), 'the map of the sample to render', 30000);
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    assert.instanceOf(tab, vscode.TabInputCustom, 'the journey opened in a custom editor');
    assert.equal((tab as vscode.TabInputCustom).viewType, VIEW_TYPE);
    assert.equal(summary.title, expected.name);
    assert.deepEqual(summary.startingPoints, expected.startingPoints.map((sp) => sp.name ?? sp.id));
    assert.deepEqual(summary.points, expected.points.map((p) => p.title ?? p.id));
    assert.isFalse(summary.unparseable);
  });
});
