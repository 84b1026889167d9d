// `journey validate FILE...`: prints every diagnostic as
// `file:line:col severity message [code]` and fails if any is an error.
import { readFile } from 'node:fs/promises';
import { LineIndex } from '../core/textPosition';
import { validateJourneyText } from '../core/validate';
import type { CommandResult } from './command';

export async function validateCommand(files: string[], out: (line: string) => void): Promise<CommandResult> {
  if (files.length === 0) return { exitCode: 2, error: 'journey validate: name at least one .journey.json file' };
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      out(`${file}:1:1 error cannot read the file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      errors++;
      continue;
    }
    const { diagnostics } = validateJourneyText(text);
    const lines = new LineIndex(text);
    for (const d of [...diagnostics].sort((a, b) => a.offset - b.offset)) {
      const { line, character } = lines.positionAt(d.offset);
      out(`${file}:${line + 1}:${character + 1} ${d.severity} ${d.message} [${d.code}]`);
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
    }
  }
  out(`${files.length} file${files.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return { exitCode: errors > 0 ? 1 : 0 };
}
