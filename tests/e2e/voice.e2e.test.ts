import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { postResultSchema } from '../../src/shared/open311';
import { joinHall, login, waitFor } from '../helpers/rooms';
import { drainageComplaint, postForm, ROOT } from '../helpers/server';
import { DESKTOP, E2E_DEMO_PASSWORD, FAKE_MEDIA_ARGS, launchBrowser, newPage, PHONE } from './browser';
import { axeViolations, enterHall, signInStaff, walkTo } from './helpers';
import { useServerAndBrowser } from './setup';

const WAIT = { timeout: 30_000 };
const expected401 = (e: string) => /status of 401/.test(e);
/** Where the call controls' screenshots go (looked at by a person; not compared). */
const SHOTS = join(ROOT, '.tmp', 'screenshots');

/** Below this audioLevel (−60 dBFS) a side is silent: a muted track may still send the least step, 1/32768. */
const SILENT = 0.001;

/** The page's RTCPeerConnection state, through the test hook callStore.ts sets. */
const pcState = (page: Page) => page.evaluate(() => window.__makaverseCall?.pc()?.connectionState ?? 'none');
const inbound = (page: Page) => page.evaluate(() => window.__makaverseCall!.inbound());

/** Samples the inbound audio for `ms`: bytes received at start and end, and the loudest level heard. */
async function listen(page: Page, ms: number): Promise<{ bytesBefore: number; bytesAfter: number; maxLevel: number }> {
  const first = await inbound(page);
  let maxLevel = first.level;
  const until = Date.now() + ms;
  let last = first;
  while (Date.now() < until) {
    await page.waitForTimeout(150);
    last = await inbound(page);
    maxLevel = Math.max(maxLevel, last.level);
  }
  return { bytesBefore: first.bytes, bytesAfter: last.bytes, maxLevel };
}

/** axe on the call controls only: no serious or critical violation. */
async function axeSerious(page: Page): Promise<string[]> {
  return (await axeViolations(page)).filter((v) => /\((serious|critical)\)/.test(v));
}

