// The Restricted Mode suite's entry, run inside a real VS Code extension host
// whose workspace is NOT trusted (test/harness/runRestrictedModeTests.mjs
// starts code-server with workspace trust on and the folder untrusted): loads
// restrictedMode.test.ts under mocha's BDD globals and runs it.
import Mocha from 'mocha';
import { runSuites } from '../integration/runSuites';

export const SUITES: Record<string, () => Promise<unknown>> = {
  'restrictedMode.test.ts': () => import('./restrictedMode.test'),
};

/** The result line the harness counts (test/harness/runInVsCode.mjs). */
export const RESULT_PREFIX = 'INTEGRATION-RESULT ';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'restricted', mocha);
  await runSuites(mocha, SUITES, RESULT_PREFIX, 'Restricted Mode');
}
