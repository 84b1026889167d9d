// Builds the runtime bundle for the tests (the same options as esbuild.mjs)
// into a temporary directory, once per test run.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RUNTIME_BUNDLE_BUILD, RUNTIME_BUNDLE_FILE } from '../../../src/restate/runtimeBundle';

const ROOT = join(__dirname, '../../..');
let cached: string | undefined;

export async function runtimeBundle(): Promise<string> {
  if (cached !== undefined) return cached;
  const outdir = mkdtempSync(join(tmpdir(), 'journey-runtime-'));
  await build({ ...RUNTIME_BUNDLE_BUILD, entryPoints: { 'restate/journey-runtime': join(ROOT, 'src/restate/runtime/index.ts') }, outdir, logLevel: 'warning', external: [...RUNTIME_BUNDLE_BUILD.external] });
  cached = readFileSync(join(outdir, RUNTIME_BUNDLE_FILE), 'utf8');
  rmSync(outdir, { recursive: true, force: true });
  return cached;
}
