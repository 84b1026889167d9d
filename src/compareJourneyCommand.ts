// "Journey: Compare Journey With…" (journeyDesigner.compareJourneyWith,
// arguments `(current?: Uri, other?: Uri, options?: { timeline?: Uri })`):
// compares the current journey (B, the change) with another version (A):
// another journey file, the version in git HEAD (through the built-in git
// extension's API) or a published version (`published/<id>/<id>.vN.journey.json`),
// on a timeline picked like Simulate Journey picks one (or an imported
// `.timeline.ndjson` history). Both are replayed
// with the same seed (src/core/compare); the map of the current journey
// then marks the points added, changed and renamed and shows the counts as
// A → B, and the Journey Simulation panel lists the contacts whose outcome
// changed (ComparisonSession); picking one shows both paths. The core is
// loaded on first use, so activation stays light.
import * as vscode from 'vscode';
import type { JourneyComparison } from './core/compare/index';
import type { Journey } from './core/schema';
import { journeyToActOn } from './journeyPicker';
import { publishedVersions } from './publishedVersions';
import { readSettings } from './settings';
import { readText, type TimelinePick, timelineOrMessage, timelinePicks } from './simulationController';
import type { SimulationOverlay } from './webviewProtocol';

export const COMPARE_COMMAND = 'journeyDesigner.compareJourneyWith';

export interface CompareArgs {
  /** The timeline both versions replay; skips the picker. */
  timeline?: vscode.Uri;
}

/** The other version: its text and how to name it. */
interface OtherVersion {
  text: string;
  label: string;
  uri?: vscode.Uri;
}

/** The comparison shown in the editor: what the panel and the map show. */
export interface ComparisonSession {
  currentUri: vscode.Uri;
  a: Journey;
  b: Journey;
  aLabel: string;
  timelineLabel: string;
  comparison: JourneyComparison;
  selectedContact?: string;
}

interface OtherPick extends vscode.QuickPickItem {
  load?: () => Promise<OtherVersion | undefined>;
}

/** The subset of the built-in git extension's API used here (extensions/git/src/api/git.d.ts). */
interface GitApi {
  getRepository(uri: vscode.Uri): { show(ref: string, path: string): Promise<string> } | null;
}

async function gitApi(): Promise<GitApi | undefined> {
  const extension = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
  if (!extension) return undefined;
  try {
    const exports = extension.isActive ? extension.exports : await extension.activate();
    return exports.getAPI(1);
  } catch {
    return undefined;
  }
}

async function otherPicks(current: vscode.Uri): Promise<OtherPick[]> {
  const picks: OtherPick[] = [];
  const versions = await publishedVersions(current);
  const latest = versions[versions.length - 1];
  if (latest) {
    picks.push({ label: `$(versions) Last published version (${latest.label})`, description: latest.description, detail: latest.detail, load: async () => ({ text: await readText(latest.uri), label: latest.label.toLowerCase(), uri: latest.uri }) });
  }
  const git = current.scheme === 'file' ? await gitApi() : undefined;
  const repository = git?.getRepository(current);
  if (repository) {
    picks.push({
      label: '$(git-commit) Version in git HEAD',
      description: 'the last committed version of this file',
      load: async () => {
        try {
          return { text: await repository.show('HEAD', current.fsPath), label: 'git HEAD' };
        } catch (error) {
          void vscode.window.showErrorMessage(`This file has no version in git HEAD: ${error instanceof Error ? error.message : String(error)}`);
          return undefined;
        }
      },
    });
  }
  for (const v of [...versions].reverse().slice(1)) picks.push({ label: `$(history) ${v.label}`, description: v.description, detail: v.detail, load: async () => ({ text: await readText(v.uri), label: v.label.toLowerCase(), uri: v.uri }) });
  picks.push({
    label: '$(file) Another journey file…',
    load: async () => {
      const files = await vscode.window.showOpenDialog({ title: 'Compare with which journey?', canSelectMany: false, filters: { Journey: ['json'] }, defaultUri: vscode.Uri.joinPath(current, '..') });
      const uri = files?.[0];
      return uri ? { text: await readText(uri), label: vscode.workspace.asRelativePath(uri), uri } : undefined;
    },
  });
  return picks;
}

/** The journey of a text, or undefined after telling the user why it cannot be compared. */
async function validJourney(text: string, label: string): Promise<Journey | undefined> {
  const { validateJourneyText } = await import('./core/validate');
  const validation = validateJourneyText(text);
  const errors = validation.diagnostics.filter((d) => d.severity === 'error');
  if (validation.journey && errors.length === 0) return validation.journey;
  void vscode.window.showErrorMessage(`${label} has ${errors.length || 1} error${errors.length === 1 ? '' : 's'} (${errors[0]?.message ?? 'not a journey'}); fix ${errors.length === 1 ? 'it' : 'them'} before comparing.`);
  return undefined;
}

