// Extension entry point in VS Code for the Web, where the extension host is
// a browser web worker (package.json `browser`, bundled to
// dist/web/extension.js): the language server runs in a nested web worker,
// and the commands that need Node (publishing to Restate) say that they need
// the desktop or a remote extension host. Everything else, the map, the
// validation, the simulator and the scenario tests, is the same pure code as
// on the desktop. The activation itself is journeyDesigner.ts.
import { bundleEvaluated, startActivationClock } from './activationClock';
import * as vscode from 'vscode';
import { registerDesktopOnlyCommand, WEB_EXTENSION_HOST_CONTEXT } from './desktopOnlyCommand';
import { activateJourneyDesigner, type JourneyDesignerApi } from './journeyDesigner';
import { PUBLISH_COMMAND } from './publishCommandId';

export type { JourneyDesignerApi } from './journeyDesigner';

export function activate(context: vscode.ExtensionContext): JourneyDesignerApi {
  const clock = startActivationClock();
  void vscode.commands.executeCommand('setContext', WEB_EXTENSION_HOST_CONTEXT, true);
  return activateJourneyDesigner(
    context,
    {
      startLanguageClient: async (ctx, log) => (await import('./languageClient.web')).startLanguageClient(ctx, log),
      registerPublishCommand: (ctx) => registerDesktopOnlyCommand(ctx, PUBLISH_COMMAND, 'Publishing a journey to Restate'),
      registerImportHistoryCommand: (ctx) => registerDesktopOnlyCommand(ctx, 'journeyDesigner.importHistory', 'Importing event history'),
      registerRehearseCommand: (ctx) => registerDesktopOnlyCommand(ctx, 'journeyDesigner.rehearse', 'Rehearsing a journey against its running service'),
    },
    clock,
  );
}

export function deactivate(): void {}

bundleEvaluated();
