// Which journey a command acts on: the one it was given, else the journey of
// the active tab (map or text), else the one the user picks from the
// workspace's journeys. So "Simulate Journey" and "Publish Journey" work from
// the Welcome page's walkthrough, the Command Palette with no journey open,
// and the editor title alike.
import * as vscode from 'vscode';

export const JOURNEY_GLOB = '**/*.journey.json';

/** The journey of the active tab, whether shown on the map or as text. */
export function activeJourneyUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  const uri = input instanceof vscode.TabInputCustom || input instanceof vscode.TabInputText ? input.uri : vscode.window.activeTextEditor?.document.uri;
  return uri?.path.endsWith('.journey.json') ? uri : undefined;
}

interface JourneyPick extends vscode.QuickPickItem {
  uri?: vscode.Uri;
}

/**
 * The journey to act on (see the header); undefined when the user cancels
 * the pick or the workspace has no journey (then New Journey is offered).
 * `action` completes "Pick the journey to …".
 */
export async function journeyToActOn(arg: unknown, action: string): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  const active = activeJourneyUri();
  if (active) return active;
  const files = (await vscode.workspace.findFiles(JOURNEY_GLOB, '{**/node_modules/**,**/published/**}', 1000)).sort((a, b) => a.path.localeCompare(b.path));
  if (files.length === 0) {
    const create = await vscode.window.showInformationMessage(`There is no journey (*.journey.json) in this workspace to ${action}.`, 'New Journey…');
    if (create) await vscode.commands.executeCommand('journeyDesigner.newJourney');
    return undefined;
  }
  if (files.length === 1) return files[0];
  const picks: JourneyPick[] = files.map((uri) => ({ label: uri.path.split('/').pop() ?? uri.path, description: vscode.workspace.asRelativePath(uri.with({ path: uri.path.replace(/\/[^/]*$/, '') })), uri }));
  // ignoreFocusOut: the Welcome page moves the focus to the walkthrough step whose button opened this pick a moment later, which would close it.
  const pick = await vscode.window.showQuickPick(picks, { title: `Pick the journey to ${action}`, matchOnDescription: true, ignoreFocusOut: true });
  return pick?.uri;
}
