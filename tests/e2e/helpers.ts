import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import hallJson from '../../scenes/hall.json';
import { hallGeometry, parseHallLayout, type Vec2 } from '../../src/shared/hall';
import { findPath } from '../../src/shared/hallPath';
import { ROOT } from '../helpers/server';
import { E2E_DEMO_PASSWORD } from './browser';

/**
 * From the welcome page into the hall as a citizen: "Masuk", then the avatar sheet submitted
 * (with `name` typed first, else the default look and no name). `tap` uses touch (a phone
 * context). Returns at once: each caller waits for what it needs (the guide, the first frame…).
 */
export async function enterHall(page: Page, { tap = false, name }: { tap?: boolean; name?: string } = {}): Promise<void> {
  const press = (selector: string) => (tap ? page.locator(selector).tap() : page.locator(selector).click());
  await press('[data-action="enter"]');
  if (name !== undefined) await page.locator('.avatar-form input[type="text"]').fill(name);
  await press('.avatar-form button[type="submit"]');
}

/**
 * A console error that only says the network was cut (the test went offline): a failed fetch, or
 * the service worker's registration if it began just before (the app registers again online).
 */
export function causedByOffline(error: string): boolean {
  return /ERR_INTERNET_DISCONNECTED|An unknown error occurred when fetching the script/.test(error);
}

/** The e2e tests drive the built client that the server serves; the test setup builds it. */
export function assertClientBuilt(): void {
  if (!existsSync(join(ROOT, 'dist/client/index.html'))) {
    throw new Error('dist/client is missing: run `npm run build` before the e2e tests');
  }
}

/** Presses Tab (Shift+Tab if `back`) until the focused element matches `selector`. */
export async function tabTo(page: Page, selector: string, { back = false, max = 250 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
  }
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  throw new Error(`Tab never reached ${selector}; focus is on ${at}`);
}

export async function focused(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2 A/AA and best practices) on the page; returns readable violations. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: a <script> tag would be (rightly) blocked by the app's CSP.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${AXE_SOURCE}\n;void 0`);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** How many distinct colours a region of the page shows (a blank canvas shows one or two). */
export async function distinctColours(page: Page, clip: { x: number; y: number; width: number; height: number }): Promise<number> {
  const png = await page.screenshot({ clip, type: 'png' });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return 0;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return colours.size;
  }, png.toString('base64'));
}

// ---------- walking in the 3D hall with the keyboard ----------

const geom = hallGeometry(parseHallLayout(hallJson));

/** A walkable path from a point to a desk's service spot: the app's own A* (findPath) over the hall. */
export function planPath(from: Vec2, code: string): Vec2[] {
  const goal = geom.spots[code];
  if (!goal) throw new Error(`no desk "${code}" in scenes/hall.json`);
  // A margin beyond the body keeps the path clear of corners the keyboard controls might clip.
  const path = findPath(geom, from, goal, geom.playerRadius + 0.3) ?? findPath(geom, from, goal);
  if (!path) throw new Error(`no walkable path to ${code}`);
  return path;
}

type Combo = { keys: string[]; ix: number; iy: number };
const COMBOS: Combo[] = [
  { keys: ['ArrowUp'], ix: 0, iy: 1 },
  { keys: ['ArrowDown'], ix: 0, iy: -1 },
  { keys: ['ArrowLeft'], ix: -1, iy: 0 },
  { keys: ['ArrowRight'], ix: 1, iy: 0 },
  { keys: ['ArrowUp', 'ArrowLeft'], ix: -Math.SQRT1_2, iy: Math.SQRT1_2 },
  { keys: ['ArrowUp', 'ArrowRight'], ix: Math.SQRT1_2, iy: Math.SQRT1_2 },
  { keys: ['ArrowDown', 'ArrowLeft'], ix: -Math.SQRT1_2, iy: -Math.SQRT1_2 },
  { keys: ['ArrowDown', 'ArrowRight'], ix: Math.SQRT1_2, iy: -Math.SQRT1_2 },
];

