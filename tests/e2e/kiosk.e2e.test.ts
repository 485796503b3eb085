import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { resetAfterSeconds, warnAfterSeconds } from '../../src/client/kiosk/useIdleCountdown';
import { joinHall, login, waitFor, type JoinedHall } from '../helpers/rooms';
import { freePort, uniqueText } from '../helpers/server';
import { newPage, PHONE } from './browser';
import { DRAINAGE_FORM, fillDrainageComplaint, readTicket } from './forms';
import { axeViolations, enterHall } from './helpers';
import { decodeQr } from './qr';
import { useServerAndBrowser } from './setup';

const WAIT = { timeout: 30_000 };
// Long enough that a slow machine's pauses between clicks never reach the warning: the tests
// that want the warning or the reset move the kiosk's idle clock forward themselves.
const IDLE_SECONDS = 60;
const WARN_AFTER = warnAfterSeconds(IDLE_SECONDS);
const RESET_AFTER = resetAfterSeconds(IDLE_SECONDS);
/** Hands off: a touch now, then the idle clock moved `seconds` forward. */
const idleFor = (seconds: number) =>
  `(() => { window.dispatchEvent(new Event('pointermove')); window.__makaverseKiosk.idle.advance(${seconds}); })()`;
const KIOSK_VIEW = { width: 1280, height: 800 };

/** Everything the page keeps for a visitor: the DOM, both storages, and IndexedDB (databases and outbox entries). */
async function leftovers(page: Page): Promise<{ html: string; local: number; session: number; databases: string[]; outbox: number }> {
  return page.evaluate(`(async () => {
    const databases = (await indexedDB.databases()).map((d) => d.name);
    let outbox = 0;
    if (databases.includes('makaverse-outbox')) {
      outbox = await new Promise((resolve, reject) => {
        const open = indexedDB.open('makaverse-outbox');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('entries')) { db.close(); resolve(0); return; }
          const count = db.transaction('entries').objectStore('entries').count();
          count.onsuccess = () => { db.close(); resolve(count.result); };
          count.onerror = () => reject(count.error);
        };
      });
    }
    return { html: document.documentElement.outerHTML, local: localStorage.length, session: sessionStorage.length, databases, outbox };
  })()`);
}

/**
 * Every value kept in every IndexedDB database of the page, as text: strings as they are,
 * bytes (ArrayBuffers, typed arrays, Blobs) decoded byte by byte, so clear text anywhere shows.
 */
async function indexedDbText(page: Page): Promise<string> {
  return page.evaluate(`(async () => {
    const dump = async (v) => {
      if (v === null || v === undefined) return '';
      if (typeof v === 'string') return v;
      if (typeof v !== 'object') return String(v);
      if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) return new TextDecoder('latin1').decode(v);
      if (v instanceof Blob) return new TextDecoder('latin1').decode(await v.arrayBuffer());
      if (typeof CryptoKey !== 'undefined' && v instanceof CryptoKey) return '[CryptoKey extractable=' + v.extractable + ']';
      const parts = [];
      for (const [k, x] of Object.entries(v)) parts.push(k + ':' + (await dump(x)));
      return parts.join(' ');
    };
    const out = [];
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise((resolve, reject) => { const r = indexedDB.open(name); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
      for (const store of db.objectStoreNames) {
        const all = await new Promise((resolve, reject) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
        for (const value of all) out.push(name + '/' + store + ' ' + (await dump(value)));
      }
      db.close();
    }
    return out.join(String.fromCharCode(10));
  })()`);
}

/** From the welcome page to the 2D counter list, with no display name (past the guide, which a new visitor sees). */
async function enterIn2d(page: Page, { guide = false } = {}): Promise<void> {
  await enterHall(page);
  if (guide) await page.click('[data-guide="skip"]');
  await page.getByRole('button', { name: 'Mode 2D' }).click();
  await page.locator('nav.counter-list').waitFor(WAIT);
}

