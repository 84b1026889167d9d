// In a real VS Code: the extension is installed, activates on a journey
// workspace, and starts its language server.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, journeyApi, readJson, waitFor } from './journeyTestKit';

describe('extension activation', function () {
  this.timeout(60000);

  it('is present and activates with its language server running', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    const api = await journeyApi();
    assert.equal(extension.isActive, true);
    await api.languageServerReady;
    const commands = await vscode.commands.getCommands(true);
    for (const command of ['journeyDesigner.openAsText', 'journeyDesigner.openMap', 'journeyDesigner.newJourney']) assert.ok(commands.includes(command), `${command} is registered`);
  });

  it('runs every scenario on "Run All Tests" in a fresh window, before the Testing view was ever opened', async () => {
    const api = await journeyApi();
    await api.scenarioTests.discovered;
    const files = await vscode.workspace.findFiles('**/*.scenario.json');
    let expectations = 0;
    for (const file of files) expectations += (await readJson<{ expectations: unknown[] }>(file)).expectations.length;
    assert.ok(files.length >= 5 && expectations > 0);
    const ran = waitFor(api.scenarioTests.onDidRun, () => (api.scenarioTests.lastOutcome.size >= expectations ? true : undefined), 'the scenario run', 45_000);
    await vscode.commands.executeCommand('testing.runAll');
    await ran;
    assert.equal(api.scenarioTests.lastOutcome.size, expectations);
  });

  it('runs in the web workbench of code-server with a Node 22 extension host', () => {
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    assert.match(process.versions.node, /^22\./);
  });
});
