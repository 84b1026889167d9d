// Runs the Restricted Mode suite (test/restricted) in a real VS Code whose
// workspace is not trusted: code-server with workspace trust on and no
// start-up prompt, the extension under development loaded, and a copy of
// samples/ as the folder (a copy, so that nothing the suite tries can touch
// the samples). Writes the counts to JOURNEY_TEST_RESULTS.
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './codeServer.mjs';
import { runExtensionTests } from './runInVsCode.mjs';

const extensionTestsPath = join(PROJECT_ROOT, 'dist', 'test', 'restricted', 'index.js');
if (!existsSync(extensionTestsPath)) {
  console.error(`${extensionTestsPath} is missing: run \`npm run build\` first`);
  process.exit(1);
}
const root = mkdtempSync(join(tmpdir(), 'journey-restricted-'));
const workspace = join(root, 'untrusted-workspace');
cpSync(join(PROJECT_ROOT, 'samples'), workspace, { recursive: true });

let result = { exitCode: 1 };
try {
  result = await runExtensionTests({ extensionDevelopmentPath: PROJECT_ROOT, extensionTestsPath, folder: workspace, untrusted: true });
} catch (error) {
  console.error(`[restricted] ${error instanceof Error ? error.message : String(error)}`);
}
if (process.env.JOURNEY_TEST_RESULTS && result.counts) writeFileSync(process.env.JOURNEY_TEST_RESULTS, JSON.stringify(result.counts));
rmSync(root, { recursive: true, force: true });
process.exit(result.exitCode);
