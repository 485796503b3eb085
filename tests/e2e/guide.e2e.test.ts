import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import hallJson from '../../scenes/hall.json';
import { hallGeometry, isWalkable, parseHallLayout } from '../../src/shared/hall';
import { segmentWalkable } from '../../src/shared/hallPath';
import { newPage, PHONE } from './browser';
import { axeViolations, enterHall, focused, tabTo } from './helpers';
import { useServerAndBrowser } from './setup';

const layout = parseHallLayout(hallJson);
const geom = hallGeometry(layout);
const GUIDE = 'dialog.guide';
/** Behind the lobby benches from the entrance: no straight line from the spawn. */
const FAR = 'dishub';

/** Welcome → avatar form → the 3D hall (the guide, if any, opens at once, while the hall loads). */
async function openHall(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await enterHall(page);
  await page.waitForSelector('[data-testid="world-progress"], .world-canvas');
}

async function guideTitle(page: Page): Promise<string> {
  return page.locator(`${GUIDE} h2`).innerText();
}

describe('the first-visit guide and "take me to"', () => {
  const e2e = useServerAndBrowser();

  it('greets a first visit in Bahasa Indonesia, steps and skips by keyboard, and stays away on the next entry', { timeout: 180_000 }, async () => {
    const { page, context, errors } = await newPage(e2e.browser, { guide: true });
    await openHall(page, e2e.srv.url);
    await page.waitForSelector(GUIDE);
    expect(await page.locator(GUIDE).getAttribute('aria-modal')).toBe('true');
    expect(await guideTitle(page)).toBe('Cara berjalan');
    expect(await page.locator(`${GUIDE} .guide-kicker`).textContent()).toContain('Langkah 1 dari 3');
    expect(await focused(page, `${GUIDE} [data-guide="next"]`)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // Enter steps on; focus stays on the button, Tab stays inside the dialog.
    await page.keyboard.press('Enter');
    expect(await guideTitle(page)).toBe('Cara dilayani');
    expect(await focused(page, `${GUIDE} [data-guide="next"]`)).toBe(true);
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(`!!document.activeElement.closest('${GUIDE}')`)).toBe(true);
    }
    await tabTo(page, `${GUIDE} [data-guide="next"]`);
    await page.keyboard.press('Enter');
    expect(await guideTitle(page)).toBe('Antar saya ke…');
    expect(await page.locator(`${GUIDE} [data-guide="start"]`).innerText()).toBe('Mulai');
    expect(await page.locator(`${GUIDE} [data-guide="skip"]`).innerText()).toBe('Lewati');

    // Escape skips it, and it is remembered.
    await page.keyboard.press('Escape');
    await page.waitForSelector(GUIDE, { state: 'detached' });
    expect(await page.evaluate("localStorage.getItem('makaverse.guideSeen')")).toBe('1');

    // The second entry, after a reload: no guide.
    await page.reload();
    await openHall(page, e2e.srv.url);
    await page.waitForTimeout(500);
    expect(await page.locator(GUIDE).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('speaks English with ?lang=en, and has a 2D variant without movement, skipped with its button', { timeout: 120_000 }, async () => {
    const en = await newPage(e2e.browser, { guide: true });
    await openHall(en.page, `${e2e.srv.url}/?lang=en`);
    await en.page.waitForSelector(GUIDE);
    expect(await guideTitle(en.page)).toBe('How to move');
    expect(await en.page.locator(`${GUIDE} [data-guide="next"]`).innerText()).toBe('Next');
    expect(await en.page.locator(`${GUIDE} [data-guide="skip"]`).innerText()).toBe('Skip');
    await en.context.close();

    const { page, context, errors } = await newPage(e2e.browser, { guide: true });
    await page.goto(`${e2e.srv.url}/?mode=2d`);
    await page.waitForSelector(GUIDE);
    expect(await guideTitle(page)).toBe('Cara dilayani');
    expect(await page.locator(`${GUIDE} .guide-kicker`).textContent()).toContain('Langkah 1 dari 2');
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, `${GUIDE} [data-guide="skip"]`);
    await page.keyboard.press('Enter');
    await page.waitForSelector(GUIDE, { state: 'detached' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('in 2D, "Antar saya ke…" opens the chosen counter and Escape returns focus to it in the list', { timeout: 90_000 }, async () => {
    const { page, context, errors } = await newPage(e2e.browser);
    await page.goto(`${e2e.srv.url}/?mode=2d`);
    await page.waitForSelector('nav.counter-list');
    await tabTo(page, '[data-action="take-me-to"]');
    await page.keyboard.press('Enter');
    const menu = page.locator('dialog.take-me-to');
    await menu.waitFor();
    expect(await menu.locator('[data-take-me-to]').count()).toBe(layout.desks.length);
    expect(await axeViolations(page)).toEqual([]);

    // Escape closes it and focus goes back to the button.
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await focused(page, '[data-action="take-me-to"]')).toBe(true);

    await page.keyboard.press('Enter');
    await menu.waitFor();
    expect(await focused(page, '[data-take-me-to="general"]')).toBe(true);
    // Arrows walk the list: End is the information desk, Up is the last counter.
    await page.keyboard.press('End');
    expect(await focused(page, '[data-take-me-to="info"]')).toBe(true);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
    expect(await focused(page, '[data-take-me-to="pu"]')).toBe(true);
    expect(await page.locator('[data-take-me-to="pu"]').textContent()).toMatch(/^Loket 6 Dinas Pekerjaan Umum .*Saluran Tersumbat/);
    await page.keyboard.press('Enter');

    await expect.poll(() => page.locator('.panel h2').innerText()).toBe('Dinas Pekerjaan Umum');
    expect(await focused(page, '.panel h2')).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForSelector('.panel', { state: 'detached' });
    await expect.poll(() => focused(page, '[data-counter="pu"]')).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it(`in 3D, "take me to" walks the avatar around the benches to ${FAR} and opens the counter`, { timeout: 600_000 }, async () => {
    const spot = geom.spots[FAR];
    // The chosen counter cannot be walked to in a straight line from the entrance.
    expect(segmentWalkable(geom, layout.spawn, spot)).toBe(false);

    // A phone screen draws fastest on SwiftShader.
    const { page, context, errors } = await newPage(e2e.browser, { viewport: PHONE, mobile: true });
    await openHall(page, e2e.srv.url);
    await page.waitForSelector('.world-canvas[data-ready]', { timeout: 180_000 });

    const button = page.locator('[data-action="take-me-to"]');
    const box = await button.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await button.tap();
    const menu = page.locator('dialog.take-me-to');
    await menu.waitFor();
    for (const item of await menu.locator('[data-take-me-to]').all()) {
      expect((await item.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    }
    await menu.locator(`[data-take-me-to="${FAR}"]`).tap();
    await menu.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('[role="status"][aria-live="polite"]').innerText()).toBe('Berjalan ke Dinas Perhubungan…');

    // SwiftShader draws a frame every second or so: the walk takes dozens of frames.
    // Where the avatar is seen on the way: always on the floor, and off the blocked straight line.
    const panel = page.locator('[role="dialog"].panel h2');
    const seen: { x: number; z: number }[] = [];
    const deadline = Date.now() + 480_000;
    while ((await panel.count()) === 0) {
      if (Date.now() > deadline) throw new Error(`never arrived; seen at ${JSON.stringify(seen.slice(-3))}`);
      seen.push((await page.evaluate('window.__makaverseWorld.player()')) as { x: number; z: number });
      await page.waitForTimeout(250);
    }
    expect(seen.filter((p) => !isWalkable(geom, p.x, p.z))).toEqual([]);
    const offLine = (p: { x: number; z: number }) => {
      const dx = spot.x - layout.spawn.x;
      const dz = spot.z - layout.spawn.z;
      return Math.abs(dx * (p.z - layout.spawn.z) - dz * (p.x - layout.spawn.x)) / Math.hypot(dx, dz);
    };
    expect(Math.max(...seen.map(offLine))).toBeGreaterThan(0.5);
    expect(await panel.innerText()).toBe('Dinas Perhubungan');
    const at = await page.evaluate('window.__makaverseWorld.player()') as { x: number; z: number };
    expect(Math.hypot(at.x - spot.x, at.z - spot.z)).toBeLessThan(geom.approachRadius);
    expect(errors).toEqual([]);
    await context.close();
  });
});