describe('voice at the counter: officer and citizen talk over WebRTC (fake microphones)', () => {
  const e2e = useServerAndBrowser({ env: { DEMO: '1', DEMO_PASSWORD: E2E_DEMO_PASSWORD } }, { extraArgs: FAKE_MEDIA_ARGS });

  it('called from the queue, the citizen presses Talk, the officer answers: audio both ways, mute, hang up, the case note', { timeout: 240_000 }, async () => {
    const staff = await newPage(e2e.browser, { viewport: DESKTOP, reducedMotion: true });
    await signInStaff(staff.page, e2e.srv.url, 'petugas.pu');
    const console_ = staff.page.locator('[data-staff-console]');
    await console_.locator('[data-queue-empty]').waitFor(WAIT);

    const citizen = await newPage(e2e.browser, { viewport: PHONE, mobile: true, reducedMotion: true });
    const cp = citizen.page;
    await cp.goto(`${e2e.srv.url}/?mode=2d`);
    await expect.poll(() => cp.locator('[data-counter="pu"] .status-badge').getAttribute('data-status'), WAIT).toBe('on_duty');
    await cp.click('[data-counter="pu"]');
    await cp.click('[data-action="queue-take"]');
    const ticket = (await cp.locator('[data-queue-ticket]').getAttribute('data-queue-ticket', WAIT))!;
    // No microphone is asked for before Talk: the page holds no peer connection yet.
    expect(await pcState(cp)).toBe('none');

    await console_.locator(`[data-ticket="${ticket}"]`).waitFor(WAIT);
    await console_.locator('[data-action="call-next"]').click();
    await cp.locator(`.chat[data-chat="${ticket}"]`).waitFor(WAIT);
    // A case filed during the conversation (from the citizen's address) receives the call's note.
    const posted = await postForm(e2e.srv.url, drainageComplaint(e2e.srv.apiKey));
    const caseId = postResultSchema.parse(await posted.json())[0].service_request_id!;

    mkdirSync(SHOTS, { recursive: true });
    await cp.locator('.live-counter').screenshot({ path: join(SHOTS, 'voice-phone-390-talk.png') });
    expect(await axeViolations(cp)).toEqual([]);
    // The citizen presses Talk (from the keyboard); the officer's console rings and the officer answers with Talk.
    await cp.focus('[data-action="voice-talk"]');
    await cp.keyboard.press('Enter');
    const staffTalk = console_.locator('[data-voice="ringingIn"] [data-action="voice-talk"]');
    await staffTalk.waitFor(WAIT);
    expect(await console_.locator('[data-voice-status]').innerText()).toMatch(/ingin bicara dengan Anda/);
    await staffTalk.click();
    await expect.poll(() => pcState(cp), WAIT).toBe('connected');
    await expect.poll(() => pcState(staff.page), WAIT).toBe('connected');
    await cp.locator('[data-on-air="true"]').waitFor(WAIT);
    await console_.locator('[data-on-air="true"]').waitFor(WAIT);
    expect(await cp.locator('[data-voice-status]').innerText()).toMatch(/^Tersambung dengan /);

    // Each side hears the other for 3 s: bytes grow and the level moves.
    const [heardByCitizen, heardByOfficer] = await Promise.all([listen(cp, 3000), listen(staff.page, 3000)]);
    expect(heardByCitizen.bytesAfter).toBeGreaterThan(heardByCitizen.bytesBefore);
    expect(heardByOfficer.bytesAfter).toBeGreaterThan(heardByOfficer.bytesBefore);
    expect(heardByCitizen.maxLevel).toBeGreaterThan(SILENT);
    expect(heardByOfficer.maxLevel).toBeGreaterThan(SILENT);

    // The controls on a phone and on the console, looked at and checked by axe.
    await cp.locator('.voice').screenshot({ path: join(SHOTS, 'voice-phone-390.png') });
    await cp.screenshot({ path: join(SHOTS, 'voice-phone-390-page.png') });
    await staff.page.screenshot({ path: join(SHOTS, 'voice-desktop-1280.png') });
    const overflow = await cp.evaluate(() => {
      const box = document.querySelector('.voice')!.getBoundingClientRect();
      return box.right > window.innerWidth || document.documentElement.scrollWidth > window.innerWidth;
    });
    expect(overflow).toBe(false);
    expect(await axeSerious(cp)).toEqual([]);
    expect(await axeSerious(staff.page)).toEqual([]);
    expect(await axeViolations(cp)).toEqual([]);
    expect(await axeViolations(staff.page)).toEqual([]);

    // The citizen mutes: the officer's level for the citizen falls silent while bytes still flow.
    await cp.click('[data-action="voice-mute"]');
    expect(await cp.locator('[data-action="voice-mute"]').getAttribute('aria-pressed')).toBe('true');
    await cp.locator('[data-on-air="false"]').waitFor(WAIT);
    await expect.poll(async () => (await listen(staff.page, 1500)).maxLevel, WAIT).toBeLessThan(SILENT);
    // The officer is still heard by the citizen.
    expect((await listen(cp, 1500)).maxLevel).toBeGreaterThan(SILENT);

    // The officer hangs up: both connections close, both pages say so.
    await cp.evaluate(() => ((window as unknown as { __pc: unknown }).__pc = window.__makaverseCall!.pc()));
    await staff.page.evaluate(() => ((window as unknown as { __pc: unknown }).__pc = window.__makaverseCall!.pc()));
    await console_.locator('[data-action="voice-hangup"]').click();
    const closed = (page: Page) => page.evaluate(() => ((window as unknown as { __pc: RTCPeerConnection }).__pc).connectionState);
    await expect.poll(() => closed(staff.page), WAIT).toBe('closed');
    await expect.poll(() => closed(cp), WAIT).toBe('closed');
    await cp.locator('[data-voice-ended]').waitFor(WAIT);
    expect(await cp.locator('[data-voice-ended]').innerText()).toMatch(/^Panggilan suara selesai \(\d+ mnt \d+ dtk\)\.$/);
    expect(await cp.locator('[data-action="voice-talk"]').isVisible()).toBe(true);

    // The case has the call note (internal, for staff), in the console's timeline.
    await console_.locator('[data-tab="cases"]').click();
    await console_.locator(`[data-case="${caseId}"]`).click();
    const view = console_.locator(`[data-case-view="${caseId}"]`);
    await expect.poll(() => view.innerText(), WAIT).toMatch(/Panggilan suara \d+ detik \(mulai .* WITA, selesai .* WITA, diakhiri oleh petugas\)/);
    const publicView = await (await fetch(`${e2e.srv.url}/open311/v2/requests/${caseId}.json?extensions=true`)).text();
    expect(publicView).not.toContain('Panggilan suara');

    expect(citizen.errors).toEqual([]);
    expect(staff.errors.filter((e) => !expected401(e))).toEqual([]);
    await citizen.context.close();
    await staff.context.close();
  });

  it('in the 3D hall: the counter panel opens on the call; closed, the audio goes on and the call bar hangs up', { timeout: 600_000 }, async () => {
    const staff = await newPage(e2e.browser, { viewport: DESKTOP, reducedMotion: true });
    await signInStaff(staff.page, e2e.srv.url, 'petugas.pu');
    const console_ = staff.page.locator('[data-staff-console]');
    const citizen = await newPage(e2e.browser, { viewport: DESKTOP, reducedMotion: true });
    const cp = citizen.page;
    // Into the 3D hall, walking to the public-works counter, as in hall-3d.e2e.test.ts.
    await cp.goto(e2e.srv.url);
    await enterHall(cp);
    await cp.waitForSelector('.world-canvas[data-ready]', { timeout: 180_000 });
    await walkTo(cp, 'pu', async () => (await cp.$('.near-prompt[data-near="pu"]')) !== null);
    await cp.keyboard.press('e');
    await cp.locator('[role="dialog"] [data-action="queue-take"]').click({ timeout: 60_000 });
    await cp.locator('[role="dialog"] [data-queue-ticket]').waitFor(WAIT);

    await console_.locator('[data-action="call-next"]:not([disabled])').click(WAIT);
    const panel = cp.locator('[role="dialog"]');
    await panel.locator('[data-action="voice-talk"]').click({ timeout: 60_000 });
    await console_.locator('[data-voice="ringingIn"] [data-action="voice-talk"]').click(WAIT);
    await expect.poll(() => pcState(cp), WAIT).toBe('connected');
    await panel.locator('[data-on-air="true"]').waitFor(WAIT);
    await cp.screenshot({ path: join(SHOTS, 'voice-3d-panel-1280.png') });

    // The panel closes (Escape): the call goes on, audio still arrives, and the call bar shows it.
    await cp.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached', ...WAIT });
    const bar = cp.locator('[data-voice-bar]');
    await bar.locator('[data-on-air="true"]').waitFor(WAIT);
    const heard = await listen(cp, 2000);
    expect(heard.bytesAfter).toBeGreaterThan(heard.bytesBefore);
    expect(heard.maxLevel).toBeGreaterThan(SILENT);
    expect(await pcState(cp)).toBe('connected');
    await cp.screenshot({ path: join(SHOTS, 'voice-3d-bar-1280.png') });
    expect(await axeSerious(cp)).toEqual([]);

    await staff.page.evaluate(() => ((window as unknown as { __pc: unknown }).__pc = window.__makaverseCall!.pc()));
    await bar.locator('[data-action="voice-hangup"]').click();
    await expect.poll(() => staff.page.evaluate(() => ((window as unknown as { __pc: RTCPeerConnection }).__pc).connectionState), WAIT).toBe('closed');
    await bar.waitFor({ state: 'detached', ...WAIT });
    expect(citizen.errors).toEqual([]);
    await citizen.context.close();
    await staff.context.close();
  });

  it('a kiosk talks push-to-talk: silent until the button (or Space) is held; the idle privacy reset ends the call', { timeout: 240_000 }, async () => {
    const staff = await newPage(e2e.browser, { viewport: DESKTOP, reducedMotion: true });
    await signInStaff(staff.page, e2e.srv.url, 'petugas.pu');
    const console_ = staff.page.locator('[data-staff-console]');
    const kiosk = await newPage(e2e.browser, { viewport: PHONE, mobile: true, reducedMotion: true });
    const kp = kiosk.page;
    await kp.goto(`${e2e.srv.url}/?kiosk=1&mode=2d`);
    await kp.locator('[data-action="kiosk-start"]').tap(WAIT);
    await kp.locator('[data-testid="attract"]').waitFor({ state: 'detached', ...WAIT });
    await expect.poll(() => kp.locator('[data-counter="pu"] .status-badge').getAttribute('data-status'), WAIT).toBe('on_duty');
    await kp.click('[data-counter="pu"]');
    await kp.click('[data-action="queue-take"]');
    await console_.locator('[data-action="call-next"]:not([disabled])').click(WAIT);
    await kp.locator('.chat').waitFor(WAIT);
    await kp.click('[data-action="voice-talk"]');
    await console_.locator('[data-voice="ringingIn"] [data-action="voice-talk"]').click(WAIT);
    await expect.poll(() => pcState(staff.page), WAIT).toBe('connected');

    // Connected but silent: no mute toggle, a hold button instead, and the officer hears nothing.
    const hold = kp.locator('[data-action="voice-hold"]');
    await hold.waitFor(WAIT);
    expect(await kp.locator('[data-action="voice-mute"]').count()).toBe(0);
    expect(await hold.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(async () => (await listen(staff.page, 1500)).maxLevel, WAIT).toBeLessThan(SILENT);
    // Held (Space on the focused button): the officer hears the kiosk; let go: silent again.
    await hold.focus();
    await kp.keyboard.down(' ');
    expect(await hold.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(async () => (await listen(staff.page, 1500)).maxLevel, WAIT).toBeGreaterThan(SILENT);
    await kp.keyboard.up(' ');
    await expect.poll(async () => (await listen(staff.page, 1500)).maxLevel, WAIT).toBeLessThan(SILENT);
    expect(await axeSerious(kp)).toEqual([]);

    // The next visitor must not inherit the call: the kiosk's idle reset ends it for both.
    await staff.page.evaluate(() => ((window as unknown as { __pc: unknown }).__pc = window.__makaverseCall!.pc()));
    await kp.evaluate(() => (window as unknown as { __makaverseKiosk: { idle: { advance(s: number): void } } }).__makaverseKiosk.idle.advance(86_400));
    await kp.locator('[data-testid="attract"]').waitFor({ timeout: 60_000 });
    await expect.poll(() => staff.page.evaluate(() => ((window as unknown as { __pc: RTCPeerConnection }).__pc).connectionState), { timeout: 60_000 }).toBe('closed');
    expect(kiosk.errors).toEqual([]);
    await kiosk.context.close();
    await staff.context.close();
  });

  it('plain HTTP from another device: the welcome page and the counter say why Talk is unavailable; the chat works', { timeout: 180_000 }, async () => {
    // A name that is not localhost, over plain HTTP: not a secure context, as a phone on the LAN sees it.
    const port = new URL(e2e.srv.url).port;
    const lan = await launchBrowser({ extraArgs: [...FAKE_MEDIA_ARGS, '--host-resolver-rules=MAP balaikota.lan 127.0.0.1'] });
    try {
      const token = await login(e2e.srv.url, 'petugas.pu', E2E_DEMO_PASSWORD);
      const officer = await joinHall(e2e.srv.url, { staffToken: token });
      const citizen = await newPage(lan, { viewport: PHONE, mobile: true, reducedMotion: true });
      const cp = citizen.page;
      await cp.goto(`http://balaikota.lan:${port}/`);
      expect(await cp.evaluate(() => window.isSecureContext)).toBe(false);
      const note = cp.locator('[data-voice-insecure]');
      await note.waitFor(WAIT);
      expect(await note.innerText()).toMatch(/tidak tersedia di alamat ini karena memakai HTTP biasa, bukan HTTPS/);

      await cp.goto(`http://balaikota.lan:${port}/?mode=2d`);
      await expect.poll(() => cp.locator('[data-counter="pu"] .status-badge').getAttribute('data-status'), WAIT).toBe('on_duty');
      await cp.click('[data-counter="pu"]');
      await cp.click('[data-action="queue-take"]');
      await waitFor('the citizen queued', () => officer.room.state.counters.get('pu').queue.length === 1, 30_000);
      officer.room.send('callNext', {});
      const chat = cp.locator('.chat');
      await chat.waitFor(WAIT);
      // No Talk button, and the reason in plain words.
      expect(await cp.locator('[data-action="voice-talk"]').count()).toBe(0);
      expect(await cp.locator('[data-voice-failure="insecure"]').innerText()).toMatch(/^Bicara tidak tersedia: browser hanya memberi mikrofon pada koneksi aman \(HTTPS\)/);
      await chat.locator('input').fill('Lewat chat saja.');
      await chat.locator('input').press('Enter');
      expect((await officer.next('chat')).text).toBe('Lewat chat saja.');
      // Chromium notes that the Cross-Origin-Opener-Policy header means nothing on an untrustworthy origin: expected here.
      expect(citizen.errors.filter((e) => !/Cross-Origin-Opener-Policy header has been ignored/.test(e))).toEqual([]);
      await officer.room.leave(true);
      await citizen.context.close();
    } finally {
      await lan.close();
    }
  });

  it('microphone refused: the citizen is told why, in plain words, and the chat still works', { timeout: 180_000 }, async () => {
    // A browser without the automatic "Allow": the permission prompt is refused.
    const denying = await launchBrowser({ extraArgs: ['--use-fake-device-for-media-stream'] });
    try {
      const token = await login(e2e.srv.url, 'petugas.pu', E2E_DEMO_PASSWORD);
      const officer = await joinHall(e2e.srv.url, { staffToken: token });
      const citizen = await newPage(denying, { viewport: PHONE, mobile: true, reducedMotion: true });
      const cp = citizen.page;
      await cp.goto(`${e2e.srv.url}/?mode=2d`);
      await expect.poll(() => cp.locator('[data-counter="pu"] .status-badge').getAttribute('data-status'), WAIT).toBe('on_duty');
      await cp.click('[data-counter="pu"]');
      await cp.click('[data-action="queue-take"]');
      await waitFor('the citizen queued', () => officer.room.state.counters.get('pu').queue.length === 1, 30_000);
      officer.room.send('callNext', {});
      const chat = cp.locator('.chat');
      await chat.waitFor(WAIT);

      await cp.click('[data-action="voice-talk"]');
      const failure = cp.locator('[data-voice-failure="mic_denied"]');
      await failure.waitFor(WAIT);
      expect(await failure.innerText()).toMatch(/^Mikrofon tidak diizinkan.*Anda tetap bisa mengetik di chat/);
      expect(await failure.getAttribute('role')).toBe('alert');
      // Nobody was rung: the officer got no call.
      expect(officer.inbox.some((m) => m.type === 'callRinging')).toBe(false);

      await chat.locator('input').fill('Saya ketik saja, Pak.');
      await chat.locator('input').press('Enter');
      expect((await officer.next('chat')).text).toBe('Saya ketik saja, Pak.');
      expect(await axeSerious(cp)).toEqual([]);
      expect(citizen.errors).toEqual([]);
      await officer.room.leave(true);
      await citizen.context.close();
    } finally {
      await denying.close();
    }
  });
});
