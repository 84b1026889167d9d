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

  it('renames a content item from the journey in the open scenario and timeline naming it, and completes contacts in a scenario', async () => {
    const folder = vscode.Uri.file(mkdtempSync(join(tmpdir(), 'journey-rename-')));
    const base = 'dynamics-product-announcement';
    const copy = async (suffix: string) => {
      const uri = vscode.Uri.joinPath(folder, `${base}.${suffix}`);
      await vscode.workspace.fs.writeFile(uri, await vscode.workspace.fs.readFile(sampleUri(`${base}.${suffix}`)));
      return vscode.workspace.openTextDocument(uri);
    };
    const journey = await copy('journey.json');
    const timeline = await copy('timeline.json');
    const scenario = await copy('scenario.json');
    const at = positionOf(journey, '"id": "product_launch_sms"', '"id": "'.length + 2);
    const edit = await poll(async () => {
      try {
        return await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', journey.uri, at, 'launch_sms');
      } catch {
        return undefined; // the server may not have the open copies yet
      }
    }, 'a rename edit');
    const changed = edit.entries().map(([uri]) => uri.path.split('/').pop()).sort();
    assert.ok(changed.includes(`${base}.journey.json`) && changed.includes(`${base}.scenario.json`), changed.join(', '));
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(!scenario.getText().includes('"product_launch_sms"') && scenario.getText().includes('"launch_sms"'));
    assert.equal(journey.getText().includes('"product_launch_sms"'), false);
    assert.equal(timeline.getText().includes('"product_launch_sms"'), false);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', scenario.uri, positionOf(scenario, '"c_kowalska"', 1));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('c_wojcik'), labels.slice(0, 20).join(', '));
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
  });
});
