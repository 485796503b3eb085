/**
 * The projector view for the screenshots: a lively hall first (officers on duty at four
 * counters, citizens walking about and queueing, all real colyseus.js clients), then the
 * projector page on a landscape screen. Used by scripts/screenshots.ts (`--only projector`).
 */
import type { Browser, Page } from 'playwright-core';
import hallJson from '../scenes/hall.json';
import { MOVE_HZ } from '../src/shared/messages';
import { hallGeometry, isWalkable, parseHallLayout } from '../src/shared/hall';
import { newPage } from '../tests/e2e/browser';
import { joinHall, login, type JoinedHall } from '../tests/helpers/rooms';

const geom = hallGeometry(parseHallLayout(hallJson));
const SCREEN = { width: 1600, height: 900 };
const OFFICERS = ['pu', 'disdukcapil', 'general', 'dlh'];
/** Queues: so many citizens at each counter. */
const QUEUES: Record<string, number> = { disdukcapil: 4, pu: 3, general: 2 };
const WANDERERS = ['Andi Baso', 'Nurul', 'Daeng Tata', 'Rahmawati', 'Irfan', 'Sitti Aminah', 'Fadli', 'Hasnah', 'Arif', 'Wahyuni', 'Ilham', 'Ratna'];

/** Deterministic "random" spots, so the picture is the same every time. */
function spots(n: number): { x: number; z: number }[] {
  let seed = 11;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const out: { x: number; z: number }[] = [];
  while (out.length < n) {
    const x = geom.bounds.minX + 2 + rnd() * (geom.bounds.maxX - geom.bounds.minX - 4);
    const z = geom.bounds.minZ + 4 + rnd() * (geom.bounds.maxZ - geom.bounds.minZ - 6);
    if (isWalkable(geom, x, z, 0.5)) out.push({ x, z });
  }
  return out;
}

/** Walks a bot through waypoints at a stroll, as a browser would report it (10 moves a second). */
async function walk(bot: JoinedHall, ...route: { x: number; z: number }[]): Promise<void> {
  for (const to of route) await walkStraight(bot, to);
}

async function walkStraight(bot: JoinedHall, to: { x: number; z: number }): Promise<void> {
  const me = () => bot.room.state.visitors.get(bot.room.sessionId);
  for (let i = 0; i < 120; i++) {
    const x = me().x / 100;
    const z = me().z / 100;
    const dx = to.x - x;
    const dz = to.z - z;
    const d = Math.hypot(dx, dz);
    if (d < 0.15) break;
    const step = Math.min(d, 0.45);
    const h = Math.atan2(dx, dz);
    bot.room.send('move', { x: Math.round((x + (dx / d) * step) * 100), z: Math.round((z + (dz / d) * step) * 100), h: Math.round(h * 100), a: 'walk' });
    await new Promise((r) => setTimeout(r, 1000 / MOVE_HZ + 15));
  }
  const v = me();
  bot.room.send('move', { x: v.x, z: v.z, h: v.h, a: 'idle' });
}

/** Citizens line up in front of a counter, one behind the other; the way there from the door avoids desks and benches. */
function queueRoute(code: string, place: number): { x: number; z: number }[] {
  const s = geom.spots[code];
  const spot = { x: s.x + s.frontX * place * 0.7, z: s.z + s.frontZ * place * 0.7 };
  if (spot.z < -8) return [{ x: 0, z: -9.6 }, { x: spot.x, z: -9.6 }, spot];
  if (Math.abs(spot.x) > 12) return [{ x: Math.sign(spot.x) * 10.5, z: 10.5 }, spot];
  return [spot];
}

/** The screenshot server's demo password (demo passwords are otherwise random at each start). */
export const SHOTS_DEMO_PASSWORD = 'screenshots-demo-only';

export async function projectorView(browser: Browser, url: string, shoot: (page: Page, name: string) => Promise<void>): Promise<void> {
  const bots: JoinedHall[] = [];
  try {
    for (const code of OFFICERS) bots.push(await joinHall(url, { staffToken: await login(url, `petugas.${code}`, SHOTS_DEMO_PASSWORD) }));
    const walks: Promise<void>[] = [];
    let k = 0;
    for (const [code, n] of Object.entries(QUEUES)) {
      for (let place = 0; place < n; place++) {
        const bot = await joinHall(url, { name: `Warga ${++k}` });
        bots.push(bot);
        bot.room.send('queueTake', { counter: code });
        walks.push(walk(bot, ...queueRoute(code, place)));
      }
    }
    const targets = spots(WANDERERS.length);
    for (const [i, name] of WANDERERS.entries()) {
      const bot = await joinHall(url, { name });
      bots.push(bot);
      walks.push(walk(bot, targets[i]));
    }
    await Promise.all(walks);

    for (const lang of ['id', 'en'] as const) {
      const { page, context } = await newPage(browser, { viewport: SCREEN });
      await page.goto(`${url}/proyektor?lang=${lang}`);
      await page.waitForSelector('.projector-world[data-ready]', { timeout: 180_000 });
      await page.waitForFunction('document.querySelector(".projector-panel")?.getAttribute("data-visitors") !== "0"');
      // Name tags and boards settle over a few frames.
      await page.waitForTimeout(3000);
      await shoot(page, lang === 'id' ? 'projector' : 'projector-en');
      // The whole hall in one view is the draw-call worst case (budget: 100).
      console.log(`  renderer: ${await page.evaluate('JSON.stringify(window.__makaverseWorld.stats())')}`);
      await context.close();
    }
  } finally {
    for (const bot of bots) if (bot.room.connection.isOpen) await bot.room.leave().catch(() => undefined);
  }
}
