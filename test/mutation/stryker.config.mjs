// Mutation testing (StrykerJS) of the core, the language server and the CLI
// against the unit tests: `npm run test:mutation` (see README, "Mutation
// testing"). Incremental: results are kept in reports/stryker-incremental.json
// (git-ignored), so a re-run after a small change only tests the mutants in
// changed code or covered by changed tests. `-- --mutate FILE` runs a slice.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'mocha',
  // The tests are TypeScript run through tsx, in each test-runner process.
  testRunnerNodeArgs: ['--import', 'tsx'],
  mochaOptions: {
    // Mocha's own 2 s default fails specs on a loaded machine; npm run test:unit gives 30 s, so does this file.
    config: 'test/mutation/mocharc.json',
    // MUTATION_SPEC (comma-separated globs) narrows the tests for a quick slice run.
    spec: process.env.MUTATION_SPEC ? process.env.MUTATION_SPEC.split(',') : ['test/unit/**/*.test.ts'],
    // MUTATION_GREP (a regular expression on the full test title) keeps only the tests it matches,
    // e.g. '^(?!.*generated)' leaves out the generated-journey properties of a file.
    ...(process.env.MUTATION_GREP ? { grep: process.env.MUTATION_GREP } : {}),
  },
  checkers: ['typescript'],
  // MUTATION_TSCONFIG: a narrower project for the type check of a slice's mutants (test/mutation/tsconfig.core.json for src/core).
  tsconfigFile: process.env.MUTATION_TSCONFIG ?? 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: ['src/core/**/*.ts', 'language/**/*.ts', 'src/cli/**/*.ts', '!**/*.d.ts'],
  coverageAnalysis: 'perTest',
  // Static mutants (in module-level code, run once when a module loads) are
  // never active here: Stryker re-runs them by reloading the modules, and the
  // tests load the sources through tsx's ESM loader, whose modules cannot be
  // reloaded. Tested, each would count as a survivor it never ran; ignored,
  // they are reported apart (scoreByFolder.mjs) and, where one matters,
  // planted by hand (README, "Latest scores").
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Per-folder goals (printed by test/mutation/scoreByFolder.mjs); Stryker's own break threshold stays off.
  thresholds: { high: 90, low: 80, break: null },
  // The machine is small and shared: one test process unless told otherwise (--concurrency N).
  concurrency: 1,
  timeoutMS: 60000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  ignorePatterns: ['dist', 'reports', '.stryker-tmp', '.vscode-test', '.cache', 'test-results', '*.vsix', 'test/screenshots'],
};
