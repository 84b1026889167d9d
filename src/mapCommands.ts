// The journey map's commands (command palette, editor title menu,
// keybindings): zoom, fit, export as SVG or PNG, edit a published version
// as a new version (R22), reset the pinned layout. Each acts on the map in
// the active editor tab.
import * as vscode from 'vscode';
import type { JourneyEditorProvider } from './journeyEditorProvider';
import type { MapCommand } from './webviewProtocol';

export const MAP_COMMANDS = {
  fitToView: 'journeyDesigner.map.fitToView',
  zoomIn: 'journeyDesigner.map.zoomIn',
  zoomOut: 'journeyDesigner.map.zoomOut',
  actualSize: 'journeyDesigner.map.actualSize',
  exportSvg: 'journeyDesigner.map.exportSvg',
  exportPng: 'journeyDesigner.map.exportPng',
  editAsNewVersion: 'journeyDesigner.map.editAsNewVersion',
  resetLayout: 'journeyDesigner.map.resetLayout',
} as const;

export function registerMapCommands(context: vscode.ExtensionContext, loadMaps: () => Promise<JourneyEditorProvider>): void {
  const withActiveMap = <T>(run: (session: NonNullable<ReturnType<JourneyEditorProvider['activeSession']>>, maps: JourneyEditorProvider) => T) => async () => {
    const maps = await loadMaps();
    const session = maps.activeSession();
    if (!session) {
      void vscode.window.showInformationMessage('Open a journey on the map first.');
      return undefined;
    }
    return run(session, maps);
  };
  const viewCommand = (command: MapCommand) => withActiveMap((s) => s.command(command));
  const operation = (op: Parameters<JourneyEditorProvider['applyOperation']>[1]) =>
    withActiveMap(async (s, maps) => {
      const result = await maps.applyOperation(s.document, op);
      if (!result.ok) void vscode.window.showWarningMessage(result.error);
      return result;
    });
  context.subscriptions.push(
    vscode.commands.registerCommand(MAP_COMMANDS.fitToView, viewCommand('fitToView')),
    vscode.commands.registerCommand(MAP_COMMANDS.zoomIn, viewCommand('zoomIn')),
    vscode.commands.registerCommand(MAP_COMMANDS.zoomOut, viewCommand('zoomOut')),
    vscode.commands.registerCommand(MAP_COMMANDS.actualSize, viewCommand('actualSize')),
    vscode.commands.registerCommand(MAP_COMMANDS.exportSvg, (target?: unknown) => withActiveMap((s, maps) => maps.exportMap(s, 'svg', target instanceof vscode.Uri ? target : undefined))()),
    vscode.commands.registerCommand(MAP_COMMANDS.exportPng, (target?: unknown) => withActiveMap((s, maps) => maps.exportMap(s, 'png', target instanceof vscode.Uri ? target : undefined))()),
    vscode.commands.registerCommand(MAP_COMMANDS.editAsNewVersion, operation({ op: 'editAsNewVersion' })),
    vscode.commands.registerCommand(MAP_COMMANDS.resetLayout, operation({ op: 'unpinPositions' })),
  );
}
