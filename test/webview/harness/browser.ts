// Headless Chromium for the webview tests and the render benchmark: the
// Debian Chromium through playwright-core (never a downloaded browser), and
// a page with the map of one journey text in one theme, CSP violations and
// page errors collected.
import { type Browser, chromium, type Page } from 'playwright-core';
import type { RenderedSummary } from '../../../src/webviewProtocol';
import type { HarnessConfig } from './fakeHost';
import type { HarnessServer } from './server';
import type { ThemeName } from './themes';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface MapPage {
  page: Page;
  /** CSP violations and uncaught errors seen on the page. */
  problems: string[];
  close(): Promise<void>;
}

export async function openMap(browser: Browser, server: HarnessServer, config: HarnessConfig, theme: ThemeName = 'dark', viewport = { width: 1280, height: 800 }): Promise<MapPage> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  await page.addInitScript((c) => {
    (window as unknown as { __journeyHarness: unknown }).__journeyHarness = c;
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  }, config);
  await page.goto(server.pageUrl(theme));
  return { page, problems, close: () => context.close() };
}

/** The last `rendered` summary the webview sent, once one satisfies `accept`. */
export async function waitForRender(page: Page, accept: (s: RenderedSummary) => boolean = () => true, timeout = 20000): Promise<RenderedSummary> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const summaries = await page.evaluate(() =>
      (window as unknown as { __host: { received: { type: string; summary?: unknown }[] } }).__host.received.filter((m) => m.type === 'rendered').map((m) => m.summary),
    );
    const last = summaries[summaries.length - 1] as RenderedSummary | undefined;
    if (last && accept(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for the map to render; last summary: ${JSON.stringify(last)}`);
    await page.waitForTimeout(50);
  }
}

/** Switches the page to another theme the way VS Code does: new --vscode-* variables and body class, no reload. */
export async function switchTheme(page: Page, theme: ThemeName, bodyClass: string): Promise<void> {
  await page.evaluate(
    ({ theme, bodyClass }) =>
      new Promise<void>((resolve) => {
        const link = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].find((l) => /\/harness\/theme-/.test(l.href));
        if (!link) throw new Error('no theme stylesheet on the page');
        link.addEventListener('load', () => {
          document.body.className = bodyClass;
          requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
        }, { once: true });
        link.href = link.href.replace(/theme-[a-z-]+\.css/, `theme-${theme}.css`);
      }),
    { theme, bodyClass },
  );
}
