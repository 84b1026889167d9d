// In a real VS Code: "Simulate Journey" replays a sample timeline, steps
// through time, shows the contact queues and stats, and the journey
// scenarios run in the Test Explorer — all agreeing with the core simulator.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('Simulate Journey replays behind a progress notification with Cancel: a cancel stops the replay part-way and the map, status bar and view keep the simulation they showed (#16)', async () => {
    const api = await journeyApi();
    const journeyUri = sampleUri('preference-center.journey.json');
    await vscode.commands.executeCommand('vscode.open', journeyUri);
    const shown = await api.simulations.simulate(journeyUri, { timeline: sampleUri('preference-center.timeline.json') });
    assert.ok(shown, 'a finished simulation is shown');
    const overlay = api.simulations.lastOverlay;
    const status = api.statusBar.text;
    // Many contacts: a replay of several seconds, reported as it goes.
    const cancel = new vscode.CancellationTokenSource();
    const running = api.simulations.simulate(journeyUri, { profile: { contacts: 60_000, days: 7 }, cancellation: cancel.token });
    const deadline = Date.now() + 50_000;
    const underWay = () => api.simulations.lastProgress > 0 && api.simulations.lastProgress < 1;
    while (!underWay() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    const reached = api.simulations.lastProgress;
    assert.ok(reached > 0 && reached < 1, `the replay reports its progress while it runs (${reached})`);
    cancel.cancel();
    assert.equal(await running, undefined, 'a cancelled simulation gives no session');
    assert.ok(api.simulations.lastProgress < 1, `stopped part-way (${api.simulations.lastProgress})`);
    assert.equal(api.simulations.current, shown);
    assert.equal(api.simulations.lastOverlay, overlay, 'no overlay of the cancelled replay');
    assert.equal(api.statusBar.text, status);
  });

  it('runs the sample scenarios in the Test Explorer, one test per expectation, all passing', async () => {
    const { files, expectations, outcomes } = await runAllScenarioTests(await journeyApi());
    assert.ok(files >= 5);
    assert.equal(outcomes.length, expectations);
    assert.deepEqual(outcomes.filter((o) => o !== 'passed'), []);
  });
});

describe('Test Explorer: scenario problems at their line and column (#19)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'journey-scenario-names-'));
  after(() => rmSync(folder, { recursive: true, force: true }));
  const copy = async (name: string, edit: (text: string) => string = (t) => t) => {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(sampleUri(name)));
    const uri = vscode.Uri.file(join(folder, name));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(edit(text)));
    return { uri, text: edit(text) };
  };
  const positionOf = (text: string, needle: string) => {
    const before = text.slice(0, text.indexOf(needle)).split('\n');
    return new vscode.Position(before.length - 1, before[before.length - 1]!.length);
  };

  it('a scenario naming a misspelt point errors every expectation, with the message at the misspelt name, never passing', async () => {
    const api = await journeyApi();
    await copy('dynamics-product-announcement.journey.json');
    await copy('dynamics-product-announcement.timeline.json');
    const scenario = await copy('dynamics-product-announcement.scenario.json', (t) => t.replace('"point": "p_wait_product_click"', '"point": "p_wait_product_clik"'));
    const item = await api.scenarioTests.refreshFile(scenario.uri);
    const source = new vscode.CancellationTokenSource();
    await api.scenarioTests.run(new vscode.TestRunRequest([item]), source.token);
    const children: vscode.TestItem[] = [];
    item.children.forEach((c) => children.push(c));
    assert.ok(children.length > 0);
    assert.deepEqual([...new Set(children.map((c) => api.scenarioTests.lastOutcome.get(c.id)))], ['errored']);
    const message = api.scenarioTests.lastMessages.get(children[0]!.id)?.find((m) => /p_wait_product_clik/.test(String(m.message)));
    assert.ok(message?.location, 'a located message about the misspelt point');
    assert.equal(message.location.uri.toString(), scenario.uri.toString());
    assert.deepEqual(message.location.range.start, positionOf(scenario.text, '"p_wait_product_clik"'));
    assert.match(String(message.message), /There is no journey point "p_wait_product_clik" .*Did you mean "p_wait_product_click"\?/);
    api.scenarioTests.controller.items.delete(item.id);
  });

  it('a scenario that does not fit its schema says where, not raw zod text', async () => {
    const api = await journeyApi();
    const scenario = await copy('preference-center.scenario.json', (t) => t.replace('"type": "receives"', '"type": "recieves"'));
    const item = await api.scenarioTests.refreshFile(scenario.uri);
    const at = positionOf(scenario.text, '"recieves"');
    assert.match(item.error as string, new RegExp(`^Not a valid scenario: preference-center\\.scenario\\.json:${at.line + 1}:${at.character + 1} .*Did you mean "receives"\\?`));
    api.scenarioTests.controller.items.delete(item.id);
  });
});
