import { describe, expect, it } from 'vitest';
import type { ServiceRequest } from '../../src/shared/open311';
import { uniqueText } from '../helpers/server';
import { newPage } from './browser';
import { DRAINAGE_FORM, fillDrainageComplaint, readTicket } from './forms';
import { useServerAndBrowser } from './setup';

describe('filing while offline', () => {
  const e2e = useServerAndBrowser();

  it('keeps the report, sends it once when the connection returns, and shows the ticket', { timeout: 120_000 }, async () => {
    const { context, page } = await newPage(e2e.browser);
    await page.goto(`${e2e.srv.url}/?mode=2d`);
    await page.click('[data-counter="pu"]');
    await page.click('[data-interaction="complain"]');
    await page.click('[data-service="pu-drainase"]');
    const description = uniqueText('Banjir di lorong sempit');
    await fillDrainageComplaint(page, description);

    await context.setOffline(true);
    await page.locator(`${DRAINAGE_FORM} button[type="submit"]`).click();
    const pending = page.locator('[data-state="pending"]');
    await pending.waitFor({ timeout: 30_000 });
    expect(await pending.innerText()).toContain('menunggu koneksi');
    expect(await page.locator('.pending-pill').innerText()).toContain('1 laporan menunggu dikirim');

    await context.setOffline(false);
    const ticket = await readTicket(page, 60_000);
    await page.locator('.pending-pill').waitFor({ state: 'detached' });

    const response = await fetch(`${e2e.srv.url}/open311/v2/requests.json?service_code=pu-drainase`);
    expect(response.status).toBe(200);
    const list = (await response.json()) as ServiceRequest[];
    const mine = list.filter((r) => r.description === description);
    expect(mine).toHaveLength(1);
    expect(mine[0].service_request_id).toBe(ticket);

    // Tracking while offline says so plainly.
    await context.setOffline(true);
    await page.getByText('Lacak tiket ini').click();
    await page.locator('.tracker .field-error').waitFor({ timeout: 30_000 });
    expect(await page.locator('.tracker .field-error').innerText()).toContain('Periksa koneksi internet');
    await context.setOffline(false);
  });
});
