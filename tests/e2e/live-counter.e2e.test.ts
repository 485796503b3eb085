import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { joinHall, waitFor } from '../helpers/rooms';
import { uniqueText } from '../helpers/server';
import { newPage, E2E_DEMO_PASSWORD } from './browser';
import { fillDrainageComplaint, readTicket } from './forms';
import { axeViolations, signInStaff } from './helpers';
import { useServerAndBrowser } from './setup';

const WAIT = { timeout: 30_000 };

/** The sign-in page asks the server whether a session is open; a 401 there is expected. */
const expected401 = (e: string) => /status of 401/.test(e);

describe('live counters: an officer serves a citizen in the hall', () => {
  const e2e = useServerAndBrowser({ env: { DEMO: '1', DEMO_PASSWORD: E2E_DEMO_PASSWORD } });

  it('refuses a wrong password, in words', { timeout: 60_000 }, async () => {
    const { page, context } = await newPage(e2e.browser);
    await page.goto(`${e2e.srv.url}/petugas`);
    await page.locator('.login-form').waitFor(WAIT);
    await page.fill('input[autocomplete="username"]', 'petugas.pu');
    await page.fill('input[type="password"]', 'salah');
    await page.click('.login-form button[type="submit"]');
    await expect.poll(() => page.locator('[data-login-error]').innerText(), WAIT).toBe('Nama pengguna atau kata sandi salah.');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('queue → call → chat → file and attach the transcript → stage change the citizen can track', { timeout: 240_000 }, async () => {
    // The officer signs in and is seated at the public-works counter.
    const staff = await newPage(e2e.browser);
    await signInStaff(staff.page, e2e.srv.url, 'petugas.pu');
    const console_ = staff.page.locator('[data-staff-console]');
    await console_.locator('[data-queue-empty]').waitFor(WAIT);

    // The citizen sees the counter on duty, with the officer's name.
    const citizen = await newPage(e2e.browser);
    const cp = citizen.page;
    await cp.goto(`${e2e.srv.url}/?mode=2d`);
    const badge = cp.locator('[data-counter="pu"] .status-badge');
    await expect.poll(() => badge.getAttribute('data-status'), WAIT).toBe('on_duty');
    expect(await badge.innerText()).toMatch(/^Petugas bertugas: \S/);
    await cp.click('[data-counter="pu"]');
    await cp.click('[data-action="queue-take"]');
    const place = cp.locator('[data-queue-ticket]');
    await place.waitFor(WAIT);
    const ticket = (await place.getAttribute('data-queue-ticket'))!;
    expect(await place.getAttribute('data-position')).toBe('1');
    expect(await place.innerText()).toContain('Urutan ke-1');

    // The officer sees the ticket and calls it.
    await console_.locator(`[data-ticket="${ticket}"]`).waitFor(WAIT);
    await console_.locator('[data-action="call-next"]').click();

    // The chat opens for both; a line with markup arrives as plain text.
    const chat = cp.locator(`.chat[data-chat="${ticket}"]`);
    await chat.waitFor(WAIT);
    await chat.locator('input').fill('<b>halo</b>');
    await chat.locator('input').press('Enter');
    const staffChat = console_.locator(`.chat[data-chat="${ticket}"]`);
    const incoming = staffChat.locator('.chat-line[data-from="citizen"] .chat-text');
    await expect.poll(() => incoming.first().innerText().catch(() => ''), WAIT).toBe('<b>halo</b>');
    expect(await staffChat.locator('.chat-lines b').count()).toBe(0);
    const reply = uniqueText('Silakan isi formulir drainase');
    await staffChat.locator('input').fill(reply);
    await staffChat.locator('input').press('Enter');
    await expect.poll(() => chat.locator('.chat-line[data-from="officer"] .chat-text').first().innerText().catch(() => ''), WAIT).toBe(reply);
    expect(await chat.locator('.chat-line[data-from="citizen"] .chat-text').innerText()).toBe('<b>halo</b>');
    expect(await axeViolations(cp)).toEqual([]);
    expect(await axeViolations(staff.page)).toEqual([]);

    // The citizen files the drainage complaint at the same counter and attaches the conversation.
    await cp.click('[data-interaction="complain"]');
    await cp.click('[data-service="pu-drainase"]');
    const description = uniqueText('Got tersumbat depan pasar');
    await fillDrainageComplaint(cp, description);
    await cp.click('form[data-service="pu-drainase"] button[type="submit"]');
    const caseId = await readTicket(cp);
    const attach = cp.locator('form.attach');
    expect(await attach.locator('input[type="text"]').inputValue()).toBe(caseId);
    await attach.locator('input[type="checkbox"]').check();
    await attach.locator('[data-action="attach"]').click();
    await cp.locator(`[data-attached="${caseId}"]`).waitFor(WAIT);

    // The officer ends the conversation; the citizen is told and keeps the transcript.
    await console_.locator('[data-action="end-service"]').click();
    await cp.locator(`.chat[data-chat="${ticket}"][data-ended]`).waitFor(WAIT);
    expect(await chat.locator('.chat-line').count()).toBe(2);

    // The officer opens the case: the transcript is a note; moves it to "Diproses" with a note.
    await console_.locator('[data-tab="cases"]').click();
    await console_.locator(`[data-case="${caseId}"]`).click();
    const view = console_.locator(`[data-case-view="${caseId}"]`);
    const transcript = view.locator('li[data-note-type="transcript"]');
    await transcript.waitFor(WAIT);
    expect(await transcript.innerText()).toContain('<b>halo</b>');
    // Structured lines (issue 11): one list item per chat line, with the speaker and a WITA time.
    expect(await transcript.locator('.transcript-lines li').count()).toBeGreaterThan(0);
    expect(await transcript.locator('.transcript-lines li').first().innerText()).toMatch(/\d\d:\d\d WITA/);
    expect(await view.locator('.case-description').innerText()).toBe(description);
    expect(await axeViolations(staff.page)).toEqual([]);
    await view.locator('select[data-field="stage"]').selectOption('in_progress');
    const note = uniqueText('Tim drainase dijadwalkan besok pagi');
    await view.locator('textarea[data-field="note"]').fill(note);
    await view.locator('[data-action="save-stage"]').click();
    await expect.poll(() => view.locator('[data-testid="case-stage"]').innerText(), WAIT).toBe('Diproses');

    // The citizen's tracker shows the new stage and the officer's note.
    await cp.click('a[href*="/lacak/"]');
    await expect.poll(() => cp.locator('[data-testid="tracker-stage"]').innerText(), WAIT).toBe('Diproses');
    expect(await cp.locator('.history').innerText()).toContain(note);
    expect(await cp.locator('.history').innerText()).not.toContain('<b>halo</b>');

    expect(citizen.errors).toEqual([]);
    expect(staff.errors.filter((e) => !expected401(e))).toEqual([]);
    await citizen.context.close();
    await staff.context.close();
  });
  it('a supervisor mutes a citizen: the room state says so, and every supervisor page shows it (and unmutes it)', { timeout: 180_000 }, async () => {
    const citizen = await joinHall(e2e.srv.url, { name: 'Warga Ribut' });
    const first = await newPage(e2e.browser);
    await signInStaff(first.page, e2e.srv.url, 'supervisor');
    const console_ = first.page.locator('[data-staff-console]');
    await console_.locator('[data-tab="visitors"]').click();
    await console_.getByRole('button', { name: 'Bisukan: Warga Ribut' }).click();
    // The room's state, not the page's memory, says who is muted.
    await waitFor('the citizen muted', () => citizen.room.state.visitors.get(citizen.room.sessionId)?.muted === true, 30_000);
    await console_.getByRole('button', { name: 'Izinkan bicara: Warga Ribut' }).waitFor(WAIT);
    expect(await axeViolations(first.page)).toEqual([]);

    // Another supervisor page (a reload, a colleague) sees the same.
    const second = await newPage(e2e.browser);
    await signInStaff(second.page, e2e.srv.url, 'supervisor');
    const console2 = second.page.locator('[data-staff-console]');
    await console2.locator('[data-tab="visitors"]').click();
    await console2.getByRole('button', { name: 'Izinkan bicara: Warga Ribut' }).waitFor(WAIT);

    // Unmuting from the second shows on the first.
    await console2.getByRole('button', { name: 'Izinkan bicara: Warga Ribut' }).click();
    await console_.getByRole('button', { name: 'Bisukan: Warga Ribut' }).waitFor(WAIT);
    expect(citizen.room.state.visitors.get(citizen.room.sessionId)?.muted).toBe(false);
    await first.context.close();
    await second.context.close();
    await citizen.room.leave();
  });
});
