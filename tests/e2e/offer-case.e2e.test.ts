import { describe, expect, it } from 'vitest';
import { uniqueText } from '../helpers/server';
import { newPage, E2E_DEMO_PASSWORD, PHONE } from './browser';
import { DRAINAGE_FORM, fillDrainageComplaint } from './forms';
import { axeViolations, signInStaff } from './helpers';
import { decodeQr } from './qr';
import { useServerAndBrowser } from './setup';

const WAIT = { timeout: 30_000 };
const expected401 = (e: string) => /status of 401/.test(e);

describe('a case the officer files during a conversation is handed to the citizen in the chat', () => {
  const e2e = useServerAndBrowser({ env: { DEMO: '1', DEMO_PASSWORD: E2E_DEMO_PASSWORD } });

  it('officer files on behalf → citizen sees number, QR of the private link, the link → one tap attaches the transcript', { timeout: 240_000 }, async () => {
    const staff = await newPage(e2e.browser);
    await signInStaff(staff.page, e2e.srv.url, 'petugas.pu');
    const console_ = staff.page.locator('[data-staff-console]');
    await console_.locator('[data-queue-empty]').waitFor(WAIT);

    // The citizen, at a laptop in 2D, queues and is called (a phone hides the QR code: it is already the phone).
    const citizen = await newPage(e2e.browser);
    const cp = citizen.page;
    await cp.goto(`${e2e.srv.url}/?mode=2d`);
    await cp.click('[data-counter="pu"]');
    await cp.click('[data-action="queue-take"]');
    const ticket = (await cp.locator('[data-queue-ticket]').getAttribute('data-queue-ticket'))!;
    await console_.locator(`[data-ticket="${ticket}"]`).waitFor(WAIT);
    await console_.locator('[data-action="call-next"]').click();
    const chat = cp.locator(`.chat[data-chat="${ticket}"]`);
    await chat.waitFor(WAIT);
    const words = uniqueText('Got di depan rumah saya tersumbat');
    await chat.locator('input').fill(words);
    await chat.locator('input').press('Enter');
    await console_.locator('.chat-line[data-from="citizen"]').first().waitFor(WAIT);

    // The officer files the complaint for the citizen, from the console's "file" tab.
    await console_.locator('[data-tab="file"]').click();
    await console_.locator('select[data-field="service"]').selectOption('pu-drainase');
    await console_.locator('form button[type="submit"]').first().click();
    await fillDrainageComplaint(staff.page, uniqueText('Dilaporkan di loket: got tersumbat'));
    await staff.page.click(`${DRAINAGE_FORM} button[type="submit"]`);
    const filed = console_.locator('[data-filed]');
    await filed.waitFor(WAIT);
    const id = (await filed.getAttribute('data-filed'))!;
    await console_.locator(`[data-offered="${id}"]`).waitFor(WAIT);
    expect(await axeViolations(staff.page)).toEqual([]);

    // The citizen has the ticket in the chat: the number, the private link, its QR code.
    const card = cp.locator(`[data-offered="${id}"]`);
    await card.waitFor(WAIT);
    expect(await card.locator('[data-testid="offered-number"]').innerText()).toBe(id);
    const href = (await card.locator('[data-testid="offered-private-link"]').getAttribute('href'))!;
    expect(href).toMatch(/\/ikuti#[A-Za-z0-9_-]{43}$/);
    const qr = card.locator('.ticket-qr');
    await qr.waitFor(WAIT);
    expect(await qr.getAttribute('data-qr')).toBe('private');
    await card.locator('.ticket-qr-code').scrollIntoViewIfNeeded();
    expect(await decodeQr(cp, `[data-offered="${id}"] .ticket-qr-code`)).toBe(new URL(href, e2e.srv.url).href);
    expect(await axeViolations(cp)).toEqual([]);

    // On a phone (390×844) the card keeps the number and the link; the QR code is not drawn (the phone is already the phone).
    await cp.setViewportSize(PHONE);
    await card.locator('[data-testid="offered-private-link"]').scrollIntoViewIfNeeded();
    expect(await card.locator('[data-testid="offered-private-link"]').isVisible()).toBe(true);
    expect(await qr.isVisible()).toBe(false);
    expect(await axeViolations(cp)).toEqual([]);
    await cp.screenshot({ path: '/tmp/w12/offered-case-390.png' });

    // One tap of consent, by keyboard: the transcript goes to the case.
    await card.locator('[data-action="attach-offered"]').focus();
    await cp.keyboard.press('Enter');
    await card.locator(`[data-attached="${id}"]`).waitFor(WAIT);

    // The officer sees the transcript on the case.
    await console_.locator('[data-tab="cases"]').click();
    await console_.locator(`[data-case="${id}"]`).click();
    const transcript = console_.locator(`[data-case-view="${id}"] li[data-note-type="transcript"]`);
    await transcript.waitFor(WAIT);
    expect(await transcript.innerText()).toContain(words);

    // The private link opens the follow-up page in another browser.
    const other = await newPage(e2e.browser);
    await other.page.goto(new URL(href, e2e.srv.url).href);
    await other.page.locator('.followup-facts').waitFor(WAIT);
    expect(await other.page.locator('body').innerText()).toContain(id);

    expect(citizen.errors).toEqual([]);
    expect(staff.errors.filter((e) => !expected401(e))).toEqual([]);
    await other.context.close();
    await citizen.context.close();
    await staff.context.close();
  });
});
