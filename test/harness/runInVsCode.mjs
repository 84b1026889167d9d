// Runs an extension test suite (mocha, inside the extension host) in a real
// VS Code: starts code-server, opens the workbench URL whose payload names
// the extension under development and the suite, in headless Chromium, and
// resolves with the exit code the workbench reports through
// `codeAutomationExit`. The extension host's console (the reporter's
// lines) is relayed to stdout. Never hangs: a hard timeout fails the run.
import { format } from 'node:util';
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

/** The workbench's own chatter, which is not worth relaying (the suite's lines and real errors are). */
const NOISE = /^(%c|\[(Extension Host|LocalProcess|UtilityProcess|Service Worker|reconnection-grace-time)\]|Resolving connection token|Resolved connection token|Creating a socket|The web worker extension host is started|Updating additional builtin extensions cache|Ignoring fetching additional builtin extensions|An iframe which has both allow-scripts and allow-same-origin|Failed to load resource|Found unexpected service worker controller)|vscode-remote-resource/;

/**
 * @param {{ extensionDevelopmentPath: string, extensionTestsPath: string, folder?: string, timeoutMs?: number,
 *           onPage?: (page: import('playwright-core').Page) => Promise<void>, userDataDir?: string, extensionsDir?: string, untrusted?: boolean }} options
 * @returns {Promise<{ exitCode: number, counts?: { passed: number, failed: number, pending?: number } }>}
 *   the suite's exit code, and its pass/fail counts from the suite's result line
 */
export async function runExtensionTests(options) {
  const { extensionDevelopmentPath, extensionTestsPath, folder, timeoutMs = 10 * 60_000, onPage } = options;
  const server = await startCodeServer({ folder, userDataDir: options.userDataDir, extensionsDir: options.extensionsDir, gallery: false, untrusted: options.untrusted });
  const browser = await launchChromium();
  let timer;
  try {
    /** @type {(code: number) => void} */
    let exit = () => {};
    const exitCode = new Promise((resolve) => { exit = resolve; });
    await browser.page.exposeFunction('codeAutomationExit', (code) => exit(Number(code)));
    let counts;
    // In automation the workbench hands every log line (the extension host's
    // console included: mocha's reporter) to codeAutomationLog, already split
    // into console.log arguments; the page console has the same lines as
    // unformatted `%c INFO ...` strings, so only its plain messages are relayed.
    const relay = (text) => {
      if (text.startsWith(RESULT_PREFIX)) counts = JSON.parse(text.slice(RESULT_PREFIX.length));
      if (!NOISE.test(text)) console.log(text);
    };
    await browser.page.exposeFunction('codeAutomationLog', (_level, args) => relay(format(...(Array.isArray(args) ? args : [args]))));
    browser.page.on('console', (message) => {
      const text = message.text();
      if (!text.startsWith('%c')) relay(text);
    });
    browser.page.on('pageerror', (error) => console.log(`[workbench page error] ${error.message}`));
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the test suite did not finish within ${timeoutMs / 1000} s; code-server log:\n${server.log().slice(-3000)}`)), timeoutMs);
    });
    const gone = (what) => new Promise((_, reject) => browser.page.once(what, () => reject(new Error(`the VS Code page ${what === 'crash' ? 'crashed' : 'was closed'} before the suite finished`))));
    const ended = Promise.race([gone('crash'), gone('close')]);
    ended.catch(() => {});
    await browser.page.goto(workbenchUrl(server.url, { folder, extensionDevelopmentPath, extensionTestsPath }));
    if (onPage) await Promise.race([onPage(browser.page), timeout, ended]);
    return { exitCode: await Promise.race([exitCode, timeout, ended]), counts };
  } finally {
    clearTimeout(timer);
    await browser.close();
    server.stop();
  }
}
