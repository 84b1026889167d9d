// In a real VS Code, through the extension's own language client: the
// journey language server's completion, hover, definition, references,
// rename, outline and quick fixes on the samples, as VS Code's commands
// return them; and every error reaches the Problems model exactly once
// (journey files have their own language id, so VS Code's JSON validation,
// alive for .json files in the same window, never reports them again).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { afterEdit, closeAllEditors, codeOf, journeyApi, openUntilQuickFix, positionOf, sampleUri, waitFor } from './journeyTestKit';

async function poll<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Opens a sample as a text document and waits until the language server answers for it. */
async function openSample(...segments: string[]): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(sampleUri(...segments));
  assert.equal(document.languageId, 'journey-json');
  await poll(async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    return symbols && symbols.length > 0 ? symbols : undefined;
  }, `the outline of ${document.uri.path}`);
  return document;
}

describe('journey language features through the extension language client', function () {
  this.timeout(90_000);
  let welcome: vscode.TextDocument;

  before(async () => {
    const api = await journeyApi();
    await api.languageServerReady;
    welcome = await openSample('mailchimp-vip-welcome.journey.json');
  });

  after(closeAllEditors);

  it('completes point ids where a successor is named (R4)', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', welcome.uri, positionOf(welcome, '"next": "p_tag_welcomed"', '"next": "p_'.length));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const id of ['p_wait_3d', 'p_check_preview_click', 'p_end_inactive']) assert.ok(labels.includes(id), `${id} missing from ${labels.join(', ')}`);
  });

  it('completes a point type with a snippet of the properties it requires', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', welcome.uri, positionOf(welcome, '"type": "wait"', '"type": "w'.length));
    const split = list.items.find((i) => i.label === 'split' || (typeof i.label === 'object' && i.label.label === 'split'));
    assert.ok(split, 'no "split" type completion');
    assert.ok(split.insertText instanceof vscode.SnippetString, 'the split completion is not a snippet');
    assert.match(split.insertText.value, /^"split",\n {6}"branches": \[\{ "percent": \$\{1:50\}, "next": /);
  });

  it("hovers a point id with the point's summary and its rules (R11)", async () => {
    const [hover] = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', welcome.uri, positionOf(welcome, '"p_wait_story_open"', 3));
    const text = (hover?.contents ?? []).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.match(text, /\*\*p_wait_story_open\*\* · Wait for event/);
    assert.match(text, /Wait for open of 'p_send_brand_story' · 2 days/);
    assert.match(text, /\*\*R11\*\*/);
  });

  it('goes to the definition of a branch target and finds every reference to a point', async () => {
    const definitions = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', welcome.uri, positionOf(welcome, '"yes": "p_tag_engaged"', 10));
    const [target] = definitions.map((d) => ('targetRange' in d ? d.targetRange : d.range));
    assert.deepEqual(target?.start, positionOf(welcome, '"id": "p_tag_engaged"', 6));
    const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', welcome.uri, positionOf(welcome, '"id": "p_send_welcome"', 9));
    // Its id and the three starting points that lead to it.
    assert.equal(references.length, 4);
  });

  it('renames a point id everywhere it is named, and refuses an id another point has', async () => {
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', welcome.uri, positionOf(welcome, '"id": "p_send_brand_story"', 9), 'p_brand_story');
    assert.equal(afterEdit(welcome, edit), welcome.getText().replace(/"p_send_brand_story"/g, '"p_brand_story"'));
    // The workspace's timeline of this journey names the point too (found with workspace.findFiles, read with workspace.fs): it changes with it.
    const timeline = await vscode.workspace.openTextDocument(sampleUri('mailchimp-vip-welcome.timeline.json'));
    assert.ok(timeline.getText().includes('"p_send_brand_story"'));
    assert.equal(afterEdit(timeline, edit), timeline.getText().replace(/"p_send_brand_story"/g, '"p_brand_story"'));
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', welcome.uri, positionOf(welcome, '"id": "p_send_brand_story"', 9), 'p_end_engaged')),
      /"p_end_engaged" is already the id of another point/,
    );
  });

  it('outlines the starting points and the points with their types', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', welcome.uri);
    assert.deepEqual(symbols.map((s) => s.name).slice(-2), ['Starting points', 'Points']);
    assert.ok(symbols.some((s) => s.name === 'Content'), 'the outline lists the content too');
    assert.deepEqual(symbols.find((s) => s.name === 'Starting points')?.children.map((s) => s.name), ['sp_tag_vip', 'sp_tag_major_donor', 'sp_joined_audience']);
    const wait = symbols.find((s) => s.name === 'Points')?.children.find((s) => s.name === 'p_wait_3d');
    assert.equal(wait?.detail, 'Wait · 3 days');
    assert.equal(welcome.getText(wait.selectionRange), '"p_wait_3d"');
  });

  it('offers the quick fix of a misspelt point type, which fixes it', async () => {
    const { document: broken, fix } = await openUntilQuickFix(sampleUri('broken', 'unknown-point-type.journey.json'), 'schema.unknown-discriminator', 'Change "sendEmial" to "sendEmail"');
    assert.ok(fix.edit, 'the fix carries its edit');
    assert.equal(fix.isPreferred, true);
    assert.equal(afterEdit(broken, fix.edit), broken.getText().replace('"sendEmial"', '"sendEmail"'));
  });

  it('puts each error in the Problems model exactly once, only from the journey server', async () => {
    // A positive control: VS Code's JSON language server is running in this window and validates .json documents.
    const json = await vscode.workspace.openTextDocument({ language: 'json', content: '{ "a": 1,, }' });
    await waitFor(vscode.languages.onDidChangeDiagnostics, () => (vscode.languages.getDiagnostics(json.uri).some((d) => d.source === 'json') ? true : undefined), 'the JSON validation of a .json document');
    const broken = await openSample('broken', 'unknown-point-type.journey.json');
    await waitFor(vscode.languages.onDidChangeDiagnostics, () => (vscode.languages.getDiagnostics(broken.uri).length > 0 ? true : undefined), 'the diagnostics of the broken sample');
    // Give any other validator time to report too.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const diagnostics = vscode.languages.getDiagnostics(broken.uri);
    assert.deepEqual(diagnostics.map((d) => [d.source, codeOf(d), broken.getText(d.range)]), [['journey schema', 'schema.unknown-discriminator', '"sendEmial"']]);
  });
});
