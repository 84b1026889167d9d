// Types of webBundles.mjs, for the TypeScript tests that import it.
import type { BuildOptions } from 'esbuild';

export declare const WEB_BUNDLES: BuildOptions[];
export declare const WEB_TEST_BUNDLES: BuildOptions[];
