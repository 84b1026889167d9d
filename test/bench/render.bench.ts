// Render benchmark (`npm run bench:render`): a generated 500-point journey
// opened on the map in headless Chromium, with the production webview
// bundle. Prints, for each run, the time from the document reaching the
// webview to the first painted map, the elkjs layout time alone in the same
// run, and their ratio; the goal is a ratio of at most 1.5 (everything but
// the layout costs at most half as much again). Exits 1 when the median
// misses the goal.
import { buildMapModel } from '../../src/core/mapModel';
import { launchChromium, openMap, waitForRender } from '../webview/harness/browser';
import { startHarnessServer } from '../webview/harness/server';
import { generateJourney } from './generateJourney';

const POINTS = Number(process.env['BENCH_POINTS'] ?? 500);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const GOAL = 1.5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${Math.round(x)} ms`;

async function main(): Promise<void> {
  const journey = generateJourney(POINTS);
  const text = JSON.stringify(journey, null, 2);
  const model = buildMapModel(journey, []);
  console.log(`render benchmark: generated journey of ${POINTS} points (${model.nodes.length} nodes, ${model.edges.length} edges), production webview bundle, headless Chromium, ${RUNS} cold runs`);
  const server = await startHarnessServer({ production: true });
  const browser = await launchChromium();
  const results: { paint: number; layout: number }[] = [];
  try {
    for (let run = 1; run <= RUNS; run++) {
      const map = await openMap(browser, server, { text, fileName: 'generated.journey.json' }, 'dark', { width: 1600, height: 1000 });
      try {
        const summary = await waitForRender(map.page, (s) => s.points.length === POINTS, 120000);
        const names = ['journey:document-received', 'journey:layout-start', 'journey:layout-end', 'journey:map-committed', 'journey:map-painted'];
        const [received, layoutStart, layoutEnd, committed, painted] = await map.page.evaluate((list) => list.map((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN), names);
        if ([received, layoutStart, layoutEnd, committed, painted].some((x) => x === undefined || Number.isNaN(x))) throw new Error('the webview did not mark the document, the layout, the render and the paint');
        const marks = { received: received!, layoutStart: layoutStart!, layoutEnd: layoutEnd!, committed: committed!, painted: painted! };
        const paint = marks.painted - marks.received;
        const layout = summary.layoutMs ?? NaN;
        if (map.problems.length > 0) throw new Error(`the page reported problems: ${map.problems.join('; ')}`);
        results.push({ paint, layout });
        console.log(`run ${run}: first painted map ${ms(paint)} · elkjs layout alone ${ms(layout)} · ratio ${(paint / layout).toFixed(2)}  (before layout ${ms(marks.layoutStart - marks.received)}; after it: React render ${ms(marks.committed - marks.layoutEnd)}, browser paint ${ms(marks.painted - marks.committed)})`);
      } finally {
        await map.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const paint = median(results.map((r) => r.paint));
  const layout = median(results.map((r) => r.layout));
  const ratio = median(results.map((r) => r.paint / r.layout));
  console.log(`median: first painted map ${ms(paint)} · elkjs layout alone ${ms(layout)} · ratio ${ratio.toFixed(2)} (goal ≤ ${GOAL}) → ${ratio <= GOAL ? 'goal met' : 'goal MISSED'}`);
  if (ratio > GOAL) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
