// An esbuild plugin for the web test bundle: mocha's browser build
// (mocha/mocha.js) is a UMD script that sets the global `mocha` only when no
// CommonJS `module`/`exports` is in scope. VS Code's web extension host
// evaluates a CommonJS bundle with both, so mocha would replace the suite's
// exports (`run`) with its own. This plugin hides them from that one file.
import { readFile } from 'node:fs/promises';

/** @type {import('esbuild').Plugin} */
export const mochaBrowserGlobal = {
  name: 'mocha-browser-global',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]mocha[\\/]mocha\.js$/ }, async (args) => ({
      contents: `var module, exports, define;\n${await readFile(args.path, 'utf8')}`,
      loader: 'js',
    }));
  },
};
