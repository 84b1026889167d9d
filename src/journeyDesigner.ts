// The extension's activation, the same on every extension host: registers
// the journey map editor, the commands, the simulation views and the
// scenario tests, starts the language server, and returns a small API for
// tests. What differs between the desktop (Node) and the web worker host,
// the language server's transport and the Node-only commands, comes in as
// an ExtensionHost from the entry modules extension.ts and extension.web.ts.
// Activation stays fast: the heavy parts (zod schemas, validator,
// simulator, exporter, language client) load on first use through `lazy`,
// and test/unit/activationImports.test.ts keeps them out of the entries'
// static imports.
import * as vscode from 'vscode';
import { markWalkthroughStep, watchWelcomePage } from './walkthroughProgress';
import { PublishedReadOnly } from './publishedReadOnly';
import { registerPublishedVersionsCommand } from './publishedVersions';
import { registerCommands } from './commands';
import { ComparisonController } from './comparisonController';
import { ContactQueuesView } from './contactQueuesView';
import type { EditResult, JourneyEditorProvider } from './journeyEditorProvider';
import { VIEW_TYPE } from './journeyMapViewType';
import { lazy } from './lazy';
import { registerMapCommands } from './mapCommands';
import { registerNewJourneyCommand } from './newJourneyCommand';
import { ScenarioTestController } from './scenarioTestController';
import { SimulationController } from './simulationController';
import { registerTimelineCommands } from './timelineCommands';
import { JourneyStatusBar } from './statusBar';
import { LiveViewController } from './liveViewController';
import type { ExtensionHost } from './extensionHost';
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
  showSimulationOnMap(uri: vscode.Uri, overlay: SimulationOverlay | null): Promise<void>;
  /** The simulations run from the editor. */
  simulations: SimulationController;
  /** The live stats of published journeys on their maps (Show Live Stats). */
  liveView: LiveViewController;
  /** The comparisons of two journey versions (Compare Journey With…). */
  comparisons: ComparisonController;
  /** The journey scenarios of the Test Explorer. */
  scenarioTests: ScenarioTestController;
  /** Which journey texts are read-only because they are published versions (R22). */
  publishedReadOnly: PublishedReadOnly;
  /** Milliseconds of the extension's own activation: evaluating its bundle, then the activate() call (see activationClock.ts). */
  activationMs: number;
}

/** Activates the extension; `activationClock` gives the activation time so far (see activationClock.ts). */
export function activateJourneyDesigner(context: vscode.ExtensionContext, host: ExtensionHost, activationClock: () => number): JourneyDesignerApi {
  const log = vscode.window.createOutputChannel('Journey Designer', { log: true });
  context.subscriptions.push(log);

  const renderedEmitter = new vscode.EventEmitter<{ uri: string; summary: RenderedSummary }>();
  let loadedMaps: JourneyEditorProvider | undefined;
  const maps = lazy(async () => {
    loadedMaps = (await import('./journeyEditorProvider')).JourneyEditorProvider.create(context, log);
    loadedMaps.onDidRender((e) => renderedEmitter.fire(e));
    loadedMaps.afterDrafted = () => publishedReadOnly.protectActive();
    return loadedMaps;
  });
  context.subscriptions.push(
    renderedEmitter,
    vscode.window.registerCustomEditorProvider(
      VIEW_TYPE,
      {
        resolveCustomTextEditor: async (document, panel) => {
          await (await maps()).resolveCustomTextEditor(document, panel);
          markWalkthroughStep('mapOpened');
        },
      },
      { webviewOptions: { retainContextWhenHidden: true }, supportsMultipleEditorsPerDocument: true },
    ),
  );
  const publishedReadOnly = new PublishedReadOnly();
  registerCommands(context, () => publishedReadOnly.protectActive());
  registerMapCommands(context, maps);
  registerNewJourneyCommand(context);
  registerPublishedVersionsCommand(context);
  host.registerPublishCommand(context);
  host.registerImportHistoryCommand?.(context);
  host.registerRehearseCommand?.(context);

  const statusBar = new JourneyStatusBar();
  const queues = new ContactQueuesView();
  const showOnMap = async (uri: vscode.Uri, overlay: SimulationOverlay | null) => (await maps()).showSimulation(uri, overlay);
  const liveView = new LiveViewController(maps, queues, host.loadLiveStats);
  // A simulation or comparison shown on a map ends its live view; clearing one leaves the live numbers there.
  const showSimulated = (uri: vscode.Uri, overlay: SimulationOverlay | null) => {
    if (overlay) liveView.yieldMap(uri);
    else if (liveView.isLive(uri)) return;
    void showOnMap(uri, overlay);
  };
  const comparisons = new ComparisonController(queues, showSimulated);
  const simulations = new SimulationController(queues, showSimulated, statusBar, () => comparisons.clear());
  const scenarioTests = new ScenarioTestController(async () => (await import('./core/simulator/index')).simulate);
  context.subscriptions.push(statusBar, queues, simulations, comparisons, liveView, scenarioTests, publishedReadOnly, watchWelcomePage());
  registerTimelineCommands(context, simulations);

  const languageServerReady = host
    .startLanguageClient(context, log)
    .then(
      () => log.info('language server started'),
      (error: unknown) => {
        log.error(`language server failed to start: ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      },
    );

  const activationMs = activationClock();
  log.info(`activated in ${activationMs.toFixed(1)} ms`);
  return {
    activationMs,
    languageServerReady,
    renderedMap: (uri) => loadedMaps?.rendered.get(uri.toString()),
    onDidRenderMap: renderedEmitter.event,
    mapOperation: async (uri, operation) => (await maps()).performOperation(uri, operation),
    showSimulationOnMap: showOnMap,
    statusBar,
    simulations,
    comparisons,
    liveView,
    scenarioTests,
    publishedReadOnly,
  };
}

