// "Journey: Publish Journey" in the editor (R21, R22; the CLI's is
// src/cli/publishCommand.ts): saves the journey, runs the publish gate, and
// either lists every reason with its place (file:line:col, links in the
// "Journey Designer: Publish" output) or, once the person confirmed what
// will happen and every warning (a modal dialog), writes the compiled journey
// and its Restate service project next to the journey, marks the version
// published and frozen with one minimal edit (undoable), and offers to open
// the compiled journey or register the service with Restate.
//
// Registering is light: the gate, the compiler and the project generator
// load on first use (dynamic imports), so activation stays fast.
import type { RuntimeFiles } from './restate/runtimeBundleFile';
import * as vscode from 'vscode';
import { journeyToActOn } from './journeyPicker';
import { markWalkthroughStep } from './walkthroughProgress';
import { LineIndex } from './core/textPosition';
import type { PublishFs, PublishOutcome } from './restate/publishJourney';
import { PUBLISH_COMMAND } from './publishCommandId';
import { readSettings } from './settings';

/** vscode.workspace.fs rooted at a folder (works in virtual workspaces too). */
function workspacePublishFs(root: vscode.Uri): PublishFs {
  const at = (path: string) => vscode.Uri.joinPath(root, ...path.split('/').filter((p) => p !== '' && p !== '.'));
  return {
    async list(dir) {
      try {
        return (await vscode.workspace.fs.readDirectory(at(dir))).map(([name]) => name);
      } catch {
        return [];
      }
    },
    async read(path) {
      try {
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(at(path)));
      } catch {
        return undefined;
      }
    },
    async write(path, content) {
      await vscode.workspace.fs.writeFile(at(path), new TextEncoder().encode(content));
    },
  };
}

export interface PublishCommandResult {
  published: boolean;
  /** The person did not confirm publishing (R21). */
  cancelled?: boolean;
  outcome?: PublishOutcome;
  /** The reasons as printed: `path:line:col message [code]`. */
  reasons: string[];
}

