import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { uniqueText } from '../helpers/server';
import { newPage } from './browser';
import { axeViolations, focused, tabTo } from './helpers';
import { useServerAndBrowser } from './setup';

async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.type(text);
}

describe('2D mode with the keyboard only', () => {
  const e2e = useServerAndBrowser();

  it('files a drainage complaint at the public-works counter and tracks it, with no axe violations', { timeout: 180_000 }, async () => {
    const { page, errors } = await newPage(e2e.browser);
    await page.goto(e2e.srv.url);
    await page.waitForSelector('h1');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('id');
    expect(await axeViolations(page)).toEqual([]);

    // Welcome → 2D mode.
    await tabTo(page, '[data-action="2d"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('nav.counter-list');
    expect(await axeViolations(page)).toEqual([]);

    // Open the counter; Escape closes it and gives focus back to its button.
    await tabTo(page, '[data-counter="pu"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.panel h2');
    expect(await focused(page, '.panel h2')).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForSelector('.panel', { state: 'detached' });
    await expect.poll(() => focused(page, '[data-counter="pu"]')).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.panel h2');

    await tabTo(page, '[data-interaction="complain"]');
    await page.keyboard.press('Enter');
    await tabTo(page, '[data-service="pu-drainase"]');
    await page.keyboard.press('Enter');
    const form = 'form[data-service="pu-drainase"]';
    await page.waitForSelector(form);

    // Submitting it empty: errors are said, and focus moves to the first invalid field.
    await tabTo(page, `${form} button[type="submit"]`);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${form} .field-error`);
    await expect.poll(() => focused(page, `${form} input[type="radio"][aria-invalid="true"]`)).toBe(true);
    expect(await page.locator(`${form} .field-error`).first().innerText()).toBe('wajib diisi');
    expect(await axeViolations(page)).toEqual([]);

    // Severity: arrow keys choose within the radio group (the last one, "parah").
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator(`${form} input[value="parah"]`).isChecked()).toBe(true);
    await tabTo(page, `${form} input[type="checkbox"][value="tersumbat_sampah"]`);
    await page.keyboard.press('Space');
    await typeInto(page, `${form} input[autocomplete="street-address"]`, 'Jl. Veteran Selatan, depan masjid');
    const description = uniqueText('Got mampet di lorong');
    await tabTo(page, `${form} textarea`, { back: true });
    await page.keyboard.type(description);

    await tabTo(page, `${form} button[type="submit"]`);
    await page.keyboard.press('Enter');
    const ticket = page.locator('[data-testid="ticket-number"]');
    await ticket.waitFor({ timeout: 30_000 });
    const number = (await ticket.innerText()).trim();
    expect(number).toMatch(/\S/);
    await expect.poll(() => page.locator('[role="status"][aria-live="polite"]').innerText()).toContain(number);
    expect(await axeViolations(page)).toEqual([]);

    // Track it from the ticket's link.
    await tabTo(page, 'a[href*="/lacak/"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid="tracker-stage"]').innerText(), { timeout: 30_000 }).toBe('Diterima');
    expect(await page.locator('.tracked-id strong').innerText()).toBe(number);
    expect(await axeViolations(page)).toEqual([]);

    // The shareable link opens the tracker on the ticket, in the language chosen before.
    await page.keyboard.press('Escape');
    await tabTo(page, '.lang-switch button[lang="en"]');
    await page.keyboard.press('Enter');
    await page.goto(`${e2e.srv.url}/?track=${encodeURIComponent(number)}`);
    await expect.poll(() => page.locator('[data-testid="tracker-stage"]').innerText(), { timeout: 30_000 }).toBe('Received');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
