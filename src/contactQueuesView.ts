// The "Journey Simulation" view: the current instant with the journey's
// stats, every journey point with its contact queue (who waits there now,
// like Mailchimp's "View Contact Queue") and counters, and every contact
// with its place and its trace. Selecting a contact highlights its path.
// After "Compare Journey With…" it lists instead the contacts whose outcome
// changed between the two versions, each with both paths. With the live view
// of a published journey ("Journey: Show Live Stats") it lists the running
// service's numbers per point and, under a point, the contacts waiting there
// now, read live (liveViewController.ts).
import * as vscode from 'vscode';
import type { ComparisonSession } from './compareJourneyCommand';
import type { PathStep } from './core/compare/contactPaths';
import { formatInstantShort } from './core/simulationView';
import { POINT_TYPE_LABELS } from './core/pointSummary';
import type { TraceEntry } from './core/simulator/types';
import type { SimulationSession } from './simulationSession';
import type { QueueEntry } from './restate/runtime/statsDelta';
import type { PointStats } from './webviewProtocol';

/** What the view shows of a live view (liveViewController.ts). */
export interface LiveQueues {
  journeyName: string;
  points: readonly { id: string; title?: string | undefined; type: string }[];
  /** "Live · v1 · updated hh:mm:ss · …", as on the map. */
  label(): string;
  /** Why the last reading failed, if it did. */
  error(): string | undefined;
  pointStats(id: string): PointStats | undefined;
  /** The contacts waiting at the point by the last reading; undefined until its queue has been read. */
  queue(id: string): readonly QueueEntry[] | undefined;
  /** Reads the point's queue from now on (its row was opened). */
  watch(id: string): void;
}

type Node =
  | { kind: 'time' }
  | { kind: 'point'; id: string }
  | { kind: 'queued'; contact: string; point: string }
  | { kind: 'contacts' }
  | { kind: 'contact'; contact: string }
  | { kind: 'trace'; entry: TraceEntry }
  | { kind: 'compareSummary' }
  | { kind: 'changedContact'; contact: string }
  | { kind: 'version'; contact: string; which: 'a' | 'b' }
  | { kind: 'step'; step: PathStep }
  | { kind: 'liveTime' }
  | { kind: 'liveQueued'; entry: QueueEntry; point: string }
  | { kind: 'liveReading'; point: string };

/** Changed contacts listed in the panel at most (the map label counts them all). */
const LISTED_CHANGES = 1000;

const POINT_ICONS: Record<string, string> = {
  sendEmail: 'mail', sendSms: 'comment', addTag: 'tag', removeTag: 'tag', updateField: 'edit', subscribeList: 'checklist', unsubscribeList: 'circle-slash',
  webhook: 'globe', exit: 'sign-out', ifElse: 'git-compare', wait: 'clock', waitUntil: 'calendar', waitForEvent: 'watch', split: 'split-horizontal', end: 'pass',
};

