// Where the bundled journey runtime (journey-runtime.mjs) is, and how it is
// built: esbuild bundles src/restate/runtime/index.ts with the core modules
// it uses into one ES module; @restatedev/restate-sdk stays a dependency of
// the generated project. The build (esbuild.mjs) writes it to
// dist/restate/journey-runtime.mjs (RUNTIME_BUNDLE_FILE), next to the CLI
// and the extension.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RUNTIME_BUNDLE_FILE } from './runtimeBundleFile';

export { RUNTIME_BUNDLE_FILE } from './runtimeBundleFile';

/** esbuild options of the runtime bundle (entry relative to the repository root). */
export const RUNTIME_BUNDLE_BUILD = {
  entryPoints: { 'restate/journey-runtime': 'src/restate/runtime/index.ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  outExtension: { '.js': '.mjs' },
  external: ['@restatedev/restate-sdk'],
  banner: { js: '// Journey Designer runtime for Restate (bundled). Generated; do not edit.' },
} as const;

/** The bundle next to a built script (dist/cli.js, dist/extension.js), or undefined when it has not been built. */
export function findRuntimeBundle(distDir: string): string | undefined {
  const file = join(distDir, RUNTIME_BUNDLE_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}
