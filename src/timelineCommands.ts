// Commands that start and keep timelines: "Generate Timeline Skeleton"
// (timelineSkeleton.ts, beside the journey, opened in the editor), "Save
// Simulated Contacts as Timeline" (the contacts the last simulation replayed,
// generated from a profile or not, as a `*.timeline.json` naming its
// journey), and "Show Contact Trace" for a failed scenario's contact (the
// scenario's journey replayed with its timeline, the contact highlighted in
// the Journey Simulation panel with every action, and the map opened).
import * as vscode from 'vscode';
import { journeyToActOn } from './journeyPicker';
import { VIEW_TYPE } from './journeyMapViewType';
import type { SimulationController } from './simulationController';

export const SHOW_SCENARIO_CONTACT = 'journeyDesigner.scenario.showContact';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** A path a scenario or timeline gives (relative to it, or absolute) as a URI. */
export function resolveFrom(file: vscode.Uri, path: string): vscode.Uri {
  const normal = path.replace(/\\/g, '/');
  return normal.startsWith('/') ? file.with({ path: normal }) : vscode.Uri.joinPath(file, '..', normal);
}

async function readText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return open ? open.getText() : decode(await vscode.workspace.fs.readFile(uri));
}

/** `to` relative to the folder of `from`, as a timeline writes its journey (./x.journey.json). */
function relativePath(from: vscode.Uri, to: vscode.Uri): string {
  const a = from.path.split('/').slice(0, -1);
  const b = to.path.split('/');
  let common = 0;
  while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
  const up = a.length - common;
  return `${up === 0 ? './' : '../'.repeat(up)}${b.slice(common).join('/')}`;
}

/** A file beside `journey` named `<base><suffix>`, not taken yet. */
async function freeSibling(journey: vscode.Uri, suffix: string): Promise<vscode.Uri> {
  const base = journey.path.split('/').pop()!.replace(/\.journey\.json$/i, '');
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(journey, '..', `${base}${n === 1 ? '' : `-${n}`}${suffix}`);
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
}

async function writeTimeline(target: vscode.Uri, timeline: object): Promise<void> {
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(`${JSON.stringify(timeline, null, 2)}\n`));
}

export function registerTimelineCommands(context: vscode.ExtensionContext, simulations: SimulationController): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('journeyDesigner.generateTimelineSkeleton', async (arg?: unknown, target?: vscode.Uri) => {
      const journeyUri = await journeyToActOn(arg, 'generate a timeline for');
      if (!journeyUri) return undefined;
      const [{ validateJourneyText }, { timelineSkeleton }] = await Promise.all([import('./core/validate'), import('./core/timelineSkeleton')]);
      const result = validateJourneyText(await readText(journeyUri));
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      if (!result.journey || errors.length > 0) {
        void vscode.window.showErrorMessage(`The journey has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix them before generating a timeline.`);
        return undefined;
      }
      const file = target ?? (await freeSibling(journeyUri, '.skeleton.timeline.json'));
      const start = new Date(Math.floor(Date.now() / 86_400_000 + 1) * 86_400_000 + 9 * 3_600_000).toISOString().replace('.000Z', 'Z');
      await writeTimeline(file, timelineSkeleton(result.journey, { start, journeyPath: relativePath(file, journeyUri) }));
      await vscode.window.showTextDocument(file, { preview: false });
      return file;
    }),
    vscode.commands.registerCommand('journeyDesigner.simulation.saveTimeline', async (target?: vscode.Uri) => {
      const session = simulations.current;
      if (!session) {
        void vscode.window.showInformationMessage('Simulate a journey first: its contacts are what this saves.');
        return undefined;
      }
      const file =
        target ??
        (await vscode.window.showSaveDialog({ defaultUri: await freeSibling(session.journeyUri, '.generated.timeline.json'), filters: { Timeline: ['json'] }, title: 'Save the simulated contacts as a timeline' }));
      if (!file) return undefined;
      const { formatVersion, journey: _named, ...rest } = session.timeline;
      await writeTimeline(file, { formatVersion, journey: relativePath(file, session.journeyUri), ...rest, seed: session.timeline.seed ?? session.seed });
      void vscode.window.showInformationMessage(`Saved ${session.timeline.contacts.length} contacts and ${session.timeline.events.length} events to ${vscode.workspace.asRelativePath(file)}.`);
      return file;
    }),
    vscode.commands.registerCommand(SHOW_SCENARIO_CONTACT, async (scenario: string, contact: string) => {
      const scenarioUri = vscode.Uri.parse(scenario);
      const value = JSON.parse(await readText(scenarioUri)) as { journey?: unknown; timeline?: unknown; seed?: unknown };
      if (typeof value.journey !== 'string' || typeof value.timeline !== 'string') return undefined;
      const journeyUri = resolveFrom(scenarioUri, value.journey);
      const timelineUri = resolveFrom(scenarioUri, value.timeline);
      const session = await simulations.simulate(journeyUri, { timeline: timelineUri });
      if (!session) return undefined;
      if (session.selectedContact !== contact) await vscode.commands.executeCommand('journeyDesigner.simulation.selectContact', contact);
      await vscode.commands.executeCommand('vscode.openWith', journeyUri, VIEW_TYPE);
      await vscode.commands.executeCommand('journeyDesigner.simulation.focus');
      return session;
    }),
  );
}

/** Links for a failed expectation: the contact's trace in the simulation panel, and the map. */
export function contactLinks(scenario: vscode.Uri, contact: string, journey: vscode.Uri | undefined): vscode.MarkdownString {
  const trace = `command:${SHOW_SCENARIO_CONTACT}?${encodeURIComponent(JSON.stringify([scenario.toString(), contact]))}`;
  const links = [`[Show the trace of ${contact}](${trace} "Replay this scenario and show every action of ${contact}")`];
  if (journey) links.push(`[Open the map](command:vscode.openWith?${encodeURIComponent(JSON.stringify([journey, VIEW_TYPE]))})`);
  const markdown = new vscode.MarkdownString(links.join(' · '));
  markdown.isTrusted = { enabledCommands: [SHOW_SCENARIO_CONTACT, 'vscode.openWith'] };
  return markdown;
}
