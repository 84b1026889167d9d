// "Journey: Simulate Journey" in the editor (the CLI's is
// src/cli/simulateCommand.ts) and the time-scrubber commands: pick a
// timeline (or generate one from a contact profile), replay it with a
// progress notification, then show the stats on the map and in the status
// bar and the contact queues in the Journey Simulation view.
import * as vscode from 'vscode';
import { journeyToActOn } from './journeyPicker';
import { markWalkthroughStep } from './walkthroughProgress';
import type { Timeline } from './core/timeline';
import type { ContactProfile } from './core/timelineGenerator';
import type { ContactQueuesView } from './contactQueuesView';
import { readSettings } from './settings';
import type { SimulationSession } from './simulationSession';
import type { MapOverlay } from './core/simulationView';
import type { JourneyStatusBar } from './statusBar';

export interface SimulateArgs {
  /** The timeline file to replay; skips the picker. */
  timeline?: vscode.Uri;
  /** Generate the timeline from this profile instead; skips the picker. */
  profile?: Partial<ContactProfile>;
  /** Cancels the replay as the notification's Cancel does (for callers that run the command). */
  cancellation?: vscode.CancellationToken;
}

export interface TimelinePick extends vscode.QuickPickItem {
  uri?: vscode.Uri;
}

/** The text of a file: the open document's when it is open (unsaved edits included), else the file's. */
export async function readText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/**
 * The timeline in `text` (read from `uri`), or undefined once the user has
 * been told what is wrong with it: not JSON, or not the timeline format
 * (the first problem, at its path).
 */
export async function timelineOrMessage(uri: vscode.Uri, text: string): Promise<Timeline | undefined> {
  const where = vscode.workspace.asRelativePath(uri);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    void vscode.window.showErrorMessage(`${where} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  const { parseTimeline } = await import('./core/timeline');
  const parsed = parseTimeline(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    void vscode.window.showErrorMessage(`${where}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
    return undefined;
  }
  return parsed.data;
}

/** Timelines of the workspace, those that name this journey first (also used by Compare Journey With…). */
export async function timelinePicks(journeyUri: vscode.Uri): Promise<TimelinePick[]> {
  const files = await vscode.workspace.findFiles('**/*.timeline.json', '**/node_modules/**', 500);
  const picks: (TimelinePick & { rank: number })[] = [];
  for (const uri of files) {
    let names: string | undefined;
    try {
      names = (JSON.parse(await readText(uri)) as { journey?: string }).journey;
    } catch {
      names = undefined;
    }
    const forThis = names !== undefined && vscode.Uri.joinPath(uri, '..', names).toString() === journeyUri.toString();
    picks.push({ label: vscode.workspace.asRelativePath(uri), description: forThis ? 'replays this journey' : undefined, uri, rank: forThis ? 0 : 1 });
  }
  picks.sort((a, b) => a.rank - b.rank || a.label.localeCompare(b.label));
  return [...picks, { label: '$(sparkle) Generate contacts from a profile…', description: 'a synthetic timeline' }];
}

