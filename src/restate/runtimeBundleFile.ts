// Where the journey runtime that generated Restate projects run is, relative
// to dist/: the module, its source map and its type declarations. A module of
// its own, free of Node imports, so the extension can name the files without
// loading runtimeBundle.ts (node:fs, node:path) and its build options.
export const RUNTIME_BUNDLE_FILE = 'restate/journey-runtime.mjs';
export const RUNTIME_SOURCE_MAP_FILE = 'restate/journey-runtime.mjs.map';
export const RUNTIME_DECLARATIONS_FILE = 'restate/journey-runtime.d.mts';

/** The journey runtime as the build writes it: readable code, its source map (with the sources), its declarations. */
export interface RuntimeFiles {
  code: string;
  sourceMap: string;
  declarations: string;
}
