// Go to Definition (F12, Ctrl+click) inside the text of a journey must stay
// in that text editor. VS Code opens the target location with the file's
// default editor, which for `*.journey.json` is the map, so a jump within
// the text would open the map in a new tab. The language client notes each
// definition the user asked for at the cursor whose targets are all in the
// same journey (a Ctrl+hover, which asks too, does not move the cursor, so
// it is not noted); when a map then opens for that journey within a moment
// in the group that holds its text editor, the map gives way: it closes and
// the text editor shows the target (journeyEditorProvider.ts).
import * as vscode from 'vscode';

export interface DefinitionJump {
  uri: string;
  target: vscode.Range;
  at: number;
}

/** How long after the definition a map opening counts as the jump's. */
const JUMP_WINDOW_MS = 3000;

let pending: DefinitionJump | undefined;

type Found = vscode.Location | vscode.Location[] | vscode.LocationLink[] | vscode.Definition | null | undefined;

/** Notes a definition answered for `document` at `position`, when its targets are all in that document and the user asked at the cursor. */
export function noteDefinition(document: vscode.TextDocument, position: vscode.Position, found: Found): void {
  const list = found === null || found === undefined ? [] : Array.isArray(found) ? found : [found];
  const ranges = list.map((d) => ('targetUri' in d ? { uri: d.targetUri, range: d.targetSelectionRange ?? d.targetRange } : { uri: d.uri, range: d.range }));
  const editor = vscode.window.activeTextEditor;
  const atCursor = editor?.document.uri.toString() === document.uri.toString() && editor.selection.active.isEqual(position);
  if (ranges.length === 0 || !atCursor || !ranges.every((r) => r.uri.toString() === document.uri.toString())) return;
  pending = { uri: document.uri.toString(), target: ranges[0]!.range, at: Date.now() };
}

/** The jump a map opening for `uri` now belongs to, if any (taken: it is used once). */
export function takeDefinitionJump(uri: vscode.Uri): DefinitionJump | undefined {
  const jump = pending;
  if (!jump || jump.uri !== uri.toString() || Date.now() - jump.at > JUMP_WINDOW_MS) return undefined;
  pending = undefined;
  return jump;
}
