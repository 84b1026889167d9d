// The Journey language client's options, the same whichever transport
// reaches the server (languageClient.ts: a Node process over IPC;
// languageClient.web.ts: a web worker): every `journey-json` document and
// every timeline and scenario (plain JSON documents, by file name), with the
// server's log in the extension's output channel; a definition within a
// journey's text is noted so that the jump stays in the text editor. The server reads the
// files it needs through the client (languageClientFiles.ts), and leaves
// the JSON Schema checks of timelines and scenarios to VS Code's JSON
// support, which reads the schemas package.json contributes. It also answers
// the server's questions about published versions (R22).
import type * as vscode from 'vscode';
import type { LanguageClientOptions } from 'vscode-languageclient';
import { noteDefinition } from './definitionJumps';
import { PUBLISHED_VERSIONS_INITIALIZATION } from './publishedVersionsForServer';

export const JOURNEY_LANGUAGE_ID = 'journey-json';
export const LANGUAGE_CLIENT_ID = 'journeyLanguageServer';
export const LANGUAGE_CLIENT_NAME = 'Journey Language Server';

/** Timelines and scenarios, in any scheme the workspace has (file, vscode-vfs, ...). */
export const COMPANION_PATTERNS = ['**/*.timeline.json', '**/*.scenario.json'];

export function journeyClientOptions(log: vscode.LogOutputChannel): LanguageClientOptions {
  return {
    documentSelector: [{ language: JOURNEY_LANGUAGE_ID }, ...COMPANION_PATTERNS.map((pattern) => ({ language: 'json', pattern }))],
    outputChannel: log,
    // R22: the client also answers the server's questions about the published versions kept beside a journey (publishedVersionsForServer.ts).
    initializationOptions: { fileRequests: true, jsonSchemaValidation: true, ...PUBLISHED_VERSIONS_INITIALIZATION },
    middleware: {
      // A jump within a journey's text stays in the text editor (definitionJumps.ts).
      provideDefinition: async (document, position, token, next) => {
        const found = await next(document, position, token);
        if (document.languageId === JOURNEY_LANGUAGE_ID) noteDefinition(document, position, found);
        return found;
      },
    },
  };
}
