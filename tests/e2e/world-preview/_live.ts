import { Client, type Room } from 'colyseus.js';
import { HALL_ROOM, MOVE_HZ } from '../../../src/shared/messages';
import { launchBrowser, newPage } from '../browser';
import { startServer } from '../../helpers/server';

const server = await startServer({ env: { DEMO: '1', CLIENT_DIR: '/tmp/mk-dist/client' } });
const browser = await launchBrowser();
const bots: Room[] = [];
const timers: ReturnType<typeof setInterval>[] = [];
const endpoint = `${server.url.replace(/^http/, 'ws')}/rooms`;
for (let i = 0; i < 30; i += 1) {
  const room = await new Client(endpoint).joinOrCreate(HALL_ROOM, { name: `Warga ${i + 1}` });
  (room.connection.transport as unknown as { ws: { onmessage: () => void } }).ws.onmessage = () => undefined;
  let x = -900 + (i % 10) * 200;
  let z = -200 + Math.floor(i / 10) * 150;
  timers.push(setInterval(() => {
    x = Math.max(-1500, Math.min(1500, x + Math.round((Math.random() - 0.5) * 30)));
    z = Math.max(-500, Math.min(1000, z + Math.round((Math.random() - 0.5) * 30)));
    room.send('move', { x, z, h: 0, a: 'walk' });
  }, 1000 / MOVE_HZ));
  bots.push(room);
}
// A bot that listens: does the browser's player position arrive?
const watcher = await new Client(endpoint).joinOrCreate(HALL_ROOM, { name: 'Watcher' });
const { page, context } = await newPage(browser, { viewport: { width: 1280, height: 800 }, mobile: false });
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(server.url + '/?visitors=50');
await page.click('[data-action="enter"]');
await page.click('.avatar-form button[type="submit"]');
await page.waitForSelector('.world-canvas[data-ready]', { timeout: 180_000 });
await page.waitForTimeout(3000);
await page.locator('canvas').focus();
await page.keyboard.down('ArrowUp');
await page.waitForTimeout(1500);
await page.keyboard.up('ArrowUp');
await page.waitForTimeout(1500);
const st = await page.evaluate(() => ({ ...(window as any).__makaverseWorld.stats(), remote: (window as any).__makaverseWorld.remoteCount(), player: (window as any).__makaverseWorld.player() }));
console.log('browser', JSON.stringify(st));
const seen: string[] = [];
(watcher.state as any).visitors.forEach((v: any, id: string) => seen.push(`${v.name}:${v.x},${v.z},${v.a}`));
console.log('watcher sees', seen.filter((s) => !/^Warga \d+:/.test(s)).join(' | '), seen.length);
await page.screenshot({ path: '/tmp/world-remote/live-desktop.png' });
await context.close();
timers.forEach(clearInterval);
for (const b of [...bots, watcher]) await b.leave().catch(() => undefined);
await browser.close();
await server.cleanup();
process.exit(0);
