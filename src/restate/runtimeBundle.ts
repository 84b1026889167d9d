// How the journey runtime (journey-runtime.mjs) is built, and where it is
// found: esbuild bundles src/restate/runtime/index.ts with the core modules it
// uses into one readable ES module (not minified, with a source map holding
// the original sources); src/build/runtimeDeclarations.ts writes its type
// declarations from the same sources. @restatedev/restate-sdk stays a
// dependency of the generated project. The build (esbuild.mjs) writes the
// three files next to the CLI and the extension (runtimeBundleFile.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RUNTIME_BUNDLE_FILE, RUNTIME_DECLARATIONS_FILE, RUNTIME_SOURCE_MAP_FILE, type RuntimeFiles } from './runtimeBundleFile';

export { RUNTIME_BUNDLE_FILE, RUNTIME_DECLARATIONS_FILE, RUNTIME_SOURCE_MAP_FILE, type RuntimeFiles } from './runtimeBundleFile';

/** The entry point of the runtime, relative to the repository root. */
export const RUNTIME_ENTRY = 'src/restate/runtime/index.ts';

/** esbuild options of the runtime bundle (entry relative to the repository root). */
export const RUNTIME_BUNDLE_BUILD = {
  entryPoints: { 'restate/journey-runtime': RUNTIME_ENTRY },
  bundle: true,
  platform: 'node',
  format: 'esm',
  // Generated projects run on Node 20 and later.
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  external: ['@restatedev/restate-sdk'],
  // Readable: developers step through it and read its stack traces.
  minify: false,
  charset: 'utf8',
  sourcemap: 'linked',
  sourcesContent: true,
  banner: { js: '// Journey Designer runtime for Restate, built from its TypeScript sources (see journey-runtime.mjs.map). Replaced on every publish: change src/channels.ts and journey-runtime.config.json instead.' },
} as const;

/** The runtime files next to a built script (dist/cli.js, dist/extension.js), or undefined when they have not been built. */
export function findRuntimeBundle(distDir: string): RuntimeFiles | undefined {
  const files = [RUNTIME_BUNDLE_FILE, RUNTIME_SOURCE_MAP_FILE, RUNTIME_DECLARATIONS_FILE].map((f) => join(distDir, f));
  if (!files.every((f) => existsSync(f))) return undefined;
  const [code, sourceMap, declarations] = files.map((f) => readFileSync(f, 'utf8')) as [string, string, string];
  return { code, sourceMap, declarations };
}
