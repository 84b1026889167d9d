// The built bundles (dist/) for the tests that run them (the `journey` CLI,
// the language server over stdio): builds them with `node esbuild.mjs` when
// one is missing or older than any source, once per test process, so a test
// never runs whatever was built last.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const SOURCES = ['src', 'language', 'webview', 'esbuild.mjs', 'package.json'];
const OUTPUTS = ['dist/cli.js', 'dist/replayShardWorker.js', 'dist/fileShardWorker.js', 'dist/server.js', 'dist/extension.js'];

function newestMtime(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Whether a bundle is missing or older than a source. */
export function distIsStale(): boolean {
  const outputs = OUTPUTS.map((o) => join(ROOT, o));
  if (!outputs.every((o) => existsSync(o))) return true;
  const built = Math.min(...outputs.map((o) => statSync(o).mtimeMs));
  return SOURCES.some((s) => existsSync(join(ROOT, s)) && newestMtime(join(ROOT, s)) > built);
}

let checked = false;

/** Builds dist/ if it is stale (at most once per process); throws with the build's output if the build fails. */
export function ensureDistBuilt(): void {
  if (checked) return;
  checked = true;
  if (!distIsStale()) return;
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`building dist/ for the tests failed (node esbuild.mjs, exit ${build.status}):\n${build.stdout}\n${build.stderr}`);
  if (distIsStale()) throw new Error('node esbuild.mjs ran but dist/ is still older than the sources');
}
