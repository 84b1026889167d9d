// Helpers for the webview specifications: read the fake host's state
// (document text, version, messages both ways), wait for the map to show a
// document version, and find the messages a gesture produced.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { JourneyOperation } from '../../../src/core/edits/journeyOperation';
import { REPO } from './server';

export interface HostSnapshot {
  text: string;
  version: number;
  received: { type: string; [k: string]: unknown }[];
  sent: { type: string; [k: string]: unknown }[];
  commands: string[];
  exports: { format: string; data?: string; error?: string }[];
}

export const NOW = '2026-03-01T10:00:00Z';

export function host(page: Page): Promise<HostSnapshot> {
  return page.evaluate(() => {
    const h = (window as unknown as { __host: HostSnapshot }).__host;
    return { text: h.text, version: h.version, received: h.received, sent: h.sent, commands: h.commands, exports: h.exports };
  });
}

/** Waits until `probe` returns something (polling the page), or fails naming `what`. */
export async function until<T>(page: Page, probe: () => Promise<T | undefined | false>, what: string, timeout = 15000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(40);
  }
}

/** Waits for the map to report drawing document version `version` (or later). */
export async function renderedVersion(page: Page, version: number): Promise<void> {
  await until(
    page,
    async () => {
      const h = await host(page);
      return h.received.some((m) => m.type === 'rendered' && ((m['summary'] as { documentVersion: number }).documentVersion ?? 0) >= version);
    },
    `the map to draw document version ${version}`,
  );
}

/** The edit operations the webview sent since message `from`. */
export async function editsSent(page: Page, from = 0): Promise<JourneyOperation[]> {
  const h = await host(page);
  return h.received.slice(from).filter((m) => m.type === 'edit').map((m) => m['operation'] as JourneyOperation);
}

/** Waits for the next edit the map sends after `before` and for the host to apply it; returns the operation and the host then. */
export async function nextEdit(page: Page, before: HostSnapshot): Promise<{ operation: JourneyOperation; host: HostSnapshot }> {
  const operation = await until(page, async () => (await editsSent(page, before.received.length))[0], 'the map to send an edit');
  const answered = (h: HostSnapshot) => h.sent.filter((m) => m.type === 'editResult');
  const after = await until(page, async () => {
    const h = await host(page);
    return answered(h).length > answered(before).length ? h : undefined;
  }, 'the host to answer the edit');
  const result = answered(after)[answered(before).length]!;
  assert.equal(result['ok'], true, `the host applied the edit: ${String(result['error'])}`);
  await renderedVersion(page, after.version);
  return { operation, host: after };
}

export async function messageCount(page: Page): Promise<number> {
  return (await host(page)).received.length;
}

export interface Sample {
  name: string;
  file: string;
  text: string;
}

export function samples(): Sample[] {
  const dirs = [join(REPO, 'samples'), join(REPO, 'samples/broken')];
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.journey.json'))
      .sort()
      .map((f) => ({ name: `${dir.endsWith('broken') ? 'broken-' : ''}${f.replace('.journey.json', '')}`, file: f, text: readFileSync(join(dir, f), 'utf8') })),
  );
}

export function sample(name: string): Sample {
  const found = samples().find((s) => s.name === name);
  if (!found) throw new Error(`no sample ${name}`);
  return found;
}
