// Helpers of the language feature specifications: an analysed document from
// a text, a position from a piece of that text, and applying the edits a
// feature returns, so each test can state the exact text it expects.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Position, ResponseError, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache, type DocumentAnalysis } from '../../../language/documentAnalysis';
import { rename } from '../../../language/rename';

export const URI = 'file:///work/journeys/welcome.journey.json';

export function analyze(text: string, version = 1, uri = URI): DocumentAnalysis {
  return new AnalysisCache().get(TextDocument.create(uri, 'journey-json', version, text));
}

export function sample(...segments: string[]): string {
  return readFileSync(join(__dirname, '../../../samples', ...segments), 'utf8');
}

/** The position of the `occurrence`-th (from 1) `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0, occurrence = 1): Position {
  let offset = -1;
  for (let i = 0; i < occurrence; i++) {
    offset = text.indexOf(needle, offset + 1);
    assert.ok(offset >= 0, `"${needle}" (occurrence ${occurrence}) is not in the text`);
  }
  return TextDocument.create(URI, 'json', 1, text).positionAt(offset + delta);
}

/** The text after applying LSP text edits (non-overlapping, relative to `text`). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const document = TextDocument.create(URI, 'json', 1, text);
  return TextDocument.applyEdits(document, [...edits]);
}

/** The edits of a WorkspaceEdit for URI, whether given as `changes` or `documentChanges`. */
export function editsOf(edit: WorkspaceEdit | null | undefined, uri = URI): TextEdit[] {
  assert.ok(edit, 'no workspace edit');
  if (edit.changes) return edit.changes[uri] ?? [];
  const change = edit.documentChanges?.find((c) => 'textDocument' in c && c.textDocument.uri === uri);
  assert.ok(change && 'edits' in change, `no edits for ${uri}`);
  return change.edits.filter((e): e is TextEdit => 'range' in e);
}

/** A small valid journey: two starting points, an email, a wait for its open, two ends, a map pin. */
export const WELCOME = `{
  "formatVersion": 1,
  "id": "welcome",
  "name": "Welcome",
  "kind": "trigger",
  "tags": ["VIP", "Kunde"],
  "lists": [{ "id": "newsletter", "kind": "marketing" }],
  "fields": [
    { "name": "birthday", "type": "date" },
    { "name": "score", "type": "number" }
  ],
  "content": [
    { "id": "hello", "channel": "email", "status": "ready", "list": "newsletter", "links": ["shop", "blog"] },
    { "id": "reminder_sms", "channel": "sms", "status": "ready", "list": "newsletter" }
  ],
  "startingPoints": [
    {
      "id": "sp_vip",
      "trigger": { "type": "tagAdded", "tag": "VIP" },
      "filter": { "type": "hasTag", "tag": "Kunde" },
      "next": "p_email"
    }
  ],
  "points": [
    {
      "id": "p_email",
      "type": "sendEmail",
      "title": "Say hello",
      "content": "hello",
      "next": "p_wait_open"
    },
    {
      "id": "p_wait_open",
      "type": "waitForEvent",
      "event": { "type": "emailOpened", "point": "p_email" },
      "timeout": "P2D",
      "branches": { "yes": "p_done", "timeout": "p_gave_up" }
    },
    { "id": "p_done", "type": "end" },
    { "id": "p_gave_up", "type": "end" }
  ],
  "layout": { "p_email": { "x": 10, "y": 20 } }
}
`;

/** `text` (WELCOME or like it) with an exit criterion that fires on a click of the email sent by p_email (R16). */
export function withExitCriterionOnEmail(text: string): string {
  const criterion = '  "settings": { "exitCriteria": [{ "id": "clicked_shop", "when": "event", "event": { "type": "emailClicked", "point": "p_email", "link": "shop" } }] },\n';
  const out = text.replace('  "tags":', `${criterion}  "tags":`);
  assert.notEqual(out, text, 'no "tags" to put the settings before');
  return out;
}

/** `text` after renaming what is at `needle` (+ `delta`) to `newName`. */
export function renamed(text: string, needle: string, delta: number, newName: string, versioned = false): string {
  return applyEdits(text, editsOf(rename(analyze(text), positionOf(text, needle, delta), newName, { versioned })));
}

/** The message with which `fn` refuses (a ResponseError, as the client shows it); fails when it does not refuse. */
export function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ResponseError, `not a ResponseError: ${String(error)}`);
    return error.message;
  }
  assert.fail('not refused');
}
