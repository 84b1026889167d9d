// In a real VS Code: Go to Definition (F12) in the text editor of a journey
// reveals the target in that same text editor, never the map in a new tab;
// and the language features of timelines and scenarios reach VS Code
// through the extension's client (files read with workspace.fs).
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

const allTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
const describeTabs = () => allTabs().map((t) => `${t.label} (${t.input instanceof vscode.TabInputText ? 'text' : t.input instanceof vscode.TabInputCustom ? 'map' : 'other'})`).join(', ');

describe('text navigation of journeys, timelines and scenarios', function () {
  this.timeout(90_000);

  before(async () => {
    const api = await journeyApi();
    await api.languageServerReady;
  });

  afterEach(closeAllEditors);

  it('F12 in the text editor, its only tab, reveals the target point in the same text editor (no map opens)', async () => {
    await closeAllEditors();
    const uri = sampleUri('mailchimp-vip-welcome.journey.json');
    await vscode.commands.executeCommand('vscode.openWith', uri, 'default');
    const editor = await poll(() => (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() ? vscode.window.activeTextEditor : undefined), 'the text editor');
    assert.equal(allTabs().length, 1, describeTabs());
    const document = editor.document;
    // Wait until the language server answers for the document.
    const from = positionOf(document, '"next": "p_tag_welcomed"', '"next": "p_'.length);
    await poll(async () => {
      const d = await vscode.commands.executeCommand<unknown[]>('vscode.executeDefinitionProvider', uri, from);
      return d && d.length > 0 ? d : undefined;
    }, 'a definition');
    editor.selection = new vscode.Selection(from, from);
    await vscode.commands.executeCommand('editor.action.revealDefinition');
    const target = positionOf(document, '"id": "p_tag_welcomed"', '"id": '.length);
    await poll(() => (vscode.window.activeTextEditor?.selection.active.line === target.line ? true : undefined), `the cursor on line ${target.line + 1}; tabs: ${describeTabs()}`, 10_000);
    await sleep(500); // a map opened late would show up here
    assert.equal(allTabs().length, 1, `only the text editor is open: ${describeTabs()}`);
    assert.ok(allTabs()[0]!.input instanceof vscode.TabInputText, describeTabs());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
  });

  it('a scenario gets located diagnostics for a misspelt content, through the extension client', async () => {
    // A copy outside the samples (naming the sample journey and timeline by absolute path), so no sample is ever changed.
    const sample = new TextDecoder().decode(await vscode.workspace.fs.readFile(sampleUri('dynamics-product-announcement.scenario.json')));
    const folder = vscode.Uri.file(mkdtempSync(join(tmpdir(), 'journey-scenario-')));
    const uri = vscode.Uri.joinPath(folder, 'typo.scenario.json');
    const text = sample
      .replace('"./dynamics-product-announcement.journey.json"', JSON.stringify(sampleUri('dynamics-product-announcement.journey.json').path))
      .replace('"./dynamics-product-announcement.timeline.json"', JSON.stringify(sampleUri('dynamics-product-announcement.timeline.json').path))
      .replace('"content": "product_launch_sms"\n', '"content": "product_launch_smss"\n');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const at = positionOf(document, '"product_launch_smss"');
    const diagnostic = await poll(() => vscode.languages.getDiagnostics(uri).find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'reference.unknown-content'), 'the unknown content diagnostic');
    assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character], [at.line, at.character]);
    assert.match(diagnostic.message, /Did you mean "product_launch_sms"/);
    assert.equal(vscode.languages.getDiagnostics(uri).length, 1, 'the schema and the names are fine otherwise');
  });

  it('goes from a scenario point to the journey point, reading the journey through the client', async () => {
    const uri = sampleUri('dynamics-product-announcement.scenario.json');
    const document = await vscode.workspace.openTextDocument(uri);
    const definitions = await poll(async () => {
      const d = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, positionOf(document, '"p_wait_product_click"', 3));
      return d && d.length > 0 ? d : undefined;
    }, 'a definition in the scenario');
    const [first] = definitions;
    const targetUri = first && ('targetUri' in first ? first.targetUri : first.uri);
    assert.equal(targetUri?.path.split('/').pop(), 'dynamics-product-announcement.journey.json');
  });
});
