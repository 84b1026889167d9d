// In a real VS Code (issue #15): every sample opens on a map that shows all
// of it, nothing under the inspector or the overview and no label cut
// (measured in the webview after it painted); an edit keeps the nodes it
// need not move where they were; a simulation is simulated again as the
// journey's text changes; "View Contact Queue" shows a point's queue.
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { Journey } from '../../src/core/schema';
import { simulate } from '../../src/core/simulator/index';
import { Timeline } from '../../src/core/timeline';
import type { RenderedSummary } from '../../src/webviewProtocol';
import { closeAllEditors, journeyApi, readJson, sampleUri, waitFor } from './journeyTestKit';

/** A scratch copy of a sample outside the samples folder, so an edit never touches the samples. */
async function scratchCopy(name: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.file(join(tmpdir(), `journey-readable-${process.pid}-${Date.now()}-${name}`));
  await vscode.workspace.fs.writeFile(uri, await vscode.workspace.fs.readFile(sampleUri(name)));
  return uri;
}

async function mapOf(uri: vscode.Uri, accept: (s: RenderedSummary) => boolean = (s) => s.view !== undefined): Promise<RenderedSummary> {
  const api = await journeyApi();
  return waitFor(api.onDidRenderMap, () => {
    const s = api.renderedMap(uri);
    return s && accept(s) ? s : undefined;
  }, 'the map to render', 30000);
}

