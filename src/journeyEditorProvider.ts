// The journey map: a CustomTextEditorProvider whose webview draws the
// journey of a `*.journey.json` text document and edits it. The text
// document stays the single source of truth: the webview sends
// meaning-level operations, the host turns each into ONE minimal
// WorkspaceEdit (src/core/edits), so undo, redo, dirty state, save, revert
// and "Reopen With" are VS Code's own. Every map of a document follows every
// change of its text at once, whoever made it.
import * as vscode from 'vscode';
import { takeDefinitionJump } from './definitionJumps';
import { journeyEditFor } from './core/edits/journeyEdit';
import { applyQuickFix, quickFixesFor } from './mapQuickFixes';
import type { JourneyOperation } from './core/edits/journeyOperation';
import { startingPointLimit } from './core/edits/startingPointLimit';
import { documentStateOf, nodeIdAtOffset } from './documentState';
import { readSettings } from './settings';
import { VIEW_TYPE } from './journeyMapViewType';
import { webviewHtml } from './webviewHtml';
import {
  describeRejection,
  type ExportFormat,
  HostToWebview,
  type MapCommand,
  PROTOCOL_VERSION,
  type RenderedSummary,
  requestIdOf,
  type SimulationOverlay,
  WebviewToHost,
} from './webviewProtocol';

export { VIEW_TYPE };

/** Context key: the active journey map shows a published version (see package.json, "Edit as New Version"). */
const PUBLISHED_CONTEXT = 'journeyDesigner.activeMapPublished';
/** Re-render at most this often while the text changes (typing); the map's own edits are sent at once. */
const UPDATE_DEBOUNCE_MS = 50;
/** How long the map may take to serialize itself for an export. */
const EXPORT_TIMEOUT_MS = 30000;

/** How often an operation is computed again on newer text when VS Code refuses it because the text changed. */
const MAX_EDIT_ATTEMPTS = 20;
/** How long a refused edit waits for the text change that made VS Code refuse it. */
const CHANGE_WAIT_MS = 500;

/** Resolves true at the next change of `document`'s text, false after `timeoutMs` without one. */
function textChange(document: vscode.TextDocument, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const subscription = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document !== document || e.contentChanges.length === 0) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(true);
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      resolve(false);
    }, timeoutMs);
  });
}

export type EditResult = { ok: true; label: string; select?: string } | { ok: false; error: string };

/** One open map: a webview panel showing one text document. */
class MapSession implements vscode.Disposable {
  private ready = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private requestCounter = 0;
  private readonly pendingExports = new Map<string, { resolve: (data: string) => void; reject: (error: Error) => void }>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private lastSelected: string | null | undefined;

