// The end-to-end suite's entry: runs inside a real VS Code in which the
// packaged .vsix is installed like a user would (no dev files), and walks
// the path of a new user. Prints the same result line as the integration
// suite, which the outer runner counts.
import Mocha from 'mocha';
import { runSuites } from '../integration/runSuites';

export const SUITES: Record<string, () => Promise<unknown>> = {
  'newUser.test.ts': () => import('./newUser.test'),
};

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 120_000, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'e2e', mocha);
  await runSuites(mocha, SUITES, 'INTEGRATION-RESULT ', 'end-to-end');
}
