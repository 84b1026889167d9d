// `npm run test:mutation [-- STRYKER OPTIONS]`: runs Stryker (test/mutation/stryker.config.mjs;
// e.g. `-- --mutate src/core/rules/timing.ts --concurrency 1` for a slice),
// then prints the score per folder (scoreByFolder.mjs). With MUTATION_SLICE=NAME
// the run's report is also kept as reports/mutation/slices/NAME.json, so the
// per-folder score adds up the slices run so far. Stryker's processes preload
// mocha12Paths.cjs (see there why).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const preload = fileURLToPath(new URL('./mocha12Paths.cjs', import.meta.url));
const stryker = fileURLToPath(new URL('../../node_modules/@stryker-mutator/core/bin/stryker.js', import.meta.url));
const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(preload)}`.trim() };
const config = fileURLToPath(new URL('./stryker.config.mjs', import.meta.url));
const started = Date.now();
const run = spawnSync(process.execPath, [stryker, 'run', config, ...process.argv.slice(2)], { stdio: 'inherit', env });
if (run.status !== 0) process.exit(run.status ?? 1);
const slice = process.env.MUTATION_SLICE;
if (slice) {
  if (!/^[\w.-]+$/.test(slice)) throw new Error(`MUTATION_SLICE must be a plain name (letters, digits, . _ -), not ${JSON.stringify(slice)}`);
  // A run that mutated nothing (e.g. a file Stryker makes no mutant of) writes no report: never keep an older one under this slice's name.
  if (!existsSync('reports/mutation/mutation.json') || statSync('reports/mutation/mutation.json').mtimeMs < started) {
    console.error(`no new report was written by this run: reports/mutation/slices/${slice}.json not written`);
    process.exit(1);
  }
  mkdirSync('reports/mutation/slices', { recursive: true });
  copyFileSync('reports/mutation/mutation.json', `reports/mutation/slices/${slice}.json`);
}
const score = spawnSync(process.execPath, [fileURLToPath(new URL('./scoreByFolder.mjs', import.meta.url))], { stdio: 'inherit' });
process.exit(score.status ?? 1);
