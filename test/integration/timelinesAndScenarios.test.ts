// In a real VS Code (#19): the journey text editor's formatter and outline,
// the quick fixes and completions for hand-written journeys, starting a
// timeline from a journey (skeleton) or from a simulation (saved contacts),
// and a failed scenario's links to the contact's trace and to the map.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, journeyApi, positionOf, sampleUri } from './journeyTestKit';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function poll<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

/** A new file in a temporary folder outside the samples, opened as a text document. */
async function scratch(name: string, text: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.file(join(mkdtempSync(join(tmpdir(), 'journey-it-')), name));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return vscode.workspace.openTextDocument(uri);
}

const sampleText = async (name: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(sampleUri(name)));

describe('timelines, scenarios and the journey text in VS Code (#19)', function () {
  this.timeout(120_000);

  before(async () => {
    await (await journeyApi()).languageServerReady;
  });
  afterEach(closeAllEditors);

  it('formats a minified journey (Format Document) and outlines its declarations, settings and content', async () => {
    const text = JSON.stringify(JSON.parse(await sampleText('mailchimp-vip-welcome.journey.json')));
    const document = await scratch('minified.journey.json', text);
    assert.equal(document.languageId, 'journey-json');
    const edits = await poll(async () => {
      const e = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', document.uri, { tabSize: 2, insertSpaces: true });
      return e && e.length > 0 ? e : undefined;
    }, 'formatting edits');
    const edit = new vscode.WorkspaceEdit();
    edit.set(document.uri, edits);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(document.getText().trimEnd(), JSON.stringify(JSON.parse(text), null, 2));
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const names = symbols.map((s) => s.name);
    for (const section of ['Settings', 'Tags', 'Content', 'Starting points', 'Points']) assert.ok(names.includes(section), `${section} missing from ${names.join(', ')}`);
  });

  it('quick-fixes a timeout written "3 days" to P3D, and completes time zones', async () => {
    const sample = await sampleText('dynamics-product-announcement.journey.json');
    const timeout = /"timeout": "(P[^"]+)"/.exec(sample);
    assert.ok(timeout, 'the sample has a timeout');
    const document = await scratch('durations.journey.json', sample.replace(timeout[0], '"timeout": "3 days"'));
    const diagnostic = await poll(() => vscode.languages.getDiagnostics(document.uri).find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'schema.invalid-format'), 'the duration diagnostic');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
    const fix = actions.find((a) => /"P3D"/.test(a.title));
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(document.getText().includes('"timeout": "P3D"'));
    const zone = positionOf(document, '"timeZone": "', '"timeZone": "'.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, zone);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('Europe/Warsaw') && labels.includes('America/New_York'), `${labels.length} items`);
  });

  it('generates a timeline skeleton beside the journey that names only what the journey has', async () => {
    const journey = await scratch('vip.journey.json', await sampleText('mailchimp-vip-welcome.journey.json'));
    const target = vscode.Uri.joinPath(journey.uri, '..', 'vip.skeleton.timeline.json');
    const made = await vscode.commands.executeCommand<vscode.Uri>('journeyDesigner.generateTimelineSkeleton', journey.uri, target);
    assert.equal(made?.toString(), target.toString());
    const timeline = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(target))) as { journey: string; contacts: { id: string }[] };
    assert.equal(timeline.journey, './vip.journey.json');
    assert.ok(timeline.contacts.some((c) => c.id === 'c_sp_tag_vip'), timeline.contacts.map((c) => c.id).join());
    // The language server checks it against the journey: nothing unknown.
    await vscode.workspace.openTextDocument(target);
    await sleep(1500);
    assert.deepEqual(vscode.languages.getDiagnostics(target).map((d) => d.message), []);
  });

  it('saves the contacts generated for a simulation as a timeline that replays the same', async () => {
    const api = await journeyApi();
    const journey = await scratch('generated.journey.json', await sampleText('birthday-german.journey.json'));
    const session = await vscode.commands.executeCommand<{ timeline: { contacts: unknown[]; events: unknown[] } } | undefined>('journeyDesigner.simulate', journey.uri, { profile: { contacts: 20, seed: 7, days: 3, start: '2026-03-01T00:00:00Z' } });
    assert.ok(session, 'no simulation');
    const target = vscode.Uri.joinPath(journey.uri, '..', 'generated.timeline.json');
    await vscode.commands.executeCommand('journeyDesigner.simulation.saveTimeline', target);
    const saved = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(target))) as { journey: string; contacts: unknown[]; events: unknown[] };
    assert.equal(saved.journey, './generated.journey.json');
    assert.deepEqual(saved.contacts, session.timeline.contacts);
    assert.deepEqual(saved.events, session.timeline.events);
    assert.ok(api.simulations.current);
  });

  it('a failed expectation links to the contact\'s trace and to the map, and the trace link replays and selects the contact', async () => {
    const api = await journeyApi();
    const scenario = JSON.parse(await sampleText('dynamics-product-announcement.scenario.json')) as Record<string, unknown>;
    scenario['journey'] = sampleUri('dynamics-product-announcement.journey.json').path;
    scenario['timeline'] = sampleUri('dynamics-product-announcement.timeline.json').path;
    scenario['expectations'] = [{ type: 'takesBranch', contact: 'c_wisniewski', point: 'p_wait_product_click', branch: 'yes' }];
    const document = await scratch('failing.scenario.json', JSON.stringify(scenario, null, 2));
    const item = await api.scenarioTests.refreshFile(document.uri);
    try {
      const ran = new Promise<void>((resolve) => api.scenarioTests.onDidRun(() => resolve()));
      void api.scenarioTests.run(new vscode.TestRunRequest([item]), new vscode.CancellationTokenSource().token);
      await ran;
      const messages = api.scenarioTests.lastMessages.get(`${item.id}#0`) ?? [];
      assert.equal(api.scenarioTests.lastOutcome.get(`${item.id}#0`), 'failed', JSON.stringify(messages.map((m) => m.message)));
      const links = messages.map((m) => (typeof m.message === 'string' ? m.message : m.message.value)).find((m) => m.includes('journeyDesigner.scenario.showContact'));
      assert.ok(links, JSON.stringify(messages.map((m) => m.message)));
      assert.match(links, /Show the trace of c_wisniewski/);
      assert.match(links, /\[Open the map\]\(command:vscode\.openWith/);
      const args = JSON.parse(decodeURIComponent(/command:journeyDesigner\.scenario\.showContact\?([^ )]+)/.exec(links)![1]!)) as [string, string];
      await vscode.commands.executeCommand('journeyDesigner.scenario.showContact', ...args);
      assert.equal(api.simulations.current?.selectedContact, 'c_wisniewski');
      await poll(() => (vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.input instanceof vscode.TabInputCustom && t.input.uri.path.endsWith('dynamics-product-announcement.journey.json')) ? true : undefined), 'the map');
    } finally {
      api.scenarioTests.controller.items.delete(item.id);
    }
  });
});
