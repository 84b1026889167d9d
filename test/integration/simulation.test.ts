// In a real VS Code: "Simulate Journey" replays a sample timeline, steps
// through time, shows the contact queues and stats, and the journey
// scenarios run in the Test Explorer — all agreeing with the core simulator.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, coreReplay, journeyApi, runAllScenarioTests, sampleUri } from './journeyTestKit';

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
    const expected = await coreReplay(journeyUri, timelineUri);
    assert.deepEqual(session.snapshot.stats, expected.stats);
    const { started, inProgress, completed, exited } = expected.stats;
    assert.equal(started, inProgress + completed + exited);
    assert.ok(api.statusBar.text.includes(`${started} started`), api.statusBar.text);
  });

  it('Clear Simulation takes the simulation off the map and the status bar', async () => {
    const api = await journeyApi();
    const journeyUri = sampleUri('preference-center.journey.json');
    await vscode.commands.executeCommand('vscode.open', journeyUri);
    const session = await api.simulations.simulate(journeyUri, { timeline: sampleUri('preference-center.timeline.json') });
    assert.ok(session);
    assert.match(api.statusBar.text, /started/);
    await vscode.commands.executeCommand('journeyDesigner.simulation.clear');
    assert.doesNotMatch(api.statusBar.text, /started/, api.statusBar.text);
    assert.match(api.statusBar.text, /Journey/, 'the problems of the journey are still shown');
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
    const { files, expectations, outcomes } = await runAllScenarioTests(await journeyApi());
    assert.ok(files >= 5);
    assert.equal(outcomes.length, expectations);
    assert.deepEqual(outcomes.filter((o) => o !== 'passed'), []);
  });
});
