// Where the bundled journey runtime is, relative to dist/: a module of its
// own, free of Node imports, so the extension can name the file without
// loading runtimeBundle.ts (node:fs, node:path) and its build options.
export const RUNTIME_BUNDLE_FILE = 'restate/journey-runtime.mjs';