export function registerPublishCommand(context: vscode.ExtensionContext): void {
  let output: vscode.OutputChannel | undefined;
  const channel = () => (output ??= vscode.window.createOutputChannel('Journey Designer: Publish'));
  context.subscriptions.push({ dispose: () => output?.dispose() });

  context.subscriptions.push(
    /**
     * `quiet`: no notifications. `confirmed`: the caller has already had the
     * person confirm (R21); without it a modal dialog says what publishing
     * will do and lists every warning, and only "Publish" goes on.
     */
    vscode.commands.registerCommand(PUBLISH_COMMAND, async (arg?: unknown, options?: { quiet?: boolean; confirmed?: boolean }): Promise<PublishCommandResult> => {
      if (!vscode.workspace.isTrusted) {
        void vscode.window.showErrorMessage('Publishing writes files and can register services with Restate: trust this workspace first.');
        return { published: false, reasons: [] };
      }
      const uri = await journeyToActOn(arg, 'publish');
      if (!uri) return { published: false, reasons: [] };
      const [{ publishJourney }, { RUNTIME_BUNDLE_FILE, RUNTIME_SOURCE_MAP_FILE, RUNTIME_DECLARATIONS_FILE }] = await Promise.all([import('./restate/publishJourney'), import('./restate/runtimeBundleFile')]);
      const document = await vscode.workspace.openTextDocument(uri);
      if (document.isDirty) await document.save();
      const text = document.getText();
      let runtime: RuntimeFiles | undefined;
      try {
        const read = async (file: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'dist', ...file.split('/'))));
        const [code, sourceMap, declarations] = await Promise.all([RUNTIME_BUNDLE_FILE, RUNTIME_SOURCE_MAP_FILE, RUNTIME_DECLARATIONS_FILE].map(read));
        runtime = { code: code!, sourceMap: sourceMap!, declarations: declarations! };
      } catch {
        runtime = undefined;
      }
      const settings = readSettings(uri);
      const now = new Date();
      const fs = workspacePublishFs(vscode.Uri.joinPath(uri, '..'));
      const request = { text, now, validation: { now, defaultPlan: settings.defaultPlan }, ...(runtime !== undefined ? { runtime } : {}) };
      const checked = await publishJourney(fs, { ...request, dryRun: true });
      if (checked.plan.ok && !checked.plan.alreadyPublished && !options?.confirmed) {
        const [{ publishConfirmation, confirmationText }, { validateJourneyText }] = await Promise.all([import('./core/publishConfirmation'), import('./core/validate')]);
        const confirmation = publishConfirmation(checked.plan.journey, checked.plan.version, validateJourneyText(text, request.validation).diagnostics, now, {
          output: vscode.workspace.asRelativePath(vscode.Uri.joinPath(uri, '..', ...(checked.outDir ?? '').split('/'))),
          service: runtime !== undefined,
        });
        const choice = await vscode.window.showWarningMessage(confirmation.question, { modal: true, detail: confirmationText(confirmation) }, 'Publish');
        if (choice !== 'Publish') return { published: false, cancelled: true, reasons: [] };
      }
      const outcome = checked.plan.ok ? await publishJourney(fs, request) : checked;
      const { plan } = outcome;
      const shownPath = vscode.workspace.asRelativePath(uri);
      const out = channel();
      if (!plan.ok) {
        const lines = new LineIndex(text);
        const corrupt = (outcome.corruptFiles ?? []).map((f) => {
          const { line, character } = new LineIndex(f.text).positionAt(f.offset);
          return `${vscode.workspace.asRelativePath(vscode.Uri.joinPath(uri, '..', ...f.path.split('/')))}:${line + 1}:${character + 1} ${f.message} [${f.code}]`;
        });
        const reasons = [
          ...corrupt,
          ...plan.reasons.map((r) => {
            const { line, character } = lines.positionAt(r.offset);
            return `${shownPath}:${line + 1}:${character + 1} ${r.message} [${r.code}]`;
          }),
        ];
        out.appendLine(`${new Date().toISOString()} Not published: ${reasons.length} reason${reasons.length === 1 ? '' : 's'}`);
        for (const line of reasons) out.appendLine(`  ${line}`);
        if (!options?.quiet) {
          const choice = await vscode.window.showErrorMessage(
            `Cannot publish "${plan.journey?.name ?? shownPath}": ${reasons.length} reason${reasons.length === 1 ? '' : 's'} (${[...new Set([...(corrupt.length ? ['compiled journey unreadable'] : []), ...plan.reasons.map((r) => r.rule)])].join(', ')}). ${reasons[0] ?? ''}`,
            'Show Reasons',
            'Show Problems',
          );
          if (choice === 'Show Reasons') out.show(true);
          else if (choice === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
        }
        return { published: false, outcome, reasons };
      }
      if (!plan.alreadyPublished && plan.edits.length > 0) {
        const edit = new vscode.WorkspaceEdit();
        for (const e of plan.edits) edit.replace(uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.content);
        await vscode.workspace.applyEdit(edit);
        await document.save();
      }
      const folder = vscode.Uri.joinPath(uri, '..');
      const irUri = vscode.Uri.joinPath(folder, ...outcome.irPath!.split('/'));
      out.appendLine(`${new Date().toISOString()} Published "${plan.journey.name}" version ${plan.version} (${plan.hash})`);
      out.appendLine(`  compiled journey: ${vscode.workspace.asRelativePath(irUri)}`);
      if (outcome.projectDir) out.appendLine(`  Restate service: ${vscode.workspace.asRelativePath(vscode.Uri.joinPath(folder, ...outcome.projectDir.split('/')))} (versions ${outcome.versions!.join(', ')})`);
      else out.appendLine(`  Restate service not generated: the runtime bundle (dist/${RUNTIME_BUNDLE_FILE}) is missing from the extension.`);
      if (!options?.quiet) void offerNextSteps(plan.journey.name, plan.version, irUri, outcome.projectDir ? vscode.Uri.joinPath(folder, ...outcome.projectDir.split('/')) : undefined, settings.restateAdminUrl, out);
      markWalkthroughStep('published');
      return { published: true, outcome, reasons: [] };
    }),
  );
}

async function offerNextSteps(name: string, version: number, irUri: vscode.Uri, projectUri: vscode.Uri | undefined, adminUrl: string, out: vscode.OutputChannel): Promise<void> {
  const { PROJECT_FOLDER } = await import('./restate/publishJourney');
  const actions = ['Open Compiled Journey', ...(projectUri ? ['Open Restate Project README', 'Register with Restate…'] : [])];
  const choice = await vscode.window.showInformationMessage(`Published "${name}" version ${version}: it is now frozen; the compiled journey and its Restate service (${PROJECT_FOLDER}) are next to it.`, ...actions);
  if (choice === 'Open Compiled Journey') await vscode.window.showTextDocument(irUri);
  else if (choice === 'Open Restate Project README' && projectUri) await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(projectUri, 'README.md'));
  else if (choice === 'Register with Restate…') {
    const service = await vscode.window.showInputBox({
      title: 'Register the journey service with Restate',
      prompt: `The URL restate-server reaches the running service at (in ${PROJECT_FOLDER}: npm install, npm run keys, start restate-server with the key as its README says, then npm start); admin API: ${adminUrl}`,
      value: 'http://127.0.0.1:9080',
      validateInput: (v) => (/^https?:\/\/\S+$/.test(v) ? undefined : 'An http(s) URL'),
    });
    if (!service) return;
    try {
      const { registerDeployment } = await import('./restate/adminClient');
      const deployment = await registerDeployment(adminUrl, service);
      out.appendLine(`  registered ${service} with ${adminUrl} as ${deployment.id}: ${deployment.services.map((s) => s.name).join(', ')}`);
      void vscode.window.showInformationMessage(`Registered with Restate: ${deployment.services.map((s) => s.name).join(', ')}`);
    } catch (error) {
      void vscode.window.showErrorMessage(`Registering with Restate failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
