// Turns the core's text edits (offsets into the analysed text) into an LSP
// WorkspaceEdit for that document: versioned `documentChanges` when the
// client supports them (so an edit computed for an older version is
// refused), plain `changes` otherwise.
import type { TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { TextEdit } from '../src/core/edits/textEdits';
import type { DocumentAnalysis } from './documentAnalysis';

export function toLspEdits(analysis: DocumentAnalysis, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: analysis.range(e.offset, e.length), newText: e.content }));
}

export function toWorkspaceEdit(analysis: DocumentAnalysis, edits: readonly TextEdit[], versioned: boolean): WorkspaceEdit {
  const lspEdits = toLspEdits(analysis, edits);
  if (versioned) return { documentChanges: [{ textDocument: { uri: analysis.uri, version: analysis.version }, edits: lspEdits }] };
  return { changes: { [analysis.uri]: lspEdits } };
}
