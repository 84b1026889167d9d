// The client's side of the server's file requests: the language server
// reads a journey or timeline that is not open, and lists the workspace's
// timelines and scenarios (for a rename across files), through VS Code's
// workspace.fs and findFiles, so it works alike on the desktop, in a remote
// and in VS Code for the Web.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';

/** The request names, as language/workspaceFiles.ts sends them. */
const READ_FILE_REQUEST = 'journey/readFile';
const FIND_COMPANION_FILES_REQUEST = 'journey/findCompanionFiles';
const MAX_COMPANIONS = 5000;

export function answerFileRequests(client: BaseLanguageClient): vscode.Disposable {
  const read = client.onRequest(READ_FILE_REQUEST, async (params: { uri: string }) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(params.uri))));
  const find = client.onRequest(FIND_COMPANION_FILES_REQUEST, async () =>
    (await vscode.workspace.findFiles('**/*.{timeline,scenario}.json', '{**/node_modules/**,**/dist/**}', MAX_COMPANIONS)).map((uri) => uri.toString()),
  );
  return vscode.Disposable.from(read, find);
}
