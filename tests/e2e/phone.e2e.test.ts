import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, PHONE } from './browser';
import { enterHall, walkTo } from './helpers';
import { useServerAndBrowser } from './setup';

/** Content wider than the screen, and buttons smaller than a fingertip (44 px). */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width) problems.push(`page is ${document.documentElement.scrollWidth}px wide on a ${width}px screen`);
    for (const el of document.querySelectorAll<HTMLElement>('button, a[href], select, input[type="text"], textarea')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || el.closest('.sr-only, .skip-link')) continue;
      if (r.height < 44) problems.push(`${el.tagName.toLowerCase()} "${el.textContent?.trim().slice(0, 30)}" is ${Math.round(r.height)}px tall`);
      if (r.right > width + 1) problems.push(`${el.tagName.toLowerCase()} "${el.textContent?.trim().slice(0, 30)}" overflows to ${Math.round(r.right)}px`);
    }
    return problems;
  });
}

describe('on a phone (390×844)', () => {
  const e2e = useServerAndBrowser();

  it('fits the screen with large tap targets, from the welcome to the ticket', { timeout: 90_000 }, async () => {
    const { page, errors } = await newPage(e2e.browser, { viewport: PHONE, mobile: true });
    await page.goto(e2e.srv.url);
    await page.waitForSelector('h1');
    expect(await layoutProblems(page)).toEqual([]);

    await page.tap('[data-action="2d"]');
    await page.waitForSelector('nav.counter-list');
    expect(await layoutProblems(page)).toEqual([]);

    await page.tap('[data-counter="pu"]');
    // The open counter replaces the list on a narrow screen.
    expect(await page.locator('nav.counter-list').isVisible()).toBe(false);
    await page.tap('[data-interaction="complain"]');
    await page.tap('[data-service="pu-drainase"]');
    await page.waitForSelector('form[data-service="pu-drainase"]');
    expect(await layoutProblems(page)).toEqual([]);

    await page.locator('form textarea').first().fill('Air menggenang setinggi lutut di lorong.');
    await page.locator('input[value="sedang"]').check();
    await page.locator('input[value="meluap"]').check();
    await page.locator('input[autocomplete="street-address"]').fill('Jl. Sungai Saddang Baru');
    await page.tap('form button[type="submit"]');
    await page.waitForSelector('[data-testid="ticket-number"]');
    expect(await layoutProblems(page)).toEqual([]);

    await page.tap('.panel .close-button');
    expect(await page.locator('nav.counter-list').isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('without WebGL, "Masuk" opens 2D mode with a short notice', { timeout: 60_000 }, async () => {
    const { page, context, errors } = await newPage(e2e.browser, { viewport: PHONE, mobile: true });
    await context.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        return /webgl/.test(type) ? null : original.call(this, type as '2d', ...(rest as []));
      } as typeof original;
    });
    await page.goto(e2e.srv.url);
    await page.tap('[data-action="enter"]');
    await page.waitForSelector('nav.counter-list');
    expect(await page.locator('.notice').innerText()).toContain('tidak mendukung grafik 3D');
    expect(errors).toEqual([]);
  });

  it('in the hall, a choice tapped right after typing the description is taken (the sheet keeps its size under the finger)', { timeout: 300_000 }, async () => {
    const { page, errors } = await newPage(e2e.browser, { viewport: PHONE, mobile: true });
    await page.goto(e2e.srv.url);
    await enterHall(page, { tap: true });
    await page.waitForSelector('.world-canvas[data-ready]', { timeout: 180_000 });
    await walkTo(page, 'pu', async () => (await page.$('.near-prompt[data-near="pu"]')) !== null);
    await page.tap('.near-prompt button');
    await page.tap('[role="dialog"] [data-interaction="complain"]');
    await page.tap('[role="dialog"] [data-service="pu-drainase"]');
    const form = page.locator('form[data-service="pu-drainase"]');
    const sheet = page.locator('.world-panel');
    const description = form.locator('textarea').first();
    const sheetTop = async () => (await sheet.boundingBox())!.y;
    const closed = await sheetTop();
    await description.tap();
    await page.keyboard.type('Air menggenang setinggi lutut di lorong.');
    // While typing, the form has the whole screen under the header.
    const typing = await sheetTop();
    expect(typing).toBeLessThan(closed - 100);
    // The tap that ends the typing lands on the choice it was aimed at.
    const severe = form.locator('input[type="radio"][value="parah"]');
    await severe.tap();
    expect(await severe.isChecked()).toBe(true);
    const blocked = form.locator('input[type="checkbox"][value="tersumbat_sampah"]');
    await blocked.tap();
    expect(await blocked.isChecked()).toBe(true);
    // Focus left the form: the sheet gives the hall back, a moment later.
    await page.locator('.panel h2').first().tap();
    await expect.poll(sheetTop, { timeout: 5_000 }).toBeCloseTo(closed, 0);
    expect(errors).toEqual([]);
  });
});
