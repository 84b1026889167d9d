// In VS Code for the Web: "Simulate Journey" runs the pure core simulator in
// the web worker extension host on a mounted sample and its timeline, with
// the same stats as the simulator itself, shown in the contact queues and
// the status bar; the sample scenarios pass in the Test Explorer.
import { assert } from 'chai';
import * as vscode from 'vscode';
import { Journey } from '../../src/core/schema';
import { simulate } from '../../src/core/simulator/index';
import { Timeline } from '../../src/core/timeline';
import { closeAllEditors, journeyApi, mountedUri, readJson, waitFor } from './webTestKit';

describe('simulation in VS Code for the Web', function () {
  afterEach(closeAllEditors);

  it('simulates a sample timeline with the same stats as the core simulator (R15)', async () => {
    const api = await journeyApi();
    const journeyUri = mountedUri('preference-center.journey.json');
    const timelineUri = mountedUri('preference-center.timeline.json');
    await vscode.commands.executeCommand('vscode.open', journeyUri);
    await vscode.commands.executeCommand('journeyDesigner.simulate', journeyUri, { timeline: timelineUri });
    const session = api.simulations.current;
    assert.ok(session, 'the simulation ran');
    const expected = simulate(Journey.parse(await readJson(journeyUri)), Timeline.parse(await readJson(timelineUri)));
    assert.deepEqual(session!.snapshot.stats, expected.stats);
    assert.isAbove(expected.stats.started, 0);
    assert.include(api.statusBar.text, `${expected.stats.started} started`);
  });

  it('steps the time scrubber and lists who waits where (the contact queues)', async () => {
    const api = await journeyApi();
    const session = await api.simulations.simulate(mountedUri('mailchimp-vip-welcome.journey.json'), { timeline: mountedUri('mailchimp-vip-welcome.timeline.json') });
    assert.ok(session);
    await vscode.commands.executeCommand('journeyDesigner.simulation.toStart');
    assert.equal(session!.snapshot.stats.started, 0);
    await vscode.commands.executeCommand('journeyDesigner.simulation.goToTime', '2026-03-04T00:00:00Z');
    assert.include(session!.snapshot.queues['p_wait_3d'] ?? [], 'c_ona');
  });

  it('runs the sample scenarios in the Test Explorer, all passing', async () => {
    const api = await journeyApi();
    await api.scenarioTests.discoverAll();
    const files = await vscode.workspace.findFiles('**/*.scenario.json');
    assert.isAtLeast(files.length, 5);
    let expectations = 0;
    for (const file of files) expectations += (await readJson<{ expectations: unknown[] }>(file)).expectations.length;
    const ran = waitFor(api.scenarioTests.onDidRun, () => (api.scenarioTests.lastOutcome.size >= expectations ? true : undefined), 'the scenario run', 45000);
    await vscode.commands.executeCommand('testing.runAll');
    await ran;
    const outcomes = [...api.scenarioTests.lastOutcome.values()];
    assert.equal(outcomes.length, expectations);
    assert.deepEqual(outcomes.filter((o) => o !== 'passed'), []);
  });
});
