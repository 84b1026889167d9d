// The Journey language server's wiring, whatever carries its messages:
// validates `*.journey.json` documents with the shared core (syntax, zod
// schema, semantic rules) and answers the editing requests: completion,
// hover, go to definition, references, rename, outline and quick fixes.
// Timelines (`*.timeline.json`) and scenarios (`*.scenario.json`) are
// served too, against the journey (and timeline) they name: located
// diagnostics, completion, hover and go to definition across files
// (companion*.ts); a rename in any of them updates the journey and every
// timeline and scenario of the workspace that belongs to it.
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
  DocumentFormattingRequest,
  DocumentRangeFormattingRequest,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../src/core/textPosition';
import type { Plan } from '../src/core/schema';
import { codeActions } from './codeActions';
import { journeyCompletion } from './completion';
import { valueCompletion } from './valueCompletion';
import { DEBOUNCE_MS, DiagnosticsPublisher } from './diagnosticsPublisher';
import { AnalysisCache, type DocumentAnalysis } from './documentAnalysis';
import { documentSymbols } from './documentSymbols';
import { formatJourney } from './formatting';
import { journeyHover } from './hover';
import { JsonSchemaService } from './jsonSchemaService';
import { definition, references } from './navigation';
import { analyzeCompanion, type CompanionAnalysis } from './companionAnalysis';
import { companionCompletion, companionDefinition, companionHover, companionSiteAt } from './companionFeatures';
import { type CompanionFile, prepareRename, renameAcrossFiles, type RenameTarget, renameTargetAt } from './rename';
import { safely } from './safeHandler';
import { clientWorkspaceFiles, NO_WORKSPACE_FILES, sameUri, withOpenDocuments, type WorkspaceFiles } from './workspaceFiles';
import { companionKindOf } from '../src/core/companionNames';
import { DocumentAnalysis as Analysis } from './documentAnalysis';
import { validateJourneyText } from '../src/core/validate';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { PublishedVersionStore } from './publishedVersionStore';
import {
  type JourneyInitializationOptions,
  PUBLISHED_VERSIONS_CHANGED_NOTIFICATION,
  PUBLISHED_VERSIONS_REQUEST,
  type PublishedVersionsParams,
  type PublishedVersionsResult,
} from './publishedVersionsProtocol';

const PLANS: readonly Plan[] = ['free', 'essentials', 'standard', 'premium'];

export interface ServerOptions {
  /** Files of the workspace read without the client (the Node server reads the disk); the web worker has none. */
  diskFiles?: (workspaceFolders: () => readonly string[]) => WorkspaceFiles;
}

/** What the extension's own clients say at initialize (initializationOptions). */
interface ClientOffers {
  /** The client answers journey/readFile and journey/findCompanionFiles. */
  fileRequests?: boolean;
  /** The client validates timelines and scenarios against their JSON Schemas (VS Code's jsonValidation). */
  jsonSchemaValidation?: boolean;
}

