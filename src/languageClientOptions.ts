// The Journey language client's options, the same whichever transport
// reaches the server (languageClient.ts: a Node process over IPC;
// languageClient.web.ts: a web worker): every `journey-json` document and
// every timeline and scenario (plain JSON documents, by file name), with the
// server's log in the extension's output channel. The server reads the
// files it needs through the client (languageClientFiles.ts), and leaves
// the JSON Schema checks of timelines and scenarios to VS Code's JSON
// support, which reads the schemas package.json contributes.
import type * as vscode from 'vscode';
import type { LanguageClientOptions } from 'vscode-languageclient';

export const JOURNEY_LANGUAGE_ID = 'journey-json';
export const LANGUAGE_CLIENT_ID = 'journeyLanguageServer';
export const LANGUAGE_CLIENT_NAME = 'Journey Language Server';

/** Timelines and scenarios, in any scheme the workspace has (file, vscode-vfs, ...). */
export const COMPANION_PATTERNS = ['**/*.timeline.json', '**/*.scenario.json'];

export function journeyClientOptions(log: vscode.LogOutputChannel): LanguageClientOptions {
  return {
    documentSelector: [{ language: JOURNEY_LANGUAGE_ID }, ...COMPANION_PATTERNS.map((pattern) => ({ language: 'json', pattern }))],
    outputChannel: log,
    initializationOptions: { fileRequests: true, jsonSchemaValidation: true },
  };
}