  constructor(
    readonly document: vscode.TextDocument,
    readonly panel: vscode.WebviewPanel,
    private readonly provider: JourneyEditorProvider,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)));
  }

  get uri(): string {
    return this.document.uri.toString();
  }

  post(message: HostToWebview): void {
    const checked = HostToWebview.parse(message);
    this.log.trace(`map → webview: ${checked.type}${'requestId' in checked && checked.requestId ? ` #${checked.requestId}` : ''}`);
    void this.panel.webview.postMessage(checked);
  }

  /** Sends the document now (`init` answers `ready`; `update` follows every change). */
  sendDocument(kind: 'init' | 'update'): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.ready) return;
    const text = this.document.getText();
    const state = documentStateOf(text);
    const payload = {
      documentVersion: this.document.version,
      fileName: this.document.uri.path.split('/').pop() ?? this.document.uri.path,
      readOnly: this.isReadOnly(),
      state,
      startingPointLimit: startingPointLimit(state.kind === 'journey' ? state.value : undefined, readSettings(this.document.uri).defaultPlan),
    };
    this.post(kind === 'init' ? { type: 'init', protocol: PROTOCOL_VERSION, ...payload } : { type: 'update', ...payload });
  }

  /** Sends the document after a short pause (text typed in another editor). */
  scheduleUpdate(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.sendDocument('update'), UPDATE_DEBOUNCE_MS);
  }

  private isReadOnly(): boolean {
    const scheme = this.document.uri.scheme;
    return vscode.workspace.fs.isWritableFileSystem(scheme) === false || scheme === 'git';
  }

  /** Selects the node the text cursor is in, when it changed. */
  selectFromText(nodeId: string | null): void {
    if (!this.ready || nodeId === this.lastSelected) return;
    this.lastSelected = nodeId;
    this.post({ type: 'select', nodeId });
  }

  command(command: MapCommand): void {
    this.post({ type: 'command', command });
  }

  /** Asks the map for its SVG (text) or PNG (base64). */
  requestExport(format: ExportFormat): Promise<string> {
    const requestId = `export-${++this.requestCounter}`;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pendingExports.delete(requestId);
        reject(new Error('The map did not answer the export request in time.'));
      }, EXPORT_TIMEOUT_MS);
      this.pendingExports.set(requestId, {
        resolve: (data) => {
          clearTimeout(timer);
          resolve(data);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.post({ type: 'exportRequest', requestId, format });
    });
  }

  private receive(raw: unknown): void {
    const parsed = WebviewToHost.safeParse(raw);
    if (!parsed.success) {
      const reason = describeRejection(parsed.error, raw);
      this.log.warn(`map: ${reason}`);
      const requestId = requestIdOf(raw);
      this.post({ type: 'error', message: `The extension did not understand a message from the map (${reason}).`, ...(requestId ? { requestId } : {}) });
      return;
    }
    const message = parsed.data;
    this.log.trace(`map ← webview: ${message.type}${'requestId' in message ? ` #${message.requestId}` : ''}`);
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.sendDocument('init');
        this.provider.replayOverlay(this);
        return;
      case 'edit':
        void this.edit(message.requestId, message.documentVersion, message.operation);
        return;
      case 'openAsText':
        void vscode.commands.executeCommand('vscode.openWith', this.document.uri, 'default', vscode.ViewColumn.Beside);
        return;
      case 'revealPath':
        void vscode.commands.executeCommand('journeyDesigner.revealPath', this.document.uri, message.path);
        return;
      case 'viewContactQueue':
        if (this.provider.overlayOf(this.uri)?.live) void vscode.commands.executeCommand('journeyDesigner.live.viewContactQueue', this.document.uri, message.nodeId);
        else void vscode.commands.executeCommand('journeyDesigner.simulation.viewContactQueue', message.nodeId);
        return;
      case 'liveView':
        void vscode.commands.executeCommand(message.on ? 'journeyDesigner.showLiveStats' : 'journeyDesigner.stopLiveStats', this.document.uri);
        return;
      case 'runCommand':
        void this.runCommand(message.command);
        return;
      case 'exportResult': {
        const pending = this.pendingExports.get(message.requestId);
        if (!pending) return;
        this.pendingExports.delete(message.requestId);
        if (message.data !== undefined) pending.resolve(message.data);
        else pending.reject(new Error(message.error ?? 'The map could not be exported.'));
        return;
      }
      case 'rendered':
        this.provider.recordRender(this.uri, message.summary);
        return;
      case 'log':
        this.log[message.level](`map: ${message.message}`);
        return;
      case 'error':
        this.log.error(`map: the webview rejected a message${message.requestId ? ` #${message.requestId}` : ''}: ${message.message}`);
        return;
      case 'quickFixes':
      case 'applyQuickFix':
        void this.quickFix(message);
        return;
    }
  }

  /** The quick fixes offered on the map (mapQuickFixes.ts): listed for a problem, then one applied by its title. */
  private quickFixes: vscode.CodeAction[] = [];
  private async quickFix(message: Extract<WebviewToHost, { type: 'quickFixes' | 'applyQuickFix' }>): Promise<void> {
    try {
      if (message.type === 'quickFixes') {
        this.quickFixes = await quickFixesFor(this.document.uri, message.code, message.line, message.character);
        this.post({ type: 'quickFixesResult', requestId: message.requestId, fixes: this.quickFixes.map((a) => a.title) });
        return;
      }
      const action = this.quickFixes.find((a) => a.title === message.title);
      const applied = action ? await applyQuickFix(action) : false;
      this.post({ type: 'quickFixesResult', requestId: message.requestId, fixes: [], applied, ...(applied ? {} : { error: action ? 'VS Code did not apply the fix.' : `The fix "${message.title}" is no longer offered.` }) });
    } catch (error) {
      this.post({ type: 'quickFixesResult', requestId: message.requestId, fixes: [], applied: false, error: error instanceof Error ? error.message : String(error) });
    }
  }

  private async runCommand(command: 'undo' | 'redo' | 'exportSvg' | 'exportPng' | 'openAsText'): Promise<void> {
    switch (command) {
      case 'undo':
      case 'redo':
        // VS Code's own undo stack of the text document: the map keeps no history.
        this.panel.reveal(undefined, false);
        await vscode.commands.executeCommand(command);
        return;
      case 'exportSvg':
        await this.provider.exportMap(this, 'svg');
        return;
      case 'exportPng':
        await this.provider.exportMap(this, 'png');
        return;
      case 'openAsText':
        await vscode.commands.executeCommand('vscode.openWith', this.document.uri, 'default', vscode.ViewColumn.Beside);
        return;
    }
  }

  /**
   * Applies one operation as one WorkspaceEdit and answers the webview. The
   * operation says what the person meant ("set the name of p3 to ..."), so
   * when the text changed since the version the map showed (typing in the
   * text editor, another map), it is made on the current text, not refused.
   */
  async edit(requestId: string, documentVersion: number, operation: JourneyOperation): Promise<EditResult> {
    const answer = (result: EditResult) => {
      if (requestId) this.post({ type: 'editResult', requestId, ...result });
      return result;
    };
    if (this.isReadOnly()) return answer({ ok: false, error: 'This editor is read-only.' });
    if (documentVersion !== this.document.version) this.log.trace(`map: ${operation.op} made on version ${documentVersion}, applied on the current text (version ${this.document.version})`);
    const result = await this.provider.applyOperation(this.document, operation);
    this.sendDocument('update');
    return answer(result);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const pending of this.pendingExports.values()) pending.reject(new Error('The map was closed.'));
    this.pendingExports.clear();
    this.subscriptions.forEach((s) => s.dispose());
  }
}

