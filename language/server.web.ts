// The Journey language server in a browser web worker, for VS Code for the
// Web: the extension's browser language client starts this bundle
// (dist/web/server.js) as a Worker and the two talk by postMessage. The
// handlers are in journeyLanguageServer.ts, shared with the Node server
// (server.ts).
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { serveJourneyLanguage } from './journeyLanguageServer';

/** This worker's global scope: messages from the client arrive on it and replies are posted to it. */
const worker = self as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];

serveJourneyLanguage(createConnection(ProposedFeatures.all, new BrowserMessageReader(worker), new BrowserMessageWriter(worker)));
