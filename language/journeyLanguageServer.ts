// The Journey language server's wiring, whatever carries its messages:
// validates `*.journey.json` documents with the shared core (syntax, zod
// schema, semantic rules) and answers the editing requests: completion,
// hover, go to definition, references, rename, outline and quick fixes.
// language/server.ts runs it in a Node process (IPC or stdio) and
// language/server.web.ts in a browser web worker; both only make the
// connection. Every request of a document version reuses that version's
// one analysis.
import {
  type ClientCapabilities,
  CodeActionKind,
  type CompletionList,
  type Connection,
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Plan } from '../src/core/schema';
import { codeActions } from './codeActions';
import { journeyCompletion } from './completion';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { AnalysisCache, type DocumentAnalysis } from './documentAnalysis';
import { documentSymbols } from './documentSymbols';
import { journeyHover } from './hover';
import { JsonSchemaService } from './jsonSchemaService';
import { definition, references } from './navigation';
import { prepareRename, rename } from './rename';
import { PublishedVersionStore } from './publishedVersionStore';
import {
  type JourneyInitializationOptions,
  PUBLISHED_VERSIONS_CHANGED_NOTIFICATION,
  PUBLISHED_VERSIONS_REQUEST,
  type PublishedVersionsParams,
  type PublishedVersionsResult,
} from './publishedVersionsProtocol';
import { safely } from './safeHandler';
import { validateJourneyText } from '../src/core/validate';

const PLANS: readonly Plan[] = ['free', 'essentials', 'standard', 'premium'];

/** Registers every handler of the Journey language server on `connection` and starts listening on it. */
export function serveJourneyLanguage(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  // R22: the published versions kept beside each journey, asked of the client; an answer validates that document again.
  const publishedVersions = new PublishedVersionStore(undefined, (uri) => analyses.delete(uri));
  const analyses = new AnalysisCache(validateJourneyText, (uri) => ({ publishedVersion: publishedVersions.lookupFor(uri) }));
  const diagnostics = new DiagnosticsPublisher(connection, documents, analyses, (uri) => publishedVersions.settled(uri));
  const jsonSchema = new JsonSchemaService();
  let capabilities: ClientCapabilities = {};

  connection.onInitialize((params) => {
    capabilities = params.capabilities;
    const options = params.initializationOptions as JourneyInitializationOptions | null | undefined;
    if (options?.publishedVersions === true) {
      publishedVersions.setClient((question: PublishedVersionsParams) => connection.sendRequest<PublishedVersionsResult | null>(PUBLISHED_VERSIONS_REQUEST, question));
    }
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['"', ':', ' '] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: { label: 'Journey' },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'journey-language-server', version: '0.1.0' },
    };
  });

  /** Resolves once the first settings are read (or there are none to read), so no document is first published with the wrong plan. */
  let settingsRead: () => void = () => undefined;
  const settingsReady = new Promise<void>((resolve) => (settingsRead = resolve));

  connection.onInitialized(() => {
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'journeyDesigner' });
    }
    // A client that never answers must not hold the diagnostics back for long.
    const fallback = setTimeout(settingsRead, 2000);
    void loadSettings().finally(() => {
      clearTimeout(fallback);
      settingsRead();
    });
  });

  /** The user's default plan (R1 limits of journeys that declare none), when the client offers settings. */
  async function loadSettings(): Promise<void> {
    if (!capabilities.workspace?.configuration) return;
    try {
      const settings = (await connection.workspace.getConfiguration('journeyDesigner')) as { defaultPlan?: unknown } | null;
      const plan = PLANS.find((p) => p === settings?.defaultPlan);
      analyses.setOptions(plan ? { defaultPlan: plan } : {});
      diagnostics.revalidateAll();
    } catch (error) {
      connection.console.warn(`journey: could not read the settings: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  connection.onDidChangeConfiguration(() => void loadSettings());

  connection.onNotification(PUBLISHED_VERSIONS_CHANGED_NOTIFICATION, () => {
    publishedVersions.forget();
    for (const document of documents.all()) analyses.delete(document.uri);
    diagnostics.revalidateAll();
  });

  documents.onDidOpen((e) => void settingsReady.then(() => diagnostics.validateNow(e.document)));
  documents.onDidChangeContent((e) => void settingsReady.then(() => diagnostics.schedule(e.document)));
  documents.onDidClose((e) => {
    diagnostics.clear(e.document.uri);
    analyses.delete(e.document.uri);
    publishedVersions.delete(e.document.uri);
    jsonSchema.forget(e.document.uri);
  });

  /** The analysis of the open document `uri`, or undefined if it is not open. */
  const analysisOf = (uri: string) => {
    const document = documents.get(uri);
    return document ? analyses.get(document) : undefined;
  };

  const snippets = () => capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
  const versioned = () => capabilities.workspace?.workspaceEdit?.documentChanges === true;
  const log = (message: string) => connection.console.error(message);

  /**
   * A request about an open journey document, answered from its analysis:
   * null for a document that is not open, and (see safely) for one the
   * feature fails on.
   */
  const onOpenDocument =
    <P extends { textDocument: { uri: string } }, R>(name: string, answer: (analysis: DocumentAnalysis, params: P) => R | Promise<R>) =>
    safely(name, log, null, async (params: P) => {
      const analysis = analysisOf(params.textDocument.uri);
      return analysis ? answer(analysis, params) : null;
    });

  connection.onCompletion(
    onOpenDocument('completion', async (analysis, params) => journeyCompletion(analysis, params.position, { snippets: snippets() }) ?? (await jsonSchema.complete(analysis, params.position))),
  );

  connection.onHover(
    onOpenDocument('hover', async (analysis, params) => journeyHover(analysis, params.position) ?? (await jsonSchema.hover(analysis, params.position))),
  );

  connection.onDefinition(
    onOpenDocument('definition', (analysis, params) => definition(analysis, params.position)),
  );

  connection.onReferences(
    onOpenDocument('references', (analysis, params) => references(analysis, params.position, params.context.includeDeclaration)),
  );

  connection.onPrepareRename(
    onOpenDocument('prepareRename', (analysis, params) => prepareRename(analysis, params.position)),
  );

  connection.onRenameRequest(
    onOpenDocument('rename', (analysis, params) => rename(analysis, params.position, params.newName, { versioned: versioned() })),
  );

  connection.onDocumentSymbol(
    onOpenDocument('documentSymbol', (analysis) => documentSymbols(analysis)),
  );

  connection.onCodeAction(
    onOpenDocument('codeAction', (analysis, params) => codeActions(analysis, params, { versioned: versioned() })),
  );

  documents.listen(connection);
  connection.listen();
}