export class JourneyEditorProvider implements vscode.CustomTextEditorProvider {
  /** The last summary each open map reported, by document URI: read by tests and the status bar. */
  readonly rendered = new Map<string, RenderedSummary>();
  private readonly renderedEmitter = new vscode.EventEmitter<{ uri: string; summary: RenderedSummary }>();
  readonly onDidRender = this.renderedEmitter.event;
  private readonly sessions = new Set<MapSession>();
  private readonly overlays = new Map<string, SimulationOverlay>();
  private readonly mapsChanged = new vscode.EventEmitter<void>();
  /** Fires when a map opens, closes, or is shown or hidden (the live view polls only while one is visible). */
  readonly onDidChangeMaps = this.mapsChanged.event;
  /** The operation being applied to each document, by URI: the next waits for it. */
  private readonly applying = new Map<string, Promise<void>>();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /**
   * Creates the provider with its listeners (text changes re-render maps,
   * the text cursor selects nodes). Registered through a lazy wrapper in
   * extension.ts, so this module loads only when a map first opens.
   */
  /** Runs after "Edit as New Version" made a published journey a draft (set by the extension: publishedReadOnly.ts makes its file writeable). */
  afterDrafted: (uri: vscode.Uri) => Promise<void> = async () => undefined;

  static create(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): JourneyEditorProvider {
    const provider = new JourneyEditorProvider(context, log);
    context.subscriptions.push(
      provider.renderedEmitter,
      provider.mapsChanged,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        for (const s of provider.sessionsOf(e.document.uri)) s.scheduleUpdate();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        const sessions = provider.sessionsOf(e.textEditor.document.uri);
        if (sessions.length === 0) return;
        const nodeId = nodeIdAtOffset(e.textEditor.document.getText(), e.textEditor.document.offsetAt(e.selections[0]?.active ?? new vscode.Position(0, 0)));
        for (const s of sessions) s.selectFromText(nodeId);
      }),
    );
    return provider;
  }

  resolveCustomTextEditor(document: vscode.TextDocument, panel: vscode.WebviewPanel): void {
    if (this.givesWayToTextJump(document, panel)) return;
    const distUri = vscode.Uri.joinPath(this.context.extensionUri, 'dist');
    panel.webview.options = { enableScripts: true, localResourceRoots: [distUri] };
    panel.webview.html = webviewHtml({
      cspSource: panel.webview.cspSource,
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(distUri, 'webview.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(distUri, 'webview.css')).toString(),
    });
    const session = new MapSession(document, panel, this, this.log);
    this.sessions.add(session);
    panel.onDidChangeViewState(() => {
      this.updatePublishedContext();
      this.mapsChanged.fire();
    });
    panel.onDidDispose(() => {
      session.dispose();
      this.sessions.delete(session);
      if (this.sessionsOf(document.uri).length === 0) this.rendered.delete(document.uri.toString());
      this.mapsChanged.fire();
    });
    this.mapsChanged.fire();
  }

  /**
   * A map VS Code opens for Go to Definition within the journey's text
   * (definitionJumps.ts) closes at once, and the text editor of its group
   * shows the target instead.
   */
  private givesWayToTextJump(document: vscode.TextDocument, panel: vscode.WebviewPanel): boolean {
    const jump = takeDefinitionJump(document.uri);
    if (!jump) return false;
    const group = vscode.window.tabGroups.all.find((g) => g.viewColumn === panel.viewColumn) ?? vscode.window.tabGroups.activeTabGroup;
    const hasText = group.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === document.uri.toString());
    if (!hasText) return false;
    panel.dispose();
    void vscode.window.showTextDocument(document, { viewColumn: group.viewColumn, selection: new vscode.Range(jump.target.start, jump.target.start), preview: false });
    return true;
  }

  sessionsOf(uri: vscode.Uri | string): MapSession[] {
    const key = uri.toString();
    return [...this.sessions].filter((s) => s.uri === key);
  }

  /** The map in the active editor tab, if the active tab is a map. */
  activeSession(): MapSession | undefined {
    return [...this.sessions].find((s) => s.panel.active) ?? (() => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputCustom && input.viewType === VIEW_TYPE ? this.sessionsOf(input.uri)[0] : undefined;
    })();
  }

  recordRender(uri: string, summary: RenderedSummary): void {
    this.rendered.set(uri, summary);
    this.renderedEmitter.fire({ uri, summary });
    this.updatePublishedContext();
  }

  /** `journeyDesigner.activeMapPublished`: the active map shows a published (frozen, R22) version, so "Edit as New Version" is offered. */
  private updatePublishedContext(): void {
    const active = this.activeSession();
    const published = active ? this.rendered.get(active.uri)?.published === true : false;
    void vscode.commands.executeCommand('setContext', PUBLISHED_CONTEXT, published);
  }

  /**
   * Turns one meaning-level operation into one WorkspaceEdit on the
   * document (one undo step), exactly as when the map asks for it.
   */
  applyOperation(document: vscode.TextDocument, operation: JourneyOperation): Promise<EditResult> {
    // One operation at a time per document (maps and tests may ask at once):
    // each is computed on the text the previous one left.
    const key = document.uri.toString();
    const run = () => this.applyOnCurrentText(document, operation);
    const result = (this.applying.get(key) ?? Promise.resolve()).then(run, run);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.applying.set(key, tail);
    void tail.then(() => {
      if (this.applying.get(key) === tail) this.applying.delete(key);
    });
    return result;
  }

  /**
   * Computes the operation on the document's current text and applies it.
   * VS Code refuses an edit made on a version older than its own (a key
   * typed in the text editor got there first): the operation is then
   * computed again on the newer text, until it applies or the document stops
   * changing under it.
   */
  private async applyOnCurrentText(document: vscode.TextDocument, operation: JourneyOperation): Promise<EditResult> {
    for (let attempt = 1; ; attempt++) {
      const version = document.version;
      const outcome = journeyEditFor(document.getText(), operation, { now: new Date(), defaultPlan: readSettings(document.uri).defaultPlan });
      if (!outcome.ok) {
        this.log.info(`map: edit refused (${operation.op}): ${outcome.error}`);
        return { ok: false, error: outcome.error };
      }
      const edit = new vscode.WorkspaceEdit();
      const metadata = { label: outcome.label, needsConfirmation: false };
      for (const e of outcome.edits) {
        edit.replace(document.uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.content, metadata);
      }
      if (await vscode.workspace.applyEdit(edit)) {
        this.log.info(`map: ${outcome.label}${attempt > 1 ? ` (on the text as changed meanwhile, attempt ${attempt})` : ''}`);
        // R22: the file of a published version is read-only in the session; the new draft must be writeable (and savable) when this resolves.
        if (operation.op === 'editAsNewVersion') await this.afterDrafted(document.uri);
        return { ok: true, label: outcome.label, ...(outcome.select !== undefined ? { select: outcome.select } : {}) };
      }
      // Refused: the text changed meanwhile (then its change reaches this
      // host right after), or the document cannot be edited at all.
      const changed = document.version !== version || (await textChange(document, CHANGE_WAIT_MS));
      if (!changed || attempt >= MAX_EDIT_ATTEMPTS) {
        this.log.warn(`map: VS Code did not apply ${operation.op} (${attempt} attempt${attempt === 1 ? '' : 's'})`);
        return { ok: false, error: changed ? 'The text kept changing while the map edited it; the edit was not made, please try again.' : 'VS Code did not apply the edit (the document may be read-only).' };
      }
    }
  }

  /** Performs an operation on the document of `uri` as if its map had sent it (tests, other features). */
  async performOperation(uri: vscode.Uri, operation: JourneyOperation): Promise<EditResult> {
    const session = this.sessionsOf(uri)[0];
    if (session) return session.edit('', session.document.version, operation);
    return this.applyOperation(await vscode.workspace.openTextDocument(uri), operation);
  }

  /** Shows (or clears, with null) a simulation over every map of `uri`; maps opened later get it too. */
  showSimulation(uri: vscode.Uri, overlay: SimulationOverlay | null): void {
    if (overlay) this.overlays.set(uri.toString(), overlay);
    else this.overlays.delete(uri.toString());
    for (const s of this.sessionsOf(uri)) s.post({ type: 'simulation', overlay });
  }

  /** The overlay shown on the maps of `uri`, if any. */
  overlayOf(uri: vscode.Uri | string): SimulationOverlay | undefined {
    return this.overlays.get(uri.toString());
  }

  /** Whether a map of `uri` is open, and whether one is visible. */
  visibility(uri: vscode.Uri | string): 'closed' | 'hidden' | 'visible' {
    const sessions = this.sessionsOf(uri);
    return sessions.length === 0 ? 'closed' : sessions.some((s) => s.panel.visible) ? 'visible' : 'hidden';
  }

  replayOverlay(session: MapSession): void {
    const overlay = this.overlays.get(session.uri);
    if (overlay) session.post({ type: 'simulation', overlay });
  }

  /** Serializes the map of `session` and saves it where the user chooses (or to `target`). */
  async exportMap(session: MapSession, format: ExportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    let data: string;
    try {
      data = await session.requestExport(format);
    } catch (error) {
      void vscode.window.showErrorMessage(`Could not export the journey map: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    const base = session.document.uri.path.replace(/\.journey\.json$/, '').split('/').pop() ?? 'journey';
    const destination =
      target ??
      (await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(session.document.uri, '..', `${base}.${format}`),
        filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
        title: `Export journey map as ${format.toUpperCase()}`,
      }));
    if (!destination) return undefined;
    const bytes = format === 'svg' ? new TextEncoder().encode(data) : Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    await vscode.workspace.fs.writeFile(destination, bytes);
    this.log.info(`map: exported ${destination.toString()}`);
    if (!target) void vscode.window.showInformationMessage(`Exported the journey map to ${vscode.workspace.asRelativePath(destination)}.`);
    return destination;
  }
}
