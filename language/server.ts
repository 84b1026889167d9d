// The Journey language server in its own Node process, spoken to over IPC
// by the extension's language client on the desktop (and over stdio by any
// other LSP client, which gets the workspace's files from the disk). The
// handlers are in journeyLanguageServer.ts, shared with the web worker
// server (server.web.ts).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { serveJourneyLanguage } from './journeyLanguageServer';
import { nodeWorkspaceFiles } from './nodeWorkspaceFiles';

serveJourneyLanguage(createConnection(ProposedFeatures.all), { diskFiles: nodeWorkspaceFiles });
