// A published version is frozen (R22): its text opens read-only, as the map
// does. When a text editor of a journey becomes active, the journey is read
// from the document; if it carries its publication record the editor is set
// read-only for the session (VS Code's own read-only editors: typing,
// pasting and auto-save cannot change it). Once the journey is no longer
// published ("Edit as New Version", an undo) it becomes writeable again the
// next time its editor is active. The stored versions under published/ are
// read-only through package.json `files.readonlyInclude`.
import * as vscode from 'vscode';

function isPublishedJourney(document: vscode.TextDocument): boolean {
  if (!document.uri.path.endsWith('.journey.json')) return false;
  const text = document.getText();
  if (!text.includes('"publication"')) return false;
  try {
    const journey: unknown = JSON.parse(text);
    return journey !== null && typeof journey === 'object' && typeof (journey as { publication?: unknown }).publication === 'object';
  } catch {
    return false;
  }
}

export class PublishedReadOnly implements vscode.Disposable {
  private readonly readOnly = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after a journey's text was set read-only or writeable again. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      this.changed,
      vscode.window.onDidChangeActiveTextEditor((editor) => void this.update(editor)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.readOnly.has(e.document.uri.toString()) && vscode.window.activeTextEditor?.document === e.document) void this.update(vscode.window.activeTextEditor);
      }),
    ];
    void this.update(vscode.window.activeTextEditor);
  }

  /** Whether the text of `uri` is read-only because it is a published version. */
  isReadOnly(uri: vscode.Uri): boolean {
    return this.readOnly.has(uri.toString());
  }

  private async update(editor: vscode.TextEditor | undefined): Promise<void> {
    if (!editor || editor !== vscode.window.activeTextEditor) return;
    const key = editor.document.uri.toString();
    const published = isPublishedJourney(editor.document);
    if (published === this.readOnly.has(key)) return;
    if (published) this.readOnly.add(key);
    else this.readOnly.delete(key);
    await vscode.commands.executeCommand(published ? 'workbench.action.files.setActiveEditorReadonlyInSession' : 'workbench.action.files.resetActiveEditorReadonlyInSession');
    this.changed.fire();
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }
}
