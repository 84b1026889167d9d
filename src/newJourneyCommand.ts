// "Journey: New Journey…": pick a template (each seed scenario, or empty),
// name the journey, and it is written into the workspace and opened on the
// map. Arguments { template, uri, name } skip the prompts (tests, links).
import * as vscode from 'vscode';
import { emptyJourneyText, instantiateTemplate, journeyIdFromFileName } from './core/journeyTemplate';
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

async function templates(extensionUri: vscode.Uri): Promise<TemplatePick[]> {
  const samples = vscode.Uri.joinPath(extensionUri, 'samples');
  const entries = await vscode.workspace.fs.readDirectory(samples);
  const picks: TemplatePick[] = [];
  for (const [name] of entries.filter(([n, type]) => type === vscode.FileType.File && n.endsWith('.journey.json')).sort()) {
    const file = vscode.Uri.joinPath(samples, name);
    try {
      const journey = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as { name?: string; description?: string };
      picks.push({ label: journey.name ?? name, detail: journey.description, description: name.replace(/\.journey\.json$/, ''), file });
    } catch {
      // a sample that does not parse is not offered as a template
    }
  }
  return [{ label: 'Empty journey', description: 'empty', detail: 'One starting point and an end' }, ...picks];
}

export function registerNewJourneyCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('journeyDesigner.newJourney', async (args: NewJourneyArgs = {}) => {
      const all = await templates(context.extensionUri);
      const pick = args.template !== undefined ? all.find((t) => t.description === args.template) : await vscode.window.showQuickPick(all, { title: 'New journey from a template', matchOnDetail: true });
      if (!pick) {
        if (args.template !== undefined) void vscode.window.showErrorMessage(`No journey template named "${args.template}".`);
        return undefined;
      }
      const name = args.name ?? (await vscode.window.showInputBox({ title: 'Name of the new journey', value: pick.file ? `${pick.label} (copy)` : 'New journey', validateInput: (v) => (v.trim() ? undefined : 'A journey needs a name') }));
      if (!name) return undefined;
      let target = args.uri;
      if (!target) {
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
        target = await vscode.window.showSaveDialog({
          title: 'Save the new journey',
          defaultUri: folder ? vscode.Uri.joinPath(folder, `${journeyIdFromFileName(name)}.journey.json`) : undefined,
          filters: { Journeys: ['journey.json'] },
        });
      }
      if (!target) return undefined;
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
