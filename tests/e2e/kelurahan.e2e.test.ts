import { describe, expect, it } from 'vitest';
import { newPage, PHONE } from './browser';
import { DRAINAGE_FORM, fillDrainageComplaint, readTicket } from './forms';
import { axeViolations, causedByOffline } from './helpers';
import { useServerAndBrowser } from './setup';

describe('the kelurahan picker', () => {
  const e2e = useServerAndBrowser();

  it('finds "tamalanrea" as you type and files it by keyboard, offline-capable, with the place in the Open311 request', { timeout: 90_000 }, async () => {
    const { page, errors } = await newPage(e2e.browser, { viewport: PHONE, mobile: true });
    await page.goto(`${e2e.srv.url}/?mode=2d`);
    await page.click('[data-counter="pu"]');
    await page.click('[data-interaction="complain"]');
    await page.click('[data-service="pu-drainase"]');
    await fillDrainageComplaint(page, 'Got di depan kampus mampet, air meluap ke jalan.');

    const combo = page.locator(`${DRAINAGE_FORM} input[role="combobox"]`);
    // The list is bundled: typing works without the network.
    await page.context().setOffline(true);
    await combo.fill('tamalanrea');
    const options = page.locator('[role="listbox"] [role="option"]');
    await options.first().waitFor();
    expect(await combo.getAttribute('aria-expanded')).toBe('true');
    const names = await options.allInnerTexts();
    expect(names[0]).toContain('Tamalanrea');
    expect(names.some((n) => n.includes('Tamalanrea Indah'))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    // By kecamatan name too.
    await combo.fill('rappocini');
    await options.first().waitFor();
    expect((await options.allInnerTexts()).every((n) => n.includes('Rappocini'))).toBe(true);

    await combo.fill('tamalanrea ind');
    await options.first().waitFor();
    await combo.press('ArrowDown');
    await combo.press('ArrowUp');
    expect(await combo.getAttribute('aria-activedescendant')).toBe(await options.first().getAttribute('id'));
    await combo.press('Enter');
    expect(await combo.inputValue()).toBe('Kel. Tamalanrea Indah, Kec. Tamalanrea');
    expect(await combo.getAttribute('aria-expanded')).toBe('false');
    expect(await combo.getAttribute('data-kelurahan')).toBe('73.71.14.1003');
    await page.context().setOffline(false);

    await page.locator(`${DRAINAGE_FORM} button[type="submit"]`).click();
    const ticket = await readTicket(page);
    const res = await fetch(`${e2e.srv.url}/open311/v2/requests/${ticket}.json`);
    const [request] = (await res.json()) as { address: string; address_id: string }[];
    expect(request.address_id).toBe('73.71.14.1003');
    expect(request.address).toBe('Jl. Veteran Selatan, depan masjid, Kel. Tamalanrea Indah, Kec. Tamalanrea');
    expect(errors.filter((e) => !causedByOffline(e))).toEqual([]);
  });
});
