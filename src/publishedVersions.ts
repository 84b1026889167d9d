// "Journey: Open Published Version…": every version of a journey that was
// published keeps its source in the publish folder
// (`published/<id>/<id>.v<N>.journey.json`, see publishJourney.ts); this
// lists them for the active journey (or one the user picks) and opens the
// chosen one on the map, where a published version is read-only (R22), or
// compares the journey with one of them ("Compare with version N" runs
// journeyDesigner.compareJourneyWith(current, other), the compare command).
// Argument { version } opens that version, { compare } compares with that
// version, without the pick (tests, links).
import * as vscode from 'vscode';
import { journeyToActOn } from './journeyPicker';
import { VIEW_TYPE } from './journeyMapViewType';

export const OPEN_PUBLISHED_VERSION_COMMAND = 'journeyDesigner.openPublishedVersion';
/** The compare command (registered by the compare feature): (current: Uri, other: Uri). */
export const COMPARE_JOURNEY_WITH_COMMAND = 'journeyDesigner.compareJourneyWith';

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

/** What a row of the list does with its version. */
interface Choice extends vscode.QuickPickItem {
  action: 'open' | 'compare';
  uri: vscode.Uri;
  version: number;
}

function maybeChoice(action: Choice['action'], version: VersionPick | undefined): Choice | undefined {
  return version && { ...version, action };
}

/** The list: every version to open (newest first), then "Compare with version N" for each. */
export function choices(versions: readonly VersionPick[], journeyUri: vscode.Uri): (Choice | vscode.QuickPickItem)[] {
  const newestFirst = [...versions].reverse();
  return [
    { label: 'Open on the map (read-only)', kind: vscode.QuickPickItemKind.Separator },
    ...newestFirst.map((v): Choice => ({ ...v, action: 'open' })),
    { label: 'Compare', kind: vscode.QuickPickItemKind.Separator },
    ...newestFirst.map((v): Choice => ({ label: `Compare with version ${v.version}`, description: v.description, detail: `${vscode.workspace.asRelativePath(journeyUri)} with ${v.detail ?? ''}`, uri: v.uri, version: v.version, action: 'compare' })),
  ];
}

export function registerPublishedVersionsCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_PUBLISHED_VERSION_COMMAND, async (arg?: unknown, options?: { version?: number; compare?: number }) => {
      const journeyUri = await journeyToActOn(arg, 'open a published version of');
      if (!journeyUri) return undefined;
      const versions = await publishedVersions(journeyUri);
      if (versions.length === 0) {
        void vscode.window.showInformationMessage('This journey has no published version yet: Journey: Publish Journey keeps each version it publishes.');
        return undefined;
      }
      const chosen: Choice | undefined =
        options?.version !== undefined
          ? maybeChoice('open', versions.find((v) => v.version === options.version))
          : options?.compare !== undefined
            ? maybeChoice('compare', versions.find((v) => v.version === options.compare))
            : ((await vscode.window.showQuickPick(choices(versions, journeyUri), { title: 'Open a published version (read-only), or compare the journey with one' })) as Choice | undefined);
      if (!chosen) return undefined;
      if (chosen.action === 'compare') {
        try {
          await vscode.commands.executeCommand(COMPARE_JOURNEY_WITH_COMMAND, journeyUri, chosen.uri);
        } catch (error) {
          void vscode.window.showErrorMessage(`Could not compare with version ${chosen.version}: ${error instanceof Error ? error.message : String(error)}`);
        }
        return chosen.uri;
      }
      await vscode.commands.executeCommand('vscode.openWith', chosen.uri, VIEW_TYPE);
      return chosen.uri;
    }),
  );
}
