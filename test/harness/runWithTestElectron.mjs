// Runs the integration suite through @vscode/test-electron's runTests, the
// standard runner shape of VS Code extensions, with a vscodeExecutablePath
// that starts code-server (a real VS Code that installs from npm) instead of
// a downloaded VS Code, which cannot be fetched here.
import { runTests } from '@vscode/test-electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './codeServer.mjs';

const extensionTestsPath = join(PROJECT_ROOT, 'dist', 'test', 'integration', 'index.js');
if (!existsSync(extensionTestsPath)) {
  console.error(`${extensionTestsPath} is missing: run \`npm run build\` first`);
  process.exit(1);
}
try {
  await runTests({
    vscodeExecutablePath: join(PROJECT_ROOT, 'test', 'harness', 'vscode'),
    extensionDevelopmentPath: PROJECT_ROOT,
    extensionTestsPath,
    launchArgs: [join(PROJECT_ROOT, 'samples')],
  });
} catch (error) {
  console.error(`integration tests failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
