// Extension entry point: starts the language server, registers the journey
// map editor and the commands, and returns a small API for tests.
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { JourneyEditorProvider } from './journeyEditorProvider';
import { startLanguageClient } from './languageClient';
import { registerNewJourneyCommand } from './newJourneyCommand';
import { JourneyStatusBar } from './statusBar';
import type { RenderedSummary } from './webviewProtocol';

export interface JourneyDesignerApi {
  /** Resolves when the language server is up. */
  languageServerReady: Promise<void>;
  /** The last summary the map of `uri` reported drawing. */
  renderedMap(uri: vscode.Uri): RenderedSummary | undefined;
  /** Fires each time a map reports what it drew. */
  onDidRenderMap: vscode.Event<{ uri: string; summary: RenderedSummary }>;
  /** The status bar item of the active journey. */
  statusBar: JourneyStatusBar;
}

export function activate(context: vscode.ExtensionContext): JourneyDesignerApi {
  const log = vscode.window.createOutputChannel('Journey Designer', { log: true });
  context.subscriptions.push(log);
  const editors = JourneyEditorProvider.register(context, log);
  registerCommands(context);
  registerNewJourneyCommand(context);
  const statusBar = new JourneyStatusBar();
  context.subscriptions.push(statusBar);
  const languageServerReady = startLanguageClient(context, log).then(
    () => log.info('language server started'),
    (error: unknown) => {
      log.error(`language server failed to start: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    },
  );
  return {
    languageServerReady,
    renderedMap: (uri) => editors.rendered.get(uri.toString()),
    onDidRenderMap: editors.onDidRender,
    statusBar,
  };
}

export function deactivate(): void {}
