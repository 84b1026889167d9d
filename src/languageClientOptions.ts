// The Journey language client's options, the same whichever transport
// reaches the server (languageClient.ts: a Node process over IPC;
// languageClient.web.ts: a web worker): every `journey-json` document, with
// the server's log in the extension's output channel, and the answers to
// the server's questions about published versions (R22).
import type * as vscode from 'vscode';
import type { LanguageClientOptions } from 'vscode-languageclient';
import { PUBLISHED_VERSIONS_INITIALIZATION } from './publishedVersionsForServer';

export const JOURNEY_LANGUAGE_ID = 'journey-json';
export const LANGUAGE_CLIENT_ID = 'journeyLanguageServer';
export const LANGUAGE_CLIENT_NAME = 'Journey Language Server';

export function journeyClientOptions(log: vscode.LogOutputChannel): LanguageClientOptions {
  return {
    documentSelector: [{ language: JOURNEY_LANGUAGE_ID }],
    outputChannel: log,
    // R22: the client answers the server's questions about the published versions kept beside a journey (publishedVersionsForServer.ts).
    initializationOptions: PUBLISHED_VERSIONS_INITIALIZATION,
  };
}
