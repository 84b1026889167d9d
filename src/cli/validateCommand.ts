// `journey validate FILE...`: prints every diagnostic as
// `file:line:col severity message [code]` and fails if any is an error.
import { validateJourneyText } from '../core/validate';
import type { CommandResult } from './command';
import { printFindings, readSourceFile } from './sourceFiles';

export async function validateCommand(files: string[], out: (line: string) => void): Promise<CommandResult> {
  if (files.length === 0) return { exitCode: 2, error: 'journey validate: name at least one .journey.json file' };
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    const source = await readSourceFile(file, out);
    if (source === undefined) {
      errors++;
      continue;
    }
    const { text } = source;
    const diagnostics = [...validateJourneyText(text).diagnostics].sort((a, b) => a.offset - b.offset);
    printFindings(file, text, diagnostics, out);
    for (const d of diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
    }
  }
  out(`${files.length} file${files.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return { exitCode: errors > 0 ? 1 : 0 };
}