describe('journey map in VS Code: readable, stable, with the simulation on it (issue #15)', function () {
  this.timeout(90000);
  afterEach(async () => {
    for (const d of vscode.workspace.textDocuments) if (d.isDirty && d.uri.scheme === 'file' && d.uri.fsPath.startsWith(tmpdir())) await d.save();
    await vscode.commands.executeCommand('journeyDesigner.simulation.clear');
    await closeAllEditors();
  });

  for (const name of ['birthday-german', 'dynamics-product-announcement', 'mailchimp-vip-welcome', 'mailup-webform-nurture', 'preference-center']) {
    it(`${name}: opens fitted, every node on screen, none covered, no label cut`, async () => {
      const uri = sampleUri(`${name}.journey.json`);
      await vscode.commands.executeCommand('vscode.openWith', uri, 'journeyDesigner.map');
      const summary = await mapOf(uri);
      const view = summary.view!;
      assert.equal(Object.keys(view.positions).length, summary.startingPoints.length + summary.points.length);
      assert.deepEqual({ offScreen: view.offScreen, covered: view.covered, cutLines: view.cutLines }, { offScreen: 0, covered: 0, cutLines: 0 }, `canvas ${view.canvas.width}×${view.canvas.height}`);
    });
  }

  it('keeps every node above a point inserted on an edge where it was on screen; only nodes below it move, straight down', async () => {
    const api = await journeyApi();
    const uri = await scratchCopy('mailchimp-vip-welcome.journey.json');
    await vscode.commands.executeCommand('vscode.openWith', uri, 'journeyDesigner.map');
    const before = await mapOf(uri);
    const result = await api.mapOperation(uri, { op: 'insertPoint', from: 'p_wait_3d', slot: 'next', pointType: 'addTag' });
    assert.ok(result.ok, result.ok ? '' : result.error);
    const after = await mapOf(uri, (s) => s.documentVersion > before.documentVersion && s.view !== undefined && Object.keys(s.view.positions).length === Object.keys(before.view!.positions).length + 1);
    const was = before.view!.positions;
    const now = after.view!.positions;
    const added = Object.keys(now).find((k) => !(k in was))!;
    for (const [key, [x, y]] of Object.entries(was)) {
      const [nx, ny] = now[key]!;
      if (y < now[added]![1]) assert.deepEqual([nx, ny], [x, y], `${key}, above the new point, stayed`);
      else assert.equal(nx, x, `${key} moved straight down only`);
    }
  });

  it('simulates again as the journey text changes, with the same timeline, and marks the numbers out of date while it has errors', async () => {
    const api = await journeyApi();
    const uri = await scratchCopy('mailchimp-vip-welcome.journey.json');
    const timelineUri = sampleUri('mailchimp-vip-welcome.timeline.json');
    await vscode.commands.executeCommand('vscode.openWith', uri, 'journeyDesigner.map');
    await mapOf(uri);
    const first = await api.simulations.simulate(uri, { timeline: timelineUri });
    assert.ok(first);
    const runs = api.simulations.rerunCount;
    const document = await vscode.workspace.openTextDocument(uri);
    const at = document.getText().indexOf('"P3D"');
    assert.ok(at > 0);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(document.positionAt(at), document.positionAt(at + 5)), '"P1D"');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const deadline = Date.now() + 15000;
    while (api.simulations.rerunCount === runs && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const session = api.simulations.current;
    assert.equal(api.simulations.rerunCount, runs + 1, 'simulated again once');
    assert.ok(session && session !== first);
    const expected = simulate(Journey.parse(JSON.parse(document.getText())), Timeline.parse(await readJson(timelineUri)), { seed: first.seed });
    assert.deepEqual(session.snapshot.stats, expected.stats, 'the numbers of the edited journey');
    const leaves = (s: typeof first) => s.end.trace.filter((e) => e.kind === 'leave' && e.point === 'p_wait_3d').map((e) => e.at);
    assert.notDeepEqual(leaves(session), leaves(first), 'contacts leave the shortened wait earlier');
    assert.equal(api.simulations.lastOverlay?.stale, undefined, 'the map shows fresh numbers');
    // An error: the numbers stay, marked out of date.
    const bad = document.getText().indexOf('"P1D"');
    const breaking = new vscode.WorkspaceEdit();
    breaking.replace(uri, new vscode.Range(document.positionAt(bad), document.positionAt(bad + 5)), '"soon"');
    assert.ok(await vscode.workspace.applyEdit(breaking));
    const until = Date.now() + 15000;
    while (api.simulations.lastOverlay?.stale !== true && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    assert.equal(api.simulations.lastOverlay?.stale, true);
    assert.match(api.simulations.lastOverlay?.label ?? '', /^Out of date \(the journey has \d+ errors?\)/);
    assert.equal(api.simulations.current, session, 'the last good simulation stays');
  });

  it('"View Contact Queue" of a point selects its row in the Contact Queues view, with the contacts waiting there by name', async () => {
    const api = await journeyApi();
    const uri = sampleUri('mailchimp-vip-welcome.journey.json');
    await vscode.commands.executeCommand('vscode.openWith', uri, 'journeyDesigner.map');
    const session = await api.simulations.simulate(uri, { timeline: sampleUri('mailchimp-vip-welcome.timeline.json') });
    assert.ok(session);
    await vscode.commands.executeCommand('journeyDesigner.simulation.goToTime', '2026-03-04T00:00:00Z');
    await vscode.commands.executeCommand('journeyDesigner.simulation.viewContactQueue', 'p_wait_3d');
    const view = api.simulations.view;
    const selected = await waitFor(view.view.onDidChangeSelection, () => (view.view.selection.length > 0 ? view.view.selection[0] : undefined), 'the row to be selected');
    assert.deepEqual(selected, { kind: 'point', id: 'p_wait_3d' });
    const row = view.getTreeItem(selected);
    assert.match(String(row.accessibilityInformation?.label), /^Wait 3 days: \d+ waiting, \d+ entered/, 'the row is read with its counts');
    const queued = view.getChildren(selected);
    assert.ok(queued.length > 0);
    const timeline = Timeline.parse(await readJson(sampleUri('mailchimp-vip-welcome.timeline.json')));
    for (const q of queued) {
      const item = view.getTreeItem(q);
      const contact = timeline.contacts.find((c) => c.id === (q as { contact: string }).contact)!;
      if (contact.name) assert.ok(String(item.label).startsWith(contact.name), `${contact.id} shown by name (${String(item.label)})`);
    }
  });
});
