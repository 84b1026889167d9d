// The esbuild options of the mocha suite that `npm run test:web-extension`
// runs inside VS Code for the Web (dist/web/test/index.js), with the plugin
// its mocha needs there. esbuild.mjs loads it.
import type { BuildOptions, Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { BROWSER_BUNDLE } from '../../src/build/webBundles';
import { noNodeBuiltins } from '../../src/build/noNodeBuiltins';

/**
 * mocha's browser build (mocha/mocha.js) is a UMD script that sets the global
 * `mocha` only when no CommonJS `module`/`exports` is in scope. VS Code's web
 * extension host evaluates a CommonJS bundle with both, so mocha would
 * replace the suite's exports (`run`) with its own: this plugin hides them
 * from that one file.
 */
export const mochaBrowserGlobal: Plugin = {
  name: 'mocha-browser-global',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]mocha[\\/]mocha\.js$/ }, async (args) => ({
      contents: `var module, exports, define;\n${await readFile(args.path, 'utf8')}`,
      loader: 'js',
    }));
  },
};

export const WEB_TEST_BUNDLE: BuildOptions = {
  ...BROWSER_BUNDLE,
  entryPoints: { 'web/test/index': 'test/web/index.ts' },
  format: 'cjs',
  external: ['vscode'],
  minify: false,
  plugins: [noNodeBuiltins, mochaBrowserGlobal],
};
