// The Getting Started walkthrough's steps are ticked by these context keys
// (package.json `completionEvents: onContext:…`), each set only when its
// action really happened: a journey shown on the map, a simulation that ran,
// a journey that was published. A command that was merely invoked (and
// perhaps failed) ticks nothing.
//
// When the keys are set matters. VS Code's Getting Started service is made
// the first time the Welcome page opens in a window; a key that is already
// true then counts as seen without ticking its step, and a step is ticked
// only when its key *changes* to true afterwards. So a journey opened on the
// map before the Welcome page was ever shown would never tick "Open a
// journey on the map". The keys are therefore set only once a Welcome tab
// has been seen in this window: a step done before is remembered and its key
// set when the Welcome page first shows.
import * as vscode from 'vscode';

export type WalkthroughStep = 'mapOpened' | 'simulated' | 'published';

/** How long after the Welcome tab shows the keys of earlier steps are set (the page registers the walkthroughs as it opens). */
export const AFTER_WELCOME_SHOWN_MS = 500;

const done = new Set<WalkthroughStep>();
let welcomeSeen = false;

const setKey = (step: WalkthroughStep) => void vscode.commands.executeCommand('setContext', `journeyDesigner.walkthrough.${step}`, true);

/** The Welcome page's tab (or a walkthrough's): an editor of the workbench's own, without a TabInput the API knows. */
function isWelcomeTab(tab: vscode.Tab): boolean {
  return tab.input === undefined && /^(Welcome|Walkthrough)\b/i.test(tab.label);
}

function welcomeShown(): void {
  if (welcomeSeen) return;
  welcomeSeen = true;
  setTimeout(() => done.forEach(setKey), AFTER_WELCOME_SHOWN_MS);
}

/** Watches for the Welcome page (see the header); call once at activation. */
export function watchWelcomePage(): vscode.Disposable {
  const check = () => {
    if (vscode.window.tabGroups.all.some((g) => g.tabs.some(isWelcomeTab))) welcomeShown();
  };
  check();
  return vscode.window.tabGroups.onDidChangeTabs(check);
}

export function markWalkthroughStep(step: WalkthroughStep): void {
  done.add(step);
  if (welcomeSeen) setKey(step);
}
