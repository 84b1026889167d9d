// The set-up every map suite in Chromium shares: one harness server and one
// headless Chromium for the suite, closed after it; every map page opened
// through the suite is checked after each test (no CSP violation, page
// error or console error) and closed.
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchChromium, type MapPage, openMap } from './browser';
import type { HarnessConfig } from './fakeHost';
import { type HarnessServer, startHarnessServer } from './server';
import type { ThemeName } from './themes';

export interface MapSuite {
  readonly server: HarnessServer;
  readonly browser: Browser;
  /** Opens the map webview on `config` (see openMap); the page is checked and closed after the test. */
  open(config: HarnessConfig, theme?: ThemeName, viewport?: { width: number; height: number }): Promise<MapPage>;
}

/** Registers the suite's hooks (call it inside `describe`). */
export function mapSuite(): MapSuite {
  let server: HarnessServer | undefined;
  let browser: Browser | undefined;
  const pages: MapPage[] = [];
  before(async () => {
    server = await startHarnessServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    for (const m of pages.splice(0)) {
      assert.deepEqual(m.problems, [], 'no CSP violation, page error or console error');
      await m.close();
    }
  });
  return {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
    async open(config, theme, viewport) {
      const m = await openMap(browser!, server!, config, theme, viewport);
      pages.push(m);
      return m;
    },
  };
}
