import { describe, expect, it } from 'vitest';
import { newPage } from './browser';
import { axeViolations, causedByOffline } from './helpers';
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

  it('proposes a service request, not only complaints: "ktp saya hilang" opens the KTP-el form; offline the device answers the same', { timeout: 90_000 }, async () => {
    const { page, errors } = await newPage(e2e.browser);
    await page.goto(`${e2e.srv.url}/?mode=2d`);
    await page.click('[data-counter="general"]');
    await page.click('[data-interaction="complain"]');
    const asked = page.waitForResponse((r) => r.url().includes('/api/route?'));
    await page.locator('.general-form textarea').fill('ktp saya hilang');
    await page.locator('.general-form button[type="submit"]').click();
    expect((await asked).status()).toBe(200);
    await page.locator('[data-suggested="disdukcapil"]').waitFor();
    expect(await page.locator('.suggestion [data-service]').getAttribute('data-service')).toBe('disdukcapil-ktp-el');

    // The network goes: the same words are answered on the device.
    await page.context().setOffline(true);
    await page.locator('.general-form textarea').fill('anak2 ngemis di lampu merah');
    await page.locator('.general-form button[type="submit"]').click();
    await page.locator('[data-suggested="dinsos"]').waitFor();
    expect(await page.locator('.suggestion [data-service]').getAttribute('data-service')).toBe('dinsos-anak-jalanan');
    await page.context().setOffline(false);
    await page.locator('[data-confirm="dinsos"]').click();
    await page.locator('form[data-service="dinsos-anak-jalanan"]').waitFor();
    // The only error is the browser's own note of the request that failed while offline.
    expect(errors.filter((e) => !causedByOffline(e))).toEqual([]);
  });
});
