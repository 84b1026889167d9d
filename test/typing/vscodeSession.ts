// A real VS Code (code-server) driven as a person drives it: Playwright
// clicks and types into the workbench page (the map's inspector fields in
// the webview iframes, the text editor), and the probe inside the extension
// host (probe.ts) sets the stage and reads the document's exact text and
// every change VS Code made to it. Used by the typing suites in this folder.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Frame, Locator, Page } from 'playwright-core';

const ROOT = resolve(__dirname, '../..');
const harness = (name: string) => import(pathToFileURL(join(ROOT, 'test', 'harness', name)).href);

/** Settings of the VS Code under test: code-server's own defaults (auto-save included), minus popups that would take typed keys. */
const SETTINGS = {
  'files.autoSave': 'afterDelay',
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.suggestOnTriggerCharacters': false,
  'editor.acceptSuggestionOnEnter': 'off',
  'editor.hover.enabled': false,
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.autoSurround': 'never',
  'editor.formatOnType': false,
  'workbench.editor.enablePreview': false,
  'json.schemaDownload.enable': false,
};

export interface LoggedChange {
  version: number;
  reason: 'undo' | 'redo' | null | undefined;
  changes: { offset: number; length: number; text: string }[];
}

export interface VsCodeSession {
  page: Page;
  /** The workspace folder VS Code has open. */
  workspace: string;
  /** Calls the probe in the extension host. */
  probe<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` returns a value that is not undefined (polling), or fails with `what`. */
export async function until<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await pause(100);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${last instanceof Error ? last.message : String(last)})` : ''}`);
}

/**
 * The JSON a file holds once written: VS Code creates a file before it
 * writes its text, so a file that exists may still be empty or half written.
 */
export async function writtenJson<T>(file: string, timeoutMs = 60_000): Promise<T> {
  // `until` tries again while reading or parsing throws.
  return until(async () => JSON.parse(readFileSync(file, 'utf8')) as T, `${file} to be written`, timeoutMs);
}

export interface VsCodeSessionOptions {
  /**
   * Opens a copy of the repository's samples (their journeys, timelines and
   * scenarios, not samples/broken) instead of an empty folder, so that what
   * the tests do there (publishing writes files) never touches the repository.
   */
  samples?: boolean;
  /**
   * false: no probe in the extension host (probe() fails). VS Code refuses
   * modal dialogs while an extension tests module runs ("DialogService:
   * refused to show dialog in tests"), so a test that clicks a dialog's
   * buttons drives VS Code without the probe.
   */
  probe?: boolean;
}

export async function startVsCode(options: VsCodeSessionOptions = {}): Promise<VsCodeSession> {
  const { startCodeServer, freePort } = await harness('codeServer.mjs');
  const { launchChromium } = await harness('chromium.mjs');
  const { workbenchUrl } = await harness('runInVsCode.mjs');
  const probeModule = join(ROOT, 'dist', 'test', 'typing', 'probe.js');
  readFileSync(probeModule); // fails clearly when the build is missing
  const workspace = mkdtempSync(join(tmpdir(), 'journey-typing-'));
  if (options.samples) {
    for (const name of readdirSync(join(ROOT, 'samples'))) if (name.endsWith('.json')) copyFileSync(join(ROOT, 'samples', name), join(workspace, name));
  }
  const port: number = await freePort();
  process.env['JOURNEY_PROBE_PORT'] = String(port);
  const server = await startCodeServer({ folder: workspace, gallery: false, settings: SETTINGS });
  const browser = await launchChromium({ viewport: { width: 1800, height: 1000 } });
  const page: Page = browser.page;
  let exited: number | undefined;
  await page.exposeFunction('codeAutomationExit', (code: number) => {
    exited = Number(code);
  });
  await page.exposeFunction('codeAutomationLog', () => {});
  page.on('pageerror', (error) => console.log(`[workbench page error] ${error.message}`));
  const withProbe = options.probe !== false;
  await page.goto(workbenchUrl(server.url, { folder: workspace, extensionDevelopmentPath: ROOT, ...(withProbe ? { extensionTestsPath: probeModule } : {}) }));

  const probe = async <T>(method: string, params: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: JSON.stringify({ method, params }), signal: AbortSignal.timeout(60_000) }).catch((error: unknown) => {
      throw new Error(`probe ${method} did not answer: ${error instanceof Error ? error.message : String(error)}`);
    });
    const body = (await response.json()) as { result?: T; error?: string };
    if (body.error !== undefined) throw new Error(`probe ${method}: ${body.error}`);
    return body.result as T;
  };
  if (!withProbe) await page.locator('.explorer-folders-view').waitFor({ state: 'visible', timeout: 120_000 });
  else await until(async () => {
    if (exited !== undefined) throw new Error(`the probe ended with ${exited}`);
    return (await probe('changes', { file: '/' }).then(() => true).catch(() => undefined)) ?? undefined;
  }, 'the probe in the extension host', 120_000);

  return {
    page,
    workspace,
    probe,
    async close() {
      if (withProbe) await probe('finish').catch(() => {});
      await browser.close();
      server.stop();
      rmSync(workspace, { recursive: true, force: true });
    },
  };
}

/** A fresh copy of a sample journey in the workspace (its own undo history), and its original bytes. */
export function freshJourney(session: VsCodeSession, sample: string, name: string): { file: string; original: string } {
  const file = join(session.workspace, `${name}.journey.json`);
  copyFileSync(join(ROOT, 'samples', `${sample}.journey.json`), file);
  return { file, original: readFileSync(file, 'utf8') };
}

/** The frames of every journey map on screen, left to right. */
export async function mapFrames(page: Page, count: number): Promise<Frame[]> {
  return until(async () => {
    const found: { frame: Frame; x: number }[] = [];
    for (const frame of page.frames()) {
      const field = await frame.$('.inspector vscode-text-field').catch(() => null);
      if (!field) continue;
      const box = await field.boundingBox();
      if (box) found.push({ frame, x: box.x });
    }
    return found.length >= count ? found.sort((a, b) => a.x - b.x).map((f) => f.frame) : undefined;
  }, `${count} journey map(s) with an inspector`);
}

/** The inspector's text field named `name` (its data-field) in a map. */
export function field(frame: Frame, name: string): Locator {
  return frame.locator(`vscode-text-field[data-field="${name}"]`);
}

/** The input inside a toolkit text field, where a click puts the caret. */
export function fieldInput(frame: Frame, name: string): Locator {
  return frame.locator(`vscode-text-field[data-field="${name}"] input`);
}

export async function fieldValue(frame: Frame, name: string): Promise<string> {
  return field(frame, name).evaluate((e) => (e as HTMLElement & { value: string }).value);
}

/**
 * Clicks into the text editor showing `file`, just before the `delta`-th
 * character after the first `needle` (on one line), scrolling it into view
 * first as a person would.
 */
export async function clickInText(session: VsCodeSession, file: string, needle: string, delta = 0): Promise<void> {
  const { page } = session;
  await session.probe('reveal', { file, needle });
  const point = await until(
    () =>
      page.evaluate(
        ({ needle, delta }) => {
          for (const line of document.querySelectorAll<HTMLElement>('.editor-instance .monaco-editor .view-line')) {
            const text = (line.textContent ?? '').replace(/\u00a0/g, ' ');
            const at = text.indexOf(needle);
            if (at < 0) continue;
            let remaining = at + delta;
            const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const length = node.textContent?.length ?? 0;
              if (remaining < length) {
                const range = document.createRange();
                range.setStart(node, remaining);
                range.setEnd(node, remaining + 1);
                const rect = range.getBoundingClientRect();
                return { x: rect.left + 1, y: rect.top + rect.height / 2 };
              }
              remaining -= length;
            }
          }
          return undefined;
        },
        { needle, delta },
      ),
    `"${needle}" on screen in the text editor`,
    10_000,
  ).catch(async (error: unknown) => {
    const shot = join(tmpdir(), `journey-typing-failure-${Date.now()}.png`);
    writeFileSync(shot, await page.screenshot());
    throw new Error(`${error instanceof Error ? error.message : String(error)}; the screen is in ${shot}`);
  });
  await page.mouse.click(point.x, point.y);
}
