// End-to-end as a user: packages the extension (`npm run package`), installs
// the .vsix into a fresh extensions folder of a real VS Code (code-server's
// --install-extension), opens an empty workspace, and runs the e2e suite
// (test/e2e) against the installed extension. The suite is loaded through a
// tiny driver extension, so nothing of the source tree is loaded as an
// extension. Writes the counts to JOURNEY_TEST_RESULTS.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCodeServer, PROJECT_ROOT } from './codeServer.mjs';
import { runExtensionTests } from './runInVsCode.mjs';

const root = mkdtempSync(join(tmpdir(), 'journey-vsix-'));
const fail = (message) => {
  console.error(`[vsix] ${message}`);
  rmSync(root, { recursive: true, force: true });
  process.exit(1);
};

const packaged = spawnSync('npm', ['run', '--silent', 'package'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
if (packaged.status !== 0) fail('npm run package failed');
const vsix = join(PROJECT_ROOT, 'journey-designer.vsix');

const { entry, node } = ensureCodeServer();
const extensionsDir = join(root, 'extensions');
mkdirSync(extensionsDir);
const installed = spawnSync(node, [entry, '--extensions-dir', extensionsDir, '--user-data-dir', join(root, 'user-data'), '--install-extension', vsix], { encoding: 'utf8', env: { ...process.env, HOME: root } });
console.log(`[vsix] ${(installed.stdout + installed.stderr).trim()}`);
if (installed.status !== 0 || !/successfully installed/i.test(installed.stdout + installed.stderr)) fail('installing the .vsix failed');

// The driver only lets VS Code load the e2e suite; it contributes nothing.
const driver = join(root, 'e2e-driver');
mkdirSync(driver);
writeFileSync(join(driver, 'package.json'), JSON.stringify({ name: 'journey-designer-e2e-driver', publisher: 'journey-designer', version: '0.0.0', engines: { vscode: '^1.116.0' } }));
const workspace = join(root, 'workspace');
mkdirSync(workspace);

let result = { exitCode: 1 };
try {
  result = await runExtensionTests({
    extensionDevelopmentPath: driver,
    extensionTestsPath: join(PROJECT_ROOT, 'dist', 'test', 'e2e', 'index.js'),
    folder: workspace,
    extensionsDir,
    userDataDir: join(root, 'user-data'),
  });
} catch (error) {
  console.error(`[vsix] ${error instanceof Error ? error.message : String(error)}`);
}
if (process.env.JOURNEY_TEST_RESULTS && result.counts) writeFileSync(process.env.JOURNEY_TEST_RESULTS, JSON.stringify(result.counts));
rmSync(root, { recursive: true, force: true });
process.exit(result.exitCode);
