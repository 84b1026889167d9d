// The language server's sources served in this process, for the
// specifications that run over LSP: the same wiring as dist/server.js
// (serveJourneyLanguage with the disk's workspace files, as server.ts
// makes it), over a pair of in-memory streams instead of stdio, so what the
// wiring does is seen by this process (and by mutation testing, which
// cannot see into dist/server.js).
import { PassThrough } from 'node:stream';
import { type ClientCapabilities, createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { serveJourneyLanguage } from '../../../language/journeyLanguageServer';
import { nodeWorkspaceFiles } from '../../../language/nodeWorkspaceFiles';
import { type InitializeOptions, startSession, type TestClient } from './lspSession';

/** Starts the server's sources in this process and returns a client initialized with it (like lspClient's startServer). */
export async function startServerInProcess(capabilities: ClientCapabilities = {}, settings?: () => unknown[], init: InitializeOptions = {}): Promise<TestClient> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  // Given a reader and a writer (not the streams themselves), the connection never ends the process when a stream closes.
  const server = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  serveJourneyLanguage(server, { diskFiles: nodeWorkspaceFiles });
  let running = true;
  return startSession(new StreamMessageReader(toClient), new StreamMessageWriter(toServer), {
    // No process id: the server would watch it and end this process when it is gone.
    processId: null,
    alive: () => running,
    stop: () => {
      running = false;
      server.dispose();
      toServer.end();
      toClient.end();
    },
  }, capabilities, settings, init);
}
