// Extension entry point on the desktop and remote (Node) extension hosts
// (package.json `main`, bundled to dist/extension.js): the language server
// runs in its own Node process and every command is there, publishing to
// Restate included. The activation itself is journeyDesigner.ts.
import { bundleEvaluated, startActivationClock } from './activationClock';
import type * as vscode from 'vscode';
import { activateJourneyDesigner, type JourneyDesignerApi } from './journeyDesigner';
import { registerImportHistoryCommand } from './importHistoryCommand';
import { registerPublishCommand } from './publishFromEditor';
import { registerRehearseCommand } from './rehearseCommand';

export type { JourneyDesignerApi } from './journeyDesigner';

export function activate(context: vscode.ExtensionContext): JourneyDesignerApi {
  const clock = startActivationClock();
  return activateJourneyDesigner(
    context,
    {
      startLanguageClient: async (ctx, log) => (await import('./languageClient')).startLanguageClient(ctx, log),
      registerPublishCommand,
      registerImportHistoryCommand,
      registerRehearseCommand,
      loadLiveStats: async () => ({ ...(await import('./restate/liveStatsPoller')), ...(await import('./restate/liveOverlay')) }),
    },
    clock,
  );
}

export function deactivate(): void {}

bundleEvaluated();
