// A published version is frozen (R22): its text is read-only in the editor,
// as its map is. When the active tab shows a journey (on the map or as
// text) that carries its publication record, the journey's file is set
// read-only for the session (VS Code's own read-only editors: typing,
// pasting and auto-save cannot change it). Setting it while the map is
// active means the text opened from the map ("Open as Text") is read-only
// from its first keystroke. A journey that has just been published is made
// read-only once publishing has saved it (a read-only file is not saved). Once the journey is no longer published ("Edit
// as New Version", an undo) it is made writeable again, at once when its map
// or text is the active tab, else when it next is. A keystroke that still
// reaches a published text (typed in the moment before VS Code applied the
// read-only state) is undone at once. The stored versions under published/
// are read-only through package.json `files.readonlyInclude`.
import * as vscode from 'vscode';

function isPublishedText(text: string): boolean {
  if (!text.includes('"publication"')) return false;
  try {
    const journey: unknown = JSON.parse(text);
    return journey !== null && typeof journey === 'object' && typeof (journey as { publication?: unknown }).publication === 'object';
  } catch {
    return false;
  }
}

const isJourney = (uri: vscode.Uri) => uri.path.endsWith('.journey.json');

/** The journey shown by the active tab, on the map or as text. */
function activeJourney(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  const uri = input instanceof vscode.TabInputCustom || input instanceof vscode.TabInputText ? input.uri : undefined;
  return uri && isJourney(uri) ? uri : undefined;
}

export class PublishedReadOnly implements vscode.Disposable {
  private readonly readOnly = new Set<string>();
  /** Whether each open journey's text was a published version at its last change. */
  private readonly wasPublished = new Map<string, boolean>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after a journey's text was set read-only or writeable again. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private queue: Promise<void> = Promise.resolve();

  constructor() {
    this.subscriptions = [
      this.changed,
      vscode.window.onDidChangeActiveTextEditor(() => this.updateActive()),
      vscode.window.tabGroups.onDidChangeTabs(() => this.updateActive()),
      vscode.workspace.onDidOpenTextDocument((d) => this.remember(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.wasPublished.delete(d.uri.toString())),
      vscode.workspace.onDidChangeTextDocument((e) => this.onChange(e)),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (activeJourney()?.toString() === d.uri.toString()) this.updateActive();
      }),
    ];
    vscode.workspace.textDocuments.forEach((d) => this.remember(d));
    this.updateActive();
  }

  /** Whether the text of `uri` is read-only because it is a published version. */
  isReadOnly(uri: vscode.Uri): boolean {
    return this.readOnly.has(uri.toString());
  }

  /**
   * Sets the active tab's journey read-only now if it is published (the
   * map's "Open as Text" calls this before it shows the text).
   */
  protectActive(): Promise<void> {
    this.updateActive();
    return this.queue;
  }

  private remember(document: vscode.TextDocument): void {
    if (isJourney(document.uri)) this.wasPublished.set(document.uri.toString(), isPublishedText(document.getText()));
  }

  private onChange(e: vscode.TextDocumentChangeEvent): void {
    if (!isJourney(e.document.uri) || e.contentChanges.length === 0) return;
    const key = e.document.uri.toString();
    const before = this.wasPublished.get(key) ?? false;
    const after = isPublishedText(e.document.getText());
    this.wasPublished.set(key, after);
    const typed = e.reason === undefined && e.document.isDirty;
    if (before && after && typed && vscode.window.activeTextEditor?.document === e.document) {
      // A stray keystroke in the moment before the editor became read-only: take it back.
      void vscode.commands.executeCommand('undo');
    }
    if (activeJourney()?.toString() === key) this.updateActive();
  }

  /** Brings the read-only state of the active tab's journey in line with its text (serialised: each step runs a command on the active editor). */
  private updateActive(): void {
    this.queue = this.queue.then(() => this.apply()).catch(() => undefined);
  }

  private async apply(): Promise<void> {
    const uri = activeJourney();
    if (!uri) return;
    const key = uri.toString();
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (!document) return;
    const published = isPublishedText(document.getText());
    if (published === this.readOnly.has(key)) return;
    // Just published and not saved yet (publishing edits the text, then saves it): read-only once it is saved.
    if (published && document.isDirty) return;
    await vscode.commands.executeCommand(published ? 'workbench.action.files.setActiveEditorReadonlyInSession' : 'workbench.action.files.resetActiveEditorReadonlyInSession');
    // The command acts on the active editor: it counts only if that is still this journey.
    if (activeJourney()?.toString() !== key) return;
    if (published) this.readOnly.add(key);
    else {
      this.readOnly.delete(key);
      await this.saveWhatAutoSaveSkipped(document);
    }
    this.changed.fire();
  }

  /**
   * An auto-save that came while the file was still read-only (the edit that
   * made it a draft, e.g. "Edit as New Version", lands a moment before the
   * file is made writeable) writes nothing yet marks the document saved, so
   * the draft would never reach the disk: save it now, as auto-save meant to.
   */
  private async saveWhatAutoSaveSkipped(document: vscode.TextDocument): Promise<void> {
    if (document.isDirty || vscode.workspace.getConfiguration('files', document.uri).get<string>('autoSave') === 'off') return;
    let onDisk: string;
    try {
      onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(document.uri));
    } catch {
      return;
    }
    if (onDisk.replace(/^\uFEFF/, '') === document.getText() || activeJourney()?.toString() !== document.uri.toString()) return;
    await vscode.commands.executeCommand('workbench.action.files.save');
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }
}