export class ContactQueuesView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private session: SimulationSession | undefined;
  private comparison: ComparisonSession | undefined;
  private live: LiveQueues | undefined;
  readonly view: vscode.TreeView<Node>;

  /** The point rows of the session shown, the same objects each time (so a row can be revealed). */
  private pointRows = new Map<string, Node>();

  constructor() {
    this.view = vscode.window.createTreeView('journeyDesigner.simulation', { treeDataProvider: this, showCollapseAll: true });
  }

  /** "View Contact Queue": shows the view with the row of point `id` selected and its queue open. */
  async revealQueue(id: string): Promise<boolean> {
    const row = this.pointRows.get(id);
    if (!row) return false;
    await this.view.reveal(row, { select: true, focus: true, expand: true });
    return true;
  }

  getParent(node: Node): Node | undefined {
    if (node.kind === 'queued' || node.kind === 'liveQueued' || node.kind === 'liveReading') return this.pointRows.get(node.point);
    return undefined;
  }

  show(session: SimulationSession | undefined): void {
    if (session !== this.session) this.pointRows = new Map((session?.journey.points ?? []).map((p) => [p.id, { kind: 'point', id: p.id } as Node]));
    this.session = session;
    this.comparison = undefined;
    this.live = undefined;
    void vscode.commands.executeCommand('setContext', 'journeyDesigner.simulationActive', session !== undefined);
    this.view.description = session ? `${session.journey.name} · ${session.timelineLabel}` : undefined;
    this.view.message = session ? undefined : 'Run "Journey: Simulate Journey" on a journey to see who waits where.';
    this.changed.fire(undefined);
  }

  /** Shows a comparison of two versions instead of a simulation. */
  showComparison(comparison: ComparisonSession): void {
    this.session = undefined;
    this.live = undefined;
    this.comparison = comparison;
    void vscode.commands.executeCommand('setContext', 'journeyDesigner.simulationActive', true);
    this.view.description = `${comparison.b.name} compared with ${comparison.aLabel} · ${comparison.timelineLabel}`;
    this.view.message = undefined;
    this.changed.fire(undefined);
  }

  /** Shows the live view of a published journey instead of a simulation. */
  showLive(live: LiveQueues): void {
    if (live !== this.live) this.pointRows = new Map(live.points.map((p) => [p.id, { kind: 'point', id: p.id } as Node]));
    this.session = undefined;
    this.comparison = undefined;
    this.live = live;
    void vscode.commands.executeCommand('setContext', 'journeyDesigner.simulationActive', false);
    this.view.description = `${live.journeyName} · live`;
    this.view.message = undefined;
    this.changed.fire(undefined);
  }

  /** The live view shown, if any. */
  get shownLive(): LiveQueues | undefined {
    return this.live;
  }

  /** The comparison shown, if any (tests). */
  get shownComparison(): ComparisonSession | undefined {
    return this.comparison;
  }

  private comparisonItem(node: Node, c: ComparisonSession): vscode.TreeItem {
    const result = c.comparison;
    switch (node.kind) {
      case 'compareSummary': {
        const item = new vscode.TreeItem(`${result.changedContacts.length} contact${result.changedContacts.length === 1 ? '' : 's'} changed: ${result.pathChanged} took another path`);
        item.description = `A: ${c.aLabel} · B: this version · started ${result.statsA.started} → ${result.statsB.started} · completed ${result.statsA.completed} → ${result.statsB.completed}`;
        item.iconPath = new vscode.ThemeIcon(result.equal ? 'pass' : 'git-compare');
        return item;
      }
      case 'changedContact': {
        const change = result.changedContacts.find((x) => x.contact === node.contact)!;
        const item = new vscode.TreeItem(node.contact, vscode.TreeItemCollapsibleState.Collapsed);
        const parts = [change.pathChanged ? `path changed at ${change.firstDivergence.b?.point ?? change.firstDivergence.a?.point ?? 'its end'}` : 'timing changed'];
        if (change.onlyInA.length) parts.push(`A only: ${change.onlyInA.join(', ')}`);
        if (change.onlyInB.length) parts.push(`B only: ${change.onlyInB.join(', ')}`);
        item.description = parts.join(' · ');
        item.iconPath = new vscode.ThemeIcon(c.selectedContact === node.contact ? 'person-filled' : 'person');
        item.command = { command: 'journeyDesigner.compare.selectContact', title: 'Show Both Paths', arguments: [node.contact] };
        item.contextValue = 'journeyChangedContact';
        return item;
      }
      case 'version': {
        const item = new vscode.TreeItem(node.which === 'a' ? `A: ${c.aLabel}` : 'B: this version', vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon(node.which === 'a' ? 'history' : 'edit');
        return item;
      }
      case 'step': {
        const e = node.step;
        const item = new vscode.TreeItem(`${formatInstantShort(e.at)}  ${e.kind} ${e.point}`);
        item.description = [e.branch && `→ ${e.branch}`, e.kind === 'arrive' ? undefined : e.outcome, e.reason && `(${e.reason})`].filter(Boolean).join(' ');
        item.iconPath = new vscode.ThemeIcon(e.kind === 'suppressed' ? 'circle-slash' : e.kind === 'exit' ? 'sign-out' : e.kind === 'complete' ? 'pass' : e.kind === 'send' ? 'mail' : 'arrow-small-right');
        return item;
      }
      default:
        return new vscode.TreeItem('');
    }
  }

  private liveItem(node: Node, live: LiveQueues): vscode.TreeItem {
    switch (node.kind) {
      case 'liveTime': {
        const error = live.error();
        const item = new vscode.TreeItem(live.label());
        item.description = error;
        item.tooltip = error ?? 'Read from the running journey service every few seconds while its map is visible.';
        item.iconPath = new vscode.ThemeIcon(error ? 'warning' : 'pulse');
        return item;
      }
      case 'point': {
        const point = live.points.find((p) => p.id === node.id)!;
        const c = live.pointStats(node.id);
        const item = new vscode.TreeItem(point.title ?? point.id, c?.queued ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        const parts = [`${c?.queued ?? 0} waiting`, `${c?.entered ?? 0} entered`];
        if (point.type === 'sendEmail' || point.type === 'sendSms') parts.push(`${c?.sent ?? 0} sent`, `${c?.suppressed ?? 0} suppressed`);
        item.description = parts.join(' · ');
        item.accessibilityInformation = { label: `${point.title ?? point.id}: ${parts.join(', ')}` };
        item.tooltip = `${POINT_TYPE_LABELS[point.type as keyof typeof POINT_TYPE_LABELS] ?? point.type} (${point.id})`;
        item.iconPath = new vscode.ThemeIcon(POINT_ICONS[point.type] ?? 'circle-outline');
        item.contextValue = 'journeyPoint';
        return item;
      }
      case 'liveQueued': {
        const item = new vscode.TreeItem(node.entry.contact);
        item.description = `waiting since ${formatInstantShort(node.entry.at)}`;
        item.tooltip = `${node.entry.contact}: waiting at ${node.point} since ${new Date(node.entry.at).toISOString()} (journey time)`;
        item.iconPath = new vscode.ThemeIcon('person');
        return item;
      }
      case 'liveReading':
        return Object.assign(new vscode.TreeItem('Reading the live queue…'), { iconPath: new vscode.ThemeIcon('loading~spin') });
      default:
        return new vscode.TreeItem('');
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (this.comparison) return this.comparisonItem(node, this.comparison);
    if (this.live) return this.liveItem(node, this.live);
    const s = this.session!;
    switch (node.kind) {
      case 'time': {
        const item = new vscode.TreeItem(s.describeTime());
        const st = s.snapshot.stats;
        item.description = `${st.started} started · ${st.inProgress} in progress · ${st.completed} completed · ${st.exited} exited`;
        item.accessibilityInformation = { label: `${s.describeTime()}: ${st.started} started, ${st.inProgress} in progress, ${st.completed} completed, ${st.exited} exited` };
        item.iconPath = new vscode.ThemeIcon('history');
        item.command = { command: 'journeyDesigner.simulation.goToTime', title: 'Go to Time…' };
        item.tooltip = 'Click to pick another instant; use the arrows in the view title to step.';
        return item;
      }
      case 'point': {
        const point = s.journey.points.find((p) => p.id === node.id)!;
        const c = s.snapshot.points[node.id];
        const item = new vscode.TreeItem(point.title ?? point.id, c && c.queued > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
        const parts = [`${c?.queued ?? 0} waiting`, `${c?.entered ?? 0} entered`];
        if (point.type === 'sendEmail' || point.type === 'sendSms') parts.push(`${c?.sent ?? 0} sent`, `${c?.suppressed ?? 0} suppressed`);
        const exited = s.exitsAt(node.id);
        if (exited) parts.push(`${exited} exited`);
        item.description = parts.join(' · ');
        // Read with its counts (a screen reader announces the label, not the description).
        item.accessibilityInformation = { label: `${point.title ?? point.id}: ${parts.join(', ')}` };
        item.tooltip = `${POINT_TYPE_LABELS[point.type]} (${point.id})${c?.suppressed ? `\nSuppressed: ${Object.entries(c.suppressedBy).map(([r, n]) => `${r} ${n}`).join(', ')}` : ''}`;
        item.iconPath = new vscode.ThemeIcon(POINT_ICONS[point.type] ?? 'circle-outline');
        item.contextValue = 'journeyPoint';
        return item;
      }
      case 'queued': {
        const item = new vscode.TreeItem(s.labelOf(node.contact));
        item.tooltip = node.contact;
        item.iconPath = new vscode.ThemeIcon(s.selectedContact === node.contact ? 'person-filled' : 'person');
        item.command = { command: 'journeyDesigner.simulation.selectContact', title: 'Highlight Path', arguments: [node.contact] };
        return item;
      }
      case 'contacts':
        return Object.assign(new vscode.TreeItem('Contacts', vscode.TreeItemCollapsibleState.Collapsed), { iconPath: new vscode.ThemeIcon('organization'), description: `${s.timeline.contacts.length}` });
      case 'contact': {
        const place = s.contacts().find((p) => p.contact === node.contact);
        const item = new vscode.TreeItem(s.labelOf(node.contact), vscode.TreeItemCollapsibleState.Collapsed);
        const title = (id: string) => s.journey.points.find((p) => p.id === id)?.title ?? id;
        item.description = place ? (place.point ? `${place.place} at ${title(place.point)}` : place.place.replace('notEntered', 'not entered')) : '';
        item.tooltip = node.contact;
        item.iconPath = new vscode.ThemeIcon(s.selectedContact === node.contact ? 'person-filled' : 'person');
        item.command = { command: 'journeyDesigner.simulation.selectContact', title: 'Highlight Path', arguments: [node.contact] };
        item.contextValue = 'journeyContact';
        return item;
      }
      case 'trace': {
        const e = node.entry;
        const item = new vscode.TreeItem(`${formatInstantShort(e.at)}  ${e.kind} ${e.point}`);
        item.description = [e.branch && `→ ${e.branch}`, e.outcome, e.reason && `(${e.reason})`].filter(Boolean).join(' ');
        item.iconPath = new vscode.ThemeIcon(e.kind === 'suppressed' ? 'circle-slash' : e.kind === 'exit' ? 'sign-out' : e.kind === 'complete' ? 'pass' : e.kind === 'send' ? 'mail' : 'arrow-small-right');
        return item;
      }
      default:
        return new vscode.TreeItem('');
    }
  }

  getChildren(node?: Node): Node[] {
    const c = this.comparison;
    if (c) {
      if (!node) return [{ kind: 'compareSummary' }, ...c.comparison.changedContacts.slice(0, LISTED_CHANGES).map((x): Node => ({ kind: 'changedContact', contact: x.contact }))];
      if (node.kind === 'changedContact') return [{ kind: 'version', contact: node.contact, which: 'a' }, { kind: 'version', contact: node.contact, which: 'b' }];
      if (node.kind === 'version') return (c.comparison.changedContacts.find((x) => x.contact === node.contact)?.paths?.[node.which] ?? []).map((step): Node => ({ kind: 'step', step }));
      return [];
    }
    const live = this.live;
    if (live) {
      if (!node) return [{ kind: 'liveTime' }, ...live.points.map((p): Node => this.pointRows.get(p.id) ?? { kind: 'point', id: p.id })];
      if (node.kind !== 'point') return [];
      const queue = live.queue(node.id);
      if (!queue) {
        live.watch(node.id);
        return [{ kind: 'liveReading', point: node.id }];
      }
      return queue.map((entry): Node => ({ kind: 'liveQueued', entry, point: node.id }));
    }
    const s = this.session;
    if (!s) return [];
    if (!node) return [{ kind: 'time' }, ...s.journey.points.map((p): Node => this.pointRows.get(p.id) ?? { kind: 'point', id: p.id }), { kind: 'contacts' }];
    if (node.kind === 'point') return (s.snapshot.queues[node.id] ?? []).map((contact): Node => ({ kind: 'queued', contact, point: node.id }));
    if (node.kind === 'contacts') return s.timeline.contacts.map((c): Node => ({ kind: 'contact', contact: c.id }));
    if (node.kind === 'contact') return s.snapshot.trace.filter((e) => e.contact === node.contact).map((entry): Node => ({ kind: 'trace', entry }));
    return [];
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.view.dispose();
    this.changed.dispose();
  }
}
