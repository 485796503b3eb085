import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser, newPage } from '../e2e/browser';
import { DRAINAGE_FORM, fillDrainageComplaint, readTicket } from '../e2e/forms';
import { startServer } from '../helpers/server';
import { record } from './figures';

interface Sample {
  /** Seconds since the soak started. */
  t: number;
  heapMb: number;
  nodes: number;
  listeners: number;
  documents: number;
}

const IDLE_SECONDS = 10;
const WAIT = { timeout: 180_000 };

/** Least-squares slope of y over x. */
function slope(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i += 1) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

/** JS heap after a full garbage collection, and the DOM's size, through the DevTools protocol. */
async function sample(cdp: CDPSession, started: number): Promise<Sample> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  return {
    t: (Date.now() - started) / 1000,
    heapMb: m.JSHeapUsedSize / 1048576,
    nodes: m.Nodes,
    listeners: m.JSEventListeners,
    documents: m.Documents,
  };
}

/** One kiosk visitor: start, enter the 3D hall with a name, file a complaint at PU in 2D, walk away. */
async function visit(page: Page, n: number): Promise<void> {
  await page.locator('[data-action="kiosk-start"]').tap();
  await page.click('[data-action="enter"]');
  await page.locator('.avatar-form input[type="text"]').fill(`Soak ${n}`);
  await page.click('.avatar-form button[type="submit"]');
  // Each kiosk visitor is new here: the first-visit guide comes up; this one skips it.
  await page.click('[data-guide="skip"]', WAIT);
  // A locator, not waitForSelector: an element handle would keep the old hall's DOM alive.
  await page.locator('.world-canvas[data-ready]').waitFor(WAIT);
  await page.getByRole('button', { name: 'Mode 2D' }).click();
  await page.click('[data-counter="pu"]');
  await page.click('[data-interaction="complain"]');
  await page.click('[data-service="pu-drainase"]');
  await fillDrainageComplaint(page, `Soak kiosk laporan nomor ${'x'.repeat(n % 7)} selesai`);
  await page.click(`${DRAINAGE_FORM} button[type="submit"]`);
  await readTicket(page);
}

/**
 * The kiosk soak: headless Chromium runs the kiosk for BENCH_SOAK_SECONDS (default 300) —
 * attract loop, a visitor who files a complaint, the idle privacy reset, again and again —
 * and the JS heap (after GC) and DOM nodes are sampled each time the attract loop is back.
 * Growth per hour is the least-squares slope over the samples from the first visit on (and
 * over their second half, once caches and the JIT have warmed up).
 */
export async function benchKiosk(seconds = Number(process.env.BENCH_SOAK_SECONDS ?? 300)): Promise<void> {
  const server = await startServer({ env: { KIOSK: '1', KIOSK_IDLE_SECONDS: String(IDLE_SECONDS), RATE_LIMIT_POST: '1000' } });
  const browser = await launchBrowser();
  try {
    const { page, context } = await newPage(browser, { viewport: { width: 1280, height: 800 }, mobile: true, guide: true });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(server.url);
    await page.locator('.attract-caption').waitFor(WAIT);
    const started = Date.now();
    const samples: Sample[] = [await sample(cdp, started)];
    let visits = 0;
    let stops = 0;
    while ((Date.now() - started) / 1000 < seconds) {
      // The attract loop on its own for a while, then a visitor.
      const before = Number(await page.locator('.attract-caption').getAttribute('data-index'));
      await page.waitForTimeout(9000);
      const after = Number(await page.locator('.attract-caption').getAttribute('data-index'));
      stops += after >= before ? after - before : after + 1;
      visits += 1;
      await visit(page, visits);
      // Hands off until the privacy reset brings the attract loop back.
      await page.locator('[data-testid="attract"]').waitFor(WAIT);
      samples.push(await sample(cdp, started));
    }
    // Growth is measured from the first visit on: before it, the 3D code was not even loaded.
    const steady = samples.slice(1);
    const half = steady.slice(Math.floor(steady.length / 2));
    const perHour = (list: Sample[], pick: (s: Sample) => number) => slope(list.map((s) => s.t / 3600), list.map(pick));
    const row = (pick: (s: Sample) => number, digits: number) => ({
      'before any visit': pick(samples[0]).toFixed(digits),
      'after visit 1': pick(steady[0]).toFixed(digits),
      last: pick(steady[steady.length - 1]).toFixed(digits),
      'growth per hour': perHour(steady, pick).toFixed(digits),
      'growth per hour, 2nd half': perHour(half, pick).toFixed(digits),
    });
    const last = steady[steady.length - 1];
    console.log(`\n== Kiosk soak in headless Chromium (SwiftShader), ${Math.round(last.t)} s: ${visits} visits (3D hall, complaint filed, idle reset), ${stops} attract-loop stops ==`);
    console.table({
      'JS heap after GC (MB)': row((s) => s.heapMb, 1),
      'DOM nodes': row((s) => s.nodes, 0),
      'event listeners': row((s) => s.listeners, 0),
      documents: row((s) => s.documents, 0),
    });
    record('kiosk.visits', visits);
    record('kiosk.heapMB', last.heapMb);
    record('kiosk.heapGrowthMBPerHour', perHour(steady, (s) => s.heapMb));
    record('kiosk.heapGrowthMBPerHour2ndHalf', perHour(half, (s) => s.heapMb));
    record('kiosk.domNodes', last.nodes);
    record('kiosk.domNodesGrowthPerHour', perHour(steady, (s) => s.nodes));
    console.log(`samples (s, MB, nodes): ${samples.map((s) => `${Math.round(s.t)}:${s.heapMb.toFixed(1)}/${s.nodes}`).join('  ')}`);
    await context.close();
  } finally {
    await browser.close();
    await server.cleanup();
  }
}
