// The Getting Started walkthrough's steps are ticked by these context keys
// (package.json `completionEvents: onContext:…`), each set only when its
// action really happened: a journey shown on the map, a simulation that ran,
// a journey that was published. A command that was merely invoked (and
// perhaps failed) ticks nothing.
import * as vscode from 'vscode';

export type WalkthroughStep = 'mapOpened' | 'simulated' | 'published';

export function markWalkthroughStep(step: WalkthroughStep): void {
  void vscode.commands.executeCommand('setContext', `journeyDesigner.walkthrough.${step}`, true);
}
