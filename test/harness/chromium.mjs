// Launches Debian's Chromium headless through playwright-core (never a
// downloaded browser), with the flags this closed network needs, in a fresh
// profile of its own.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureSystemPackages } from './systemPackages.mjs';

export const CHROMIUM_PATH = process.env.JOURNEY_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

/** A persistent context (its own profile folder, starting with `preferences` if given) and a page; close() removes the profile. */
export async function launchChromium({ viewport = { width: 1400, height: 900 }, colorScheme, preferences } = {}) {
  ensureSystemPackages();
  const profile = mkdtempSync(join(tmpdir(), 'journey-chromium-'));
  if (preferences) {
    mkdirSync(join(profile, 'Default'));
    writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify(preferences));
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    ...(colorScheme ? { colorScheme } : {}),
    env: { ...process.env, HOME: profile, XDG_CONFIG_HOME: join(profile, '.config'), XDG_CACHE_HOME: join(profile, '.cache') },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // Chromium may still be writing to its profile as it ends (or, on Ctrl-C,
  // be ended by Playwright's own handler before close() runs): never fail on
  // the removal, and retry it when the process exits.
  const removeProfile = () => {
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch {
      // left in the temp folder
    }
  };
  process.once('exit', removeProfile);
  const close = async () => {
    await context.close().catch(() => {});
    removeProfile();
    process.off('exit', removeProfile); // one listener per open browser, not one per browser ever opened
  };
  return { context, page, close };
}
