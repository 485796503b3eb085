import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addStaff } from '../../src/server/auth/staffStore';
import { postResultSchema } from '../../src/shared/open311';
import { postForm, uniqueText } from '../helpers/server';
import { newPage, PHONE } from './browser';
import { axeViolations, focused, signInStaff, tabTo } from './helpers';
import { useServerAndBrowser } from './setup';

const WAIT = { timeout: 30_000 };
const PASSWORD = 'kata-sandi-e2e-transfer';
const expected401 = (e: string) => /status of 401/.test(e);
/** Axe findings that block: serious or critical. */
const blocking = (violations: string[]) => violations.filter((v) => /\((serious|critical)\)/.test(v));

async function openCase(page: Page, id: string): Promise<void> {
  const console_ = page.locator('[data-staff-console]');
  await console_.locator('[data-tab="cases"]').click();
  await console_.locator('[data-filter="search"]').fill(id);
  await console_.locator('[data-filter="search"]').press('Enter');
  await console_.locator(`[data-case="${id}"]`).click();
  await console_.locator(`[data-case-view="${id}"]`).waitFor(WAIT);
}

async function searchCount(page: Page, id: string): Promise<number> {
  const console_ = page.locator('[data-staff-console]');
  await console_.locator('[data-filter="search"]').fill(id);
  await console_.locator('[data-filter="search"]').press('Enter');
  await console_.locator(`[data-case="${id}"], .console-section p.hint:text-matches("Tidak ada kasus")`).first().waitFor(WAIT);
  return console_.locator(`[data-case="${id}"]`).count();
}

