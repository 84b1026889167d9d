// What a person does in the VS Code workbench, done through Playwright on
// its page, the same in code-server and in VS Code for the Web: the Command
// Palette, quick picks and input boxes, the Welcome page's walkthrough, modal
// dialogs, the Testing view. Used by the first-hour and published-version
// suites of this folder.
import type { Locator, Page } from 'playwright-core';
import { until } from './vscodeSession';

export const WALKTHROUGH = 'journey-designer.journey-designer#journeyDesigner.gettingStarted';
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class Workbench {
  constructor(readonly page: Page) {}

  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /** Waits for the quick pick or input box whose title contains `title` (any, with ''), and answers its rows' texts. */
  async quickInputShown(title: string, timeoutMs = 60_000): Promise<string[]> {
    await until(
      async () => ((await this.quickInput.isVisible()) && (await this.quickInput.locator('.quick-input-title').innerText().catch(() => '')).includes(title) ? true : undefined),
      `the quick input "${title}"`,
      timeoutMs,
    );
    return this.quickInput.locator('.quick-input-list .monaco-list-row').allInnerTexts();
  }

  /**
   * Clicks into the quick input's box (a page that took the focus, like the
   * Welcome page, does not get the keys then), replaces what is in it with
   * `text`.
   */
  async typeIntoQuickInput(text: string): Promise<void> {
    const box = this.quickInput.locator('.quick-input-box input');
    await box.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.type(text);
  }

  /** Types `filter` into the open quick pick and clicks the row whose label is `label` (default: the filter). */
  async pick(filter: string, label = filter): Promise<void> {
    await this.typeIntoQuickInput(filter);
    const row = this.quickInput
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) });
    await row.first().click({ timeout: 15_000 });
  }

  /** Waits for the quick pick titled `title` to list at least one row (its items may come a moment after it opens), and answers the rows' texts. */
  async quickPickRows(title: string, timeoutMs = 60_000): Promise<string[]> {
    await this.quickInputShown(title, timeoutMs);
    return until(async () => {
      const rows = await this.quickInput.locator('.quick-input-list .monaco-list-row').allInnerTexts();
      return rows.length > 0 ? rows : undefined;
    }, `rows in the quick pick "${title}"`, timeoutMs);
  }

  async quickInputClosed(): Promise<void> {
    await until(async () => ((await this.quickInput.isVisible()) ? undefined : true), 'the quick input to close', 30_000);
  }

  /**
   * Runs a command from the Command Palette (F1), as a person does; retries
   * while the command is not offered yet (the extension still activating).
   */
  async runCommand(title: string, timeoutMs = 120_000): Promise<void> {
    await until(
      async () => {
        if (await this.quickInput.isVisible()) await this.page.keyboard.press('Escape');
        await this.focusWorkbench();
        await this.page.keyboard.press('F1');
        await this.quickInputShown('', 10_000);
        await this.typeIntoQuickInput(`>${title}`);
        const row = this.quickInput.locator('.quick-input-list .monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) });
        if ((await row.count()) === 0) {
          await pause(500);
          if ((await row.count()) === 0) {
            await this.page.keyboard.press('Escape');
            await pause(1_000);
            return undefined;
          }
        }
        await row.first().click({ timeout: 10_000 });
        return true;
      },
      `the command "${title}" in the Command Palette`,
      timeoutMs,
    );
  }

  /** Puts the keyboard focus in the workbench (the side bar's title, where a click does nothing), not in a webview, where F1 would not reach it. */
  async focusWorkbench(): Promise<void> {
    const title = this.page.locator('.part.sidebar .composite.title .title-label').first();
    if (await title.isVisible()) await title.click().catch(() => undefined);
  }

  /** The walkthrough's step `id` (open, simulate, publish) on the Welcome page. */
  step(id: string): Locator {
    return this.page.locator(`.getting-started-step[data-step-id="${WALKTHROUGH}#${id}"]`);
  }

  /** Whether VS Code shows the step as completed: its checkbox state and its ticked icon. */
  isTicked(id: string): Promise<boolean> {
    return this.step(id).evaluate((e) => e.getAttribute('aria-checked') === 'true' && e.querySelector(':scope > .codicon.complete.codicon-getting-started-step-checked') !== null);
  }

  /** Shows the "Get started with Journey Designer" walkthrough (Welcome: Open Walkthrough…). */
  async showWalkthrough(): Promise<void> {
    if (await this.step('open').isVisible()) return;
    const tab = this.page.locator('.tabs-container .tab', { hasText: 'Walkthrough' });
    if ((await tab.count()) > 0) {
      await tab.first().click();
      if (await this.step('open').isVisible().catch(() => false)) return;
    }
    await this.runCommand('Welcome: Open Walkthrough...');
    await this.pick('Journey Designer', 'Get started with Journey Designer');
    await this.step('open').waitFor({ state: 'visible', timeout: 30_000 });
  }

  async waitTicked(id: string): Promise<void> {
    await until(async () => ((await this.isTicked(id)) ? true : undefined), `the walkthrough step "${id}" to show as completed`, 60_000);
  }

  /** Clicks the step's title (expanding it), then its button `label`, until the quick input titled `opens` shows. */
  async clickStepButton(id: string, label: string, opens: string): Promise<string[]> {
    for (let attempt = 1; ; attempt++) {
      await this.step(id).locator('h3').click();
      await until(async () => ((await this.step(id).evaluate((e) => e.classList.contains('expanded'))) ? true : undefined), `the step "${id}" expanded`, 30_000);
      // The page re-renders a step it has just expanded: a click on the replaced button does nothing, so a person clicks again.
      await pause(500);
      await this.step(id).locator('a.monaco-button', { hasText: label }).click();
      try {
        return await this.quickPickRows(opens, attempt < 3 ? 15_000 : 60_000);
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  }

  get dialog(): Locator {
    return this.page.locator('.monaco-dialog-box');
  }

  async dialogShown(): Promise<{ message: string; detail: string }> {
    await this.dialog.waitFor({ state: 'visible', timeout: 90_000 });
    return { message: await this.dialog.locator('.dialog-message-text').innerText(), detail: await this.dialog.locator('.dialog-message-detail').innerText() };
  }

  async clickDialogButton(label: string): Promise<void> {
    await this.dialog.locator('.dialog-buttons a.monaco-button', { hasText: new RegExp(`^${label}$`) }).click();
    await this.dialog.waitFor({ state: 'hidden', timeout: 30_000 });
  }

  /** The rows of the Journey Simulation view (Contact Queues) on screen. */
  simulationViewText(): Promise<string> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('.pane')]
        .filter((p) => /Contact Queues/i.test(p.querySelector('.pane-header')?.textContent ?? ''))
        .map((p) => (p as HTMLElement).innerText)
        .join('\n'),
    );
  }

  /**
   * The Testing view's summary of the last run ("59/59 2.3s", passed/run),
   * opening the view, once it starts with `expected` (a run counts up as it
   * goes); when it never does, fails with what it said last.
   */
  async testingSummary(expected: string, timeoutMs = 120_000): Promise<string> {
    await this.runCommand('View: Show Testing');
    let last = '';
    try {
      return await until(async () => {
        last = (await this.page.locator('.result-summary').first().innerText().catch(() => '')).trim().replace(/\s+/g, ' ');
        return last.startsWith(`${expected} `) || last === expected ? last : undefined;
      }, `the Testing view to say ${expected}`, timeoutMs);
    } catch {
      throw new Error(`the Testing view says "${last}", not ${expected} within ${timeoutMs / 1000} s`);
    }
  }
}
