// "Journey: Rehearse Against Running Service…" (journeyDesigner.rehearse,
// arguments `(journey?: Uri, options?: { timeline?: Uri; ingressUrl?: string;
// dayMs?: number })`, desktop and remote extension hosts; in VS Code for the
// Web it says it needs one): the editor's `journey rehearse`. Picks the
// journey and a timeline like Simulate Journey, then replays the timeline
// live through the journey's running Restate service (the ingress of the
// `journeyDesigner.restate.ingressUrl` setting) and compares it with the
// simulator (src/restate/rehearsal.ts), with a cancellable progress
// notification. The report, every differing contact with its differences,
// goes to the "Journey Rehearsal" output channel, which is shown; a
// notification says whether the service matched.
import * as vscode from 'vscode';
import { journeyToActOn } from './journeyPicker';
import { readSettings } from './settings';
import { readText, type TimelinePick, timelineOrMessage, timelinePicks } from './simulationController';
import type { RehearsalReport } from './restate/rehearsal';

export const REHEARSE_COMMAND = 'journeyDesigner.rehearse';

export interface RehearseArgs {
  timeline?: vscode.Uri;
  ingressUrl?: string;
  dayMs?: number;
}

export type RehearseResult = { report: RehearsalReport; lines: string[] } | { error: string } | undefined;

let channel: vscode.OutputChannel | undefined;

function output(): vscode.OutputChannel {
  return (channel ??= vscode.window.createOutputChannel('Journey Rehearsal'));
}

export function registerRehearseCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(REHEARSE_COMMAND, (journey?: unknown, args?: RehearseArgs) => rehearseJourney(journey, args ?? {})),
    { dispose: () => channel?.dispose() },
  );
}

async function rehearseJourney(journeyArg: unknown, args: RehearseArgs): Promise<RehearseResult> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('Rehearsing a journey sends events to a running service, which needs a trusted workspace (Restricted Mode is on).');
    return undefined;
  }
  const journeyUri = await journeyToActOn(journeyArg, 'rehearse');
  if (!journeyUri) return undefined;
  const where = vscode.workspace.asRelativePath(journeyUri);
  const { validateJourneyText } = await import('./core/validate');
  const validation = validateJourneyText(await readText(journeyUri));
  const errors = validation.diagnostics.filter((d) => d.severity === 'error');
  const journey = errors.length === 0 ? validation.journey : undefined;
  if (!journey) {
    const error = `${where} has ${errors.length || 1} error${errors.length === 1 ? '' : 's'} (${errors[0]?.message ?? 'not a journey'}); fix ${errors.length === 1 ? 'it' : 'them'} before rehearsing.`;
    void vscode.window.showErrorMessage(error);
    return { error };
  }
  let timelineUri = args.timeline;
  if (!timelineUri) {
    const picks = (await timelinePicks(journeyUri)).filter((p): p is TimelinePick & { uri: vscode.Uri } => p.uri !== undefined);
    timelineUri = (await vscode.window.showQuickPick(picks, { title: `Rehearse ${journey.name}: pick the contact timeline to replay through the running service` }))?.uri;
  }
  if (!timelineUri) return undefined;
  const timeline = await timelineOrMessage(timelineUri, await readText(timelineUri));
  if (!timeline) return undefined;
  const ingressUrl = args.ingressUrl ?? readSettings(journeyUri).restateIngressUrl;
  const { rehearse, formatRehearsal, RehearsalError } = await import('./restate/rehearsal');
  const out = output();

  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Rehearsing ${journey.name} at ${ingressUrl}`, cancellable: true },
    async (progress, token): Promise<RehearseResult> => {
      const controller = new AbortController();
      const cancelled = token.onCancellationRequested(() => controller.abort());
      let done = 0;
      try {
        const report = await rehearse({
          journey,
          timeline,
          ingressUrl,
          signal: controller.signal,
          ...(args.dayMs !== undefined ? { dayMs: args.dayMs } : {}),
          progress: (message, fraction) => {
            const increment = fraction !== undefined ? Math.max(0, fraction * 100 - done) : undefined;
            if (increment !== undefined) done += increment;
            progress.report({ message, ...(increment !== undefined ? { increment } : {}) });
          },
        });
        const lines = formatRehearsal(report);
        out.appendLine(`${new Date().toISOString()} ${where} on ${vscode.workspace.asRelativePath(timelineUri)}`);
        for (const line of lines) out.appendLine(line);
        out.appendLine('');
        out.show(true);
        const verdict = lines[lines.length - 1]!;
        if (report.equal) void vscode.window.showInformationMessage(verdict);
        else void vscode.window.showWarningMessage(`${verdict} See the Journey Rehearsal output.`);
        return { report, lines };
      } catch (error) {
        const message = controller.signal.aborted
          ? 'The rehearsal was cancelled; the events sent so far stay with the service.'
          : error instanceof RehearsalError
            ? error.message
            : `The rehearsal failed: ${error instanceof Error ? error.message : String(error)}`;
        out.appendLine(`${new Date().toISOString()} ${where}: ${message}`);
        void vscode.window.showErrorMessage(message);
        return { error: message };
      } finally {
        cancelled.dispose();
      }
    },
  );
}
