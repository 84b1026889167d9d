// "Journey: Import Event History…" (journeyDesigner.importHistory, desktop
// and remote extension hosts; in VS Code for the Web it says it needs one):
// the editor's `journey import`. Picks the export (Segment Spec NDJSON, or
// CSV by its extension), its mapping file and where to write the
// `.timeline.ndjson`, then streams it (src/cli/importTimeline.ts) with a
// cancellable progress notification, and reports the contacts and events
// written, the event names no template maps (with counts) and the bad rows
// (with their lines). Bad rows stop the import unless the person chooses to
// skip them. Arguments `{ input, mapping, output, skipBadRows }` skip the
// dialogs (tests, links).
import * as vscode from 'vscode';

export const IMPORT_HISTORY_COMMAND = 'journeyDesigner.importHistory';

export interface ImportHistoryArgs {
  input?: vscode.Uri;
  mapping?: vscode.Uri;
  output?: vscode.Uri;
  skipBadRows?: boolean;
}

export interface ImportHistoryResult {
  output?: vscode.Uri;
  contacts: number;
  events: number;
  unmapped: Record<string, number>;
  badRows: { line: number; message: string }[];
  written: boolean;
}

async function pick(title: string, filters: Record<string, string[]>): Promise<vscode.Uri | undefined> {
  return (await vscode.window.showOpenDialog({ title, canSelectMany: false, filters }))?.[0];
}

export function registerImportHistoryCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(IMPORT_HISTORY_COMMAND, async (args: ImportHistoryArgs = {}): Promise<ImportHistoryResult | undefined> => {
      if (!vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage('Importing event history writes files, which needs a trusted workspace (Restricted Mode is on).');
        return undefined;
      }
      const input = args.input ?? (await pick('Import which event history? (Segment Spec NDJSON, or CSV)', { 'Event history': ['ndjson', 'jsonl', 'json', 'csv'] }));
      if (!input || input.scheme !== 'file') return undefined;
      const format = /\.csv$/i.test(input.path) ? 'csv' : 'segment';
      const mappingUri = args.mapping ?? (await pick(`The ${format === 'csv' ? 'CSV column' : 'Segment'} mapping file`, { Mapping: ['json'] }));
      if (!mappingUri) return undefined;
      const base = input.path.replace(/\.[^./]*$/, '').split('/').pop() ?? 'history';
      const output = args.output ?? (await vscode.window.showSaveDialog({ title: 'Write the timeline to', defaultUri: vscode.Uri.joinPath(input, '..', `${base}.timeline.ndjson`), filters: { Timeline: ['ndjson'] } }));
      if (!output) return undefined;
      if (!output.path.endsWith('.timeline.ndjson')) {
        void vscode.window.showErrorMessage('The timeline is written to a .timeline.ndjson file.');
        return undefined;
      }
      const [{ CsvMapping, SegmentMapping }, { importTimeline }] = await Promise.all([import('./core/importing/importMapping'), import('./cli/importTimeline')]);
      let mappingValue: unknown;
      try {
        mappingValue = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(mappingUri)));
      } catch (error) {
        void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(mappingUri)} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
      const parsed = (format === 'csv' ? CsvMapping : SegmentMapping).safeParse(mappingValue);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(mappingUri)}: ${issue.path.join('.') || '(file)'}: ${issue.message} (journey import on the command line locates every problem)`);
        return undefined;
      }
      const badRows: { line: number; message: string }[] = [];
      const run = (skipBadRows: boolean) =>
        vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Importing ${vscode.workspace.asRelativePath(input)}`, cancellable: true }, async (progress, token) => {
          let reported = 0;
          badRows.length = 0;
          return importTimeline({
            input: input.fsPath,
            output: output.fsPath,
            source: format === 'csv' ? { format, mapping: parsed.data as never } : { format, mapping: parsed.data as never },
            header: { formatVersion: 1 },
            skipBadRows,
            onBadRow: (row) => void (badRows.length < 1000 && badRows.push(row)),
            cancelled: () => token.isCancellationRequested,
            progress: (bytes, size, records) => {
              const percent = Math.floor((bytes / Math.max(size, 1)) * 100);
              progress.report({ increment: percent - reported, message: `${records.toLocaleString()} records` });
              reported = percent;
            },
          });
        });
      let result = await run(args.skipBadRows ?? false);
      if (!result.ok && result.reason === 'badRows' && args.skipBadRows === undefined) {
        const first = badRows[0];
        const choice = await vscode.window.showWarningMessage(
          `${result.report.badRows} bad row${result.report.badRows === 1 ? '' : 's'} in ${vscode.workspace.asRelativePath(input)}${first ? `, first at line ${first.line}: ${first.message}` : ''}. Nothing was written.`,
          'Skip Bad Rows and Import',
        );
        if (choice) result = await run(true);
      }
      const unmapped = Object.entries(result.report.unmapped).map(([name, n]) => `"${name}" ×${n}`);
      if (result.ok) {
        void vscode.window.showInformationMessage(
          `Wrote ${vscode.workspace.asRelativePath(output)}: ${result.report.contacts} contacts, ${result.report.events} events${result.report.badRows ? `, ${result.report.badRows} bad rows skipped` : ''}.${unmapped.length ? ` Not imported (no template in the mapping): ${unmapped.join(', ')}.` : ''}`,
        );
      }
      return { output, contacts: result.report.contacts, events: result.report.events, unmapped: result.report.unmapped, badRows: [...badRows], written: result.ok };
    }),
  );
}
