// In a real VS Code (issue #17, "Live view"): "Journey: Show Live Stats" on a
// published journey opens its map and keeps reading the running service
// while the map is visible (not while another editor hides it); with no
// Restate server at the ingress URL the map is sent the reason (the numbers
// labelled live, not a simulation); closing the map stops the readings; a
// simulation shown on the map ends the live view; a journey never published
// has no live stats.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, journeyApi, sampleUri, waitFor } from './journeyTestKit';

/** A port on 127.0.0.1 nothing listens on: a Restate server that is down. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('live view of a published journey (issue #17)', function () {
  this.timeout(90_000);
  const folder = mkdtempSync(join(tmpdir(), 'journey-live-'));
  after(() => rmSync(folder, { recursive: true, force: true }));
  afterEach(closeAllEditors);

  async function publishedJourney(name: string): Promise<vscode.Uri> {
    const journey = vscode.Uri.file(join(folder, `${name}.journey.json`));
    await vscode.workspace.fs.copy(sampleUri('mailchimp-vip-welcome.journey.json'), journey, { overwrite: true });
    const result = await vscode.commands.executeCommand<{ published: boolean; reasons: string[] }>('journeyDesigner.publish', journey, { quiet: true, confirmed: true });
    assert.ok(result?.published, `refused: ${result?.reasons.join('; ')}`);
    return journey;
  }

  it('opens the map, reads while it is visible, tells the map that no Restate server answers, and stops when the map closes', async () => {
    const api = await journeyApi();
    const journey = await publishedJourney('live');
    const url = `http://127.0.0.1:${await closedPort()}`;
    const session = await vscode.commands.executeCommand<{ overlay: { label?: string; stale?: boolean; live?: { version: number | null; error?: string; ingressUrl: string } } | null; poller: { readings: number; stopped: boolean } } | undefined>(
      'journeyDesigner.showLiveStats',
      journey,
      { ingressUrl: url, intervalMs: 100 },
    );
    assert.ok(session, 'the live view started');
    await waitFor(api.onDidRenderMap, () => api.renderedMap(journey), 'the map of the journey');
    assert.equal(api.renderedMap(journey)?.published, true);
    const overlay = session.overlay!;
    assert.equal(overlay.live?.version, 1, 'version 1, the published one');
    assert.equal(overlay.live?.ingressUrl, url);
    assert.match(overlay.live?.error ?? '', new RegExp(`No Restate server answers at ${url.replace(/[.]/g, '\\.')}`));
    assert.equal(overlay.label, 'Live · v1 · not connected');
    const before = session.poller.readings;
    const deadline = Date.now() + 10_000;
    while (session.poller.readings < before + 2 && Date.now() < deadline) await sleep(100);
    assert.ok(session.poller.readings >= before + 2, `it keeps reading while the map is visible (${session.poller.readings - before} more readings in 10 s)`);
    assert.equal(api.liveView.sessionOf(journey), session);

    // Another editor in front of the map: no readings while it is hidden, again once it is shown.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sampleUri('mailchimp-vip-welcome.timeline.json')), { preview: false });
    const hidden = Date.now() + 5_000;
    while ((session.poller as unknown as { running: boolean }).running && Date.now() < hidden) await sleep(50);
    assert.equal((session.poller as unknown as { running: boolean }).running, false, 'paused while the map is hidden');
    const whileHidden = session.poller.readings;
    await sleep(3_000);
    assert.ok(session.poller.readings <= whileHidden + 1, 'at most the reading under way when the map was hidden');
    assert.equal(api.liveView.sessionOf(journey), session, 'hidden, the live view stays on');
    await vscode.commands.executeCommand('vscode.openWith', journey, 'journeyDesigner.map');
    const shownAgain = Date.now() + 10_000;
    while (session.poller.readings < whileHidden + 3 && Date.now() < shownAgain) await sleep(100);
    assert.ok(session.poller.readings >= whileHidden + 3, 'reading again once the map is shown');

    await closeAllEditors();
    const closed = Date.now() + 5_000;
    while (api.liveView.sessionOf(journey) && Date.now() < closed) await sleep(50);
    assert.equal(api.liveView.sessionOf(journey), undefined, 'the live view ends with its map');
    assert.ok(session.poller.stopped);
    const after = session.poller.readings;
    await sleep(1_000);
    assert.equal(session.poller.readings, after, 'no reading after the map closed');
  });

  it('gives way to a simulation shown on the same map', async () => {
    const api = await journeyApi();
    const journey = await publishedJourney('live-then-simulated');
    await vscode.commands.executeCommand('journeyDesigner.showLiveStats', journey, { ingressUrl: `http://127.0.0.1:${await closedPort()}`, intervalMs: 100 });
    assert.ok(api.liveView.sessionOf(journey));
    await vscode.commands.executeCommand('journeyDesigner.simulate', journey, { profile: { contacts: 5, seed: 1, days: 1, start: '2026-03-01T00:00:00Z' } });
    assert.equal(api.liveView.sessionOf(journey), undefined, 'the simulation took the map');
    assert.match(api.simulations.lastOverlay?.label ?? '', /^Simulated to /);
    await vscode.commands.executeCommand('journeyDesigner.simulation.clear');
  });

  it('says that a journey never published has no live stats', async () => {
    const api = await journeyApi();
    const draft = vscode.Uri.file(join(folder, 'draft.journey.json'));
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(sampleUri('mailchimp-vip-welcome.journey.json')));
    await vscode.workspace.fs.writeFile(draft, new TextEncoder().encode(text.replace('"id": "mailchimp-vip-welcome"', '"id": "never-published"')));
    const session = await vscode.commands.executeCommand('journeyDesigner.showLiveStats', draft, { ingressUrl: 'http://127.0.0.1:9' });
    assert.equal(session, undefined);
    assert.equal(api.liveView.sessionOf(draft), undefined);
  });
});
