// In VS Code for the Web: the language server runs in a web worker
// (dist/web/server.js) and answers like the Node one: diagnostics with the
// rule's code at the exact range, completion, hover, go to definition,
// rename, outline and quick fixes.
import { assert } from 'chai';
import * as vscode from 'vscode';
import { afterEdit, closeAllEditors, journeyApi, mountedUri, openUntilDiagnostic, openUntilQuickFix, positionOf } from './webTestKit';

describe('the language server in a web worker', function () {
  afterEach(closeAllEditors);

  it('publishes the misspelt point type of a broken journey with its rule code at the exact value', async () => {
    const api = await journeyApi();
    await api.languageServerReady;
    const { document, diagnostic: typo } = await openUntilDiagnostic(mountedUri('broken', 'unknown-point-type.journey.json'), 'schema.unknown-discriminator');
    assert.equal(document.languageId, 'journey-json');
    assert.equal(typo.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(document.getText(typo.range), '"sendEmial"');
    assert.match(typo.message, /Did you mean "sendEmail"\?/);
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

  it('goes to the definition of a point id named as a successor (R4)', async () => {
    const api = await journeyApi();
    await api.languageServerReady;
    const document = await vscode.workspace.openTextDocument(mountedUri('mailchimp-vip-welcome.journey.json'));
    const definitions = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, positionOf(document, '"yes": "p_tag_engaged"', 10));
    const [target] = definitions.map((d) => ('targetRange' in d ? d.targetRange : d.range));
    assert.deepEqual(target?.start, positionOf(document, '"id": "p_tag_engaged"', 6));
  });

  it('renames a point id everywhere it is named', async () => {
    const api = await journeyApi();
    await api.languageServerReady;
    const document = await vscode.workspace.openTextDocument(mountedUri('mailchimp-vip-welcome.journey.json'));
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, positionOf(document, '"id": "p_send_brand_story"', 9), 'p_brand_story');
    assert.equal(afterEdit(document, edit), document.getText().replace(/"p_send_brand_story"/g, '"p_brand_story"'));
  });

  it('outlines the declarations, content, starting points and points', async () => {
    const api = await journeyApi();
    await api.languageServerReady;
    const document = await vscode.workspace.openTextDocument(mountedUri('mailchimp-vip-welcome.journey.json'));
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    assert.deepEqual(symbols.map((s) => s.name).slice(-2), ['Starting points', 'Points']);
    assert.include(symbols.map((s) => s.name), 'Content');
    assert.deepEqual(symbols.find((s) => s.name === 'Starting points')?.children.map((s) => s.name), ['sp_tag_vip', 'sp_tag_major_donor', 'sp_joined_audience']);
  });

  it('serves a scenario in the web worker: its journey read through the client, a definition leads into it (#19)', async () => {
    const api = await journeyApi();
    await api.languageServerReady;
    const document = await vscode.workspace.openTextDocument(mountedUri('dynamics-product-announcement.scenario.json'));
    const position = positionOf(document, '"p_wait_product_click"', 3);
    let definitions: (vscode.Location | vscode.LocationLink)[] = [];
    for (let i = 0; i < 50 && definitions.length === 0; i++) {
      definitions = (await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, position)) ?? [];
      if (definitions.length === 0) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const [first] = definitions;
    assert.ok(first, 'no definition');
    const target = 'targetUri' in first ? first.targetUri : first.uri;
    assert.equal(target.path.split('/').pop(), 'dynamics-product-announcement.journey.json');
  });

  it('offers the quick fix of a misspelt point type, which fixes it', async () => {
    const api = await journeyApi();
    await api.languageServerReady;
    const { document, fix } = await openUntilQuickFix(mountedUri('broken', 'unknown-point-type.journey.json'), 'schema.unknown-discriminator', 'Change "sendEmial" to "sendEmail"');
    assert.ok(fix.edit, 'the fix carries its edit');
    assert.equal(afterEdit(document, fix.edit), document.getText().replace('"sendEmial"', '"sendEmail"'));
  });
});
