// The suite's entry inside VS Code for the Web, where the extension host is
// a browser web worker: loads mocha's browser build and every
// `test/web/*.test.ts` and runs them (runSuites.ts prints the report and the
// result line that test/harness/runWebExtensionTests.mjs counts). Bundled for
// the browser by esbuild.mjs (test/web/testBundle.ts) to dist/web/test/index.js.
// Sets the global `mocha` (see mochaBrowserGlobal in test/web/testBundle.ts).
import 'mocha/mocha.js';
import { runSuites } from '../integration/runSuites';

/** Every suite of this folder. */
export const SUITES: Record<string, () => Promise<unknown>> = {
  // First: it needs a window where nothing has asked for the scenarios yet.
  'freshWindow.test.ts': () => import('./freshWindow.test'),
  'customEditor.test.ts': () => import('./customEditor.test'),
  'languageServer.test.ts': () => import('./languageServer.test'),
  'simulation.test.ts': () => import('./simulation.test'),
  'desktopOnly.test.ts': () => import('./desktopOnly.test'),
  'newJourney.test.ts': () => import('./newJourney.test'),
  'publishedVersions.test.ts': () => import('./publishedVersions.test'),
};

export const RESULT_PREFIX = 'WEB-EXTENSION-RESULT ';

export async function run(): Promise<void> {
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
  await runSuites(mocha, SUITES, RESULT_PREFIX, 'web extension');
}
