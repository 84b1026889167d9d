// Runs every test of the project and prints one closing line
// `N passed, N failed`: type check, build, unit tests (core, CLI, language
// server over a real LSP connection), then the integration suite in a real
// VS Code and the web extension suite in a real VS Code for the Web.
// Exits non-zero if anything failed or a stage could not run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureSystemPackages, SYSTEM_PACKAGES } from './harness/systemPackages.mjs';

const resultsDir = mkdtempSync(join(tmpdir(), 'journey-tests-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

function run(title, command, args, env = {}) {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  console.log(`=== ${title}: ${ok ? 'ok' : `FAILED (exit ${result.status ?? result.signal})`} in ${seconds}s`);
  return ok;
}

/** A stage with counted tests: its counts come from the JSON file its reporter writes. */
function runCounted(title, command, args) {
  const file = join(resultsDir, `${title.replace(/\W+/g, '-')}.json`);
  const ok = run(title, command, args, { JOURNEY_TEST_RESULTS: file });
  if (!existsSync(file)) {
    problems.push(`${title}: produced no test results`);
    totals.failed += 1;
    return;
  }
  const counts = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.pending ?? 0;
  if (!ok && counts.failed === 0) {
    problems.push(`${title}: exited non-zero with no failed test`);
    totals.failed += 1;
  }
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

// Before any stage: the Debian packages the stages need (Chromium for the
// map tests, Neovim for the second LSP client, ...), so that on a fresh
// machine no stage fails or skips for a part the set-up can install.
console.log(`\n=== system packages: ${SYSTEM_PACKAGES.join(' ')}`);
try {
  ensureSystemPackages();
} catch (error) {
  problems.push(`system packages: ${error instanceof Error ? error.message : String(error)}`);
}
if (!run('type check', npm, ['run', '--silent', 'typecheck'])) problems.push('type check failed');
if (!run('build', npm, ['run', '--silent', 'build'])) {
  problems.push('build failed');
} else {
  const scripts = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).scripts;
  runCounted('unit tests', npm, ['run', '--silent', 'test:unit', '--', '--reporter', './test/support/countingSpecReporter.cjs']);
  for (const [script, title] of [
    ['test:webview', 'map tests in Chromium'],
    ['test:restate', 'Restate runtime tests'],
    ['test:integration', 'integration tests in VS Code'],
    ['test:restricted', 'Restricted Mode in VS Code'],
    ['test:typing', 'typing into the map and the text in VS Code'],
    ['test:web-extension', 'web extension tests in VS Code for the Web'],
    ['test:e2e', 'the installed .vsix, as a new user'],
  ]) {
    if (scripts[script]) runCounted(title, npm, ['run', '--silent', script]);
  }
}

if (problems.length > 0) console.log(`\nProblems:\n${problems.map((p) => `- ${p}`).join('\n')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exitCode = totals.failed > 0 || problems.length > 0 ? 1 : 0;
