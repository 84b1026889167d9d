// Quick fixes on the map: the code actions VS Code offers for a problem (the
// language server's, as the text editor's light bulb shows them), listed
// and applied from the map's inspector. Applying one is one WorkspaceEdit
// of the document, undoable like any edit.
import * as vscode from 'vscode';

const codeOf = (d: vscode.Diagnostic): string | undefined => (d.code === undefined ? undefined : typeof d.code === 'object' ? String(d.code.value) : String(d.code));

/** The quick fixes for the problem of `code` at `line`/`character` of the document. */
export async function quickFixesFor(uri: vscode.Uri, code: string, line: number, character: number): Promise<vscode.CodeAction[]> {
  const diagnostic = vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === code && d.range.start.line === line) ?? vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === code);
  const range = diagnostic?.range ?? new vscode.Range(line, character, line, character);
  const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [];
  const isAction = (a: vscode.CodeAction | vscode.Command): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string';
  return actions
    .filter(isAction)
    .filter((a) => a.edit !== undefined || a.command !== undefined)
    .filter((a) => !diagnostic || !a.diagnostics || a.diagnostics.length === 0 || a.diagnostics.some((d) => codeOf(d) === code));
}

/** Applies a quick fix: its edit, then its command. */
export async function applyQuickFix(action: vscode.CodeAction): Promise<boolean> {
  if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) return false;
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  return true;
}
