// A minimal LSP client for the specifications: starts dist/server.js over
// stdio like any editor would, initializes it with the given client
// capabilities, and collects the diagnostics it publishes.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDistBuilt } from '../../support/builtDist';
import {
  type ClientCapabilities,
  ConfigurationRequest,
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  type InitializeResult,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

export const SERVER = join(__dirname, '../../../dist/server.js');

// The server under test is the current sources' build: rebuilt here, when this module loads, if stale.
ensureDistBuilt();

export interface TestClient {
  connection: ProtocolConnection;
  server: ChildProcess;
  initialized: InitializeResult;
  published: PublishDiagnosticsParams[];
  /** Resolves with the diagnostics published for `uri` at `version` (waiting at most `timeoutMs`). */
  diagnostics(uri: string, version: number, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  open(uri: string, text: string, version?: number, languageId?: string): Promise<void>;
  /** Whether the server process is still running. */
  alive(): boolean;
  stop(): void;
}

/** What the client says at initialize besides its capabilities. */
export interface InitializeOptions {
  /** Workspace folder URIs (the server finds the timelines and scenarios there). */
  workspaceFolders?: string[];
  initializationOptions?: unknown;
  /** Handlers of the server's requests to the client, set before the connection starts. */
  handlers?: (connection: ProtocolConnection) => void;
}

/** `settings` answers the server's workspace/configuration requests (with `workspace.configuration` in the capabilities). */
export async function startServer(capabilities: ClientCapabilities = {}, settings?: () => unknown[], init: InitializeOptions = {}): Promise<TestClient> {
  const server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters = new Set<() => void>();
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
    for (const wake of [...waiters]) wake();
  });
  if (settings) connection.onRequest(ConfigurationRequest.type, () => settings());
  init.handlers?.(connection);
  connection.listen();
  const initialized = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities,
    workspaceFolders: init.workspaceFolders ? init.workspaceFolders.map((uri) => ({ uri, name: uri.slice(uri.lastIndexOf('/') + 1) })) : null,
    ...(init.initializationOptions !== undefined ? { initializationOptions: init.initializationOptions } : {}),
  });
  await connection.sendNotification(InitializedNotification.type, {});
  let exited = false;
  server.on('exit', () => (exited = true));
  return {
    connection,
    server,
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
    alive: () => !exited && server.exitCode === null,
    stop: () => {
      connection.dispose();
      server.kill();
    },
  };
}

/** The name the published-versions tests use for the same options. */
export type ClientSetUp = InitializeOptions;
