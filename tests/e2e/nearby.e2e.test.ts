import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, uniqueText } from '../helpers/server';
import { startSmtp, type TestSmtp } from '../helpers/smtp';
import { newPage, PHONE } from './browser';
import { DRAINAGE_FORM, fillDrainageComplaint, readTicket } from './forms';
import { axeViolations } from './helpers';
import { useServerAndBrowser } from './setup';

const SHOTS = join(ROOT, '.tmp', 'screenshots');

async function openDrainageForm(page: Page, url: string, lang = 'id'): Promise<void> {
  await page.goto(`${url}/?mode=2d&lang=${lang}`);
  await page.tap('[data-counter="pu"]');
  await page.tap('[data-interaction="complain"]');
  await page.tap('[data-service="pu-drainase"]');
}

async function pickTamalanrea(page: Page): Promise<void> {
  await page.locator(`${DRAINAGE_FORM} input[role="combobox"]`).fill('tamalanrea');
  await page.locator('[role="listbox"] [role="option"]').first().click();
}

describe('nearby reports on a phone', () => {
  let smtp: TestSmtp | undefined;
  const e2e = useServerAndBrowser(async () => {
    smtp = await startSmtp();
    return { env: { SMTP_URL: smtp.url, MAIL_POLL_MS: '200' } };
  });
  afterAll(() => smtp?.close());

  it('the second citizen reporting the same blocked drain in the same kelurahan is offered the first case, follows it, and the case shows 2 people affected', { timeout: 180_000 }, async () => {
    await mkdir(SHOTS, { recursive: true });
    const words = uniqueText('Got depan masjid tersumbat sampah');

    // The first citizen files the blocked drain in Kel. Tamalanrea.
    const first = await newPage(e2e.browser, { viewport: PHONE, mobile: true });
    await openDrainageForm(first.page, e2e.srv.url);
    await fillDrainageComplaint(first.page, words);
    await pickTamalanrea(first.page);
    await first.page.locator(`${DRAINAGE_FORM} button[type="submit"]`).tap();
    const ticket = await readTicket(first.page);
    await first.context.close();

    // The second citizen, on another phone, starts the same report in the same kelurahan.
    const second = await newPage(e2e.browser, { viewport: PHONE, mobile: true });
    const page = second.page;
    await openDrainageForm(page, e2e.srv.url);
    await fillDrainageComplaint(page, 'Saluran mampet, air naik ke jalan');
    await pickTamalanrea(page);
    const nearby = page.locator('[data-testid="nearby-reports"]');
    const offered = nearby.locator(`[data-ticket="${ticket}"]`);
    await offered.waitFor();
    expect(await offered.innerText()).toContain(words);
    expect(await offered.locator('[data-testid="nearby-affected"]').innerText()).toBe('1 orang terdampak');
    expect(await axeViolations(page)).toEqual([]);
    await offered.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'nearby-phone-id.png') });

    // With an e-mail given, consent comes first; then "Saya juga mengalami ini" by keyboard.
    await page.fill(`${DRAINAGE_FORM} input[type="email"]`, 'tetangga.e2e@example.id');
    const follow = offered.locator('button.nearby-follow');
    await follow.focus();
    await page.keyboard.press('Enter');
    await nearby.locator('[role="alert"]').waitFor();
    expect(await page.locator(`${DRAINAGE_FORM} .consent-check input[type="checkbox"]`).isChecked()).toBe(false);
    await page.check(`${DRAINAGE_FORM} .consent-check input[type="checkbox"]`);
    await follow.focus();
    await page.keyboard.press('Enter');

    const done = page.locator('[data-testid="followed-result"]');
    await done.waitFor();
    expect(await done.innerText()).toContain(ticket);
    expect(await page.locator('[data-testid="followed-count"]').innerText()).toContain('2 orang terdampak');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'nearby-followed-phone-id.png') });

    // No second report was filed: the case counts two people, and the tracker says so.
    const complaints = await e2e.srv.server.ctx.db.selectFrom('service_requests').select('service_request_id').where('service_code', '=', 'pu-drainase').execute();
    expect(complaints.map((c) => c.service_request_id)).toEqual([ticket]);
    await done.locator('button.primary-button').tap();
    const affected = page.locator('[data-testid="tracker-affected"]');
    await affected.waitFor();
    expect(await affected.innerText()).toBe('2 orang terdampak');
    await page.screenshot({ path: join(SHOTS, 'nearby-tracker-phone-id.png') });

    // The follower is mailed at the address they gave (the tracker link, not a private link).
    const [mail] = await smtp!.waitFor(1, (m) => (m.subject ?? '').includes(ticket) && JSON.stringify(m.to).includes('tetangga.e2e@example.id'));
    expect(mail.text).toContain(`/lacak/${ticket}`);
    expect(mail.text).not.toContain('/ikuti#');
    expect(second.errors).toEqual([]);
    await second.context.close();
  });

  it('offers it in English too, and a complaint in another kelurahan is not offered', { timeout: 120_000 }, async () => {
    const { page, errors, context } = await newPage(e2e.browser, { viewport: PHONE, mobile: true });
    await openDrainageForm(page, e2e.srv.url, 'en');
    await fillDrainageComplaint(page, 'Blocked drain');
    await pickTamalanrea(page);
    const nearby = page.locator('[data-testid="nearby-reports"]');
    await nearby.waitFor();
    expect(await nearby.locator('h4').innerText()).toBe('Similar reports near you');
    expect(await nearby.locator('button.nearby-follow').first().innerText()).toBe('I have this problem too');
    expect(await nearby.locator('[data-testid="nearby-affected"]').first().innerText()).toBe('2 people affected');
    expect(await axeViolations(page)).toEqual([]);
    await nearby.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'nearby-phone-en.png') });

    // Another kelurahan: the section goes away.
    await page.locator(`${DRAINAGE_FORM} input[role="combobox"]`).fill('bira');
    await page.locator('[role="listbox"] [role="option"]').first().click();
    await nearby.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await context.close();
  });
});
