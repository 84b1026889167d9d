// Wires "Compare Journey With…" into the editor: registers
// journeyDesigner.compareJourneyWith `(current?: Uri, other?: Uri, options?)`
// and journeyDesigner.compare.selectContact, shows a comparison in the
// Journey Simulation panel and on the map of the current journey, and
// takes it off the map on Clear Simulation. The command itself
// (compareJourneyCommand.ts) and the core load on first use.
import * as vscode from 'vscode';
import type { CompareArgs, ComparisonSession } from './compareJourneyCommand';
import type { ContactQueuesView } from './contactQueuesView';
import type { SimulationOverlay } from './webviewProtocol';

export class ComparisonController implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private active: ComparisonSession | undefined;

  constructor(
    private readonly view: ContactQueuesView,
    private readonly showOnMap: (uri: vscode.Uri, overlay: SimulationOverlay | null) => void,
  ) {
    this.disposables.push(
      vscode.commands.registerCommand('journeyDesigner.compareJourneyWith', (current?: unknown, other?: unknown, args?: CompareArgs) => this.compare(current, other, args ?? {})),
      vscode.commands.registerCommand('journeyDesigner.compare.selectContact', (contact?: string) => this.selectContact(contact)),
    );
  }

  /** The comparison shown last (tests). */
  get current(): ComparisonSession | undefined {
    return this.active;
  }

  async compare(current: unknown, other: unknown, args: CompareArgs): Promise<ComparisonSession | undefined> {
    const { compareJourneyWith } = await import('./compareJourneyCommand');
    return compareJourneyWith(current, other, args, (session) => {
      this.active = session;
      void this.publish();
    });
  }

  private async selectContact(contact: string | undefined): Promise<void> {
    if (!this.active) return;
    this.active.selectedContact = this.active.selectedContact === contact ? undefined : contact;
    await this.publish();
  }

  /** The comparison is taken off the map (Clear Simulation, or a simulation shown instead). */
  clear(): void {
    if (this.active && this.view.shownComparison === this.active) this.showOnMap(this.active.currentUri, null);
    this.active = undefined;
  }

  private async publish(): Promise<void> {
    const session = this.active;
    if (!session) return;
    const { comparisonOverlay } = await import('./compareJourneyCommand');
    this.view.showComparison(session);
    this.showOnMap(session.currentUri, comparisonOverlay(session));
    await vscode.commands.executeCommand('journeyDesigner.simulation.focus');
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
