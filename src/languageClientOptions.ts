// The Journey language client's options, the same whichever transport
// reaches the server (languageClient.ts: a Node process over IPC;
// languageClient.web.ts: a web worker): every `journey-json` document, with
// the server's log in the extension's output channel.
import type * as vscode from 'vscode';
import type { LanguageClientOptions } from 'vscode-languageclient';

export const JOURNEY_LANGUAGE_ID = 'journey-json';
export const LANGUAGE_CLIENT_ID = 'journeyLanguageServer';
export const LANGUAGE_CLIENT_NAME = 'Journey Language Server';

export function journeyClientOptions(log: vscode.LogOutputChannel): LanguageClientOptions {
  return {
    documentSelector: [{ language: JOURNEY_LANGUAGE_ID }],
    outputChannel: log,
  };
}
