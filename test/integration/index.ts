// The integration suite's entry, run inside a real VS Code extension host:
// loads every `test/integration/*.test.ts` under mocha's BDD globals, runs
// them, prints the spec report and one machine-readable result line that
// the outer runner counts, and rejects if any test failed.
import Mocha from 'mocha';

/** Every suite of this folder; test/unit/integrationIndex.test.ts checks that none is missing. */
export const SUITES: Record<string, () => Promise<unknown>> = {
  'activation.test.ts': () => import('./activation.test'),
  'customEditor.test.ts': () => import('./customEditor.test'),
  'diagnostics.test.ts': () => import('./diagnostics.test'),
  'languageFeatures.test.ts': () => import('./languageFeatures.test'),
  'simulation.test.ts': () => import('./simulation.test'),
};

export const RESULT_PREFIX = 'INTEGRATION-RESULT ';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.JOURNEY_TEST_GREP;
  if (grep) mocha.grep(grep);
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  for (const load of Object.values(SUITES)) await load();
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run((count) => resolve(count));
    runner.on('end', () => {
      const { passes = 0, failures: failed = 0, pending = 0 } = runner.stats ?? {};
      console.log(`${RESULT_PREFIX}${JSON.stringify({ passed: passes, failed, pending })}`);
    });
  });
  if (failures > 0) throw new Error(`${failures} integration test${failures === 1 ? '' : 's'} failed`);
}
