// `npm run screenshots`: the README's pictures, taken from a real VS Code
// (code-server) with the extension: a seed journey on the map, the same map
// with a simulation over it, a short animated capture stepping the
// simulation through time, and a generated 200-point journey with 16 if/else
// fitted on its map; then the map and publish UI tests with
// JOURNEY_SCREENSHOTS=1 take theirs. Writes test/screenshots/*.png and *.gif.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import gifenc from 'gifenc';
import { PNG } from 'pngjs';
import { launchChromium } from './chromium.mjs';
import { PROJECT_ROOT, startCodeServer } from './codeServer.mjs';
import { workbenchUrl } from './runInVsCode.mjs';

const OUT = join(PROJECT_ROOT, 'test', 'screenshots');
const SAMPLE = 'mailchimp-vip-welcome';
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 10_000 });
  await page.keyboard.type(title, { delay: 5 });
  await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 10_000 });
  await pause(400);
  await page.keyboard.press('Enter');
}

async function mapFrame(page) {
  for (let i = 0; i < 60; i++) {
    for (const frame of page.frames()) {
      const found = await frame.$('svg.map-svg .map-world').catch(() => null);
      if (found) return frame;
    }
    await pause(500);
  }
  writeFileSync('/tmp/journey-screenshot-failure.png', await page.screenshot());
  throw new Error(`the journey map did not appear (frames: ${page.frames().map((f) => f.url().slice(0, 80)).join(', ')}); see /tmp/journey-screenshot-failure.png`);
}

function gif(frames, width, height, delayMs) {
  const { GIFEncoder, quantize, applyPalette } = gifenc;
  const encoder = GIFEncoder();
  for (const rgba of frames) {
    const palette = quantize(rgba, 256);
    encoder.writeFrame(applyPalette(rgba, palette), width, height, { palette, delay: delayMs });
  }
  encoder.finish();
  return encoder.bytes();
}

mkdirSync(OUT, { recursive: true });
const folder = join(PROJECT_ROOT, 'samples');
const server = await startCodeServer({ folder, gallery: false });
const browser = await launchChromium({ viewport: { width: 1440, height: 900 } });
try {
  const { page } = browser;
  await page.goto(workbenchUrl(server.url, { folder, extensionDevelopmentPath: PROJECT_ROOT }));
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  await pause(3000);
  await page.keyboard.press('Control+P');
  await pause(500);
  await page.keyboard.type(`${SAMPLE}.journey.json`, { delay: 5 });
  await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 20_000 });
  await pause(500);
  await page.keyboard.press('Enter');
  await mapFrame(page);
  await pause(2500);
  writeFileSync(join(OUT, `map-${SAMPLE}.png`), await page.screenshot());
  console.log(`[screenshots] map-${SAMPLE}.png`);

  await runCommand(page, 'Journey: Simulate Journey');
  await pause(1200);
  await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 10_000 });
  await pause(400);
  await page.keyboard.press('Enter'); // the timeline that replays this journey comes first
  await pause(3000);
  writeFileSync(join(OUT, `simulation-${SAMPLE}.png`), await page.screenshot());
  console.log(`[screenshots] simulation-${SAMPLE}.png`);

  const frames = [];
  let size = { width: 0, height: 0 };
  await runCommand(page, 'Journey Simulation: Go to Start');
  await pause(1200);
  for (let step = 0; step < 10; step++) {
    const png = PNG.sync.read(await page.screenshot({ scale: 'css', clip: { x: 0, y: 0, width: 1440, height: 900 } }));
    const half = new PNG({ width: png.width / 2, height: png.height / 2 });
    for (let y = 0; y < half.height; y++) {
      for (let x = 0; x < half.width; x++) {
        const from = ((y * 2) * png.width + x * 2) * 4;
        const to = (y * half.width + x) * 4;
        for (let c = 0; c < 4; c++) half.data[to + c] = png.data[from + c];
      }
    }
    size = { width: half.width, height: half.height };
    frames.push(new Uint8Array(half.data));
    await runCommand(page, 'Journey Simulation: Step Forward');
    await pause(1000);
  }
  writeFileSync(join(OUT, `simulation-${SAMPLE}.gif`), gif(frames, size.width, size.height, 900));
  console.log(`[screenshots] simulation-${SAMPLE}.gif (${frames.length} frames)`);

  // A large journey (test/bench/branchingJourney.ts), written beside the samples for the picture only.
  await runCommand(page, 'Journey Simulation: Clear Simulation');
  await pause(800);
  const large = join(folder, 'generated-200-points.journey.json');
  const text = execFileSync(process.execPath, ['--import', 'tsx', '-e', "import('./test/bench/branchingJourney.ts').then((m) => process.stdout.write(JSON.stringify((m.branchingJourney ?? m.default.branchingJourney)(200, 16), null, 2)))"], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  writeFileSync(large, text);
  try {
    await pause(1500);
    await page.keyboard.press('Control+P');
    await pause(500);
    await page.keyboard.type('generated-200-points.journey.json', { delay: 5 });
    await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 20_000 });
    await pause(500);
    await page.keyboard.press('Enter');
    await pause(6000);
    writeFileSync(join(OUT, 'map-generated-200-points.png'), await page.screenshot());
    console.log('[screenshots] map-generated-200-points.png');
  } finally {
    rmSync(large, { force: true });
  }
} finally {
  await browser.close();
  server.stop();
}

// The pictures of building on the map (an empty journey, the seed journey
// built from it, deleting a branching point, pasting three points, a quick
// fix on the map, New Journey's default name) and of the publish dialog are
// taken by their UI tests in a real VS Code, which write them to
// test/screenshots/ with JOURNEY_SCREENSHOTS=1.
const { spawnSync } = await import('node:child_process');
const uiTests = spawnSync(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js'), '--import=tsx', '--timeout', '600000', 'test/typing/mapBuilding.test.ts', 'test/typing/publishConfirmation.test.ts'], {
  cwd: PROJECT_ROOT,
  stdio: 'inherit',
  env: { ...process.env, JOURNEY_SCREENSHOTS: '1' },
});
if (uiTests.status !== 0) {
  console.error('[screenshots] the UI tests that take the map\'s pictures failed');
  process.exitCode = 1;
}
