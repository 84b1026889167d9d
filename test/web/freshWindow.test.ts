// In VS Code for the Web, first of the suite (a fresh window: nothing has
// opened the Testing view or asked for the scenarios): "Test: Run All Tests"
// (testing.runAll), run as soon as the Test Explorer has a scenario file
// (when VS Code offers the command), runs every expectation of every
// scenario file of the workspace, not 0 of 0.
import { assert } from 'chai';
import * as vscode from 'vscode';
import { journeyApi, readJson, waitFor } from './webTestKit';

describe('a fresh window of VS Code for the Web', function () {
  this.timeout(120_000);

  it('"Test: Run All Tests" runs every scenario expectation of the workspace, started the moment the first scenario file is in the Test Explorer', async () => {
    const api = await journeyApi();
    const files = await vscode.workspace.findFiles('**/*.scenario.json', '**/node_modules/**');
    let expectations = 0;
    for (const file of files) expectations += (await readJson<{ expectations: unknown[] }>(file)).expectations.length;
    assert.isAbove(expectations, 0);
    // Polled, not awaited on discovery: the command is offered once the tree has an item.
    const start = Date.now();
    while (api.scenarioTests.controller.items.size === 0 && Date.now() - start < 60_000) await new Promise((r) => setTimeout(r, 5));
    assert.isAbove(api.scenarioTests.controller.items.size, 0, 'the scenarios were discovered without the Testing view');
    const ran = waitFor(api.scenarioTests.onDidRun, () => true, 'a test run', 90_000);
    await vscode.commands.executeCommand('testing.runAll');
    await ran;
    const outcomes = [...api.scenarioTests.lastOutcome.values()];
    assert.equal(outcomes.length, expectations, `every expectation of the ${files.length} scenario files ran`);
    assert.deepEqual(outcomes.filter((o) => o !== 'passed'), []);
  });
});
