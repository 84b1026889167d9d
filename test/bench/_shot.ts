import { launchChromium, openMap, waitForRender } from '../webview/harness/browser';
import { startHarnessServer } from '../webview/harness/server';
import { branchingJourney } from './branchingJourney';
(async () => {
  const server = await startHarnessServer();
  const browser = await launchChromium();
  const j = branchingJourney();
  console.log(j.points.length, j.points.filter(p => p.type === 'ifElse').length);
  const m = await openMap(browser, server, { text: JSON.stringify(j, null, 2), fileName: 'big.journey.json' }, 'dark', { width: 1280, height: 800 });
  const s = await waitForRender(m.page, (x) => x.points.length > 0, 60000);
  await m.page.waitForTimeout(500);
  await m.page.screenshot({ path: '/tmp/exp/big.png' });
  console.log(await m.page.locator('g.map-world').getAttribute('transform'), m.problems);
  await browser.close(); await server.close();
})();
