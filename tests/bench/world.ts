import { Client, type Room } from 'colyseus.js';
import { HALL_ROOM, MOVE_HZ } from '../../src/shared/messages';
import { launchBrowser, newPage } from '../e2e/browser';
import { startServer } from '../helpers/server';

/**
 * The real app in headless Chromium (SwiftShader, no GPU): time to the first 3D frame, frame
 * times, and the renderer's draw calls and triangles with every counter, officer and 50
 * other visitors — real colyseus.js bots walking in the hall at 10 Hz.
 */
export async function benchWorld(visitors = Number(process.env.BENCH_WORLD_VISITORS ?? 50)): Promise<void> {
  const server = await startServer({ env: { DEMO: '1' } });
  const browser = await launchBrowser();
  const bots: Room[] = [];
  const timers: ReturnType<typeof setInterval>[] = [];
  try {
    const endpoint = `${server.url.replace(/^http/, 'ws')}/rooms`;
    for (let i = 0; i < visitors; i += 1) {
      const room = await new Client(endpoint).joinOrCreate(HALL_ROOM, { name: `Warga ${i + 1}` });
      (room.connection.transport as unknown as { ws: { onmessage: () => void } }).ws.onmessage = () => undefined;
      let x = -900 + (i % 10) * 200;
      let z = -200 + Math.floor(i / 10) * 150;
      timers.push(
        setInterval(() => {
          x = Math.max(-1500, Math.min(1500, x + Math.round((Math.random() - 0.5) * 30)));
          z = Math.max(-500, Math.min(1000, z + Math.round((Math.random() - 0.5) * 30)));
          room.send('move', { x, z, h: 0, a: 'walk' });
        }, 1000 / MOVE_HZ),
      );
      bots.push(room);
    }
    for (const viewport of [
      { name: 'desktop 1280×800', width: 1280, height: 800, mobile: false },
      { name: 'phone 390×844', width: 390, height: 844, mobile: true },
    ]) {
      const { page, context } = await newPage(browser, { viewport: { width: viewport.width, height: viewport.height }, mobile: viewport.mobile });
      await page.goto(server.url);
      await page.click('[data-action="enter"]');
      await page.click('.avatar-form button[type="submit"]');
      await page.waitForSelector('.world-canvas[data-ready]', { timeout: 180_000 });
      const firstFrameMs = await page.evaluate(() => performance.now());
      // Let the remote visitors arrive and settle, then sample frames for five seconds.
      await page.waitForTimeout(3000);
      // A string, not a function: tsx would wrap a function's inner helpers in its own __name().
      const figures = (await page.evaluate(`new Promise((resolve) => {
        const frames = [];
        let last = performance.now();
        const until = last + 5000;
        const tick = (now) => {
          frames.push(now - last);
          last = now;
          if (now < until) requestAnimationFrame(tick);
          else resolve({ frames, stats: window.__makaverseWorld.stats() });
        };
        requestAnimationFrame(tick);
      })`)) as { frames: number[]; stats: Record<string, number> };
      const sorted = [...figures.frames].sort((a, b) => a - b);
      const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
      console.log(`\n== 3D hall in headless Chromium (SwiftShader, no GPU), ${viewport.name}, ${visitors} bot visitors ==`);
      console.table({
        'first 3D frame (ms since navigation)': Math.round(firstFrameMs),
        'frame time p50 (ms)': Math.round(at(0.5)),
        'frame time p95 (ms)': Math.round(at(0.95)),
        'frames in 5 s': figures.frames.length,
        'draw calls': figures.stats.calls,
        triangles: figures.stats.triangles,
        'remote visitors drawn': (await page.evaluate('window.__makaverseWorld.remoteCount ? window.__makaverseWorld.remoteCount() : "n/a"')) as number | string,
      });
      await context.close();
    }
  } finally {
    timers.forEach((t) => clearInterval(t));
    for (const b of bots) if (b.connection.isOpen) await b.leave().catch(() => undefined);
    await browser.close();
    await server.cleanup();
  }
}