describe('passing a case between agencies, and revoking its private link', () => {
  const e2e = useServerAndBrowser({ env: {} });

  it('Dinsos transfers a street-children case to Satpol PP; the citizen\'s tracker shows it; Satpol PP revokes a leaked link (keyboard, 390×844)', { timeout: 300_000 }, async () => {
    const db = e2e.srv.server.ctx.db;
    await addStaff(db, { username: 'budi.dinsos', display_name: 'Budi (Dinsos)', role: 'officer', agency_code: 'dinsos', password: PASSWORD });
    await addStaff(db, { username: 'agus.satpol', display_name: 'Agus (Satpol PP)', role: 'officer', agency_code: 'satpolpp', password: PASSWORD });

    // A citizen reports street children at a crossroads (the Open311 API, as any app would).
    const description = uniqueText('Anak jalanan mengamen di lampu merah Jl. Urip Sumoharjo');
    const posted = await postForm(e2e.srv.url, {
      api_key: e2e.srv.apiKey,
      service_code: 'dinsos-anak-jalanan',
      lat: '-5.1402',
      long: '119.4390',
      'attribute[subject][]': ['anak_jalanan'],
      'attribute[occurred_at]': new Date().toISOString(),
      description,
    });
    expect(posted.status).toBe(201);
    const [result] = postResultSchema.parse(await posted.json());
    const id = result.service_request_id!;
    const oldLink = new URL(result.private_link!, e2e.srv.url).href;

    // Dinsos sees it and transfers it to Satpol PP with a reason.
    const dinsos = await newPage(e2e.browser);
    await signInStaff(dinsos.page, e2e.srv.url, 'budi.dinsos', PASSWORD);
    await openCase(dinsos.page, id);
    const dView = dinsos.page.locator(`[data-case-view="${id}"]`);
    const reason = uniqueText('Perlu penertiban di lokasi');
    await dView.locator('select[data-field="pass-agency"]').selectOption('satpolpp');
    await dView.locator('textarea[data-field="pass-reason"]').fill(reason);
    expect(blocking(await axeViolations(dinsos.page))).toEqual([]);
    await dView.locator('[data-action="transfer"]').click();
    const lead = () => db.selectFrom('service_requests').select('agency_code').where('service_request_id', '=', id).executeTakeFirstOrThrow();
    await expect.poll(async () => (await lead()).agency_code, WAIT).toBe('satpolpp');

    // Satpol PP's officer sees it in the console; Dinsos no longer does.
    const satpol = await newPage(e2e.browser, { viewport: PHONE, mobile: true });
    await signInStaff(satpol.page, e2e.srv.url, 'agus.satpol', PASSWORD);
    await satpol.page.locator('[data-staff-console] [data-tab="cases"]').click();
    expect(await searchCount(satpol.page, id)).toBe(1);
    // Dinsos' open case view now says it may not see the case; back to the list, where it is gone.
    await expect.poll(() => dView.locator('[role="alert"]').count(), WAIT).toBeGreaterThan(0);
    await dView.locator('.link-button').first().click();
    expect(await searchCount(dinsos.page, id)).toBe(0);

    // Satpol PP asks Dinsos to support: Dinsos sees it again, as supporting.
    await openCase(satpol.page, id);
    const sView = satpol.page.locator(`[data-case-view="${id}"]`);
    await sView.locator('select[data-field="pass-agency"]').selectOption('dinsos');
    await sView.locator('textarea[data-field="pass-reason"]').fill('Mohon Dinsos mendampingi anak-anak.');
    await sView.locator('[data-action="support"]').click();
    await expect.poll(() => sView.locator('.pass-form [role="status"]').innerText(), WAIT).toBe('Tersimpan.');
    await dinsos.page.locator('[data-staff-console] [data-filter="view"]').selectOption('support');
    expect(await searchCount(dinsos.page, id)).toBe(1);

    // The citizen's tracker (by number) shows the transfer with its reason.
    const citizen = await newPage(e2e.browser, { viewport: PHONE, mobile: true });
    await citizen.page.goto(`${e2e.srv.url}/lacak/${id}`);
    await citizen.page.locator('[data-testid="tracker-stage"]').waitFor(WAIT);
    await expect.poll(() => citizen.page.locator('.history').innerText(), WAIT).toContain(`Dialihkan ke Satpol PP: ${reason}`);

    // The link leaked: Satpol PP revokes it, by keyboard only, on a phone-sized console.
    await satpol.page.locator('[data-field="revoke-reason"]').focus();
    await satpol.page.keyboard.type('Tautan tersebar di media sosial');
    await tabTo(satpol.page, '[data-action="revoke-link"]');
    await satpol.page.keyboard.press('Enter');
    expect(await focused(satpol.page, '[data-action="revoke-confirm"]')).toBe(true);
    await satpol.page.keyboard.press('Enter');
    const fresh = satpol.page.locator('[data-testid="new-private-link"]');
    await fresh.waitFor(WAIT);
    const newLink = (await fresh.getAttribute('href'))!;
    expect(newLink).toMatch(/\/ikuti#[A-Za-z0-9_-]{43}$/);
    expect(blocking(await axeViolations(satpol.page))).toEqual([]);
    await satpol.page.screenshot({ path: '/tmp/w12/console-390.png' });

    // The old link is like an unknown one; the new one opens the page, works by keyboard, axe-clean.
    const old = await newPage(e2e.browser, { viewport: PHONE, mobile: true });
    await old.page.goto(oldLink);
    await old.page.locator('main.followup [role="alert"]').waitFor(WAIT);
    await old.page.goto(`${e2e.srv.url}/ikuti#${'A'.repeat(43)}`);
    await old.page.reload();
    await old.page.locator('main.followup [role="alert"]').waitFor(WAIT);
    const page = citizen.page;
    await page.goto(new URL(newLink, e2e.srv.url).href);
    await page.locator('.followup-facts').waitFor(WAIT);
    expect(await page.locator('.followup-entries').innerText()).toContain(`Dialihkan ke Satpol PP: ${reason}`);
    await tabTo(page, '.followup-form textarea');
    await page.keyboard.type('Terima kasih, anak-anak masih di sana sore ini.');
    await tabTo(page, '.followup-form button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.locator('.followup-entry--citizen', { hasText: 'masih di sana' }).waitFor(WAIT);
    expect(blocking(await axeViolations(page))).toEqual([]);
    await page.screenshot({ path: '/tmp/w12/followup-390.png', fullPage: true });

    for (const p of [dinsos, satpol, citizen, old]) expect(p.errors.filter((e) => !expected401(e) && !/status of 404/.test(e))).toEqual([]);
    for (const p of [dinsos, satpol, citizen, old]) await p.context.close();
  });
});
