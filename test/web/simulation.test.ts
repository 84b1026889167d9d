// In VS Code for the Web: "Simulate Journey" runs the pure core simulator in
// the web worker extension host on a mounted sample and its timeline, with
// the same stats as the simulator itself, shown in the contact queues and
// the status bar; the sample scenarios pass in the Test Explorer.
import { assert } from 'chai';
import * as vscode from 'vscode';
import { closeAllEditors, coreReplay, journeyApi, mountedUri, runAllScenarioTests } from './webTestKit';

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
    const expected = await coreReplay(journeyUri, timelineUri);
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
    const { files, expectations, outcomes } = await runAllScenarioTests(await journeyApi());
    assert.isAtLeast(files, 5);
    assert.equal(outcomes.length, expectations);
    assert.deepEqual(outcomes.filter((o) => o !== 'passed'), []);
  });
});
