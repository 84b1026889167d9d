// The suite's entry inside VS Code for the Web, where the extension host is
// a browser web worker: loads mocha's browser build and every
// `test/web/*.test.ts`, runs them, prints the spec report and one
// machine-readable result line that test/harness/runWebExtensionTests.mjs
// counts, and rejects if any test failed. Bundled for the browser by
// esbuild.mjs (test/web/testBundle.ts) to dist/web/test/index.js.
// Sets the global `mocha` (see mochaBrowserGlobal in test/web/testBundle.ts).
import 'mocha/mocha.js';

/** Every suite of this folder. */
export const SUITES: Record<string, () => Promise<unknown>> = {
  'customEditor.test.ts': () => import('./customEditor.test'),
  'languageServer.test.ts': () => import('./languageServer.test'),
  'simulation.test.ts': () => import('./simulation.test'),
  'desktopOnly.test.ts': () => import('./desktopOnly.test'),
};

export const RESULT_PREFIX = 'WEB-EXTENSION-RESULT ';

export async function run(): Promise<void> {
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
  for (const load of Object.values(SUITES)) await load();
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run((count) => resolve(count));
    runner.on('end', () => {
      const { passes = 0, failures: failed = 0, pending = 0 } = runner.stats ?? {};
      console.log(`${RESULT_PREFIX}${JSON.stringify({ passed: passes, failed, pending })}`);
    });
  });
  if (failures > 0) throw new Error(`${failures} web extension test${failures === 1 ? '' : 's'} failed`);
}
