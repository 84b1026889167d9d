// In VS Code for the Web: the language server runs in a web worker
// (dist/web/server.js) and answers like the Node one: diagnostics with the
// rule's code at the exact range, completion and hover.
import { assert } from 'chai';
import * as vscode from 'vscode';
import { closeAllEditors, journeyApi, mountedUri, waitFor } from './webTestKit';

function positionOf(document: vscode.TextDocument, text: string, offsetInText: number): vscode.Position {
  const at = document.getText().indexOf(text);
  assert.isAtLeast(at, 0, `${text} is in ${document.uri.path}`);
  return document.positionAt(at + offsetInText);
}

describe('the language server in a web worker', function () {
  afterEach(closeAllEditors);

  it('publishes the misspelt point type of a broken journey with its rule code at the exact value', async () => {
    const api = await journeyApi();
    await api.languageServerReady;
    const uri = mountedUri('broken', 'unknown-point-type.journey.json');
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.languageId, 'journey-json');
    await vscode.window.showTextDocument(document);
    const diagnostics = await waitFor(vscode.languages.onDidChangeDiagnostics, () => {
      const found = vscode.languages.getDiagnostics(uri);
      return found.length > 0 ? found : undefined;
    }, 'diagnostics for the broken journey', 30000);
    const typo = diagnostics.find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'schema.unknown-discriminator');
    assert.ok(typo, `expected schema.unknown-discriminator in ${JSON.stringify(diagnostics.map((d) => d.message))}`);
    assert.equal(typo!.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(document.getText(typo!.range), '"sendEmial"');
    assert.match(typo!.message, /Did you mean "sendEmail"\?/);
  });

  it('completes point ids where a successor is named (R4)', async () => {
    const api = await journeyApi();
    await api.languageServerReady;
    const document = await vscode.workspace.openTextDocument(mountedUri('mailchimp-vip-welcome.journey.json'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, positionOf(document, '"next": "p_tag_welcomed"', '"next": "p_'.length));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const id of ['p_wait_3d', 'p_check_preview_click', 'p_end_inactive']) assert.include(labels, id);
  });

  it("hovers a point id with the point's summary", async () => {
    const api = await journeyApi();
    await api.languageServerReady;
    const document = await vscode.workspace.openTextDocument(mountedUri('mailchimp-vip-welcome.journey.json'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '"p_wait_story_open"', 3));
    const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.include(text, 'p_wait_story_open');
  });
});