async function askProfile(): Promise<Partial<ContactProfile> | undefined> {
  const count = await vscode.window.showInputBox({ title: 'Generate contacts', prompt: 'How many contacts?', value: '500', validateInput: (v) => (/^\d+$/.test(v) && Number(v) > 0 && Number(v) <= 1_000_000 ? undefined : 'A whole number from 1 to 1,000,000') });
  if (!count) return undefined;
  const days = await vscode.window.showInputBox({ title: 'Generate contacts', prompt: 'Spread their entries over how many days?', value: '7', validateInput: (v) => (/^\d+$/.test(v) && Number(v) > 0 ? undefined : 'A whole number of days') });
  if (!days) return undefined;
  // The generator's engagement settings (timelineGenerator.ts): without them no generated contact ever opened or clicked anything.
  const percent = (v: string) => (/^\d+(\.\d+)?$/.test(v.trim()) && Number(v) <= 100 ? undefined : 'A percentage from 0 to 100');
  const engage = await vscode.window.showInputBox({ title: 'Generate contacts', prompt: 'What share opens or clicks (does what each wait-for-event point waits for), in %?', value: '50', validateInput: percent });
  if (engage === undefined) return undefined;
  const match = await vscode.window.showInputBox({ title: 'Generate contacts', prompt: "What share meets the starting points' filters, in %?", value: '80', validateInput: percent });
  if (match === undefined) return undefined;
  const unsubscribe = await vscode.window.showInputBox({ title: 'Generate contacts', prompt: 'What share unsubscribes from marketing during the journey, in %?', value: '5', validateInput: percent });
  if (unsubscribe === undefined) return undefined;
  return { contacts: Number(count), days: Number(days), engageShare: Number(engage) / 100, matchShare: Number(match) / 100, unsubscribeShare: Number(unsubscribe) / 100 };
}

/** Timelines up to this many events are simulated again as the journey's text changes. */
export const RERUN_MAX_EVENTS = 20_000;
const RERUN_DELAY_MS = 300;

