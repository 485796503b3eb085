import { describe, expect, it } from 'vitest';
import { postResultSchema } from '../../src/shared/open311';
import { login } from '../helpers/rooms';
import { drainageComplaint, postForm, uniqueText } from '../helpers/server';
import { E2E_DEMO_PASSWORD, newPage, PHONE } from './browser';
import { axeViolations, focused, signInStaff, tabTo } from './helpers';
import { useServerAndBrowser } from './setup';

const WAIT = { timeout: 30_000 };
const DAY = 86_400_000;
const expected401 = (e: string) => /status of 401/.test(e);
/** Axe findings that block: serious or critical. */
const blocking = (violations: string[]) => violations.filter((v) => /\((serious|critical)\)/.test(v));

/** Issue 12, point 7/acceptance: keyboard only, on a 390×844 phone, in 2D; axe without serious or critical findings. */
describe('the private-link page and the console views by keyboard on a phone', () => {
  const e2e = useServerAndBrowser({ env: { DEMO: '1', DEMO_PASSWORD: E2E_DEMO_PASSWORD } });

  const file = async (description: string) => {
    const posted = await postForm(e2e.srv.url, drainageComplaint(e2e.srv.apiKey, { description }));
    const [result] = postResultSchema.parse(await posted.json());
    return { id: result.service_request_id!, link: new URL(result.private_link!, e2e.srv.url).href };
  };
  const staffPost = async (token: string, path: string, body: unknown) => {
    const r = await fetch(`${e2e.srv.url}/api/staff${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(r.status, path).toBe(200);
  };

  it('"Sudah beres" and a rating of 4 on the private-link page, by keyboard only', { timeout: 180_000 }, async () => {
    const { id, link } = await file(uniqueText('Got tersumbat di Jl. Sulawesi'));
    const token = await login(e2e.srv.url, 'petugas.pu', E2E_DEMO_PASSWORD);
    await staffPost(token, `/cases/${id}/stage`, { stage: 'in_progress' });
    await staffPost(token, `/cases/${id}/stage`, { stage: 'done', note: 'Saluran sudah dibersihkan.' });

    const phone = await newPage(e2e.browser, { viewport: PHONE, mobile: true });
    const page = phone.page;
    await page.goto(link);
    await page.locator('.followup-buttons').waitFor(WAIT);
    expect(blocking(await axeViolations(page))).toEqual([]);
    await tabTo(page, '.followup-buttons .primary-button');
    await page.keyboard.press('Enter');
    await page.locator('.followup-stars').waitFor(WAIT);
    // The stars are a radio group: Tab into it, arrows move the choice.
    await tabTo(page, '.followup-stars input[type="radio"]');
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
    expect(await focused(page, '.followup-stars input[value="4"]:checked')).toBe(true);
    await tabTo(page, '.followup-form button[type="submit"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.followup-status').innerText(), WAIT).toBe('Penilaian Anda: 4 dari 5. Terima kasih!');
    // Said once (the status line), and the answer shows in the conversation in words.
    expect(await page.locator('.followup-rated').count()).toBe(0);
    expect(await page.locator('.followup-entry--citizen .followup-text').first().innerText()).toBe('Sudah beres');
    expect(blocking(await axeViolations(page))).toEqual([]);
    await page.screenshot({ path: '/tmp/w12/followup-rated-390.png', fullPage: true });
    await page.reload();
    await page.locator('.followup-rated').waitFor(WAIT);
    const row = await e2e.srv.server.ctx.db.selectFrom('request_notes').select('detail').where('service_request_id', '=', id).where('type', '=', 'rating').executeTakeFirst();
    expect(row).toBeTruthy();
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });

  it('the console views (Milik saya, Belum ditangani, Terlambat, Dibuka kembali) by keyboard in 2D on a phone', { timeout: 240_000 }, async () => {
    const db = e2e.srv.server.ctx.db;
    const me = await db.selectFrom('staff').select('id').where('username', '=', 'petugas.pu').executeTakeFirstOrThrow();
    const mine = await file(uniqueText('Kasus milik saya'));
    const late = await file(uniqueText('Kasus terlambat'));
    const reopened = await file(uniqueText('Kasus dibuka kembali'));
    const fresh = await file(uniqueText('Kasus baru'));
    await db.updateTable('service_requests').set({ assigned_to: me.id, stage: 'in_progress' }).where('service_request_id', '=', mine.id).execute();
    await db.updateTable('service_requests').set({ expected_at: new Date(Date.now() - DAY), stage: 'in_progress' }).where('service_request_id', '=', late.id).execute();
    await db.updateTable('service_requests').set({ reopened: true, stage: 'in_progress' }).where('service_request_id', '=', reopened.id).execute();

    const staff = await newPage(e2e.browser, { viewport: PHONE, mobile: true });
    const page = staff.page;
    await signInStaff(page, e2e.srv.url, 'petugas.pu');
    const console_ = page.locator('[data-staff-console]');
    // The console's tabs are a tab list: Tab reaches the selected tab, arrows move to the next.
    await tabTo(page, '[data-staff-console] [role="tab"][aria-selected="true"]');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page, '[data-staff-console] [data-tab="cases"]')).toBe(true);
    await page.keyboard.press('Enter');
    await console_.locator(`[data-case="${fresh.id}"]`).waitFor(WAIT);

    // all → mine → unhandled → overdue → reopened, by arrow keys on the view list.
    const views: [string, string, string][] = [
      ['mine', mine.id, late.id],
      ['unhandled', fresh.id, late.id],
      ['overdue', late.id, fresh.id],
      ['reopened', reopened.id, mine.id],
    ];
    await tabTo(page, '[data-filter="view"]');
    for (const [view, present, absent] of views) {
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => console_.locator('[data-filter="view"]').inputValue(), WAIT).toBe(view);
      await console_.locator(`[data-case="${present}"]`).waitFor(WAIT);
      expect(await console_.locator(`[data-case="${absent}"]`).count(), view).toBe(0);
      expect(blocking(await axeViolations(page)), view).toEqual([]);
      expect(await focused(page, '[data-filter="view"]')).toBe(true);
    }
    await page.screenshot({ path: '/tmp/w12/console-reopened-390.png' });

    // Into the reopened case by keyboard; its view is axe-clean too.
    await tabTo(page, `[data-case="${reopened.id}"]`);
    await page.keyboard.press('Enter');
    await console_.locator(`[data-case-view="${reopened.id}"]`).waitFor(WAIT);
    await console_.locator('[data-revoke-link]').waitFor(WAIT);
    expect(blocking(await axeViolations(page))).toEqual([]);
    expect(staff.errors.filter((e) => !expected401(e))).toEqual([]);
    await staff.context.close();
  });
});
