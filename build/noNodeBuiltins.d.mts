// Types of noNodeBuiltins.mjs, for the TypeScript tests that import it.
import type { Plugin } from 'esbuild';

export declare function isNodeBuiltin(specifier: string): boolean;
export declare const noNodeBuiltins: Plugin;
