import { describe, expect, it } from 'vitest';
import { joinHall, login, waitFor } from '../helpers/rooms';
import { newPage, E2E_DEMO_PASSWORD } from './browser';
import { axeViolations, signInStaff } from './helpers';
import { useServerAndBrowser } from './setup';

const WAIT = { timeout: 30_000 };

/** The sign-in page asks the server whether a session is open; a 401 there is expected. */
const unexpected = (errors: string[]) => errors.filter((e) => !/status of 401/.test(e));

describe('the staff console shows what the server tells it (issue 11)', () => {
  const e2e = useServerAndBrowser({ env: { DEMO: '1', DEMO_PASSWORD: E2E_DEMO_PASSWORD, TRUST_PROXY: 'true', RATE_LIMIT_LOGIN: '1000' } });

  it("a burst of failed sign-ins on an account is a notice in the supervisor's console, not in an officer's", { timeout: 120_000 }, async () => {
    for (let i = 1; i <= 11; i += 1) {
      await fetch(`${e2e.srv.url}/api/staff/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i}` },
        body: JSON.stringify({ username: 'petugas.dinsos', password: 'salah' }),
      });
    }
    const { page, context, errors } = await newPage(e2e.browser);
    await signInStaff(page, e2e.srv.url, 'supervisor');
    const notices = page.locator('[data-testid="security-notices"]');
    const burst = notices.locator('[data-notice="login_burst"]');
    await burst.first().waitFor(WAIT);
    expect(await burst.first().innerText()).toMatch(/petugas\.dinsos \(10 kali dari 10 alamat\)/);
    expect(await notices.locator('[aria-live="polite"]').count()).toBe(1);
    if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/console-notices.png` });
    await page.click('.lang-switch button[lang="en"]');
    await expect.poll(() => burst.first().innerText()).toMatch(/many failed sign-ins for the account petugas\.dinsos/);
    expect(await axeViolations(page)).toEqual([]);
    expect(unexpected(errors)).toEqual([]);
    await context.close();

    const officer = await newPage(e2e.browser);
    await signInStaff(officer.page, e2e.srv.url, 'petugas.pu');
    await officer.page.locator('[data-queue-empty]').waitFor(WAIT);
    expect(await officer.page.locator('[data-notice="login_burst"]').count()).toBe(0);
    await officer.context.close();
  });

  it('a session ended elsewhere (logout in another tab) says so in the console and leads back to sign-in', { timeout: 120_000 }, async () => {
    const { page, context, errors } = await newPage(e2e.browser);
    await signInStaff(page, e2e.srv.url, 'petugas.pu');
    await page.locator('[data-queue-empty]').waitFor(WAIT);
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const out = await fetch(`${e2e.srv.url}/api/staff/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: e2e.srv.url, 'sec-fetch-site': 'same-origin' },
      body: '{}',
    });
    expect(out.status).toBe(200);
    const ended = page.locator('[data-testid="hall-session-ended"]');
    await expect.poll(() => ended.innerText(), WAIT).toContain('Sesi petugas Anda berakhir');
    expect(await ended.getAttribute('role')).toBe('alert');
    expect(await axeViolations(page)).toEqual([]);
    await ended.getByRole('button', { name: 'Masuk lagi' }).click();
    await page.locator('.login-form').waitFor(WAIT);
    expect(new URL(page.url()).pathname).toBe('/petugas');
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  it("a supervisor empties a queue from the console: the console counts the dropped numbers, the citizen is told", { timeout: 180_000 }, async () => {
    const officer = await joinHall(e2e.srv.url, { staffToken: await login(e2e.srv.url, 'petugas.pu', E2E_DEMO_PASSWORD) });
    const citizen = await newPage(e2e.browser);
    await citizen.page.goto(`${e2e.srv.url}/?mode=2d`);
    const badge = citizen.page.locator('[data-counter="pu"] .status-badge');
    await expect.poll(() => badge.getAttribute('data-status'), WAIT).toBe('on_duty');
    await citizen.page.click('[data-counter="pu"]');
    await citizen.page.click('[data-action="queue-take"]');
    await citizen.page.locator('[data-queue-ticket]').waitFor(WAIT);
    await waitFor('the queue at PU', () => officer.room.state.counters.get('pu')?.queue.length === 1, 30_000);

    const { page, context, errors } = await newPage(e2e.browser);
    await signInStaff(page, e2e.srv.url, 'supervisor');
    const clear = page.locator('[data-action="clear-all"][data-counter="pu"]');
    await clear.waitFor(WAIT);
    expect(await clear.getAttribute('aria-label')).toBe('Kosongkan antrean: Dinas PU');
    await clear.click();
    const status = page.locator('[data-testid="queue-cleared"]');
    await expect.poll(() => status.innerText(), WAIT).toContain('Antrean Dinas PU dibersihkan: 1 nomor dihapus');
    expect(await status.getAttribute('role')).toBe('status');
    await waitFor('the queue to be empty', () => officer.room.state.counters.get('pu')?.queue.length === 0, 30_000);
    const told = citizen.page.locator('[data-notice="queueCleared"]');
    await told.waitFor(WAIT);
    expect(await told.innerText()).toContain('menghapus nomor antrean Anda di Dinas PU');
    if (process.env.E2E_SHOTS) {
      await page.screenshot({ path: `${process.env.E2E_SHOTS}/console-queue-cleared.png` });
      await citizen.page.setViewportSize({ width: 390, height: 844 });
      await citizen.page.screenshot({ path: `${process.env.E2E_SHOTS}/citizen-queue-cleared-phone.png` });
    }
    expect(await axeViolations(page)).toEqual([]);
    expect(unexpected(errors)).toEqual([]);
    await context.close();
    await citizen.context.close();
    await officer.room.leave();
  });
});
