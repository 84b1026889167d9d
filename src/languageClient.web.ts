// Starts the Journey language server in a web worker (dist/web/server.js,
// built from language/server.web.ts) for VS Code for the Web, and connects
// it to every `journey-json` document. The client library is loaded here, on
// start, not when the extension activates.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/browser';
import { answerFileRequests } from './languageClientFiles';
import { servePublishedVersions } from './publishedVersionsForServer';
import { journeyClientOptions, LANGUAGE_CLIENT_ID, LANGUAGE_CLIENT_NAME } from './languageClientOptions';

export async function startLanguageClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Promise<LanguageClient> {
  const { BrowserMessageReader, BrowserMessageWriter, LanguageClient } = await import('vscode-languageclient/browser');
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  // A new worker on each (re)start of the server, with its transports made
  // here: the extension host's Worker is VS Code's own wrapper, which the
  // client's `instanceof Worker` test does not recognise.
  const serverOptions = async () => {
    const worker = new Worker(serverMain.toString(true));
    return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
  };
  const client = new LanguageClient(LANGUAGE_CLIENT_ID, LANGUAGE_CLIENT_NAME, serverOptions, journeyClientOptions(log));
  context.subscriptions.push(answerFileRequests(client));
  context.subscriptions.push(servePublishedVersions(client));
  await client.start();
  context.subscriptions.push(client);
  return client;
}
