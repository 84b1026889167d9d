// Runs an extension test suite (mocha, inside the extension host) in a real
// VS Code: starts code-server, opens the workbench URL whose payload names
// the extension under development and the suite, in headless Chromium, and
// resolves with the exit code the workbench reports through
// `codeAutomationExit`. The extension host's console (the reporter's
// lines) is relayed to stdout. Never hangs: a hard timeout fails the run.
import { launchChromium } from './chromium.mjs';
import { startCodeServer } from './codeServer.mjs';

/** The line a suite prints with its counts: `INTEGRATION-RESULT {"passed":N,"failed":M}`. */
export const RESULT_PREFIX = 'INTEGRATION-RESULT ';

/** The workbench URL that loads `extensionDevelopmentPath` (and runs `extensionTestsPath`, if given) with `folder` open. */
export function workbenchUrl(serverUrl, { folder, extensionDevelopmentPath, extensionTestsPath }) {
  const authority = new URL(serverUrl).host;
  const remote = (path) => `vscode-remote://${authority}${path}`;
  const payload = [['extensionDevelopmentPath', remote(extensionDevelopmentPath)]];
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath.replace(/\.js$/, ''))]);
  const query = new URLSearchParams();
  if (folder) query.set('folder', folder);
  query.set('payload', JSON.stringify(payload));
  return `${serverUrl}/?${query.toString()}`;
}

/** Lines of the extension host's console that are mocha's, not the workbench's noise. */
function isSuiteOutput(text) {
  return !/^\[(Extension Host|LocalProcess|UtilityProcess)|^%c|vscode-remote-resource|Failed to load resource|\[Service Worker\]/.test(text);
}

/**
 * @param {{ extensionDevelopmentPath: string, extensionTestsPath: string, folder?: string, timeoutMs?: number,
 *           onPage?: (page: import('playwright-core').Page) => Promise<void>, userDataDir?: string, extensionsDir?: string }} options
 * @returns {Promise<{ exitCode: number, counts?: { passed: number, failed: number, pending?: number } }>}
 *   the suite's exit code, and its pass/fail counts from the suite's result line
 */
export async function runExtensionTests(options) {
  const { extensionDevelopmentPath, extensionTestsPath, folder, timeoutMs = 10 * 60_000, onPage } = options;
  const server = await startCodeServer({ folder, userDataDir: options.userDataDir, extensionsDir: options.extensionsDir });
  const browser = await launchChromium();
  let timer;
  try {
    const exitCode = new Promise((resolve) => {
      browser.page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
    });
    await browser.page.exposeFunction('codeAutomationLog', (type, args) => console.log(...(Array.isArray(args) ? args : [args])));
    let counts;
    browser.page.on('console', (message) => {
      const text = message.text();
      if (text.startsWith(RESULT_PREFIX)) counts = JSON.parse(text.slice(RESULT_PREFIX.length));
      if (isSuiteOutput(text)) console.log(text);
    });
    browser.page.on('pageerror', (error) => console.log(`[workbench page error] ${error.message}`));
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the test suite did not finish within ${timeoutMs / 1000} s; code-server log:\n${server.log().slice(-3000)}`)), timeoutMs);
    });
    await browser.page.goto(workbenchUrl(server.url, { folder, extensionDevelopmentPath, extensionTestsPath }));
    if (onPage) await Promise.race([onPage(browser.page), timeout]);
    return { exitCode: await Promise.race([exitCode, timeout]), counts };
  } finally {
    clearTimeout(timer);
    await browser.close();
    server.stop();
  }
}
