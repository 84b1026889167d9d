// In a real VS Code: the language server, started by the extension's own
// language client, puts schema errors in the Problems model at exact ranges.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, journeyApi, openUntilDiagnostic, sampleUri, waitFor } from './journeyTestKit';

describe('journey diagnostics in the Problems model', function () {
  this.timeout(60000);
  afterEach(closeAllEditors);

  it('reports the misspelt point type of a broken sample at the exact value', async () => {
    const api = await journeyApi();
    await api.languageServerReady;
    const { document, diagnostic: typo } = await openUntilDiagnostic(sampleUri('broken', 'unknown-point-type.journey.json'), 'schema.unknown-discriminator');
    assert.equal(document.languageId, 'journey-json');
    assert.equal(typo.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(document.getText(typo.range), '"sendEmial"');
    assert.match(typo.message, /Did you mean "sendEmail"\?/);
  });

  it('reports an error as it is typed into a valid sample and clears it once fixed', async () => {
    const api = await journeyApi();
    await api.languageServerReady;
    const uri = sampleUri('mailchimp-vip-welcome.journey.json');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const formatVersion = document.getText().indexOf('"formatVersion": 1');
    assert.ok(formatVersion > 0);
    const valueRange = new vscode.Range(document.positionAt(formatVersion + '"formatVersion": '.length), document.positionAt(formatVersion + '"formatVersion": 1'.length));
    const breakIt = new vscode.WorkspaceEdit();
    breakIt.replace(uri, valueRange, '7');
    assert.ok(await vscode.workspace.applyEdit(breakIt));
    const [error] = await waitFor(vscode.languages.onDidChangeDiagnostics, () => {
      const found = vscode.languages.getDiagnostics(uri);
      return found.length > 0 ? found : undefined;
    }, 'the error of the wrong format version');
    assert.equal(document.getText(error!.range), '7');
    const fixIt = new vscode.WorkspaceEdit();
    fixIt.replace(uri, valueRange, '1');
    assert.ok(await vscode.workspace.applyEdit(fixIt));
    await waitFor(vscode.languages.onDidChangeDiagnostics, () => (vscode.languages.getDiagnostics(uri).length === 0 ? true : undefined), 'the diagnostics to clear');
    assert.equal(document.isDirty, true);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
