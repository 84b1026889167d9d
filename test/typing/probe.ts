// The typing tests' probe inside the real VS Code extension host: loaded as
// the "extension tests" module of the workbench URL, it does not test
// anything itself. It serves a small JSON API on 127.0.0.1 (port from
// JOURNEY_PROBE_PORT) that the Playwright side (test/typing/vscodeSession.ts)
// calls to set the stage (open a map, its text beside, run a command, apply
// a text edit through VS Code) and to read what happened: the document's
// exact text and every change VS Code made to it. The tests type; the probe
// only watches and reports. run() resolves when the driver says `finish`.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import * as vscode from 'vscode';
import type { JourneyDesignerApi } from '../../src/extension';

const EXTENSION_ID = 'journey-designer.journey-designer';

/** One change VS Code made to a watched document, as the probe saw it. */
interface LoggedChange {
  version: number;
  reason: 'undo' | 'redo' | undefined;
  changes: { offset: number; length: number; text: string }[];
}

const changeLog = new Map<string, LoggedChange[]>();

function documentOf(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

async function api(): Promise<JourneyDesignerApi> {
  const extension = vscode.extensions.getExtension<JourneyDesignerApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

type Params = Record<string, unknown>;
const str = (p: Params, key: string): string => {
  const v = p[key];
  if (typeof v !== 'string') throw new Error(`${key} must be a string`);
  return v;
};
const uriOf = (p: Params) => vscode.Uri.file(str(p, 'file'));

const methods: Record<string, (p: Params) => Promise<unknown>> = {
  /** Opens the file on the map (in `column`, default the first). */
  async openMap(p) {
    const uri = uriOf(p);
    changeLog.set(uri.toString(), changeLog.get(uri.toString()) ?? []);
    await vscode.commands.executeCommand('vscode.openWith', uri, 'journeyDesigner.map', { viewColumn: Number(p['column'] ?? 1), preserveFocus: false });
    return true;
  },
  /** Opens the file as text in `column` (default beside), focused. */
  async openText(p) {
    const document = await vscode.workspace.openTextDocument(uriOf(p));
    await vscode.window.showTextDocument(document, { viewColumn: Number(p['column'] ?? 2), preserveFocus: false });
    return true;
  },
  /** The map's last reported render of the file (or null). */
  async rendered(p) {
    return (await api()).renderedMap(uriOf(p)) ?? null;
  },
  /** The document's exact text and version, as VS Code holds it. */
  async text(p) {
    const document = documentOf(uriOf(p));
    if (!document) throw new Error(`${str(p, 'file')} is not open`);
    return { text: document.getText(), version: document.version, dirty: document.isDirty };
  },
  /** Every change VS Code made to the document since it was opened on a map. */
  async changes(p) {
    return changeLog.get(uriOf(p).toString()) ?? [];
  },
  /** Scrolls the text editor showing the document to the first `needle` (a person scrolls there before clicking); the selection stays. */
  async reveal(p) {
    const uri = uriOf(p);
    const shown = () => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const waitShown = async () => {
      // The workbench may still be laying out its editors after an undo or a focus change: wait for it, within bounds.
      for (let waited = 0; !shown() && waited < 15_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
      return shown();
    };
    const tabs = () => vscode.window.tabGroups.all.map((g) => `[${g.tabs.map((t) => `${t.input instanceof vscode.TabInputText ? 'text' : 'other'}:${t.label}${t.isActive ? '*' : ''}`).join(', ')}]`).join(' ');
    let editor = await waitShown();
    if (!editor) {
      // Seen now and then at 0 ms between keys: another tab of the file became
      // the active one of the text's group. A person clicks the text's tab
      // again; so does the probe, and says so (a finding to look into, not an
      // edit lost: the tests check every edit on the document itself).
      const group = vscode.window.tabGroups.all.find((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString()));
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      console.log(`[probe] the text editor of ${uri.path} was hidden (tabs: ${tabs()}); showing its tab again`);
      if (group && document) await vscode.window.showTextDocument(document, { viewColumn: group.viewColumn, preserveFocus: true });
      editor = await waitShown();
    }
    if (!editor) throw new Error(`${str(p, 'file')} is not shown in a text editor (visible: ${vscode.window.visibleTextEditors.map((e) => e.document.uri.path).join(', ') || 'none'}; tabs: ${tabs()})`);
    const at = editor.document.getText().indexOf(str(p, 'needle'));
    if (at < 0) throw new Error(`${str(p, 'needle')} is not in ${str(p, 'file')}`);
    const start = editor.document.positionAt(at);
    editor.revealRange(new vscode.Range(start.with(undefined, 0), start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return true;
  },
  /** Runs a VS Code command (undo, save, close editors ...). */
  async command(p) {
    const args = Array.isArray(p['args']) ? p['args'] : [];
    await vscode.commands.executeCommand(str(p, 'id'), ...args);
    return true;
  },
  /** Replaces `length` characters at `offset` with `text` through a WorkspaceEdit; answers whether VS Code applied it. */
  async applyTextEdit(p) {
    const document = documentOf(uriOf(p));
    if (!document) throw new Error(`${str(p, 'file')} is not open`);
    const offset = Number(p['offset']);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(offset), document.positionAt(offset + Number(p['length'] ?? 0))), str(p, 'text'));
    return vscode.workspace.applyEdit(edit);
  },
  /**
   * Undoes every change in the text editor showing the document (VS Code's
   * one undo stack) until the text is `original` or undo changes nothing
   * more; answers the text it ends with.
   */
  async undoAll(p) {
    const uri = uriOf(p);
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    if (!editor) throw new Error(`${str(p, 'file')} is not shown in a text editor`);
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
    const original = str(p, 'original');
    let unchanged = 0;
    for (let i = 0; i < 500 && editor.document.getText() !== original && unchanged < 5; i++) {
      const version = editor.document.version;
      await vscode.commands.executeCommand('undo');
      unchanged = editor.document.version === version ? unchanged + 1 : 0;
    }
    return editor.document.getText();
  },
  /** The problems VS Code has for the document (the language server's, as the Problems panel lists them). */
  async diagnostics(p) {
    return vscode.languages.getDiagnostics(uriOf(p)).map((d) => `${d.code === undefined ? '' : `${typeof d.code === 'object' ? String(d.code.value) : String(d.code)}: `}${d.message}`);
  },
  /** Saves and closes every editor (a dirty one would ask first). */
  async closeAll() {
    for (const document of vscode.workspace.textDocuments) if (document.isDirty) await document.save();
    await vscode.window.tabGroups.close(vscode.window.tabGroups.all.flatMap((g) => g.tabs), true);
    return true;
  },
};

export async function run(): Promise<void> {
  const port = Number(process.env['JOURNEY_PROBE_PORT']);
  if (!port) throw new Error('JOURNEY_PROBE_PORT is not set');
  await api();
  const watcher = vscode.workspace.onDidChangeTextDocument((e) => {
    const log = changeLog.get(e.document.uri.toString());
    if (!log || e.contentChanges.length === 0) return;
    log.push({
      version: e.document.version,
      reason: e.reason === vscode.TextDocumentChangeReason.Undo ? 'undo' : e.reason === vscode.TextDocumentChangeReason.Redo ? 'redo' : undefined,
      changes: e.contentChanges.map((c) => ({ offset: c.rangeOffset, length: c.rangeLength, text: c.text })),
    });
  });
  await new Promise<void>((resolve, reject) => {
    const server = createServer((request: IncomingMessage, response: ServerResponse) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const answer = (status: number, value: unknown) => {
          response.writeHead(status, { 'content-type': 'application/json' });
          response.end(JSON.stringify(value));
        };
        let call: { method?: string; params?: Params };
        try {
          call = JSON.parse(body) as { method?: string; params?: Params };
        } catch {
          answer(400, { error: 'not JSON' });
          return;
        }
        if (call.method === 'finish') {
          answer(200, { result: true });
          server.close();
          watcher.dispose();
          resolve();
          return;
        }
        const method = call.method ? methods[call.method] : undefined;
        if (!method) {
          answer(404, { error: `no method ${call.method}` });
          return;
        }
        method(call.params ?? {}).then(
          (result) => answer(200, { result }),
          (error: unknown) => answer(500, { error: error instanceof Error ? error.message : String(error) }),
        );
      });
    });
    server.on('error', reject);
    server.listen(port, '127.0.0.1', () => console.log(`TYPING-PROBE listening on ${port}`));
  });
}