/** Registers every handler of the Journey language server on `connection` and starts listening on it. */
export function serveJourneyLanguage(connection: Connection, serverOptions: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  // R22: the published versions kept beside each journey, asked of the client; an answer validates that document again.
  const publishedVersions = new PublishedVersionStore(undefined, (uri) => analyses.delete(uri));
  const analyses = new AnalysisCache(validateJourneyText, (uri) => ({ publishedVersion: publishedVersions.lookupFor(uri) }));
  const diagnostics = new DiagnosticsPublisher(connection, documents, analyses, (uri) => companionKindOf(uri) === undefined, (uri) => publishedVersions.settled(uri));
  const jsonSchema = new JsonSchemaService();
  let capabilities: ClientCapabilities = {};

  const dynamicFormatting = () => capabilities.textDocument?.formatting?.dynamicRegistration === true && capabilities.textDocument?.rangeFormatting?.dynamicRegistration === true;
  let folders: string[] = [];
  let offers: ClientOffers = {};
  let files: WorkspaceFiles = NO_WORKSPACE_FILES;

  connection.onInitialize((params) => {
    capabilities = params.capabilities;
    folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    const options: unknown = params.initializationOptions;
    offers = typeof options === 'object' && options !== null ? (options as ClientOffers) : {};
    const openText = (uri: string) => (documents.get(uri) ?? documents.all().find((d) => sameUri(d.uri, uri)))?.getText();
    const reader = offers.fileRequests === true ? clientWorkspaceFiles(connection) : (serverOptions.diskFiles?.(() => folders) ?? NO_WORKSPACE_FILES);
    files = withOpenDocuments(reader, openText);
    if ((options as JourneyInitializationOptions | null | undefined)?.publishedVersions === true) {
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
        // Formatting is registered for journeys only where the client can (timelines and scenarios keep their JSON formatter).
        ...(dynamicFormatting() ? {} : { documentFormattingProvider: true, documentRangeFormattingProvider: true }),
      },
      serverInfo: { name: 'journey-language-server', version: '0.1.0' },
    };
  });

  /** Resolves once the first settings are read (or there are none to read), so no document is first published with the wrong plan. */
  let settingsRead: () => void = () => undefined;
  const settingsReady = new Promise<void>((resolve) => (settingsRead = resolve));

  connection.onInitialized(() => {
    if (dynamicFormatting()) {
      const documentSelector = [{ language: 'journey-json' }];
      void connection.client.register(DocumentFormattingRequest.type, { documentSelector });
      void connection.client.register(DocumentRangeFormattingRequest.type, { documentSelector });
    }
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

  // Timelines and scenarios: analysed against the files they name, so any
  // change of an open document makes every companion analysis stale.
  let generation = 0;
  const companions = new Map<string, { version: number; generation: number; analysis: Promise<CompanionAnalysis> }>();
  const closedJourneys = new Map<string, { text: string; analysis: DocumentAnalysis }>();
  const companionTimers = new Map<string, ReturnType<typeof setTimeout>>();
  const isCompanion = (uri: string) => companionKindOf(uri) !== undefined;

  /** The analysis of a journey text: the open document's, else one kept per file text. */
  const journeyAnalysis = (uri: string, text: string): DocumentAnalysis => {
    const open = documents.get(uri) ?? documents.all().find((d) => sameUri(d.uri, uri));
    if (open && open.getText() === text && !isCompanion(open.uri)) return analyses.get(open);
    const kept = closedJourneys.get(uri);
    if (kept && kept.text === text) return kept.analysis;
    const analysis = new Analysis(uri, 0, text, validateJourneyText(text));
    closedJourneys.set(uri, { text, analysis });
    return analysis;
  };

  const companionAnalysisOf = (document: TextDocument): Promise<CompanionAnalysis> => {
    const cached = companions.get(document.uri);
    if (cached && cached.version === document.version && cached.generation === generation) return cached.analysis;
    const analysis = analyzeCompanion(document.uri, document.version, document.getText(), companionKindOf(document.uri)!, {
      files,
      journeyAnalysis,
      clientValidatesSchemas: offers.jsonSchemaValidation === true,
    });
    companions.set(document.uri, { version: document.version, generation, analysis });
    return analysis;
  };

  const publishCompanion = async (document: TextDocument) => {
    const version = document.version;
    let analysis: CompanionAnalysis;
    try {
      analysis = await companionAnalysisOf(document);
    } catch (error) {
      connection.console.error(`journey: validation failed for ${document.uri}: ${error instanceof Error ? error.stack : String(error)}`);
      return;
    }
    const current = documents.get(document.uri);
    if (!current || current.version !== version) return;
    void connection.sendDiagnostics({ uri: document.uri, version, diagnostics: analysis.diagnostics });
  };

  const scheduleCompanion = (document: TextDocument, delay: number) => {
    const timer = companionTimers.get(document.uri);
    if (timer) clearTimeout(timer);
    companionTimers.set(document.uri, setTimeout(() => {
      companionTimers.delete(document.uri);
      const current = documents.get(document.uri);
      if (current) void publishCompanion(current);
    }, delay));
  };

  /** Every open timeline and scenario again, after a file they may name changed. */
  const revalidateCompanions = (except: string) => {
    for (const d of documents.all()) if (isCompanion(d.uri) && d.uri !== except) scheduleCompanion(d, DEBOUNCE_MS);
  };

  documents.onDidOpen((e) => {
    generation++;
    if (isCompanion(e.document.uri)) void settingsReady.then(() => publishCompanion(e.document));
    else void settingsReady.then(() => diagnostics.validateNow(e.document));
    revalidateCompanions(e.document.uri);
  });
  documents.onDidChangeContent((e) => {
    generation++;
    if (isCompanion(e.document.uri)) scheduleCompanion(e.document, DEBOUNCE_MS);
    else void settingsReady.then(() => diagnostics.schedule(e.document));
    revalidateCompanions(e.document.uri);
  });
  documents.onDidClose((e) => {
    generation++;
    diagnostics.clear(e.document.uri);
    analyses.delete(e.document.uri);
    companions.delete(e.document.uri);
    publishedVersions.delete(e.document.uri);
    jsonSchema.forget(e.document.uri);
    revalidateCompanions(e.document.uri);
  });

  /** The analysis of the open journey document `uri`, or undefined if it is not open (or is a timeline or scenario). */
  const analysisOf = (uri: string) => {
    const document = documents.get(uri);
    return document && !isCompanion(uri) ? analyses.get(document) : undefined;
  };

  /** The analysis of the open timeline or scenario `uri`, or undefined. */
  const companionOf = async (uri: string) => {
    const document = documents.get(uri);
    return document && isCompanion(uri) ? companionAnalysisOf(document) : undefined;
  };

  /** Every timeline and scenario of the workspace and every open one, with the open ones' text. */
  const companionFiles = async (): Promise<CompanionFile[]> => {
    const found: CompanionFile[] = documents.all().filter((d) => isCompanion(d.uri)).map((d) => ({ uri: d.uri, text: d.getText(), version: d.version }));
    let listed: string[] = [];
    try {
      listed = await files.companions();
    } catch (error) {
      log(`journey: could not list the timelines and scenarios: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (const uri of listed) {
      if (found.some((f) => sameUri(f.uri, uri))) continue;
      try {
        found.push({ uri, text: await files.read(uri), version: undefined });
      } catch {
        // An unreadable file has nothing to rename.
      }
    }
    return found;
  };

  const renameEverywhere = async (journey: DocumentAnalysis, target: RenameTarget, newName: string, journeyOpen: boolean) =>
    renameAcrossFiles(journey, target, newName, await companionFiles(), { versioned: versioned(), journeyOpen });

  /** The rename target a timeline or scenario names at a position, and the journey it belongs to. */
  const companionRenameTarget = async (uri: string, position: { line: number; character: number }) => {
    const companion = await companionOf(uri);
    if (!companion) return undefined;
    const site = companionSiteAt(companion, companion.offsetAt(position));
    if (!site || site.name === undefined || !companion.journey) return undefined;
    const name = site.name;
    const target: RenameTarget | undefined =
      site.kind === 'point' || site.kind === 'startingPoint' ? { kind: 'point', id: name } : site.kind === 'content' || site.kind === 'list' || site.kind === 'tag' ? { kind: site.kind, name } : undefined;
    if (!target) return undefined;
    const known = target.kind === 'point' ? companion.journey.index.byId.has(name) : true;
    if (!known) throw new ResponseError(LSPErrorCodes.RequestFailed, `The journey has no point "${name}", so there is nothing to rename.`);
    return { companion, site, target, journey: companion.journey };
  };
  const COMPANION_NOT_HERE = 'Only a point, starting point, content item, list or tag of the journey can be renamed from a timeline or scenario.';

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

  /** A request about an open timeline or scenario, answered from its analysis; null for another document. */
  const onCompanion = <P extends { textDocument: { uri: string } }, R>(answer: (analysis: CompanionAnalysis, params: P) => R | Promise<R>) => async (params: P): Promise<R | null | undefined> => {
    const companion = await companionOf(params.textDocument.uri);
    return companion ? answer(companion, params) : undefined;
  };
  /** The schema's own completion and hover of a timeline or scenario, for clients that do not validate it themselves. */
  const schemaFallback = (companion: CompanionAnalysis) => (offers.jsonSchemaValidation === true ? undefined : jsonSchema.forKind(companion.kind));

  connection.onCompletion(
    safely('completion', log, null, async (params: Parameters<Parameters<typeof connection.onCompletion>[0]>[0]) => {
      const companion = await onCompanion((c, p: typeof params) => companionCompletion(c, p.position) ?? schemaFallback(c)?.complete(c, p.position) ?? null)(params);
      if (companion !== undefined) return companion;
      const analysis = analysisOf(params.textDocument.uri);
      return analysis ? (journeyCompletion(analysis, params.position, { snippets: snippets() }) ?? valueCompletion(analysis, params.position, { snippets: snippets() }) ?? (await jsonSchema.complete(analysis, params.position))) : null;
    }),
  );

  connection.onHover(
    safely('hover', log, null, async (params: Parameters<Parameters<typeof connection.onHover>[0]>[0]) => {
      const companion = await onCompanion((c, p: typeof params) => companionHover(c, p.position) ?? schemaFallback(c)?.hover(c, p.position) ?? null)(params);
      if (companion !== undefined) return companion;
      const analysis = analysisOf(params.textDocument.uri);
      return analysis ? (journeyHover(analysis, params.position) ?? (await jsonSchema.hover(analysis, params.position))) : null;
    }),
  );

  connection.onDefinition(
    safely('definition', log, null, async (params: Parameters<Parameters<typeof connection.onDefinition>[0]>[0]) => {
      const companion = await onCompanion((c, p: typeof params) =>
        companionDefinition(c, p.position, (uri, node) => {
          const lines = c.timeline && sameUri(c.timeline.uri, uri) ? c.timeline.text : undefined;
          if (lines === undefined) return undefined;
          const index = new LineIndex(lines);
          return { start: index.positionAt(node.offset), end: index.positionAt(node.offset + node.length) };
        }),
      )(params);
      if (companion !== undefined) return companion;
      const analysis = analysisOf(params.textDocument.uri);
      return analysis ? definition(analysis, params.position) : null;
    }),
  );

  connection.onReferences(
    onOpenDocument('references', (analysis, params) => references(analysis, params.position, params.context.includeDeclaration)),
  );

  connection.onPrepareRename(
    safely('prepareRename', log, null, async (params: Parameters<Parameters<typeof connection.onPrepareRename>[0]>[0]) => {
      if (isCompanion(params.textDocument.uri)) {
        const found = await companionRenameTarget(params.textDocument.uri, params.position);
        if (!found) throw new ResponseError(LSPErrorCodes.RequestFailed, COMPANION_NOT_HERE);
        const { site, companion } = found;
        return { range: companion.range(site.offset + 1, Math.max(0, site.length - 2)), placeholder: site.name! };
      }
      const analysis = analysisOf(params.textDocument.uri);
      return analysis ? prepareRename(analysis, params.position) : null;
    }),
  );

  connection.onRenameRequest(
    safely('rename', log, null, async (params: Parameters<Parameters<typeof connection.onRenameRequest>[0]>[0]) => {
      if (isCompanion(params.textDocument.uri)) {
        const found = await companionRenameTarget(params.textDocument.uri, params.position);
        if (!found) throw new ResponseError(LSPErrorCodes.RequestFailed, COMPANION_NOT_HERE);
        const open = documents.all().some((d) => sameUri(d.uri, found.journey.uri) && d.version === found.journey.version);
        return renameEverywhere(found.journey, found.target, params.newName, open);
      }
      const analysis = analysisOf(params.textDocument.uri);
      if (!analysis) return null;
      const target = renameTargetAt(analysis, params.position);
      if (!target) return prepareRename(analysis, params.position) && null; // refuses with the reason
      return renameEverywhere(analysis, target, params.newName, true);
    }),
  );

  connection.onDocumentSymbol(
    onOpenDocument('documentSymbol', (analysis) => documentSymbols(analysis)),
  );

  connection.onCodeAction(
    onOpenDocument('codeAction', (analysis, params) => codeActions(analysis, params, { versioned: versioned() })),
  );

  connection.onDocumentFormatting(
    onOpenDocument('formatting', (analysis, params) => formatJourney(analysis, params.options)),
  );

  connection.onDocumentRangeFormatting(
    onOpenDocument('rangeFormatting', (analysis, params) => formatJourney(analysis, params.options, params.range)),
  );

  documents.listen(connection);
  // After the client's shutdown request the server sends nothing: a validation still waiting for its debounce is dropped.
  connection.onShutdown(() => diagnostics.stop());
  connection.listen();
}
