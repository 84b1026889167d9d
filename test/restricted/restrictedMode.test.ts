// In Restricted Mode (an untrusted workspace, as VS Code opens a folder the
// user has not trusted) journeys can be viewed and validated, while
// simulating, publishing and running scenarios need trust: they do nothing
// and say why. Runs in a real VS Code whose workspace is a copy of samples/
// that is not trusted.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, journeyApi, openUntilDiagnostic, waitFor } from '../integration/journeyTestKit';

function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the Restricted Mode suite needs a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Every file below the workspace folder, as relative paths, to see that nothing was written. */
async function filesOfWorkspace(): Promise<string[]> {
  const files = await vscode.workspace.findFiles('**/*');
  const root = workspaceUri().path;
  return files.map((f) => f.path.slice(root.length + 1)).sort();
}

describe('Restricted Mode (an untrusted workspace)', function () {
  this.timeout(60_000);
  afterEach(closeAllEditors);

  it('is really in Restricted Mode', () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the workspace of this suite must not be trusted, or the suite proves nothing');
  });

  it('still validates a journey: problems arrive at their place', async () => {
    await (await journeyApi()).languageServerReady;
    const { diagnostic } = await openUntilDiagnostic(workspaceUri('broken', 'unknown-point-type.journey.json'), 'schema.unknown-discriminator');
    assert.match(diagnostic.message, /sendEmial/);
  });

  it('still shows a journey on the map', async () => {
    const api = await journeyApi();
    const uri = workspaceUri('mailchimp-vip-welcome.journey.json');
    await vscode.commands.executeCommand('vscode.openWith', uri, 'journeyDesigner.map');
    const summary = await waitFor(api.onDidRenderMap, () => api.renderedMap(uri), 'the map of mailchimp-vip-welcome', 30_000);
    assert.equal(summary.unparseable, false);
    assert.equal(summary.startingPoints.length, 3, JSON.stringify(summary));
    assert.ok(summary.points.length > 0, JSON.stringify(summary));
  });

  it('does not simulate: the command does nothing and no simulation appears', async () => {
    const api = await journeyApi();
    const journey = workspaceUri('preference-center.journey.json');
    const timeline = workspaceUri('preference-center.timeline.json');
    await vscode.commands.executeCommand('vscode.open', journey);
    const fromCommand = await vscode.commands.executeCommand('journeyDesigner.simulate', journey, { timeline });
    assert.equal(fromCommand, undefined);
    const fromApi = await api.simulations.simulate(journey, { timeline });
    assert.equal(fromApi, undefined);
    assert.doesNotMatch(api.statusBar.text, /started/, `the status bar shows no simulation: ${api.statusBar.text}`);
  });

  it('does not publish: nothing is written and the result says so', async () => {
    const before = await filesOfWorkspace();
    const journey = workspaceUri('dynamics-product-announcement.journey.json');
    const result = await vscode.commands.executeCommand<{ published: boolean }>('journeyDesigner.publish', journey, { quiet: true });
    assert.equal(result?.published, false);
    assert.deepEqual(await filesOfWorkspace(), before);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(journey));
    assert.doesNotMatch(text, /"publication"/, 'the journey was not marked as published');
  });

  it('does not run scenarios: every expectation of the Test Explorer is skipped', async () => {
    const api = await journeyApi();
    await api.scenarioTests.discoverAll();
    const scenarioFiles = await vscode.workspace.findFiles('**/*.scenario.json');
    assert.ok(scenarioFiles.length >= 5, `the workspace has the sample scenarios (${scenarioFiles.length})`);
    let expectations = 0;
    for (const file of scenarioFiles) expectations += (JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as { expectations: unknown[] }).expectations.length;

    // "Run All Tests" from the Testing view first asks VS Code's own trust
    // prompt; the run profile behind it (what any caller reaches) skips.
    const cancel = new vscode.CancellationTokenSource();
    await api.scenarioTests.run(new vscode.TestRunRequest(), cancel.token);
    const outcomes = [...api.scenarioTests.lastOutcome.values()];
    assert.equal(outcomes.length, expectations);
    assert.deepEqual([...new Set(outcomes)], ['skipped']);
  });
});
