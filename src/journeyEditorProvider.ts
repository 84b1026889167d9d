// The journey map: a CustomTextEditorProvider whose webview draws the
// journey of a `*.journey.json` text document. The text document stays the
// single source of truth: undo, redo, save and dirty state are VS Code's own.
import * as vscode from 'vscode';
import { documentStateOf } from './documentState';
import { webviewHtml } from './webviewHtml';
import { HostToWebview, PROTOCOL_VERSION, type RenderedSummary, WebviewToHost } from './webviewProtocol';

export const VIEW_TYPE = 'journeyDesigner.map';

/** Re-render at most this often while the text changes. */
const UPDATE_DEBOUNCE_MS = 50;

export class JourneyEditorProvider implements vscode.CustomTextEditorProvider {
  /** The last summary each open map reported, by document URI: read by tests and the status bar. */
  readonly rendered = new Map<string, RenderedSummary>();
  private readonly renderedEmitter = new vscode.EventEmitter<{ uri: string; summary: RenderedSummary }>();
  readonly onDidRender = this.renderedEmitter.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  static register(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): JourneyEditorProvider {
    const provider = new JourneyEditorProvider(context, log);
    context.subscriptions.push(
      vscode.window.registerCustomEditorProvider(VIEW_TYPE, provider, {
        webviewOptions: { retainContextWhenHidden: true },
        supportsMultipleEditorsPerDocument: true,
      }),
      provider.renderedEmitter,
    );
    return provider;
  }

  resolveCustomTextEditor(document: vscode.TextDocument, panel: vscode.WebviewPanel): void {
    const webview = panel.webview;
    const distUri = vscode.Uri.joinPath(this.context.extensionUri, 'dist');
    webview.options = { enableScripts: true, localResourceRoots: [distUri] };
    webview.html = webviewHtml(webview, distUri);

    let ready = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const post = (message: HostToWebview) => {
      void webview.postMessage(HostToWebview.parse(message));
    };
    const sendUpdate = () => {
      timer = undefined;
      if (!ready) return;
      post({
        type: 'update',
        protocol: PROTOCOL_VERSION,
        documentVersion: document.version,
        fileName: document.uri.path.split('/').pop() ?? document.uri.path,
        readOnly: false,
        state: documentStateOf(document.getText()),
      });
    };
    const scheduleUpdate = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(sendUpdate, UPDATE_DEBOUNCE_MS);
    };

    const subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === document.uri.toString() && e.contentChanges.length > 0) scheduleUpdate();
      }),
      webview.onDidReceiveMessage((raw: unknown) => {
        const parsed = WebviewToHost.safeParse(raw);
        if (!parsed.success) {
          this.log.warn(`map: rejected a message from the webview: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
          post({ type: 'error', message: 'The extension did not understand a message from the map.' });
          return;
        }
        this.handleMessage(parsed.data, document, () => {
          ready = true;
          sendUpdate();
        });
      }),
    ];
    panel.onDidDispose(() => {
      if (timer) clearTimeout(timer);
      subscriptions.forEach((s) => s.dispose());
      this.rendered.delete(document.uri.toString());
    });
  }

  private handleMessage(message: WebviewToHost, document: vscode.TextDocument, onReady: () => void): void {
    switch (message.type) {
      case 'ready':
        onReady();
        return;
      case 'openAsText':
        void vscode.commands.executeCommand('vscode.openWith', document.uri, 'default', vscode.ViewColumn.Beside);
        return;
      case 'revealPath':
        void vscode.commands.executeCommand('journeyDesigner.revealPath', document.uri, message.path);
        return;
      case 'rendered':
        this.rendered.set(document.uri.toString(), message.summary);
        this.renderedEmitter.fire({ uri: document.uri.toString(), summary: message.summary });
        return;
      case 'log':
        this.log[message.level](`map: ${message.message}`);
        return;
    }
  }
}
