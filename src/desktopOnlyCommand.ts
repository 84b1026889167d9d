// Commands that need Node (a file system, processes, a local Restate) in an
// extension host that has none, VS Code for the Web's web worker: the
// command stays registered, so a walkthrough link or a keybinding still
// answers, with a message that names what is missing. package.json hides such
// commands from the Command Palette with WEB_EXTENSION_HOST_CONTEXT.
import * as vscode from 'vscode';

/** Context key set (true) by the web extension, for `when` clauses of Node-only commands. */
export const WEB_EXTENSION_HOST_CONTEXT = 'journeyDesigner.webExtensionHost';

/** The message shown when a Node-only `feature` is asked for in the web extension host. */
export function desktopOnlyMessage(feature: string): string {
  return `${feature} needs the desktop or a remote extension host: it is not available in VS Code for the Web. Open this folder in VS Code on the desktop, or in a remote (SSH, container, Codespaces) window, to use it.`;
}

export function registerDesktopOnlyCommand(context: vscode.ExtensionContext, command: string, feature: string): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(command, async () => {
      const message = desktopOnlyMessage(feature);
      void vscode.window.showInformationMessage(message);
      return { desktopOnly: true, message };
    }),
  );
}
