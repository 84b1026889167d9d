// Helpers for the suites that run inside a real VS Code extension host: the
// extension's test API, the samples folder, and waiting on VS Code events
// with a deadline (so a missing event fails the test instead of hanging it),
// finding text in a document and computing an edit's result, the core
// simulator's replay of sample files and a whole scenario run in the Test
// Explorer. No Node APIs: the suites in VS Code for the Web (test/web) use
// it too.
import * as vscode from 'vscode';
import { Journey } from '../../src/core/schema';
import { simulate, type SimulationResult } from '../../src/core/simulator/index';
import { Timeline } from '../../src/core/timeline';
import type { JourneyDesignerApi } from '../../src/extension';

export const EXTENSION_ID = 'journey-designer.journey-designer';

export async function journeyApi(): Promise<JourneyDesignerApi> {
  const extension = vscode.extensions.getExtension<JourneyDesignerApi>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed in this VS Code`);
  return extension.activate();
}

export function sampleUri(...segments: string[]): vscode.Uri {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  return vscode.Uri.joinPath(extension.extensionUri, 'samples', ...segments);
}

/** Resolves with the first value `probe` returns that is not undefined, checked on each event and now. */
export function waitFor<T>(event: vscode.Event<unknown>, probe: () => T | undefined, what: string, timeoutMs = 15000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const check = () => {
      const value = probe();
      if (value !== undefined) {
        clearTimeout(timer);
        subscription.dispose();
        resolve(value);
      }
    };
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const subscription = event(check);
    check();
  });
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The position `delta` characters into the first occurrence of `needle` in the document. */
export function positionOf(document: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const offset = document.getText().indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" is not in ${document.uri.path}`);
  return document.positionAt(offset + delta);
}

/** The text after a WorkspaceEdit, computed without applying it (the samples stay untouched). */
export function afterEdit(document: vscode.TextDocument, edit: vscode.WorkspaceEdit): string {
  const edits = edit.get(document.uri).map((e) => ({ start: document.offsetAt(e.range.start), end: document.offsetAt(e.range.end), text: e.newText }));
  let text = document.getText();
  for (const e of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  return text;
}

/** A diagnostic's code as a string. */
export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Opens `uri` in a text editor and waits until its diagnostics include one with `code`; returns the document and that diagnostic. */
export async function openUntilDiagnostic(uri: vscode.Uri, code: string, timeoutMs = 30000): Promise<{ document: vscode.TextDocument; diagnostic: vscode.Diagnostic }> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  const diagnostic = await waitFor(
    vscode.languages.onDidChangeDiagnostics,
    () => vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === code),
    `a ${code} diagnostic in ${uri.path} (has: ${vscode.languages.getDiagnostics(uri).map(codeOf).join(', ') || 'none'})`,
    timeoutMs,
  );
  return { document, diagnostic };
}

/** Whether `error` is VS Code's cancellation of a request (its name and message are "Canceled"). */
function isCancellation(error: unknown): boolean {
  return error instanceof Error && (error.name === 'Canceled' || error.message === 'Canceled');
}

/**
 * Opens `uri`, waits for its `code` diagnostic and asks for the quick fixes
 * at it until one is titled `title`. It asks again while the diagnostics
 * settle: a document reopened right after it was closed can still show the
 * markers of its previous opening, which the server's close then clears,
 * and VS Code cancels a request made on the model it then replaces.
 */
export async function openUntilQuickFix(uri: vscode.Uri, code: string, title: string, timeoutMs = 30000): Promise<{ document: vscode.TextDocument; diagnostic: vscode.Diagnostic; fix: vscode.CodeAction }> {
  const deadline = Date.now() + timeoutMs;
  let offered: string[] = [];
  for (;;) {
    const { document, diagnostic } = await openUntilDiagnostic(uri, code, Math.max(1, deadline - Date.now()));
    let actions: vscode.CodeAction[];
    try {
      actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
      offered = actions.map((a) => a.title);
    } catch (error) {
      if (!isCancellation(error)) throw error;
      actions = [];
      offered = ['(the request was cancelled)'];
    }
    const fix = actions.find((a) => a.title === title);
    if (fix) return { document, diagnostic, fix };
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for the quick fix "${title}" in ${uri.path} (offered: ${offered.join(' | ') || 'none'})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A workspace file's JSON. */
export async function readJson<T = unknown>(uri: vscode.Uri): Promise<T> {
  return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) as T;
}

/** The core simulator's replay of a journey file against a timeline file: what the editor must show. */
export async function coreReplay(journeyUri: vscode.Uri, timelineUri: vscode.Uri): Promise<SimulationResult> {
  return simulate(Journey.parse(await readJson(journeyUri)), Timeline.parse(await readJson(timelineUri)));
}

/**
 * Runs every scenario test of the workspace in the Test Explorer and waits
 * until each expectation has an outcome: how many scenario files and
 * expectations there are, and the outcomes.
 */
export async function runAllScenarioTests(api: JourneyDesignerApi): Promise<{ files: number; expectations: number; outcomes: string[] }> {
  await api.scenarioTests.discoverAll();
  const files = await vscode.workspace.findFiles('**/*.scenario.json');
  let expectations = 0;
  for (const file of files) expectations += (await readJson<{ expectations: unknown[] }>(file)).expectations.length;
  const ran = waitFor(api.scenarioTests.onDidRun, () => (api.scenarioTests.lastOutcome.size >= expectations ? true : undefined), 'the scenario run', 45000);
  await vscode.commands.executeCommand('testing.runAll');
  await ran;
  return { files: files.length, expectations, outcomes: [...api.scenarioTests.lastOutcome.values()] };
}
