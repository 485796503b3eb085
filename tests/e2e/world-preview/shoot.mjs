// Screenshots of the world preview in headless Chromium (SwiftShader), plus a keyboard walk.
// Usage: node tests/e2e/world-preview/shoot.mjs [outDir] (preview running on :5190)
// SHOTS=desktop-remote,phone-panel picks some; WALK=0 skips the walks.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const out = process.argv[2] ?? '/tmp/world-shots';
mkdirSync(out, { recursive: true });
const base = process.env.PREVIEW_URL ?? 'http://localhost:5190/';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function open(query, viewport, extra = {}) {
  const page = await browser.newPage({ viewport, ...extra });
  const external = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.hostname !== 'localhost' && u.protocol.startsWith('http')) external.push(r.url());
  });
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  page.on('console', (m) => m.type() === 'error' && console.log('console', m.text()));
  await page.goto(base + query);
  await page.waitForFunction(() => (window.__makaverseWorld?.frames ?? 0) > 5, null, { timeout: 120_000 });
  await page.waitForTimeout(1500);
  return { page, external };
}

const phone = { width: 390, height: 844 };
const phoneExtra = { hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
const crowd = 'visitors=50&remote=30&names=1';
const only = process.env.SHOTS?.split(',');
const stats = (page) => page.evaluate(() => ({ ...window.__makaverseWorld.stats(), player: window.__makaverseWorld.player(), log: window.__previewLog }));

for (const [name, query, viewport, extra] of [
  ['desktop', '?visitors=0', { width: 1280, height: 800 }, {}],
  ['desktop-50', '?visitors=50&bubbles=1', { width: 1280, height: 800 }, {}],
  ['phone-50', '?visitors=50&lang=en', phone, phoneExtra],
  ['desktop-remote', `?${crowd}&bubbles=1`, { width: 1280, height: 800 }, {}],
  ['phone-remote', `?${crowd}&lang=en`, phone, phoneExtra],
  ['desktop-panel', `?${crowd}&open=right&at=general&bubbles=1`, { width: 1280, height: 800 }, {}],
  ['phone-panel', `?${crowd}&open=bottom&at=general&bubbles=1&lang=en`, phone, phoneExtra],
  ['desktop-worst', '?visitors=50&remote=30&names=all&duty=1&bubbles=1', { width: 1280, height: 800 }, {}],
  ['desktop-at-counter', `?${crowd}&at=general&bubbles=1`, { width: 1280, height: 800 }, {}],
]) {
  if (only && !only.includes(name)) continue;
  const { page, external } = await open(query, viewport, extra);
  if (name.includes('remote') || name.includes('panel') || name.includes('counter')) await page.waitForTimeout(2500);
  await page.screenshot({ path: `${out}/${name}.png` });
  console.log(name, JSON.stringify(await stats(page)), 'external:', external.length);
  if (name === 'desktop' && process.env.WALK !== '0') {
    const pos = () => page.evaluate(() => ({ ...window.__makaverseWorld.player(), f: window.__makaverseWorld.frames, t: Math.round(performance.now()) }));
    const hold = async (key, until, maxMs = 20000) => {
      await page.keyboard.down(key);
      const t0 = Date.now();
      let last = await pos();
      let still = 0;
      while (Date.now() - t0 < maxMs) {
        await page.waitForTimeout(250);
        const p = await pos();
        if (until(p)) break;
        still = Math.hypot(p.x - last.x, p.z - last.z) < 0.01 ? still + 1 : 0;
        if (still >= 8) break; // blocked for 2 s
        last = p;
      }
      await page.keyboard.up(key);
      return pos();
    };
    await page.locator('canvas').focus();
    await page.keyboard.down('ArrowUp');
    await page.waitForTimeout(1000);
    await page.keyboard.up('ArrowUp');
    await page.waitForTimeout(300);
    console.log('after 1s ArrowUp', JSON.stringify(await pos()));
    await page.screenshot({ path: `${out}/desktop-walk.png` });
    // Lane between the benches and the pillars, up to Loket 10 (Satpol PP), then along its desk.
    console.log('right', JSON.stringify(await hold('ArrowRight', (p) => p.x >= 10.1)));
    console.log('up', JSON.stringify(await hold('ArrowUp', () => false, 30000)));
    console.log('right', JSON.stringify(await hold('ArrowRight', (p) => p.x >= 12.4)));
    const blocked = await hold('ArrowUp', () => false, 30000);
    console.log('up until blocked', JSON.stringify(blocked), JSON.stringify(await stats(page)));
    console.log('right along the desk', JSON.stringify(await hold('ArrowRight', (p) => p.x >= 12.3)));
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${out}/desktop-counter.png` });
    await page.keyboard.press('KeyE');
    await page.waitForTimeout(300);
    console.log('after E', JSON.stringify((await stats(page)).log));
    // A side-wall counter: the camera turns to face it.
    const spot = await page.evaluate(() => window.__makaverseWorld.counters().dinkes);
    await page.evaluate(({ x, z }) => window.__makaverseWorld.teleport(x - 1.5, z + 0.3), spot);
    await page.waitForTimeout(4000);
    await page.screenshot({ path: `${out}/desktop-side.png` });
    console.log('side', JSON.stringify(await stats(page)));
  }
  if (name === 'desktop-50' && process.env.WALK !== '0') {
    await page.locator('canvas').click({ position: { x: 150, y: 380 } });
    await page.waitForFunction(() => window.__previewLog.some((l) => l.startsWith('interact')), null, { timeout: 60000 }).catch(() => {});
    await page.waitForTimeout(2500);
    console.log('after tap on Loket 1', JSON.stringify(await stats(page)));
    await page.screenshot({ path: `${out}/desktop-general.png` });
  }
  await page.close();
}
await browser.close();
