// `journey validate FILE...`: prints every diagnostic as
// `file:line:col severity message [code]` and fails if any is an error.
// A file is checked as what its name says it is: a `*.timeline.json` as a
// timeline, a `*.scenario.json` as a scenario (schema, then every name it
// gives against the journey and timeline it names), anything else as a
// journey, with the published versions kept beside it (R22).
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { checkScenarioFile, checkTimelineFile, type FileProblem, type ScenarioFiles } from '../core/scenarioRunner';
import { decodeUtf8 } from '../core/utf8Text';
import { validateJourneyText } from '../core/validate';
import type { CommandResult } from './command';
import { keptPublishedVersions } from './keptPublishedVersions';
import { ENCODING_CODE, printAt, printFindings, readSourceFile } from './sourceFiles';

const nodeFiles: ScenarioFiles = {
  readText: async (path) => {
    const decoded = decodeUtf8(await readFile(path));
    if (!decoded.ok) throw new Error(`${decoded.invalid.message} [${ENCODING_CODE}]`);
    return decoded.text;
  },
  resolve: (from, rel) => resolve(dirname(from), rel),
};

/** Prints the problems of a timeline or scenario (each in its own file) in file and text order. */
function printProblems(problems: FileProblem[], name: (file: string) => string, out: (line: string) => void): void {
  const sorted = [...problems].sort((a, b) => (a.file === b.file ? a.diagnostic.offset - b.diagnostic.offset : a.file < b.file ? -1 : 1));
  for (const p of sorted) printAt(name(p.file), p.position ?? { line: 0, character: 0 }, p.diagnostic.severity, p.diagnostic.message, p.diagnostic.code, out);
}

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
    let diagnostics: { severity: string }[];
    if (/\.(timeline|scenario)\.json$/.test(file)) {
      // The file named is printed as given; the journey or timeline it names, relative to the working folder.
      const displayName = (f: string) => (f === resolve(file) ? file : relative(process.cwd(), f) || f);
      const options = { displayName, withWarnings: true };
      const problems = file.endsWith('.timeline.json') ? await checkTimelineFile(resolve(file), nodeFiles, options) : await checkScenarioFile(resolve(file), nodeFiles, options);
      printProblems(problems, displayName, out);
      diagnostics = problems.map((p) => p.diagnostic);
    } else {
      const found = [...validateJourneyText(text, { publishedVersion: keptPublishedVersions(resolve(file)) }).diagnostics].sort((a, b) => a.offset - b.offset);
      printFindings(file, text, found, out);
      diagnostics = found;
    }
    for (const d of diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
    }
  }
  out(`${files.length} file${files.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return { exitCode: errors > 0 ? 1 : 0 };
}
