import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { launchBrowser, newPage } from './browser';
import { assertClientBuilt, axeViolations } from './helpers';

describe('the general counter ("no wrong door")', () => {
  let srv: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    assertClientBuilt();
    srv = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await srv?.cleanup();
  });

  it('routes a blocked-drain complaint to public works, with the words carried over', { timeout: 90_000 }, async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`${srv.url}/?mode=2d`);
    await page.click('[data-counter="general"]');
    await page.click('[data-interaction="complain"]');
    const text = 'saluran di depan rumah tersumbat, banjir';
    await page.locator('.general-form textarea').fill(text);
    await page.locator('.general-form button[type="submit"]').click();

    const suggested = page.locator('[data-suggested]');
    await suggested.waitFor();
    expect(await suggested.getAttribute('data-suggested')).toBe('pu');
    expect(await suggested.innerText()).toContain('Dinas Pekerjaan Umum');
    expect(await axeViolations(page)).toEqual([]);

    await page.locator('[data-confirm="pu"]').click();
    const form = page.locator('form[data-service="pu-drainase"]');
    await form.waitFor();
    expect(await page.locator('.panel h2').innerText()).toBe('Dinas Pekerjaan Umum');
    expect(await form.locator('textarea').first().inputValue()).toBe(text);
    expect(errors).toEqual([]);
  });
});
