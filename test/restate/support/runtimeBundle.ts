// Builds the journey runtime for the tests as esbuild.mjs does (the readable
// module with its source map, and the declarations generated from the
// sources) into a temporary directory, once per test run.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runtimeDeclarations } from '../../../src/build/runtimeDeclarations';
import { RUNTIME_BUNDLE_BUILD, RUNTIME_BUNDLE_FILE, RUNTIME_DECLARATIONS_FILE, RUNTIME_SOURCE_MAP_FILE, type RuntimeFiles } from '../../../src/restate/runtimeBundle';

const ROOT = join(__dirname, '../../..');
let cached: Promise<RuntimeFiles> | undefined;

export function runtimeBundle(): Promise<RuntimeFiles> {
  cached ??= (async () => {
    const outdir = mkdtempSync(join(tmpdir(), 'journey-runtime-'));
    try {
      await build({ ...RUNTIME_BUNDLE_BUILD, entryPoints: { 'restate/journey-runtime': join(ROOT, 'src/restate/runtime/index.ts') }, outdir, logLevel: 'warning', external: [...RUNTIME_BUNDLE_BUILD.external] });
      return { code: readFileSync(join(outdir, RUNTIME_BUNDLE_FILE), 'utf8'), sourceMap: readFileSync(join(outdir, RUNTIME_SOURCE_MAP_FILE), 'utf8'), declarations: runtimeDeclarations(ROOT) };
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  })();
  return cached;
}

/** Writes the runtime's three files into `dir` as the build lays them out; returns the module's path (for JOURNEY_RUNTIME_BUNDLE). */
export async function writeRuntimeFiles(dir: string): Promise<string> {
  const files = await runtimeBundle();
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  };
  write(RUNTIME_BUNDLE_FILE, files.code);
  write(RUNTIME_SOURCE_MAP_FILE, files.sourceMap);
  write(RUNTIME_DECLARATIONS_FILE, files.declarations);
  return join(dir, RUNTIME_BUNDLE_FILE);
}

/** Runtime files for tests that look only at the project's other files. */
export const PLACEHOLDER_RUNTIME: RuntimeFiles = { code: '// runtime', sourceMap: '{}', declarations: 'export {};' };
