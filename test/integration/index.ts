// The integration suite's entry, run inside a real VS Code extension host:
// loads every `test/integration/*.test.ts` under mocha's BDD globals and
// runs them (runSuites.ts prints the report and the counted result line).
import Mocha from 'mocha';
import { runSuites } from './runSuites';

/** Every suite of this folder; test/unit/integrationIndex.test.ts checks that none is missing. */
export const SUITES: Record<string, () => Promise<unknown>> = {
  'activation.test.ts': () => import('./activation.test'),
  'compare.test.ts': () => import('./compare.test'),
  'customEditor.test.ts': () => import('./customEditor.test'),
  'diagnostics.test.ts': () => import('./diagnostics.test'),
  'languageFeatures.test.ts': () => import('./languageFeatures.test'),
  'liveView.test.ts': () => import('./liveView.test'),
  'mapReadability.test.ts': () => import('./mapReadability.test'),
  'newJourney.test.ts': () => import('./newJourney.test'),
  'publishedVersions.test.ts': () => import('./publishedVersions.test'),
  'simulation.test.ts': () => import('./simulation.test'),
  'textNavigation.test.ts': () => import('./textNavigation.test'),
  'timelinesAndScenarios.test.ts': () => import('./timelinesAndScenarios.test'),
};

export const RESULT_PREFIX = 'INTEGRATION-RESULT ';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.JOURNEY_TEST_GREP;
  if (grep) mocha.grep(grep);
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  await runSuites(mocha, SUITES, RESULT_PREFIX, 'integration');
}
