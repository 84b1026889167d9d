// Extension entry point: starts the language server, registers the journey
// map editor and the commands, and returns a small API for tests.
import { bundleStart } from './activationClock';
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { type EditResult, JourneyEditorProvider } from './journeyEditorProvider';
import { startLanguageClient } from './languageClient';
import { registerMapCommands } from './mapCommands';
import { registerNewJourneyCommand } from './newJourneyCommand';
import { registerPublishCommand } from './publishCommand';
import { ContactQueuesView } from './contactQueuesView';
import { ScenarioTestController } from './scenarioTestController';
import { simulate } from './core/simulator/index';
import { SimulationController } from './simulateCommand';
import { JourneyStatusBar } from './statusBar';
import type { JourneyOperation, RenderedSummary, SimulationOverlay } from './webviewProtocol';

export interface JourneyDesignerApi {
  /** Resolves when the language server is up. */
  languageServerReady: Promise<void>;
  /** The last summary the map of `uri` reported drawing. */
  renderedMap(uri: vscode.Uri): RenderedSummary | undefined;
  /** Fires each time a map reports what it drew. */
  onDidRenderMap: vscode.Event<{ uri: string; summary: RenderedSummary }>;
  /** The status bar item of the active journey. */
  statusBar: JourneyStatusBar;
  /** Performs a map edit on the journey of `uri` exactly as if its map had sent it. */
  mapOperation(uri: vscode.Uri, operation: JourneyOperation): Promise<EditResult>;
  /** Shows (or clears, with null) simulation stats and a contact's path on the maps of `uri`. */
  showSimulationOnMap(uri: vscode.Uri, overlay: SimulationOverlay | null): void;
  /** The simulations run from the editor. */
  simulations: SimulationController;
  /** The journey scenarios of the Test Explorer. */
  scenarioTests: ScenarioTestController;
  /** Milliseconds from the start of loading the extension's code to the end of activate(). */
  activationMs: number;
}

export function activate(context: vscode.ExtensionContext): JourneyDesignerApi {
  const log = vscode.window.createOutputChannel('Journey Designer', { log: true });
  context.subscriptions.push(log);
  const editors = JourneyEditorProvider.register(context, log);
  registerCommands(context);
  registerMapCommands(context, editors);
  registerNewJourneyCommand(context);
  registerPublishCommand(context);
  const statusBar = new JourneyStatusBar();
  context.subscriptions.push(statusBar);
  const queues = new ContactQueuesView();
  const simulations = new SimulationController(queues, (uri, overlay) => editors.showSimulation(uri, overlay), statusBar);
  const scenarioTests = new ScenarioTestController(simulate);
  context.subscriptions.push(queues, simulations, scenarioTests);
  const languageServerReady = startLanguageClient(context, log).then(
    () => log.info('language server started'),
    (error: unknown) => {
      log.error(`language server failed to start: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    },
  );
  const activationMs = performance.now() - bundleStart;
  log.info(`activated in ${activationMs.toFixed(1)} ms`);
  return {
    activationMs,
    languageServerReady,
    renderedMap: (uri) => editors.rendered.get(uri.toString()),
    onDidRenderMap: editors.onDidRender,
    mapOperation: (uri, operation) => editors.performOperation(uri, operation),
    showSimulationOnMap: (uri, overlay) => editors.showSimulation(uri, overlay),
    statusBar,
    simulations,
    scenarioTests,
  };
}

export function deactivate(): void {}
