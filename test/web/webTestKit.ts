// Helpers of the suites that run in VS Code for the Web: the mounted
// workspace folder (test-web serves the repository's samples/ as
// vscode-test-web://mount/), and the desktop kit's extension API and waits,
// which need no Node.
import * as vscode from 'vscode';

export { afterEdit, closeAllEditors, coreReplay, journeyApi, openUntilDiagnostic, openUntilQuickFix, positionOf, readJson, runAllScenarioTests, waitFor } from '../integration/journeyTestKit';

/** A file of the mounted samples folder, the window's only workspace folder. */
export function mountedUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder: the runner mounts samples/');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}
