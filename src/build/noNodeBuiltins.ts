// An esbuild plugin for the bundles that run in a browser (VS Code for the
// Web's extension host and language server workers): the build fails, naming
// the importer, as soon as anything imports a Node built-in (`node:fs`,
// `child_process`, `path`, ...), even one a package's `browser` field would
// quietly replace with an empty module. Build-time code: esbuild.mjs loads it.
import type { Plugin } from 'esbuild';
import { builtinModules } from 'node:module';

const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** True for `fs`, `node:fs`, `fs/promises`, `node:test` and the like. */
export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0]!);
}

export const noNodeBuiltins: Plugin = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point' || !isNodeBuiltin(args.path)) return undefined;
      return { errors: [{ text: `"${args.path}" is a Node built-in, imported by ${args.importer}: the web bundles run in a browser and must not import Node modules` }] };
    });
  },
};