/** The map overlay of a comparison: on B's points, marks and counts as A → B; removed points in the label. */
export function comparisonOverlay(session: ComparisonSession): SimulationOverlay {
  const c = session.comparison;
  const arrow = (a: number | undefined, b: number | undefined) => (a === b ? `${b}` : `${a ?? '—'} → ${b ?? '—'}`);
  const points: SimulationOverlay['points'] = {};
  const startingPoints: NonNullable<SimulationOverlay['startingPoints']> = {};
  for (const p of c.points) {
    if (p.b === undefined) continue;
    const mark = p.change === 'added' ? 'added' : p.change === 'changed' ? 'changed' : p.renamed ? 'renamed' : undefined;
    const parts = [`${arrow(p.countsA?.entered, p.countsB?.entered)} in`];
    if (p.type === 'sendEmail' || p.type === 'sendSms') parts.push(`${arrow(p.countsA?.sent, p.countsB?.sent)} sent`);
    if ((p.countsA?.suppressed ?? 0) + (p.countsB?.suppressed ?? 0) > 0) parts.push(`${arrow(p.countsA?.suppressed, p.countsB?.suppressed)} suppressed`);
    if ((p.countsA?.queued ?? 0) + (p.countsB?.queued ?? 0) > 0) parts.push(`${arrow(p.countsA?.queued, p.countsB?.queued)} waiting`);
    const text = `${mark ? `${mark}: ` : ''}${parts.join(' · ')}`;
    if (p.kind === 'start') startingPoints[p.b] = { entered: p.countsB?.entered ?? 0, text, ...(mark ? { mark } : {}) };
    else points[p.b] = { entered: p.countsB?.entered ?? 0, sent: p.countsB?.sent ?? 0, queued: p.countsB?.queued ?? 0, text, ...(mark ? { mark } : {}) };
  }
  const removed = c.points.filter((p) => p.change === 'removed').map((p) => `${p.a} (${p.countsA?.entered ?? 0} in)`);
  const label = `Compared with ${session.aLabel} on ${session.timelineLabel}: ${c.changedContacts.length} contact${c.changedContacts.length === 1 ? '' : 's'} changed (${c.pathChanged} path${c.pathChanged === 1 ? '' : 's'}) · started ${arrow(c.statsA.started, c.statsB.started)} · completed ${arrow(c.statsA.completed, c.statsB.completed)}${removed.length ? ` · removed: ${removed.join(', ')}` : ''}`;
  const selected = session.selectedContact ? c.changedContacts.find((x) => x.contact === session.selectedContact) : undefined;
  const path: string[] = [];
  for (const s of selected?.paths?.b ?? []) if (path[path.length - 1] !== s.point) path.push(s.point);
  return { label, points, startingPoints, ...(selected ? { contact: { id: selected.contact, path } } : {}) };
}

/** Runs the command (see the module header); resolves with the session shown, or undefined when cancelled or refused. */
export async function compareJourneyWith(current: unknown, other: unknown, args: CompareArgs, show: (session: ComparisonSession) => void): Promise<ComparisonSession | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('Comparing journeys replays them in the simulator, which needs a trusted workspace (Restricted Mode is on).');
    return undefined;
  }
  const currentUri = await journeyToActOn(current, 'compare');
  if (!currentUri) return undefined;
  let version: OtherVersion | undefined;
  if (other instanceof vscode.Uri) version = { text: await readText(other), label: vscode.workspace.asRelativePath(other), uri: other };
  else {
    const pick = await vscode.window.showQuickPick(otherPicks(currentUri), { title: `Compare ${vscode.workspace.asRelativePath(currentUri)} with…` });
    version = await pick?.load?.();
  }
  if (!version) return undefined;
  const b = await validJourney(await readText(currentUri), vscode.workspace.asRelativePath(currentUri));
  const a = b && (await validJourney(version.text, version.label));
  if (!a || !b) return undefined;

  let timelineUri = args.timeline;
  if (!timelineUri) {
    const pick = await vscode.window.showQuickPick<TimelinePick>(
      Promise.all([timelinePicks(currentUri), vscode.workspace.findFiles('**/*.timeline.ndjson', '**/node_modules/**', 500)]).then(([picks, imported]) => [
        ...picks.filter((p) => p.uri),
        ...imported.map((uri): TimelinePick => ({ label: vscode.workspace.asRelativePath(uri), description: 'imported history', uri })),
      ]),
      { title: `Compare ${b.name} with ${version.label}: pick the contact timeline both replay` },
    );
    timelineUri = pick?.uri;
  }
  if (!timelineUri) return undefined;
  const [{ parseTimelineNdjsonText }, { compareVersions }] = await Promise.all([import('./core/timelineNdjson'), import('./core/compare/index')]);
  let timeline;
  if (timelineUri.path.endsWith('.ndjson')) {
    const read = parseTimelineNdjsonText(await readText(timelineUri));
    if (!read.ok) {
      void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(timelineUri)}:${read.line}:${read.column}: ${read.message}`);
      return undefined;
    }
    timeline = read.timeline;
  } else {
    const read = await timelineOrMessage(timelineUri, await readText(timelineUri));
    if (!read) return undefined;
    timeline = read;
  }
  const seed = timeline.seed ?? readSettings(currentUri).simulatorSeed;
  const timelineLabel = vscode.workspace.asRelativePath(timelineUri);
  const comparison = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Comparing ${b.name} with ${version.label} on ${timelineLabel}…` }, async () => {
    try {
      return compareVersions(a, b, timeline, { seed, keepPaths: true });
    } catch (error) {
      void vscode.window.showErrorMessage(`The comparison failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  });
  if (!comparison) return undefined;
  const session: ComparisonSession = { currentUri, a, b, aLabel: version.label, timelineLabel, comparison };
  show(session);
  return session;
}
