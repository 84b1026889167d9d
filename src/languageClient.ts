// Starts the Journey language server (dist/server.js) in a Node process over
// IPC and connects it to every `journey-json` document. The client library
// is loaded here, on start, not when the extension activates.
import * as vscode from 'vscode';
import type { LanguageClient, ServerOptions } from 'vscode-languageclient/node';
import { answerFileRequests } from './languageClientFiles';
import { servePublishedVersions } from './publishedVersionsForServer';
import { journeyClientOptions, LANGUAGE_CLIENT_ID, LANGUAGE_CLIENT_NAME } from './languageClientOptions';

export async function startLanguageClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Promise<LanguageClient> {
  const { LanguageClient, TransportKind } = await import('vscode-languageclient/node');
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const client = new LanguageClient(LANGUAGE_CLIENT_ID, LANGUAGE_CLIENT_NAME, serverOptions, journeyClientOptions(log));
  context.subscriptions.push(answerFileRequests(client));
  context.subscriptions.push(servePublishedVersions(client));
  await client.start();
  context.subscriptions.push(client);
  return client;
}
