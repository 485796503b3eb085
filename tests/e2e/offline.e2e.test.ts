import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceRequest } from '../../src/shared/open311';
import { startServer, uniqueText, type TestServer } from '../helpers/server';
import { launchBrowser, newPage } from './browser';
import { DRAINAGE_FORM, fillDrainageComplaint, readTicket } from './forms';
import { assertClientBuilt } from './helpers';

describe('filing while offline', () => {
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

  it('keeps the report, sends it once when the connection returns, and shows the ticket', { timeout: 120_000 }, async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${srv.url}/?mode=2d`);
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

    const response = await fetch(`${srv.url}/open311/v2/requests.json?service_code=pu-drainase`);
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
