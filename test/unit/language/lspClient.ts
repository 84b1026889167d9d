// A minimal LSP client for the specifications: starts dist/server.js over
// stdio like any editor would, initializes it with the given client
// capabilities, and collects the diagnostics it publishes (lspSession.ts).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureDistBuilt } from '../../support/builtDist';
import { StreamMessageReader, StreamMessageWriter, type ClientCapabilities } from 'vscode-languageserver-protocol/node';
import { type InitializeOptions, startSession, type TestClient } from './lspSession';

export type { InitializeOptions, ServerStarter, TestClient } from './lspSession';

export const SERVER = join(__dirname, '../../../dist/server.js');

// The server under test is the current sources' build: rebuilt here, when this module loads, if stale.
ensureDistBuilt();

/** `settings` answers the server's workspace/configuration requests (with `workspace.configuration` in the capabilities). */
export async function startServer(capabilities: ClientCapabilities = {}, settings?: () => unknown[], init: InitializeOptions = {}): Promise<TestClient> {
  const server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let exited = false;
  server.on('exit', () => (exited = true));
  return startSession(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!), {
    processId: process.pid,
    alive: () => !exited && server.exitCode === null,
    stop: () => server.kill(),
  }, capabilities, settings, init);
}

/** The name the published-versions tests use for the same options. */
export type ClientSetUp = InitializeOptions;
