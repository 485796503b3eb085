import { describe, expect, it } from 'vitest';
import { uniqueText } from '../helpers/server';
import { newPage } from './browser';
import { fillDrainageComplaint, readTicket } from './forms';
import { distinctColours, enterHall, walkTo, worldTexts } from './helpers';
import { useServerAndBrowser } from './setup';
import type { MakaverseWorldProbe } from '../../src/client/world/StatsProbe';

describe('the 3D hall', () => {
  const e2e = useServerAndBrowser();

  it('walks to the public-works counter with the keyboard, files a drainage complaint and tracks it', { timeout: 900_000 }, async () => {
    const { page, errors } = await newPage(e2e.browser);
    await page.goto(e2e.srv.url);
    await enterHall(page);
    await page.waitForSelector('[data-testid="world-progress"]');
    // SwiftShader is slow: the hall may take a while to draw its first frame.
    await page.waitForSelector('.world-canvas[data-ready]', { timeout: 120_000 });
    // The first frame shown is the whole hall: every sign's text laid out, none waiting for its font.
    const texts = await worldTexts(page);
    expect(texts.waiting).toBe(0);
    expect(texts.painted).toBeGreaterThan(10);

    // The canvas shows the hall, not one flat colour.
    expect(await distinctColours(page, { x: 240, y: 160, width: 800, height: 440 })).toBeGreaterThan(300);

    await walkTo(page, 'pu', async () => (await page.$('.near-prompt[data-near="pu"]')) !== null);
    expect(await page.locator('.near-prompt button').innerText()).toContain('Tekan E / Enter');
    await page.keyboard.press('e');

    const panel = page.locator('[role="dialog"]');
    await expect.poll(() => panel.locator('h2').innerText()).toBe('Dinas Pekerjaan Umum');
    await panel.locator('[data-interaction="complain"]').click();
    await panel.locator('[data-service="pu-drainase"]').click();
    const description = uniqueText('Saluran tersumbat di depan pasar');
    await fillDrainageComplaint(page, description);
    await panel.locator('button[type="submit"]').click();
    const ticket = await readTicket(page);
    expect(ticket).toMatch(/\S/);

    await panel.getByText('Lacak tiket ini').click();
    await expect.poll(() => page.locator('[data-testid="tracker-stage"]').innerText(), { timeout: 30_000 }).toBe('Diterima');
    expect(await page.locator('.tracked-id strong').innerText()).toBe(ticket);
    expect(errors).toEqual([]);
  });

  it('enters the hall after the world failed to load ahead (the connection was down while the welcome page was read)', { timeout: 300_000 }, async () => {
    const { context, page } = await newPage(e2e.browser);
    // The world chunk's requests fail, from the page or its service worker, until released.
    let failed = 0;
    const worldChunk = /\/assets\/World-[^/]+\.js$/;
    await context.route(worldChunk, (route) => {
      failed += 1;
      return route.abort('internetdisconnected');
    });
    await page.goto(e2e.srv.url);
    // The idle prefetch has tried and failed.
    await expect.poll(() => failed, { timeout: 60_000 }).toBeGreaterThan(0);
    // Only the counted download was tried, not the module's import: a browser may keep a failed
    // import for the page's life (Chromium tries again; others need not), "Masuk" would then fail.
    await page.waitForTimeout(2000);
    expect(failed).toBe(1);
    await context.unroute(worldChunk);

    await enterHall(page);
    await page.waitForSelector('.world-canvas[data-ready]', { timeout: 120_000 });
    expect(await distinctColours(page, { x: 240, y: 160, width: 800, height: 440 })).toBeGreaterThan(300);

    // The world bench's part switch (world/parts.ts): a part hidden is not drawn, nor is
    // anything with 'all', and an empty list draws everything again.
    const calls = () => page.evaluate(() => window.__makaverseWorld!.stats().calls);
    const hide = (names: Parameters<MakaverseWorldProbe['hideParts']>[0]) => page.evaluate((n) => window.__makaverseWorld!.hideParts(n), names);
    const whole = await calls();
    expect(await hide(['texts'])).toBeGreaterThan(10);
    await expect.poll(calls, { timeout: 30_000 }).toBeLessThan(whole);
    const withoutTexts = await calls();
    expect(await hide(['all'])).toBeGreaterThan(await page.evaluate(() => window.__makaverseWorld!.texts().painted));
    await expect.poll(calls, { timeout: 30_000 }).toBe(0);
    expect(await hide([])).toBe(0);
    await expect.poll(calls, { timeout: 30_000 }).toBeGreaterThan(withoutTexts);
    await context.close();
  });

  it('paints a visitor\'s name in other scripts and emoji whole, and every text is painted', { timeout: 300_000 }, async () => {
    // Characters outside the sign font once sent troika to a CDN for a fallback font: refused by
    // the page's Content-Security-Policy, the tag was never laid out, and the hall of everyone
    // who came after stayed behind its loading card until the 20 s text wait ran out. Texts are
    // now painted by the browser, which takes the system's fonts for such letters.
    const name = 'محمد 😀 Rahmat 李';
    const first = await newPage(e2e.browser);
    await first.page.goto(e2e.srv.url);
    await enterHall(first.page, { name });
    await first.page.waitForSelector('.world-canvas[data-ready]', { timeout: 120_000 });

    const { context, page, errors } = await newPage(e2e.browser);
    await page.goto(e2e.srv.url);
    await enterHall(page);
    await page.waitForSelector('.world-canvas[data-ready]', { timeout: 120_000 });
    // The first visitor's tag, whole, is among the painted texts.
    await expect.poll(async () => (await worldTexts(page)).shown, { timeout: 60_000 }).toContain(name);
    const texts = await worldTexts(page);
    expect(texts.waiting).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
    await first.context.close();
  });
});
