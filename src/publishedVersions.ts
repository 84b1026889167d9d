// "Journey: Open Published Version…": every version of a journey that was
// published keeps its source in the publish folder
// (`published/<id>/<id>.v<N>.journey.json`, see publishJourney.ts); this
// lists them for the active journey (or one the user picks) and opens the
// chosen one on the map, where a published version is read-only (R22).
// Argument { version } skips the pick (tests, links).
import * as vscode from 'vscode';
import { journeyToActOn } from './journeyPicker';
import { VIEW_TYPE } from './journeyMapViewType';

export const OPEN_PUBLISHED_VERSION_COMMAND = 'journeyDesigner.openPublishedVersion';

interface VersionPick extends vscode.QuickPickItem {
  uri: vscode.Uri;
  version: number;
}

async function readJson(uri: vscode.Uri): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The published versions of the journey in `journeyUri`, oldest first. */
export async function publishedVersions(journeyUri: vscode.Uri): Promise<VersionPick[]> {
  const journey = await readJson(journeyUri);
  const id = typeof journey?.['id'] === 'string' ? journey['id'] : undefined;
  if (!id) return [];
  const folder = vscode.Uri.joinPath(journeyUri, '..', 'published', id);
  let names: string[];
  try {
    names = (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name);
  } catch {
    return [];
  }
  const picks: VersionPick[] = [];
  for (const name of names) {
    const version = new RegExp(`^${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.v(\\d+)\\.journey\\.json$`).exec(name)?.[1];
    if (version === undefined) continue;
    const uri = vscode.Uri.joinPath(folder, name);
    const publication = (await readJson(uri))?.['publication'] as { publishedAt?: unknown } | undefined;
    const publishedAt = typeof publication?.publishedAt === 'string' ? publication.publishedAt : undefined;
    picks.push({ label: `Version ${version}`, description: publishedAt ? `published ${publishedAt.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC')}` : undefined, detail: vscode.workspace.asRelativePath(uri), uri, version: Number(version) });
  }
  return picks.sort((a, b) => a.version - b.version);
}

export function registerPublishedVersionsCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_PUBLISHED_VERSION_COMMAND, async (arg?: unknown, options?: { version?: number }) => {
      const journeyUri = await journeyToActOn(arg, 'open a published version of');
      if (!journeyUri) return undefined;
      const versions = await publishedVersions(journeyUri);
      if (versions.length === 0) {
        void vscode.window.showInformationMessage('This journey has no published version yet: Journey: Publish Journey keeps each version it publishes.');
        return undefined;
      }
      const pick = options?.version !== undefined ? versions.find((v) => v.version === options.version) : await vscode.window.showQuickPick([...versions].reverse(), { title: 'Open a published version (read-only)' });
      if (!pick) return undefined;
      await vscode.commands.executeCommand('vscode.openWith', pick.uri, VIEW_TYPE);
      return pick.uri;
    }),
  );
}
