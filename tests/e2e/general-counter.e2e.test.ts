import { describe, expect, it } from 'vitest';
import { newPage } from './browser';
import { axeViolations } from './helpers';
import { useServerAndBrowser } from './setup';

describe('the general counter ("no wrong door")', () => {
  const e2e = useServerAndBrowser();

  it('routes a blocked-drain complaint to public works, with the words carried over', { timeout: 90_000 }, async () => {
    const { page, errors } = await newPage(e2e.browser);
    await page.goto(`${e2e.srv.url}/?mode=2d`);
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
