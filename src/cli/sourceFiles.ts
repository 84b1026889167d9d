// How the `journey` commands read their input files and report what they
// found in them: one `file:line:col severity message [code]` line per
// finding (line and column from 1), and `file:1:1 error cannot read the
// file: CODE` for a file that cannot be read.
import { readFile } from 'node:fs/promises';
import { LineIndex } from '../core/textPosition';

/** The file's text, or undefined after printing why it cannot be read. */
export async function readSourceFile(file: string, out: (line: string) => void): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    out(`${file}:1:1 error cannot read the file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return undefined;
  }
}

/** A finding at an offset of a file's text. */
export interface Finding {
  offset: number;
  severity: string;
  message: string;
  code: string;
}

/** Prints each finding as `file:line:col severity message [code]`, in the order given. */
export function printFindings(file: string, text: string, findings: Iterable<Finding>, out: (line: string) => void): void {
  const lines = new LineIndex(text);
  for (const f of findings) {
    const { line, character } = lines.positionAt(f.offset);
    out(`${file}:${line + 1}:${character + 1} ${f.severity} ${f.message} [${f.code}]`);
  }
}
