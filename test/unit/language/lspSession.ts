// The client side of the specifications' LSP sessions, whatever carries the
// messages: initializes a server over a reader and a writer with the given
// client capabilities, answers its settings requests, and collects the
// diagnostics it publishes. lspClient.ts runs dist/server.js in a child
// process over stdio; inProcessServer.ts serves the sources in this process.
import {
  type ClientCapabilities,
  ConfigurationRequest,
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  type InitializeResult,
  type MessageReader,
  type MessageWriter,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  ShutdownRequest,
} from 'vscode-languageserver-protocol/node';

export interface TestClient {
  connection: ProtocolConnection;
  initialized: InitializeResult;
  published: PublishDiagnosticsParams[];
  /** Resolves with the diagnostics published for `uri` at `version` (waiting at most `timeoutMs`). */
  diagnostics(uri: string, version: number, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  open(uri: string, text: string, version?: number, languageId?: string): Promise<void>;
  /** Whether the server is still running. */
  alive(): boolean;
  /** Ends the session: asks the server to shut down, then closes the connection and the server's end. */
  stop(): Promise<void>;
}

/** What the client says at initialize besides its capabilities. */
export interface InitializeOptions {
  /** Workspace folder URIs (the server finds the timelines and scenarios there). */
  workspaceFolders?: string[];
  initializationOptions?: unknown;
  /** Handlers of the server's requests to the client, set before the connection starts. */
  handlers?: (connection: ProtocolConnection) => void;
}

/** Starts a server (dist/server.js or the sources in process) and returns a client initialized with it. */
export type ServerStarter = (capabilities?: ClientCapabilities, settings?: () => unknown[], init?: InitializeOptions) => Promise<TestClient>;

/** The server's side of a session: how to tell it is running and how to stop it. */
export interface ServerEnd {
  /** The process id the client gives at initialize (the server stops when that process ends), or null. */
  processId: number | null;
  alive(): boolean;
  stop(): void;
}

/** Initializes the server at the other end of `reader`/`writer` as a client with `capabilities` would. */
export async function startSession(reader: MessageReader, writer: MessageWriter, end: ServerEnd, capabilities: ClientCapabilities = {}, settings?: () => unknown[], init: InitializeOptions = {}): Promise<TestClient> {
  const connection = createProtocolConnection(reader, writer);
  const published: PublishDiagnosticsParams[] = [];
  const waiters = new Set<() => void>();
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
    for (const wake of [...waiters]) wake();
  });
  if (settings) connection.onRequest(ConfigurationRequest.type, () => settings());
  init.handlers?.(connection);
  connection.listen();
  const initialized = await connection.sendRequest(InitializeRequest.type, { processId: end.processId, rootUri: null, capabilities,
    workspaceFolders: init.workspaceFolders ? init.workspaceFolders.map((uri) => ({ uri, name: uri.slice(uri.lastIndexOf('/') + 1) })) : null,
    ...(init.initializationOptions !== undefined ? { initializationOptions: init.initializationOptions } : {}),
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    connection,
    initialized,
    published,
    diagnostics: (uri, version, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const hit = published.find((p) => p.uri === uri && p.version === version);
          if (!hit) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(hit);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no diagnostics for ${uri} version ${version} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    open: (uri, text, version = 1, languageId = 'journey-json') => connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } }),
    alive: () => end.alive(),
    stop: async () => {
      // The shutdown request only: the exit notification makes vscode-languageserver end its process, which for a
      // server in this process is the test run (a child process is stopped by end.stop()). A server that no longer
      // answers is stopped all the same.
      if (end.alive()) await Promise.race([connection.sendRequest(ShutdownRequest.type).catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 2000))]);
      connection.dispose();
      end.stop();
    },
  };
}
