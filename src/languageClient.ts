// Starts the Journey language server (dist/server.js) over IPC and connects
// it to every `journey-json` document. The client library is loaded here, on
// start, not when the extension activates.
import * as vscode from 'vscode';
import type { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';

export const JOURNEY_LANGUAGE_ID = 'journey-json';

export async function startLanguageClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Promise<LanguageClient> {
  const { LanguageClient, TransportKind } = await import('vscode-languageclient/node');
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: JOURNEY_LANGUAGE_ID }],
    outputChannel: log,
  };
  const client = new LanguageClient('journeyLanguageServer', 'Journey Language Server', serverOptions, clientOptions);
  await client.start();
  context.subscriptions.push(client);
  return client;
}
