// `journey test [PATH...] [--junit FILE]`: runs every scenario file
// (`*.scenario.json`, found under the given folders, default: the current
// one) in the simulator, prints each expectation's result, optionally writes
// JUnit XML for CI, and exits 1 if any expectation failed or a file is bad.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { junitXml, type JUnitSuite } from '../core/junitReport';
import { runScenario, type ScenarioFiles } from '../core/scenarioRunner';
import { simulate } from '../core/simulator/index';
import { LineIndex } from '../core/textPosition';
import type { CommandResult } from './command';

const nodeFiles: ScenarioFiles = {
  readText: (path) => readFile(path, 'utf8'),
  resolve: (from, rel) => resolve(dirname(from), rel),
};

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
  const junitIndex = args.indexOf('--junit');
  const junitFile = junitIndex >= 0 ? args[junitIndex + 1] : undefined;
  if (junitIndex >= 0 && !junitFile) return { exitCode: 2, error: 'journey test: --junit needs a file name' };
  const paths = args.filter((_, i) => i !== junitIndex && i !== junitIndex + 1);
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
    const run = await runScenario(file, nodeFiles, simulate);
    const name = run.scenario?.name ?? relative(process.cwd(), file);
    out(`${name} (${relative(process.cwd(), file)})`);
    const suite: JUnitSuite = { name, file, cases: [] };
    suites.push(suite);
    for (const problem of run.problems) {
      const text = await nodeFiles.readText(problem.file).catch(() => '');
      const { line, character } = new LineIndex(text).positionAt(problem.diagnostic.offset);
      const where = `${problem.file}:${line + 1}:${character + 1}`;
      out(`  ✗ ${where} ${problem.diagnostic.message}`);
      suite.cases.push({ name: 'scenario can run', className: name, seconds: run.seconds, error: { message: problem.diagnostic.message, details: where } });
      failed++;
    }
    for (const r of run.results) {
      out(`  ${r.passed ? '✓' : '✗'} ${r.title}${r.passed ? '' : `: ${r.message}`}`);
      suite.cases.push({ name: r.title, className: name, seconds: run.seconds / Math.max(1, run.results.length), ...(r.passed ? {} : { failure: { message: r.message, details: `expected: ${r.expected ?? ''}\nactual: ${r.actual ?? ''}` } }) });
      if (r.passed) passed++;
      else failed++;
    }
  }
  if (junitFile) await writeFile(junitFile, junitXml(suites));
  out(`\n${passed} passed, ${failed} failed`);
  return { exitCode: failed > 0 ? 1 : 0 };
}
