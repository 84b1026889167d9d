// "Journey: New Journey…": pick one of the product's templates (or empty),
// name the journey, and it is written into the workspace and opened on the
// map. Arguments { template, uri, name } skip the prompts (tests, links).
// Works in VS Code for the Web too: templates are read by name from the
// extension (a folder served over http(s) cannot be listed).
import * as vscode from 'vscode';
import { emptyJourneyText, instantiateTemplate, JOURNEY_TEMPLATES, journeyFileName, journeyIdFromFileName, withJourneyExtension } from './core/journeyTemplate';
import { VIEW_TYPE } from './journeyMapViewType';
import { readSettings } from './settings';

interface NewJourneyArgs {
  template?: string;
  uri?: vscode.Uri;
  name?: string;
}

interface TemplatePick extends vscode.QuickPickItem {
  file?: vscode.Uri;
}

function templates(extensionUri: vscode.Uri): TemplatePick[] {
  return [
    { label: 'Empty journey', description: 'empty', detail: 'One starting point and an end, to build on the map' },
    ...JOURNEY_TEMPLATES.map((t) => ({ label: t.label, description: t.key, detail: t.detail, file: vscode.Uri.joinPath(extensionUri, 'samples', `${t.key}.journey.json`) })),
  ];
}

/** Where the new journey goes: the file a save dialog gave, with exactly one `.journey.json` ending. */
function journeyTarget(uri: vscode.Uri): vscode.Uri {
  return uri.with({ path: withJourneyExtension(uri.path) });
}

export function registerNewJourneyCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('journeyDesigner.newJourney', async (args: NewJourneyArgs = {}) => {
      const all = templates(context.extensionUri);
      const pick = args.template !== undefined ? all.find((t) => t.description === args.template) : await vscode.window.showQuickPick(all, { title: 'New journey from a template', matchOnDescription: true, matchOnDetail: true, ignoreFocusOut: true });
      if (!pick) {
        if (args.template !== undefined) void vscode.window.showErrorMessage(`No journey template named "${args.template}".`);
        return undefined;
      }
      // ignoreFocusOut: from the walkthrough, the Welcome page takes the focus back a moment after its button opened the pick, which would close it.
      const name = args.name ?? (await vscode.window.showInputBox({ ignoreFocusOut: true, title: 'Name of the new journey', value: pick.file ? `${pick.label} (copy)` : 'New journey', validateInput: (v) => (v.trim() ? undefined : 'A journey needs a name') }));
      if (!name) return undefined;
      let target = args.uri;
      if (!target) {
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
        target = await vscode.window.showSaveDialog({
          title: 'Save the new journey',
          defaultUri: folder ? vscode.Uri.joinPath(folder, journeyFileName(name)) : undefined,
          filters: { Journeys: ['json'] },
        });
      }
      if (!target) return undefined;
      target = journeyTarget(target);
      const values = { id: journeyIdFromFileName(target.path), name };
      const text = pick.file
        ? instantiateTemplate(new TextDecoder().decode(await vscode.workspace.fs.readFile(pick.file)), values)
        : emptyJourneyText({ ...values, timeZone: readSettings(target).defaultTimeZone });
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
      await vscode.commands.executeCommand('vscode.openWith', target, VIEW_TYPE);
      return target;
    }),
  );
}
