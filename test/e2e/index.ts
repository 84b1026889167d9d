// The end-to-end suite's entry: runs inside a real VS Code in which the
// packaged .vsix is installed like a user would (no dev files), and walks
// the path of a new user. Prints the same result line as the integration
// suite, which the outer runner counts.
import Mocha from 'mocha';

export const SUITES: Record<string, () => Promise<unknown>> = {
  'newUser.test.ts': () => import('./newUser.test'),
};

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 120_000, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'e2e', mocha);
  for (const load of Object.values(SUITES)) await load();
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run((count) => resolve(count));
    runner.on('end', () => {
      const { passes = 0, failures: failed = 0, pending = 0 } = runner.stats ?? {};
      console.log(`INTEGRATION-RESULT ${JSON.stringify({ passed: passes, failed, pending })}`);
    });
  });
  if (failures > 0) throw new Error(`${failures} end-to-end test${failures === 1 ? '' : 's'} failed`);
}
