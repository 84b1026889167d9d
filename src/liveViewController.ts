// "Journey: Show Live Stats" and "Journey: Stop Live Stats" (also the map's
// Live button): the map of a published journey shows the running Restate
// service's stats, read every few seconds while the map is visible
// (restate/liveStatsPoller.ts) and drawn by the simulation's overlay as
// "Live · v<N> · updated hh:mm:ss" (restate/liveOverlay.ts); "View Contact
// Queue" on a point lists the contacts waiting there now in the Contact
// Queues view. The ingress URL is the setting journeyDesigner.restate.ingressUrl,
// asked for (and remembered there) the first time while it is unset. A
// failed reading is a message on the map, which keeps the last numbers;
// polling stops when the map closes, the live view is turned off, or a
// simulation or comparison takes the map.
import * as vscode from 'vscode';
import type { ContactQueuesView, LiveQueues } from './contactQueuesView';
import type { JourneyEditorProvider } from './journeyEditorProvider';
import { VIEW_TYPE } from './journeyMapViewType';
import { journeyToActOn } from './journeyPicker';
import { publishedVersions } from './publishedVersions';
import { readSettings } from './settings';
import type { LiveStatsModule } from './extensionHost';
import type { LiveResult, LiveStatsPoller } from './restate/liveStatsPoller';
import type { QueueEntry } from './restate/runtime/statsDelta';
import type { SimulationOverlay } from './webviewProtocol';

export const SHOW_LIVE_STATS_COMMAND = 'journeyDesigner.showLiveStats';
export const STOP_LIVE_STATS_COMMAND = 'journeyDesigner.stopLiveStats';
/** How often the live stats are read while the map is visible. */
export const LIVE_INTERVAL_MS = 5_000;

export interface ShowLiveStatsOptions {
  /** Read from this ingress instead of the setting (tests); nothing is asked or remembered. */
  ingressUrl?: string;
  intervalMs?: number;
}

interface JourneyFacts {
  id: string;
  name: string;
  points: { id: string; title?: string | undefined; type: string }[];
  /** The version this file is (its publication record), if it is a published one. */
  publishedVersion: number | undefined;
}