/** The world direction an input moves in, for a camera yaw (as the player controller computes it). */
function worldDir(c: Combo, yaw: number): Vec2 {
  const s = Math.sin(yaw);
  const k = Math.cos(yaw);
  return { x: c.ix * k - c.iy * s, z: -c.ix * s - c.iy * k };
}

/** The hall's texts as the probe sees them (StatsProbe's texts()). */
export function worldTexts(page: Page): Promise<{ painted: number; waiting: number; shown: string[] }> {
  return page.evaluate(() => window.__makaverseWorld!.texts());
}

async function player(page: Page): Promise<Vec2> {
  return page.evaluate(() => window.__makaverseWorld!.player());
}

/**
 * Walks the avatar to a desk by holding arrow keys, the way a citizen does. The controls
 * are camera-relative and the camera turns near desks, so the camera yaw is re-estimated
 * from how each key press actually moved the avatar.
 */
export async function walkTo(page: Page, code: string, isThere: () => Promise<boolean>, maxSteps = 200): Promise<void> {
  const path = planPath(await player(page), code);
  let yaw = 0;
  let i = 0;
  // Inputs that just ran into an obstacle; the next best is tried until one moves again.
  const blocked = new Set<Combo>();
  for (let step = 0; step < maxSteps; step++) {
    if (await isThere()) return;
    const p = await player(page);
    while (i < path.length - 1 && Math.hypot(path[i].x - p.x, path[i].z - p.z) < 0.9) i++;
    const target = path[i];
    const dx = target.x - p.x;
    const dz = target.z - p.z;
    const dist = Math.hypot(dx, dz);
    let best = COMBOS[0];
    let bestDot = -Infinity;
    for (const c of COMBOS) {
      if (blocked.has(c)) continue;
      const d = worldDir(c, yaw);
      const dot = (d.x * dx + d.z * dz) / Math.max(dist, 1e-6);
      if (dot > bestDot) {
        bestDot = dot;
        best = c;
      }
    }
    for (const k of best.keys) await page.keyboard.down(k);
    await page.waitForTimeout(Math.min(450, Math.max(80, (dist / 3.4) * 1000)));
    for (const k of best.keys) await page.keyboard.up(k);
    const q = await player(page);
    if (process.env.E2E_DEBUG) console.log(step, i, path.length, p, target, best.keys.join('+'), q, yaw.toFixed(2));
    const vx = q.x - p.x;
    const vz = q.z - p.z;
    if (Math.hypot(vx, vz) < 0.05) {
      blocked.add(best);
      if (blocked.size >= 4) blocked.clear();
      continue;
    }
    blocked.clear();
    // From vx = ix·cos − iy·sin and vz = −ix·sin − iy·cos: solve the yaw the camera had.
    if (Math.hypot(vx, vz) > 0.15) {
      const estimate = Math.atan2(-best.ix * vz - best.iy * vx, best.ix * vx - best.iy * vz);
      const offBy = Math.atan2(Math.sin(estimate - yaw), Math.cos(estimate - yaw));
      yaw += offBy * 0.7;
    }
  }
  throw new Error(`did not reach desk ${code}; player at ${JSON.stringify(await player(page))}`);
}

/** Signs a demo staff account in on the staff page (2D) and waits for the console. */
export async function signInStaff(page: Page, url: string, username: string, password = E2E_DEMO_PASSWORD): Promise<void> {
  await page.goto(`${url}/petugas?mode=2d`);
  await page.locator('.login-form').waitFor({ timeout: 30_000 });
  await page.fill('input[autocomplete="username"]', username);
  await page.fill('input[type="password"]', password);
  await page.click('.login-form button[type="submit"]');
  await page.locator('[data-staff-console]').waitFor({ timeout: 30_000 });
}
