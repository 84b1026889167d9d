// What the extension needs from the extension host it runs on, given by the
// entry module of each host: extension.ts (desktop and remote, Node) and
// extension.web.ts (VS Code for the Web, a browser web worker).
import type * as vscode from 'vscode';
import type { liveOverlay } from './restate/liveOverlay';
import type { LiveStatsPoller } from './restate/liveStatsPoller';

/** What the live view needs to read a running journey service (liveViewController.ts). */
export interface LiveStatsModule {
  LiveStatsPoller: typeof LiveStatsPoller;
  liveOverlay: typeof liveOverlay;
}

export interface ExtensionHost {
  /** Starts the language server and its client (a Node process over IPC, or a web worker); resolves once it is up. */
  startLanguageClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Promise<unknown>;
  /** Registers "Journey: Publish Journey" (or, where it cannot run, a command that says so). */
  registerPublishCommand(context: vscode.ExtensionContext): void;
  /** Registers "Journey: Import Event History…" (or, where it cannot run, a command that says so). */
  registerImportHistoryCommand?(context: vscode.ExtensionContext): void;
  /** Registers "Journey: Rehearse Against Running Service…" (or, where it cannot run, a command that says so). */
  registerRehearseCommand?(context: vscode.ExtensionContext): void;
  /** Loads the live stats reader of published journeys (desktop and remote hosts; absent where the live view cannot run). */
  loadLiveStats?(): Promise<LiveStatsModule>;
}