/** Files a drainage complaint with a name and a phone number while the network is cut: it stays pending. */
async function fileWhileOffline(page: Page, who: { name: string; phone: string; description: string; address: string }): Promise<void> {
  await page.click('[data-counter="pu"]');
  await page.click('[data-interaction="complain"]');
  await page.click('[data-service="pu-drainase"]');
  await fillDrainageComplaint(page, who.description);
  const form = page.locator(DRAINAGE_FORM);
  await form.locator('input[autocomplete="street-address"]').fill(who.address);
  await form.locator('input[autocomplete="given-name"]').fill(who.name);
  await form.locator('input[type="tel"]').fill(who.phone);
  await form.locator('input[id$="-consent"]').check();
  await page.context().setOffline(true);
  await form.locator('button[type="submit"]').click();
  await page.locator('[data-state="pending"]').waitFor(WAIT);
}

async function startVisit(page: Page): Promise<void> {
  await page.locator('[data-testid="attract"]').waitFor(WAIT);
  await page.locator('[data-action="kiosk-start"]').tap();
  await page.locator('[data-testid="attract"]').waitFor({ state: 'detached', ...WAIT });
  await page.locator('.welcome h1').waitFor(WAIT);
}

describe('kiosk mode (server setting KIOSK=1)', () => {
  let publicUrl = '';
  const e2e = useServerAndBrowser(async () => {
    const port = await freePort();
    publicUrl = `http://127.0.0.1:${port}`;
    return { port, env: { DEMO: '1', KIOSK: '1', KIOSK_IDLE_SECONDS: String(IDLE_SECONDS), PUBLIC_URL: publicUrl } };
  });

  it('tours the counters with captions while idle, locked down, until someone touches the screen', { timeout: 180_000 }, async () => {
    // An officer on duty at Loket 1, the tour's first stop.
    const officer = await joinHall(e2e.srv.url, { staffToken: await login(e2e.srv.url, 'petugas.general', e2e.srv.server.demoAccounts[0].password) });
    const officerName = officer.room.state.visitors.get(officer.room.sessionId).name as string;
    const { page, context, errors } = await newPage(e2e.browser, { viewport: KIOSK_VIEW, mobile: true });
    await page.goto(e2e.srv.url);
    const caption = page.locator('.attract-caption');
    await caption.waitFor(WAIT);
    expect(await caption.getAttribute('data-stop')).toBe('general');
    // The kiosk watches the hall unseen: it shows who is on duty, and nobody sees it.
    await expect.poll(() => caption.locator('[data-duty]').getAttribute('data-duty'), WAIT).toBe('on');
    expect(await caption.locator('[data-duty]').innerText()).toContain(officerName);
    expect(officer.room.state.visitors.size).toBe(1);
    expect(await page.evaluate('document.documentElement.classList.contains("kiosk")')).toBe(true);
    const firstStop = await caption.getAttribute('data-stop');
    const firstTitle = await caption.locator('h2').innerText();
    expect(firstTitle.length).toBeGreaterThan(3);
    // The loop moves on by itself: another counter, another caption, both languages.
    await expect.poll(() => caption.getAttribute('data-stop'), { timeout: 40_000 }).not.toBe(firstStop);
    expect(await caption.locator('h2').innerText()).not.toBe(firstTitle);
    expect(await caption.locator('[lang="en"]').first().innerText()).not.toBe('');
    expect(await axeViolations(page)).toEqual([]);

    // The app underneath is inert; the back button and staff sign-in lead nowhere.
    expect(await page.evaluate('document.querySelector(".app-root").inert')).toBe(true);
    await startVisit(page);
    expect(await page.evaluate('document.activeElement?.outerHTML.slice(0, 120)')).toMatch(/^<h1/);
    expect(await page.locator('[data-action="staff"]').isVisible()).toBe(false);
    const before = page.url();
    await page.goBack().catch(() => undefined);
    expect(page.url()).toBe(before);
    await expect.poll(() => page.locator('.welcome h1').isVisible()).toBe(true);
    // Large touch targets.
    const enter = await page.locator('[data-action="enter"]').boundingBox();
    expect(enter!.height).toBeGreaterThanOrEqual(56);
    expect(errors).toEqual([]);
    await context.close();
    await officer.room.leave();
  });

  it('after the idle timeout no trace of the visitor is left; the QR code carries the ticket to a phone', { timeout: 300_000 }, async () => {
    const officer: JoinedHall = await joinHall(e2e.srv.url, { staffToken: await login(e2e.srv.url, 'petugas.pu', e2e.srv.server.demoAccounts[0].password) });
    const { page, context, errors } = await newPage(e2e.browser, { viewport: KIOSK_VIEW, mobile: true, guide: true });
    const name = uniqueText('Daeng').slice(0, 20);
    const description = uniqueText('Got mampet kiosk');
    const draft = uniqueText('Draf belum terkirim');
    const chatLine = uniqueText('Pesan rahasia');

    await page.goto(e2e.srv.url);
    await startVisit(page);

    // A display name, then the 2D counters (the hall connection keeps the name).
    await enterHall(page, { name });
    await page.click('[data-guide="skip"]');
    await page.getByRole('button', { name: 'Mode 2D' }).click();
    await page.locator('nav.counter-list').waitFor(WAIT);
    await waitFor('the visitor in the hall', () => [...officer.room.state.visitors.values()].some((v: any) => v.name === name), 30_000);

    // A complaint, filed: ticket and QR code.
    await page.click('[data-counter="pu"]');
    await page.click('[data-interaction="complain"]');
    await page.click('[data-service="pu-drainase"]');
    await fillDrainageComplaint(page, description);
    await page.click(`${DRAINAGE_FORM} button[type="submit"]`);
    const ticket = await readTicket(page);
    const qr = page.locator('.ticket-qr');
    await qr.waitFor(WAIT);
    const link = `${publicUrl}/lacak/${ticket}`;
    // The filer's own ticket: the QR carries the private follow-up link (issue 12), and says so.
    const privateHref = (await page.locator('[data-testid="private-link"]').getAttribute('href'))!;
    expect(await qr.getAttribute('data-qr')).toBe('private');
    expect(await decodeQr(page, '.ticket-qr-code')).toBe(new URL(privateHref, publicUrl).href);
    expect(await qr.innerText()).toContain('tautan pribadi');
    expect(await axeViolations(page)).toEqual([]);

    // The phone opens the decoded link and sees the ticket's stage.
    const phone = await newPage(e2e.browser, { viewport: PHONE, mobile: true });
    await phone.page.goto(link);
    await phone.page.locator('[data-testid="tracker-stage"]').waitFor(WAIT);
    expect(await phone.page.locator('.tracker').innerText()).toContain(ticket);
    await phone.context.close();

    // A second report, typed but not sent.
    await page.getByRole('button', { name: 'Laporan baru' }).click();
    await page.click('[data-interaction="complain"]');
    await page.click('[data-service="pu-drainase"]');
    await page.locator(`${DRAINAGE_FORM} textarea`).first().fill(draft);

    // A queue number and a chat with the officer.
    await page.click('[data-action="queue-take"]');
    await waitFor('the queue at PU', () => officer.room.state.counters.get('pu')?.queue.length > 0, 30_000);
    officer.room.send('callNext', {});
    const chat = page.locator('.chat');
    await chat.waitFor(WAIT);
    await chat.locator('input').fill(chatLine);
    await chat.locator('input').press('Enter');
    await chat.locator('.chat-line[data-from="citizen"]').waitFor(WAIT);
    expect(await page.locator('body').innerText()).toContain(chatLine);

    // The language choice and other stored data.
    await page.click('.lang-switch button[lang="en"]');
    await page.evaluate(`(async () => {
      sessionStorage.setItem('note', ${JSON.stringify(name)});
      await new Promise((resolve) => { const r = indexedDB.open('visitor-scratch'); r.onsuccess = () => { r.result.close(); resolve(null); }; });
    })()`);
    const during = await leftovers(page);
    expect(during.html).toContain(draft);
    expect(during.local).toBeGreaterThan(0);
    // The outbox forgets a report once its ticket is shown; its database is there.
    expect(during.databases).toContain('makaverse-outbox');
    expect(during.databases).toContain('visitor-scratch');

    // Hands off: the warning, then the reset and the attract loop.
    await page.evaluate(idleFor(WARN_AFTER));
    await page.locator('[data-testid="idle-warning"]').waitFor(WAIT);
    await page.evaluate(`window.__makaverseKiosk.idle.advance(${RESET_AFTER - WARN_AFTER})`);
    await page.locator('[data-testid="attract"]').waitFor(WAIT);
    await waitFor('the visitor to leave the hall', () => ![...officer.room.state.visitors.values()].some((v: any) => v.name === name), 30_000);

    const after = await leftovers(page);
    for (const secret of [name, description, draft, chatLine, ticket]) expect(after.html).not.toContain(secret);
    expect(after.local).toBe(0);
    expect(after.session).toBe(0);
    expect(after.databases.filter((d) => d !== 'makaverse-outbox')).toEqual([]);
    expect(after.outbox).toBe(0);
    expect(await page.evaluate('document.documentElement.lang')).toBe('id');

    // The next visitor starts from nothing: no name offered.
    await startVisit(page);
    await page.click('[data-action="enter"]');
    expect(await page.locator('.avatar-form input[type="text"]').inputValue()).toBe('');
    // …and the first-visit guide again, as for anyone new.
    await page.click('.avatar-form button[type="submit"]');
    await page.locator('[data-guide="skip"]').waitFor(WAIT);
    expect(errors).toEqual([]);
    await context.close();
    await officer.room.leave();
  });
  it('12: a report pending at the reset is kept sealed, delivered once later, and its ticket is not shown to the next visitor', { timeout: 240_000 }, async () => {
    const { page, context } = await newPage(e2e.browser, { viewport: KIOSK_VIEW, mobile: true, reducedMotion: true });
    const who = {
      name: uniqueText('Hasnah').slice(0, 24),
      phone: '0812' + String(Date.now()).slice(-8),
      description: uniqueText('Got tersumbat segel'),
      address: uniqueText('Jl. Rahasia'),
    };
    await page.goto(e2e.srv.url);
    await startVisit(page);
    await enterIn2d(page);
    await fileWhileOffline(page, who);

    // Still this visitor's: the outbox holds it, sealed already (only the service code in clear).
    expect((await leftovers(page)).outbox).toBe(1);
    const sealed = await indexedDbText(page);
    expect(sealed).toContain('pu-drainase');
    expect(sealed).toContain('[CryptoKey extractable=false]');
    for (const secret of [who.name, who.phone, who.phone.slice(1), who.description, who.address]) expect(sealed).not.toContain(secret);

    // The idle warning says the ticket has nowhere to go (no e-mail): wait, or discard.
    await page.evaluate(idleFor(WARN_AFTER));
    const warning = page.locator('[data-testid="idle-warning"]');
    await warning.waitFor(WAIT);
    expect(await warning.locator('[data-testid="idle-unsent"]').innerText()).toContain('belum terkirim');
    expect(await warning.locator('[data-action="idle-discard"]').isVisible()).toBe(true);
    if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/kiosk-idle-unsent.png` });
    // Nobody answers: the reset.
    await page.evaluate(`window.__makaverseKiosk.idle.advance(${RESET_AFTER - WARN_AFTER})`);
    await page.locator('[data-testid="attract"]').waitFor(WAIT);

    const after = await leftovers(page);
    expect(after.outbox).toBe(1);
    expect(after.html).not.toContain(who.name);
    const kept = await indexedDbText(page);
    for (const secret of [who.name, who.phone, who.phone.slice(1), who.description, who.address]) expect(kept).not.toContain(secret);

    // The next visitor is here when the network comes back: the report is delivered, once…
    await startVisit(page);
    await context.setOffline(false);
    const stored = async () => {
      const list = (await (await fetch(`${e2e.srv.url}/open311/v2/requests.json?service_code=pu-drainase`)).json()) as { description?: string; service_request_id: string }[];
      return list.filter((r) => r.description === who.description);
    };
    await expect.poll(async () => (await stored()).length, { timeout: 60_000 }).toBe(1);
    await expect.poll(async () => (await leftovers(page)).outbox, WAIT).toBe(0);
    const ticket = (await stored())[0].service_request_id;
    // …and the next visitor sees no ticket of it: not in the page, no "delivered" banner.
    await page.locator('.welcome h1').waitFor(WAIT);
    const html = await page.evaluate('document.documentElement.outerHTML');
    expect(html).not.toContain(ticket);
    expect(html).not.toContain('Nomor tiket Anda');
    expect(await page.locator('.notice--ok').count()).toBe(0);
    await enterIn2d(page, { guide: true });
    expect(await page.locator('body').innerText()).not.toContain(ticket);
    expect((await stored()).length).toBe(1);
    await context.close();
  });

  it('12: with the visitor\'s consent the idle warning discards a pending report', { timeout: 180_000 }, async () => {
    const { page, context } = await newPage(e2e.browser, { viewport: KIOSK_VIEW, mobile: true, reducedMotion: true });
    const who = { name: uniqueText('Baso').slice(0, 24), phone: '0813' + String(Date.now()).slice(-8), description: uniqueText('Got dibuang'), address: uniqueText('Jl. Buang') };
    await page.goto(e2e.srv.url);
    await startVisit(page);
    await enterIn2d(page);
    await fileWhileOffline(page, who);
    await page.evaluate(`(() => { const idle = window.__makaverseKiosk.idle; window.dispatchEvent(new Event('pointermove')); idle.hold(true); idle.advance(${WARN_AFTER}); })()`);
    await page.locator('[data-action="idle-discard"]').click();
    await page.locator('[data-testid="attract"]').waitFor(WAIT);
    await page.evaluate('window.__makaverseKiosk.idle.hold(false)');
    const after = await leftovers(page);
    expect(after.outbox).toBe(0);
    expect(after.databases.filter((d) => d !== 'makaverse-outbox')).toEqual([]);
    expect(await indexedDbText(page)).toBe('');
    await context.setOffline(false);
    await context.close();
  });

  it('warns on top of an open dialog (the guide), and "Saya masih di sini" keeps the visit', { timeout: 120_000 }, async () => {
    const { page, context, errors } = await newPage(e2e.browser, { viewport: KIOSK_VIEW, mobile: true, guide: true, reducedMotion: true });
    await page.goto(e2e.srv.url);
    await startVisit(page);
    await enterHall(page);
    await page.locator('dialog.guide').waitFor(WAIT);
    // Hands off while the guide is open: the warning must still be seen and pressed. The test
    // drives the idle clock (a touch, then held where the warning starts), so a slow machine
    // cannot race it.
    await page.evaluate(`(() => { const idle = window.__makaverseKiosk.idle; window.dispatchEvent(new Event('pointermove')); idle.hold(true); idle.advance(${WARN_AFTER}); })()`);
    const warning = page.locator('[data-testid="idle-warning"]');
    await warning.waitFor(WAIT);
    expect(Number(await warning.locator('.kiosk-countdown').getAttribute('data-seconds'))).toBe(RESET_AFTER - WARN_AFTER);
    await warning.getByRole('button', { name: 'Saya masih di sini' }).click();
    await warning.waitFor({ state: 'detached', ...WAIT });
    await page.evaluate('window.__makaverseKiosk.idle.hold(false)');
    expect(await page.locator('dialog.guide').isVisible()).toBe(true);
    expect(await page.locator('[data-testid="attract"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('kiosk mode from the URL (?kiosk=1)', () => {
  const e2e = useServerAndBrowser();

  it('is off by default, on with the flag, and "Selesai" clears the visit at once', { timeout: 120_000 }, async () => {
    const { page, context, errors } = await newPage(e2e.browser, { viewport: KIOSK_VIEW, mobile: true });
    await page.goto(e2e.srv.url);
    await page.locator('.welcome h1').waitFor(WAIT);
    expect(await page.locator('[data-testid="attract"]').count()).toBe(0);
    expect(await page.evaluate('document.documentElement.classList.contains("kiosk")')).toBe(false);

    await page.goto(`${e2e.srv.url}/?kiosk=1&idle=600`);
    await startVisit(page);
    await page.click('.lang-switch button[lang="en"]');
    expect(await page.evaluate('localStorage.length')).toBeGreaterThan(0);
    await page.locator('[data-action="kiosk-end"]').tap();
    await page.locator('[data-testid="attract"]').waitFor(WAIT);
    expect(await page.evaluate('localStorage.length')).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
