// In a real VS Code: "Simulate Journey" replays a sample timeline, steps
// through time, shows the contact queues and stats, and the journey
// scenarios run in the Test Explorer — all agreeing with the core simulator.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Journey } from '../../src/core/schema';
import { simulate } from '../../src/core/simulator/index';
import { Timeline } from '../../src/core/timeline';
import { closeAllEditors, journeyApi, readJson, sampleUri, waitFor } from './journeyTestKit';

describe('simulation in the editor', function () {
  this.timeout(60000);
  afterEach(closeAllEditors);

  it('replays a sample timeline and shows the same stats as the simulator, in the view and the status bar (R15)', async () => {
    const api = await journeyApi();
    const journeyUri = sampleUri('preference-center.journey.json');
    const timelineUri = sampleUri('preference-center.timeline.json');
    await vscode.commands.executeCommand('vscode.open', journeyUri);
    const session = await api.simulations.simulate(journeyUri, { timeline: timelineUri });
    assert.ok(session, 'the simulation ran');
    const expected = simulate(Journey.parse(await readJson(journeyUri)), Timeline.parse(await readJson(timelineUri)));
    assert.deepEqual(session.snapshot.stats, expected.stats);
    const { started, inProgress, completed, exited } = expected.stats;
    assert.equal(started, inProgress + completed + exited);
    assert.ok(api.statusBar.text.includes(`${started} started`), api.statusBar.text);
  });

  it('steps the time scrubber back to the start and forward again, exactly', async () => {
    const api = await journeyApi();
    const journeyUri = sampleUri('mailchimp-vip-welcome.journey.json');
    const session = await api.simulations.simulate(journeyUri, { timeline: sampleUri('mailchimp-vip-welcome.timeline.json') });
    assert.ok(session);
    const end = session.snapshot.stats;
    await vscode.commands.executeCommand('journeyDesigner.simulation.toStart');
    assert.equal(session.position.index, 0);
    assert.equal(session.snapshot.stats.started, 0);
    await vscode.commands.executeCommand('journeyDesigner.simulation.stepForward');
    assert.equal(session.position.index, 1);
    assert.ok(session.snapshot.stats.started >= 1, 'the first step enters a contact');
    await vscode.commands.executeCommand('journeyDesigner.simulation.toEnd');
    assert.deepEqual(session.snapshot.stats, end);
  });

  it('lists who waits where at an instant (the contact queue) and highlights a contact path', async () => {
    const api = await journeyApi();
    const journeyUri = sampleUri('mailchimp-vip-welcome.journey.json');
    const session = await api.simulations.simulate(journeyUri, { timeline: sampleUri('mailchimp-vip-welcome.timeline.json') });
    assert.ok(session);
    await vscode.commands.executeCommand('journeyDesigner.simulation.goToTime', '2026-03-04T00:00:00Z');
    const waiting = session.snapshot.queues['p_wait_3d'] ?? [];
    assert.ok(waiting.includes('c_ona'), `ona waits three days: ${JSON.stringify(session.snapshot.queues)}`);
    await vscode.commands.executeCommand('journeyDesigner.simulation.selectContact', 'c_ona');
    const overlay = session.overlay();
    assert.equal(overlay.contact?.id, 'c_ona');
    assert.deepEqual(overlay.contact?.path.slice(0, 2), ['sp_tag_vip', 'p_send_welcome']);
  });

  it('runs the sample scenarios in the Test Explorer, one test per expectation, all passing', async () => {
    const api = await journeyApi();
    await api.scenarioTests.discoverAll();
    const files = await vscode.workspace.findFiles('**/*.scenario.json');
    assert.ok(files.length >= 5);
    let expectations = 0;
    for (const file of files) expectations += ((await readJson(file)) as { expectations: unknown[] }).expectations.length;
    const ran = waitFor(api.scenarioTests.onDidRun, () => (api.scenarioTests.lastOutcome.size >= expectations ? true : undefined), 'the scenario run', 45000);
    await vscode.commands.executeCommand('testing.runAll');
    await ran;
    const outcomes = [...api.scenarioTests.lastOutcome.values()];
    assert.equal(outcomes.length, expectations);
    assert.deepEqual(outcomes.filter((o) => o !== 'passed'), []);
  });
});
