import { launchBrowser, newPage } from './tests/e2e/browser';
import { startServer } from './tests/helpers/server';
const srv = await startServer();
const browser = await launchBrowser();
for (const block of [true, false, true, false]) {
  const { page, context } = await newPage(browser);
  if (block) await page.routeWebSocket(/\/rooms/, () => undefined);
  await page.goto(srv.url);
  await page.click('[data-action="enter"]');
  await page.click('.avatar-form button[type="submit"]');
  await page.waitForSelector('.world-canvas[data-ready]', { timeout: 120_000 });
  await page.waitForTimeout(2000);
  const fps = await page.evaluate(`new Promise((r) => { let n = 0; const t = performance.now(); function f() { n++; if (performance.now() - t < 4000) requestAnimationFrame(f); else r(n / 4); } requestAnimationFrame(f); })`);
  console.log(block ? 'no hall' : 'hall', 'fps', fps, await page.evaluate(() => document.querySelector('.hall-status')?.getAttribute('data-hall')));
  await context.close();
}
await browser.close(); await srv.cleanup();
