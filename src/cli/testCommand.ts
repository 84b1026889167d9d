// `journey test [PATH...] [--junit FILE]`: runs every scenario file
// (`*.scenario.json`, found under the given folders, default: the current
// one) in the simulator, prints each expectation's result, optionally writes
// JUnit XML for CI, and exits 1 if any expectation failed or a file is bad.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { junitXml, type JUnitSuite } from '../core/junitReport';
import { runScenario, type ScenarioFiles } from '../core/scenarioRunner';
import { simulate } from '../core/simulator/index';
import { LineIndex, type Position } from '../core/textPosition';
import { decodeUtf8 } from '../core/utf8Text';
import type { CommandResult } from './command';
import { readCommandArgs } from './commandArgs';
import { ENCODING_CODE, terminalSafe } from './sourceFiles';

const USAGE = 'Usage: journey test [PATH...] [--junit FILE]';

/** A scenario, journey or timeline file that is not UTF-8 text: the message says where. */
class NotUtf8Error extends Error {
  constructor(readonly position: Position, message: string) {
    super(message);
  }
}

const nodeFiles: ScenarioFiles = {
  readText: async (path) => {
    const decoded = decodeUtf8(await readFile(path));
    if (!decoded.ok) throw new NotUtf8Error(decoded.invalid.position, `${decoded.invalid.message} [${ENCODING_CODE}]`);
    return decoded.text;
  },
  resolve: (from, rel) => resolve(dirname(from), rel),
};

/** Where a problem is: its offset in its file's text, or, for a file that is not UTF-8, the first bad byte. */
async function problemPosition(file: string, offset: number): Promise<Position> {
  try {
    return new LineIndex(await nodeFiles.readText(file)).positionAt(offset);
  } catch (error) {
    return error instanceof NotUtf8Error ? error.position : { line: 0, character: 0 };
  }
}

async function findScenarios(path: string): Promise<string[]> {
  const info = await stat(path);
  if (info.isFile()) return [path];
  const found: string[] = [];
  for (const entry of await readdir(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = join(path, entry.name);
    if (entry.isDirectory()) found.push(...(await findScenarios(full)));
    else if (entry.name.endsWith('.scenario.json')) found.push(full);
  }
  return found.sort();
}

export async function testCommand(args: string[], out: (line: string) => void): Promise<CommandResult> {
  const read = readCommandArgs(args, { switches: [], valued: ['--junit'] });
  if (typeof read === 'string') return { exitCode: 2, error: `journey test: ${read}\n${USAGE}` };
  const junitFile = read.values.get('--junit');
  const paths = read.files;
  const files: string[] = [];
  for (const path of paths.length ? paths : ['.']) {
    try {
      files.push(...(await findScenarios(path)));
    } catch {
      return { exitCode: 2, error: `journey test: cannot read ${path}` };
    }
  }
  if (files.length === 0) return { exitCode: 2, error: `journey test: no *.scenario.json under ${paths.join(', ') || '.'}` };

  let passed = 0;
  let failed = 0;
  const suites: JUnitSuite[] = [];
  for (const file of files) {
    const run = await runScenario(file, nodeFiles, simulate, { displayName: (f) => relative(process.cwd(), f) });
    const name = run.scenario?.name ?? relative(process.cwd(), file);
    out(`${terminalSafe(name)} (${terminalSafe(relative(process.cwd(), file))})`);
    const suite: JUnitSuite = { name, file, cases: [] };
    suites.push(suite);
    for (const problem of run.problems) {
      const { line, character } = problem.position ?? (await problemPosition(problem.file, problem.diagnostic.offset));
      const where = `${problem.file}:${line + 1}:${character + 1}`;
      out(`  ✗ ${terminalSafe(where)} ${terminalSafe(problem.diagnostic.message)}`);
      suite.cases.push({ name: 'scenario can run', className: name, seconds: run.seconds, error: { message: problem.diagnostic.message, details: where } });
      failed++;
    }
    for (const r of run.results) {
      out(`  ${r.passed ? '✓' : '✗'} ${terminalSafe(r.title)}${r.passed ? '' : `: ${terminalSafe(r.message)}`}`);
      suite.cases.push({ name: r.title, className: name, seconds: run.seconds / Math.max(1, run.results.length), ...(r.passed ? {} : { failure: { message: r.message, details: `expected: ${r.expected ?? ''}\nactual: ${r.actual ?? ''}` } }) });
      if (r.passed) passed++;
      else failed++;
    }
  }
  if (junitFile) await writeFile(junitFile, junitXml(suites));
  out(`\n${passed} passed, ${failed} failed`);
  return { exitCode: failed > 0 ? 1 : 0 };
}
