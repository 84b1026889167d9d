// Mocha's spec reporter, plus the pass/fail counts written to the JSON file
// named by JOURNEY_TEST_RESULTS, so test/run.mjs can add up every suite.
const fs = require('node:fs');
const Mocha = require('mocha');

class CountingSpecReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const file = process.env.JOURNEY_TEST_RESULTS;
      if (file) fs.writeFileSync(file, JSON.stringify({ passed: runner.stats.passes, failed: runner.stats.failures, pending: runner.stats.pending }));
    });
  }
}

module.exports = CountingSpecReporter;