function journeyFacts(text: string): JourneyFacts | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `the journey is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  const j = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  if (typeof j['id'] !== 'string') return 'the journey has no id';
  const points = Array.isArray(j['points']) ? j['points'] : [];
  const publication = j['publication'] as { version?: unknown } | undefined;
  return {
    id: j['id'],
    name: typeof j['name'] === 'string' ? j['name'] : j['id'],
    points: points.flatMap((p: unknown) => {
      const r = p as Record<string, unknown> | null;
      return r && typeof r['id'] === 'string' ? [{ id: r['id'], title: typeof r['title'] === 'string' ? r['title'] : undefined, type: typeof r['type'] === 'string' ? r['type'] : '' }] : [];
    }),
    publishedVersion: typeof publication?.version === 'number' && j['status'] === 'published' ? publication.version : undefined,
  };
}

/** One journey shown live: its poller, what its maps show, and the queues someone opened. */
export class LiveSession implements LiveQueues {
  overlay: SimulationOverlay | null = null;
  readonly watched = new Set<string>();
  poller!: LiveStatsPoller;

  constructor(
    readonly uri: vscode.Uri,
    readonly journey: JourneyFacts,
    readonly version: number,
    /** A fixed ingress URL (else the setting, read at each reading). */
    readonly fixedIngressUrl: string | undefined,
  ) {}

  get journeyName(): string {
    return this.journey.name;
  }

  get points(): JourneyFacts['points'] {
    return this.journey.points;
  }

  ingressUrl(): string {
    return this.fixedIngressUrl ?? readSettings(this.uri).restateIngressUrl;
  }

  label(): string {
    return this.overlay?.label ?? `Live · v${this.version} · connecting to ${this.ingressUrl()}…`;
  }

  error(): string | undefined {
    return this.overlay?.live?.error;
  }

  pointStats(id: string) {
    return this.overlay?.points[id];
  }

  /** The last reading's queue of the point, if it was read. */
  queue(id: string): readonly QueueEntry[] | undefined {
    const last = this.poller.last;
    return last?.ok && Object.hasOwn(last.queues, id) ? last.queues[id] : undefined;
  }

  watch(id: string): void {
    if (this.watched.has(id)) return;
    this.watched.add(id);
    void this.poller.refresh();
  }
}

export class LiveViewController implements vscode.Disposable {
  private readonly sessions = new Map<string, LiveSession>();
  private readonly disposables: vscode.Disposable[] = [];
  private mapsSubscription: vscode.Disposable | undefined;

  constructor(
    private readonly maps: () => Promise<JourneyEditorProvider>,
    private readonly view: ContactQueuesView,
    /** The reader of running services; undefined in VS Code for the Web (the extension host is a browser worker). */
    private readonly loadLiveStats: (() => Promise<LiveStatsModule>) | undefined,
  ) {
    this.disposables.push(
      vscode.commands.registerCommand(SHOW_LIVE_STATS_COMMAND, (uri?: unknown, options?: ShowLiveStatsOptions) => this.show(uri, options ?? {})),
      vscode.commands.registerCommand(STOP_LIVE_STATS_COMMAND, async (uri?: unknown) => {
        const target = uri instanceof vscode.Uri ? uri : (await this.maps()).activeSession()?.document.uri ?? [...this.sessions.values()][0]?.uri;
        if (target) await this.stop(target);
      }),
      vscode.commands.registerCommand('journeyDesigner.live.viewContactQueue', (uri: vscode.Uri, pointId: string) => this.viewContactQueue(uri, pointId)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('journeyDesigner.restate.ingressUrl')) return;
        for (const s of this.sessions.values()) if (!s.fixedIngressUrl && s.poller.running) void s.poller.refresh();
      }),
    );
  }

  /** The live view of `uri`, if one is on (tests). */
  sessionOf(uri: vscode.Uri): LiveSession | undefined {
    return this.sessions.get(uri.toString());
  }

  /** Shows the live stats of the journey `target` (else the active one) on its map; resolves once the first reading is shown. */
  async show(target: unknown, options: ShowLiveStatsOptions): Promise<LiveSession | undefined> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('Showing live stats needs a trusted workspace (Restricted Mode is on).');
      return undefined;
    }
    if (!this.loadLiveStats) {
      void vscode.window.showInformationMessage('Live stats of a published journey need VS Code on the desktop or a remote extension host (SSH, container, Codespaces): they are read from its Restate service.');
      return undefined;
    }
    const uri = await journeyToActOn(target, 'show the live stats of');
    if (!uri) return undefined;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const facts = journeyFacts(open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
    const where = vscode.workspace.asRelativePath(uri);
    if (typeof facts === 'string') {
      void vscode.window.showErrorMessage(`Cannot show the live stats of ${where}: ${facts}.`);
      return undefined;
    }
    // A published version shows its own numbers; a draft those of its newest published version.
    const version = facts.publishedVersion ?? (await publishedVersions(uri)).at(-1)?.version;
    if (version === undefined) {
      void vscode.window.showInformationMessage(`${facts.name} has not been published: its live stats come from the service "Journey: Publish Journey" generates, once it runs.`);
      return undefined;
    }
    if (options.ingressUrl === undefined && (await this.ingressUrlFor(uri)) === undefined) return undefined;

    await this.stop(uri);
    const maps = await this.maps();
    if (maps.visibility(uri) === 'closed') await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
    const { LiveStatsPoller, liveOverlay } = await this.loadLiveStats();
    const session = new LiveSession(uri, facts, version, options.ingressUrl);
    session.poller = new LiveStatsPoller({
      ingressUrl: () => session.ingressUrl(),
      journeyId: facts.id,
      version,
      intervalMs: options.intervalMs ?? LIVE_INTERVAL_MS,
      queuePoints: () => [...session.watched],
      onResult: (result: LiveResult) => {
        if (this.sessions.get(uri.toString()) !== session) return;
        session.overlay = liveOverlay(result, session.ingressUrl(), session.overlay, version);
        maps.showSimulation(uri, session.overlay);
        if (this.view.shownLive === session) this.view.showLive(session);
      },
    });
    this.sessions.set(uri.toString(), session);
    session.overlay = { label: session.label(), points: {}, live: { version, updatedAt: null, ingressUrl: session.ingressUrl() } };
    maps.showSimulation(uri, session.overlay);
    this.mapsSubscription ??= maps.onDidChangeMaps(() => this.followMaps(maps));
    this.followMaps(maps);
    // The reading under way (the map is visible), else one reading so that a hidden map has numbers when shown.
    await session.poller.refresh();
    return session;
  }

  /** Polls while a map of the journey is visible, pauses while all are hidden, stops when the last one closes. */
  private followMaps(maps: JourneyEditorProvider): void {
    for (const session of [...this.sessions.values()]) {
      const shown = maps.visibility(session.uri);
      if (shown === 'closed') void this.stop(session.uri);
      else if (shown === 'visible') session.poller.start();
      else session.poller.pause();
    }
  }

  /** Turns the live view of `uri` off: polling stops and the numbers leave its maps. */
  async stop(uri: vscode.Uri): Promise<void> {
    const session = this.sessions.get(uri.toString());
    if (!session) return;
    session.poller.stop();
    this.sessions.delete(uri.toString());
    (await this.maps()).showSimulation(uri, null);
    if (this.view.shownLive === session) this.view.show(undefined);
  }

  /** A simulation or comparison is about to be shown on the maps of `uri`: the live view gives way to it. */
  yieldMap(uri: vscode.Uri): void {
    const session = this.sessions.get(uri.toString());
    if (!session) return;
    session.poller.stop();
    this.sessions.delete(uri.toString());
    if (this.view.shownLive === session) this.view.show(undefined);
  }

  /** Whether the live view of `uri` is on. */
  isLive(uri: vscode.Uri): boolean {
    return this.sessions.has(uri.toString());
  }

  private async viewContactQueue(uri: vscode.Uri, pointId: string): Promise<void> {
    const session = this.sessions.get(uri.toString());
    if (!session) return;
    if (!session.points.some((p) => p.id === pointId)) {
      void vscode.window.showInformationMessage(`The journey has no point "${pointId}".`);
      return;
    }
    session.watched.add(pointId);
    this.view.showLive(session);
    await session.poller.refresh();
    await this.view.revealQueue(pointId);
  }

  /** The ingress URL of the setting; while it is not set anywhere, asked for and remembered in it. */
  private async ingressUrlFor(uri: vscode.Uri): Promise<string | undefined> {
    const config = vscode.workspace.getConfiguration('journeyDesigner', uri);
    const inspected = config.inspect<string>('restate.ingressUrl');
    if (inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue) return readSettings(uri).restateIngressUrl;
    const url = await vscode.window.showInputBox({
      title: 'Show Live Stats: the Restate ingress',
      prompt: 'The URL of the Restate ingress the published journey runs behind (remembered in the setting journeyDesigner.restate.ingressUrl)',
      value: readSettings(uri).restateIngressUrl,
      ignoreFocusOut: true,
      validateInput: (v) => (/^https?:\/\/[^\s/]+/.test(v.trim()) ? undefined : 'An http:// or https:// URL, e.g. http://127.0.0.1:8080'),
    });
    if (!url) return undefined;
    await config.update('restate.ingressUrl', url.trim(), vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
    return readSettings(uri).restateIngressUrl;
  }

  dispose(): void {
    for (const s of this.sessions.values()) s.poller.stop();
    this.sessions.clear();
    this.mapsSubscription?.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
