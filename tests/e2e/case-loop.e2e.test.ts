import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, uniqueText } from '../helpers/server';
import { startSmtp, type TestSmtp } from '../helpers/smtp';
import { E2E_DEMO_PASSWORD, newPage, PHONE } from './browser';
import { fillDrainageComplaint, readTicket } from './forms';
import { axeViolations, signInStaff } from './helpers';
import { useServerAndBrowser } from './setup';

const WAIT = { timeout: 30_000 };
const expected401 = (e: string) => /status of 401/.test(e);
/** Axe findings that block: serious or critical. */
const blocking = (violations: string[]) => violations.filter((v) => /\((serious|critical)\)/.test(v));

describe('the case loop, end to end', () => {
  let smtp: TestSmtp;
  const e2e = useServerAndBrowser(async () => {
    smtp = await startSmtp();
    const port = await freePort();
    return { port, env: { DEMO: '1', DEMO_PASSWORD: E2E_DEMO_PASSWORD, SMTP_URL: smtp.url, PUBLIC_URL: `http://127.0.0.1:${port}`, MAIL_POLL_MS: '200', FIXED_QUESTION_DELAY_SECONDS: '1' } };
  });
  afterAll(() => smtp?.close());

  it('follows a complaint from filing to "Sudah beres" and a rating, by mail and private link', { timeout: 240_000 }, async () => {
    // The citizen files a drainage complaint with an e-mail address (2D mode).
    const citizen = await newPage(e2e.browser);
    const cp = citizen.page;
    await cp.goto(`${e2e.srv.url}/?mode=2d`);
    await cp.click('[data-counter="pu"]');
    await cp.click('[data-interaction="complain"]');
    await cp.click('[data-service="pu-drainase"]');
    await fillDrainageComplaint(cp, uniqueText('Saluran tersumbat di Jl. Veteran'));
    await cp.fill('form[data-service="pu-drainase"] input[type="email"]', 'warga.e2e@example.id');
    await cp.check('form[data-service="pu-drainase"] .consent-check input[type="checkbox"]');
    await cp.click('form[data-service="pu-drainase"] button[type="submit"]');
    const ticket = await readTicket(cp);
    expect(await cp.locator('[data-testid="private-link"]').getAttribute('href')).toMatch(/\/ikuti#[A-Za-z0-9_-]{43}$/);
    const forTicket = (m: { subject?: string }) => (m.subject ?? '').includes(ticket);
    await smtp.waitFor(1, forTicket);

    // The officer answers from the console with a template.
    const staff = await newPage(e2e.browser);
    const sp = staff.page;
    await signInStaff(sp, e2e.srv.url, 'petugas.pu');
    const console_ = sp.locator('[data-staff-console]');
    await console_.locator('[data-tab="cases"]').click();
    await console_.locator(`[data-case="${ticket}"]`).click();
    const view = console_.locator(`[data-case-view="${ticket}"]`);
    await view.locator('select[data-field="template"]').selectOption('survei-saluran');
    const reply = view.locator('textarea[data-field="reply"]');
    expect(await reply.inputValue()).toMatch(/Drainase/);
    await reply.fill(`${await reply.inputValue()} Kamis pagi.`);
    await view.locator('[data-action="send-reply"]').click();
    await view.locator('li[data-entry-kind="reply"]').waitFor(WAIT);
    expect(blocking(await axeViolations(sp))).toEqual([]);

    // The mail arrives with the private link; the citizen opens it in another browser context and replies.
    const [, replyMail] = await smtp.waitFor(2, forTicket);
    expect(replyMail.text).toContain('Kamis pagi.');
    const link = /(http:\/\/\S+\/ikuti#[A-Za-z0-9_-]{43})/.exec(replyMail.text ?? '')![1];
    const other = await newPage(e2e.browser, { viewport: PHONE, mobile: true });
    const op = other.page;
    await op.goto(link);
    await op.locator('h1', { hasText: ticket }).waitFor(WAIT);
    expect(await op.locator('.followup-entries').innerText()).toContain('Kamis pagi.');
    await op.fill('.followup-form textarea', 'Terima kasih, saya tunggu.');
    await op.click('.followup-form button[type="submit"]');
    await op.locator('.followup-entry--citizen', { hasText: 'saya tunggu' }).waitFor(WAIT);
    expect(blocking(await axeViolations(op))).toEqual([]);

    // The officer resolves; the "is it fixed?" mail comes (delay shortened to 1 s).
    const moveTo = async (stage: string, label: string) => {
      await view.locator('select[data-field="stage"]').selectOption(stage);
      await view.locator('[data-action="save-stage"]').click();
      await expect.poll(() => view.locator('[data-testid="case-stage"]').innerText(), WAIT).toBe(label);
    };
    await moveTo('in_progress', 'Diproses');
    await moveTo('done', 'Selesai');
    await smtp.waitFor(1, (m) => forTicket(m) && /beres\?/.test(m.subject ?? ''));

    // "Belum beres" reopens it; the officer sees it reopened and resolves again.
    await op.reload();
    await op.fill('.followup-form textarea', 'Air masih menggenang.');
    await op.getByRole('button', { name: 'Belum beres' }).click();
    await op.locator('.followup-badge').waitFor(WAIT);
    await console_.locator('.link-button').click();
    await console_.locator('select[data-filter="view"]').selectOption('reopened');
    await console_.locator(`[data-case="${ticket}"]`).click();
    await view.locator('li[data-entry-kind="reopen"]').waitFor(WAIT);
    await moveTo('done', 'Selesai');

    // "Sudah beres" and a rating of 4.
    await op.reload();
    await op.getByRole('button', { name: 'Sudah beres' }).click();
    await op.locator('.followup-stars').waitFor(WAIT);
    await op.locator('.followup-star', { hasText: '4 dari 5' }).click();
    await op.getByRole('button', { name: 'Kirim penilaian' }).click();
    await op.locator('.followup-status', { hasText: '4 dari 5' }).waitFor(WAIT);
    expect(blocking(await axeViolations(op))).toEqual([]);

    // The dashboard shows PU's rating and one reopening.
    const boss = await newPage(e2e.browser);
    await boss.page.goto(`${e2e.srv.url}/dashboard.html`);
    await boss.page.waitForSelector('form.login-form');
    await boss.page.fill('input[name="username"]', 'supervisor');
    await boss.page.fill('input[name="password"]', E2E_DEMO_PASSWORD);
    await boss.page.click('form.login-form button[type="submit"]');
    const pu = boss.page.locator('#totals-heading ~ .table-scroll tbody tr', { hasText: 'PU' }).first();
    await pu.waitFor(WAIT);
    const cells = await pu.locator('td, th').allInnerTexts();
    expect(cells).toContain('4 (1)');
    expect(cells).toContain('100%');

    expect(citizen.errors).toEqual([]);
    expect(other.errors).toEqual([]);
    expect(staff.errors.filter((e) => !expected401(e))).toEqual([]);
    for (const p of [citizen, staff, other, boss]) await p.context.close();
  });
});
