// The status bar item of the active journey: its errors and warnings, and
// the last simulation's stats once one ran; a click opens the Problems view.
import * as vscode from 'vscode';
import { activeJourneyUri } from './journeyPicker';

export interface SimulationStatus {
  started: number;
  inProgress: number;
  completed: number;
  exited: number;
}

export class JourneyStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('journeyDesigner.status', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly simulations = new Map<string, SimulationStatus>();

  constructor() {
    this.item.name = 'Journey';
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions.push(
      vscode.window.tabGroups.onDidChangeTabs(() => this.refresh()),
      vscode.window.tabGroups.onDidChangeTabGroups(() => this.refresh()),
      vscode.languages.onDidChangeDiagnostics(() => this.refresh()),
    );
    this.refresh();
  }

  /** Records the stats of the last simulation of `uri`, shown while it is active. */
  setSimulation(uri: vscode.Uri, stats: SimulationStatus): void {
    this.simulations.set(uri.toString(), stats);
    this.refresh();
  }

  /** Forgets the simulation of `uri` (Clear Simulation): only its problems are shown again. */
  clearSimulation(uri: vscode.Uri): void {
    this.simulations.delete(uri.toString());
    this.refresh();
  }

  /** The active journey's URI, whether shown on the map or as text. */
  activeJourney(): vscode.Uri | undefined {
    return activeJourneyUri();
  }

  /** The text shown, for tests. */
  get text(): string {
    return this.item.text;
  }

  private refresh(): void {
    const uri = this.activeJourney();
    if (!uri) {
      this.item.hide();
      return;
    }
    const diagnostics = vscode.languages.getDiagnostics(uri);
    const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    const sim = this.simulations.get(uri.toString());
    const simText = sim ? `  $(play) ${sim.started} started · ${sim.inProgress} in progress · ${sim.completed} completed · ${sim.exited} exited` : '';
    this.item.text = `$(type-hierarchy) Journey $(error) ${errors} $(warning) ${warnings}${simText}`;
    this.item.tooltip = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${sim ? '; last simulation shown' : ''}. Click to open Problems.`;
    this.item.backgroundColor = errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.item.dispose();
  }
}
