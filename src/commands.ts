// The commands of the extension: switch between the map and the text, and
// reveal a JSON path of a journey in the text editor.
import * as vscode from 'vscode';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { VIEW_TYPE } from './journeyMapViewType';

type JsonPath = (string | number)[];

function activeJourneyUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (tab instanceof vscode.TabInputCustom || tab instanceof vscode.TabInputText) return tab.uri;
  return vscode.window.activeTextEditor?.document.uri;
}

/** `beforeOpenAsText` runs before the text is shown (R22: a published journey's file is made read-only first, see publishedReadOnly.ts). */
export function registerCommands(context: vscode.ExtensionContext, beforeOpenAsText: () => Promise<void> = async () => undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('journeyDesigner.openAsText', async (arg?: unknown) => {
      const uri = activeJourneyUri(arg);
      if (!uri) return;
      await beforeOpenAsText();
      await vscode.commands.executeCommand('vscode.openWith', uri, 'default');
    }),
    vscode.commands.registerCommand('journeyDesigner.openMap', async (arg?: unknown) => {
      const uri = activeJourneyUri(arg);
      if (uri) await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
    }),
    vscode.commands.registerCommand('journeyDesigner.revealPath', async (uri: vscode.Uri, path: JsonPath) => {
      const document = await vscode.workspace.openTextDocument(uri);
      const root = parseTree(document.getText());
      const node = root ? findNodeAtLocation(root, path) : undefined;
      const start = document.positionAt(node?.offset ?? 0);
      const end = document.positionAt((node?.offset ?? 0) + (node?.length ?? 0));
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, selection: new vscode.Range(start, end) });
    }),
  );
}