export class SimulationController implements vscode.Disposable {
  private readonly sessions = new Map<string, SimulationSession>();
  private active: SimulationSession | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly view: ContactQueuesView,
    private readonly showOnMap: (uri: vscode.Uri, overlay: MapOverlay | null) => void,
    private readonly statusBar: JourneyStatusBar,
    /** Called by Clear Simulation, so whatever else the panel shows (a comparison) is cleared too. */
    private readonly onClear?: () => void,
  ) {
    const step = (delta: number | 'start' | 'end') => () => this.move((s) => (delta === 'start' ? s.goToIndex(0) : delta === 'end' ? s.goToIndex(s.instants.length - 1) : s.step(delta)));
    this.disposables.push(
      vscode.commands.registerCommand('journeyDesigner.simulate', (uri?: unknown, args?: SimulateArgs) => this.simulate(uri, args ?? {})),
      vscode.commands.registerCommand('journeyDesigner.simulation.stepForward', step(1)),
      vscode.commands.registerCommand('journeyDesigner.simulation.stepBack', step(-1)),
      vscode.commands.registerCommand('journeyDesigner.simulation.toStart', step('start')),
      vscode.commands.registerCommand('journeyDesigner.simulation.toEnd', step('end')),
      vscode.commands.registerCommand('journeyDesigner.simulation.goToTime', (at?: string) => this.goToTime(at)),
      vscode.commands.registerCommand('journeyDesigner.simulation.selectContact', (contact?: string) => this.move((s) => (s.selectedContact = s.selectedContact === contact ? undefined : contact))),
      vscode.commands.registerCommand('journeyDesigner.simulation.clear', () => this.clear()),
      vscode.commands.registerCommand('journeyDesigner.simulation.viewContactQueue', (pointId?: string) => this.viewContactQueue(pointId)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.sessions.has(e.document.uri.toString())) this.scheduleRerun(e.document.uri.toString());
      }),
    );
  }

  private readonly reruns = new Map<string, ReturnType<typeof setTimeout>>();
  /** How many times a simulation was run again after an edit (for tests). */
  rerunCount = 0;
  /** The overlay last put on the map (for tests). */
  lastOverlay: MapOverlay | null = null;
  /** The share of the last Simulate Journey's replay done, 0..1 (for tests). */
  lastProgress = 0;

  private overlayOnMap(uri: vscode.Uri, overlay: MapOverlay | null): void {
    this.lastOverlay = overlay;
    this.showOnMap(uri, overlay);
  }

  private scheduleRerun(uri: string): void {
    clearTimeout(this.reruns.get(uri));
    this.reruns.set(uri, setTimeout(() => {
      this.reruns.delete(uri);
      void this.rerun(uri);
    }, RERUN_DELAY_MS));
  }

  /**
   * The journey's text changed: a small timeline is simulated again at once
   * (same timeline, seed, instant and selected contact), so the map never
   * shows numbers of an older journey; a large one, or a journey with errors,
   * marks the numbers out of date.
   */
  private async rerun(uri: string): Promise<void> {
    const old = this.sessions.get(uri);
    if (!old) return;
    const [{ validateJourneyText }, { SimulationSession }] = await Promise.all([import('./core/validate'), import('./simulationSession')]);
    const validation = validateJourneyText(await readText(old.journeyUri));
    const errors = validation.diagnostics.filter((d) => d.severity === 'error').length;
    const stale = (why: string) => {
      if (this.active === old) this.overlayOnMap(old.journeyUri, { ...old.overlay(), label: `Out of date (${why}): ${old.overlay().label}`, stale: true });
    };
    if (!validation.journey || errors > 0) return stale(`the journey has ${errors} error${errors === 1 ? '' : 's'}`);
    if (old.timeline.events.length > RERUN_MAX_EVENTS) return stale('run Simulate Journey again');
    let session: InstanceType<typeof SimulationSession>;
    try {
      session = new SimulationSession(old.journeyUri, validation.journey, old.timeline, old.timelineLabel, old.seed);
    } catch {
      return stale('the simulation failed');
    }
    session.goToInstant(old.at);
    session.selectedContact = old.selectedContact;
    if (this.sessions.get(uri) !== old) return;
    this.sessions.set(uri, session);
    this.rerunCount++;
    if (this.active === old) {
      this.active = session;
      this.publish();
    }
  }

  private async viewContactQueue(pointId: string | undefined): Promise<void> {
    if (!this.active || pointId === undefined) {
      void vscode.window.showInformationMessage('Run "Journey: Simulate Journey" first to see who waits at each point.');
      return;
    }
    if (!(await this.view.revealQueue(pointId))) void vscode.window.showInformationMessage(`The simulation has no point "${pointId}".`);
  }

  /** The session of the last simulation, for tests. */
  get current(): SimulationSession | undefined {
    return this.active;
  }

  /** Simulates `target` (a URI; else the active journey, else one the user picks: journeyPicker.ts). */
  async simulate(target: unknown, args: SimulateArgs): Promise<SimulationSession | undefined> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('Simulating a journey needs a trusted workspace (Restricted Mode is on).');
      return undefined;
    }
    const journeyUri = await journeyToActOn(target, 'simulate');
    if (!journeyUri) return undefined;
    const [{ validateJourneyText }, { generateTimeline }, { SimulationSession }] = await Promise.all([
      import('./core/validate'),
      import('./core/timelineGenerator'),
      import('./simulationSession'),
    ]);
    const validation = validateJourneyText(await readText(journeyUri));
    const errors = validation.diagnostics.filter((d) => d.severity === 'error');
    if (!validation.journey || errors.length > 0) {
      const action = await vscode.window.showErrorMessage(`The journey has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix them before simulating.`, 'Show Problems');
      if (action) void vscode.commands.executeCommand('workbench.actions.view.problems');
      return undefined;
    }
    const journey = validation.journey;
    const settings = readSettings(journeyUri);

    let timeline: Timeline | undefined;
    let label: string;
    let profile = args.profile;
    let timelineUri = args.timeline;
    if (!timelineUri && !profile) {
      const pick = await vscode.window.showQuickPick(timelinePicks(journeyUri), { title: `Simulate ${journey.name}: pick a contact timeline` });
      if (!pick) return undefined;
      if (pick.uri) timelineUri = pick.uri;
      else profile = await askProfile();
      if (!timelineUri && !profile) return undefined;
    }
    if (timelineUri) {
      const text = await readText(timelineUri);
      const read = await timelineOrMessage(timelineUri, text);
      if (!read) return undefined;
      const [{ timelineReferences }, { locateFinding }, { parseJsonDocument }, { LineIndex }] = await Promise.all([
        import('./core/timelineReferences'),
        import('./core/journeyNames'),
        import('./core/jsonDocument'),
        import('./core/textPosition'),
      ]);
      const unknown = timelineReferences(read, journey, vscode.workspace.asRelativePath(journeyUri)).filter((f) => f.severity === 'error');
      if (unknown.length > 0) {
        const d = locateFinding(parseJsonDocument(text), unknown[0]!);
        const at = new LineIndex(text).positionAt(d.offset);
        const more = unknown.length > 1 ? ` (and ${unknown.length - 1} more: run journey validate on it)` : '';
        void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(timelineUri)}:${at.line + 1}:${at.character + 1}: ${d.message}${more}`);
        return undefined;
      }
      timeline = read;
      label = vscode.workspace.asRelativePath(timelineUri);
    } else {
      const full: ContactProfile = { contacts: 500, days: 7, seed: settings.simulatorSeed, start: new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000).toISOString(), ...profile };
      timeline = generateTimeline(journey, full);
      label = `${full.contacts} generated contacts`;
    }

    const seed = timeline.seed ?? settings.simulatorSeed;
    // The replay runs a slice at a time behind the notification; Cancel stops it and keeps nothing of it (the map keeps what it showed).
    this.lastProgress = 0;
    const session = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Simulating ${journey.name} with ${label}…`, cancellable: true },
      async (progress, token) => {
        let shown = 0;
        try {
          const replayed = await SimulationSession.replay(journeyUri, journey, timeline!, label, seed, {
            onProgress: (fraction) => {
              this.lastProgress = fraction;
              const percent = Math.floor(fraction * 100);
              if (percent > shown) progress.report({ increment: percent - shown, message: `${percent}%` });
              shown = Math.max(shown, percent);
            },
            cancelled: () => token.isCancellationRequested || args.cancellation?.isCancellationRequested === true,
          });
          if (!replayed) vscode.window.setStatusBarMessage(`Simulation of ${journey.name} cancelled`, 5000);
          return replayed;
        } catch (error) {
          void vscode.window.showErrorMessage(`The simulation failed: ${error instanceof Error ? error.message : String(error)}`);
          return undefined;
        }
      },
    );
    if (!session) return undefined;
    this.sessions.set(journeyUri.toString(), session);
    this.active = session;
    markWalkthroughStep('simulated');
    this.publish();
    await vscode.commands.executeCommand('journeyDesigner.simulation.focus');
    return session;
  }

  private move(change: (s: SimulationSession) => void): void {
    if (!this.active) return;
    change(this.active);
    this.publish();
  }

  private async goToTime(at?: string): Promise<void> {
    const session = this.active;
    if (!session) return;
    if (at !== undefined) {
      session.goToInstant(Date.parse(at));
    } else {
      const pick = await vscode.window.showQuickPick(
        session.instants.map((t, i) => ({ label: new Date(t).toISOString().replace('.000Z', 'Z'), description: `step ${i + 1}`, t })),
        { title: 'Go to an instant of the simulation', placeHolder: session.describeTime() },
      );
      if (!pick) return;
      session.goToInstant(pick.t);
    }
    this.publish();
  }

  private clear(): void {
    this.onClear?.();
    if (this.active) {
      this.overlayOnMap(this.active.journeyUri, null);
      this.statusBar.clearSimulation(this.active.journeyUri);
    }
    this.active = undefined;
    this.view.show(undefined);
  }

  /** Shows the active session everywhere: the view, the map overlay, the status bar. */
  private publish(): void {
    const s = this.active;
    if (!s) return;
    this.view.show(s);
    this.overlayOnMap(s.journeyUri, s.overlay());
    this.statusBar.setSimulation(s.journeyUri, s.snapshot.stats);
  }

  dispose(): void {
    for (const t of this.reruns.values()) clearTimeout(t);
    this.disposables.forEach((d) => d.dispose());
  }
}

