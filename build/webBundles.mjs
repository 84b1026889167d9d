// The esbuild options of the bundles that run in VS Code for the Web: the
// extension in the web worker extension host (dist/web/extension.js,
// package.json `browser`), its language server in a nested web worker
// (dist/web/server.js) and the mocha suite that tests them there. Shared by
// esbuild.mjs and test/unit/webBundles.test.ts, which checks that none of
// them imports a Node built-in.
import { mochaBrowserGlobal } from './mochaBrowserGlobal.mjs';
import { noNodeBuiltins } from './noNodeBuiltins.mjs';

/** @type {import('esbuild').BuildOptions} */
const browser = {
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
export const WEB_BUNDLES = [
  { ...browser, entryPoints: { 'web/extension': 'src/extension.web.ts' }, format: 'cjs', external: ['vscode'] },
  { ...browser, entryPoints: { 'web/server': 'language/server.web.ts' }, format: 'iife' },
];

/** The mocha suite run by `npm run test:web-extension` inside VS Code for the Web. */
export const WEB_TEST_BUNDLES = [
  { ...browser, entryPoints: { 'web/test/index': 'test/web/index.ts' }, format: 'cjs', external: ['vscode'], minify: false, plugins: [noNodeBuiltins, mochaBrowserGlobal] },
];
