// Runs the mocha suites of an in-editor test entry (integration and e2e in
// VS Code's Node extension host, web in VS Code for the Web's web worker):
// loads each suite, runs them, prints mocha's spec report and one
// machine-readable result line (`<prefix>{"passed":N,"failed":N,"pending":N}`)
// that the outer runner counts, and rejects if any test failed. No Node APIs.

/** What this needs of mocha: its Node `Mocha` instance and its browser global both have it. */
interface MochaRunner {
  run(done: (failures: number) => void): { on(event: 'end', listener: () => void): unknown; stats?: { passes?: number; failures?: number; pending?: number } };
}

export async function runSuites(mocha: MochaRunner, suites: Record<string, () => Promise<unknown>>, resultPrefix: string, what: string): Promise<void> {
  for (const load of Object.values(suites)) await load();
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run((count) => resolve(count));
    runner.on('end', () => {
      const { passes = 0, failures: failed = 0, pending = 0 } = runner.stats ?? {};
      console.log(`${resultPrefix}${JSON.stringify({ passed: passes, failed, pending })}`);
    });
  });
  if (failures > 0) throw new Error(`${failures} ${what} test${failures === 1 ? '' : 's'} failed`);
}
