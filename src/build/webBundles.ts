// The esbuild options of the bundles that run in VS Code for the Web: the
// extension in the web worker extension host (dist/web/extension.js,
// package.json `browser`) and its language server in a nested web worker
// (dist/web/server.js). Shared by esbuild.mjs and
// test/unit/webBundles.test.ts, which checks that neither imports a Node
// built-in. Build-time code: esbuild.mjs loads it.
import type { BuildOptions } from 'esbuild';
import { noNodeBuiltins } from './noNodeBuiltins';

/** What every browser bundle shares. */
export const BROWSER_BUNDLE: BuildOptions = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  // The `browser` builds of our dependencies first; jsonc-parser and
  // vscode-json-languageservice have none, and their ESM builds bundle
  // cleanly where their UMD `main` does not.
  mainFields: ['browser', 'module', 'main'],
  outdir: 'dist',
  plugins: [noNodeBuiltins],
};

/** The extension and its language server. */
export const WEB_BUNDLES: BuildOptions[] = [
  { ...BROWSER_BUNDLE, entryPoints: { 'web/extension': 'src/extension.web.ts' }, format: 'cjs', external: ['vscode'] },
  { ...BROWSER_BUNDLE, entryPoints: { 'web/server': 'language/server.web.ts' }, format: 'iife' },
];
