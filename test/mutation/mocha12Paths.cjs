// Preloaded (node --require) in Stryker's processes by test/mutation/run.mjs:
// @stryker-mutator/mocha-runner 9.x (the last major that runs on Node 20)
// requires mocha/lib/cli/run-helpers, options and collect-files without an
// extension, and mocha 12 ships them as .cjs files. Letting Node's require
// also try ".cjs" for an extensionless path finds them; nothing else changes.
require.extensions['.cjs'] ??= require.extensions['.js'];
