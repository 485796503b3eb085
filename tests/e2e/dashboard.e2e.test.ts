import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import type { Kysely } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeStage, createRequest } from '../../src/server/db/requestStore';
import type { Database } from '../../src/server/db/schema';
import { parseSubmission } from '../../src/server/http/open311/parseSubmission';
import type { Catalog } from '../../src/shared/catalog';
import { FIGURES_CSV_COLUMNS, type HallEventKind } from '../../src/shared/figures';
import { validateSubmission } from '../../src/shared/submission';
import { joinHall, login, waitFor, type JoinedHall } from '../helpers/rooms';
import { ROOT, startServer, type TestServer } from '../helpers/server';
import { DESKTOP, launchBrowser, newPage, PHONE, E2E_DEMO_PASSWORD } from './browser';
import { assertClientBuilt, axeViolations, distinctColours } from './helpers';

const HOUR = 3_600_000;
const SHOTS = join(ROOT, 'assets/screenshots');

/** A small seeded random source, so the history (and the screenshots) come out the same each run. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x / 2_147_483_648;
  };
}

/** Fills a service's required fields with the first allowed value; null for services that need a NIK or KK. */
function formFor(catalog: Catalog, code: string): Record<string, string | string[]> | null {
  const { service } = catalog.services.get(code)!;
  const fields: Record<string, string | string[]> = { service_code: code, description: 'Contoh laporan untuk dasbor.' };
  if (service.location !== 'none') Object.assign(fields, { lat: '-5.1477', long: '119.4327' });
  if (!service.anonymous_allowed) Object.assign(fields, { first_name: 'Contoh', phone: '081200000000' });
  for (const a of service.attributes.filter((x) => x.required)) {
    if (a.format) return null;
    const key = `attribute[${a.code}]`;
    if (a.datatype === 'singlevaluelist') fields[key] = a.values![0].key;
    else if (a.datatype === 'multivaluelist') fields[`${key}[]`] = [a.values![0].key];
    else if (a.datatype === 'number') fields[key] = '2';
    else if (a.datatype === 'datetime') fields[key] = new Date(Date.now() - 48 * HOUR).toISOString();
    else fields[key] = a.code === 'rt_rw' ? 'RT 03 / RW 05' : 'Contoh isian';
  }
  return fields;
}

/**
 * A week of history for the charts (the integration tests drive the real room and API for
 * exact counts; here the page needs something to draw): hall events with office-hour
 * peaks, and requests filed, answered and closed at various speeds.
 */
async function seedHistory(db: Kysely<Database>, catalog: Catalog, piiKey: Buffer): Promise<void> {
  const rnd = random(20221);
  const busy = ['pu', 'disdukcapil', 'dlh', 'dishub', 'bapenda', 'general', 'dinsos', 'satpolpp'];
  const events: { at: Date; kind: HallEventKind; counter: string | null; wait_seconds: number | null }[] = [];
  const today = Date.parse(`${new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10)}T00:00:00+08:00`);
  for (let day = 6; day >= 0; day -= 1) {
    for (let hour = 7; hour < 22; hour += 1) {
      const start = today - day * 24 * HOUR + hour * HOUR;
      if (start > Date.now() - HOUR) continue;
      const office = hour >= 8 && hour < 16;
      const visits = Math.round((office ? 14 : 5) * (0.6 + rnd()));
      for (let i = 0; i < visits; i += 1) events.push({ at: new Date(start + rnd() * HOUR), kind: 'visit', counter: null, wait_seconds: null });
      if (!office) continue;
      busy.forEach((counter, c) => {
        const taken = Math.floor(rnd() * (6 - c * 0.5));
        for (let i = 0; i < taken; i += 1) {
          const at = new Date(start + rnd() * HOUR);
          events.push({ at, kind: 'queue_take', counter, wait_seconds: null });
          if (rnd() < 0.12) events.push({ at, kind: 'queue_abandoned', counter, wait_seconds: null });
          else {
            events.push({ at, kind: 'queue_called', counter, wait_seconds: Math.round(60 + rnd() * (200 + c * 90)) });
            if (rnd() < 0.6) events.push({ at, kind: 'chat', counter, wait_seconds: null });
          }
        }
      });
    }
  }
  for (let i = 0; i < events.length; i += 500) await db.insertInto('hall_events').values(events.slice(i, i + 500)).execute();

  const services = [...catalog.services.keys()].filter((code) => busy.includes(catalog.services.get(code)!.agency.code)).filter((code) => formFor(catalog, code));
  for (let i = 0; i < 60; i += 1) {
    const code = services[Math.floor(rnd() * services.length)];
    const { service, agency } = catalog.services.get(code)!;
    const checked = validateSubmission(service, parseSubmission({ ...formFor(catalog, code)!, description: 'Contoh laporan untuk dasbor.' }));
    if (!checked.ok) throw new Error(`${code}: ${JSON.stringify(checked.errors)}`);
    const filed = new Date(Date.now() - rnd() * 6.5 * 24 * HOUR);
    const { request } = await createRequest(db, { submission: checked.value, service, agency, apiClient: 'makaverse-web', piiKey, now: filed });
    if (rnd() < 0.15) continue;
    const answered = new Date(filed.getTime() + (0.5 + rnd() * 30) * HOUR);
    if (answered.getTime() > Date.now()) continue;
    await changeStage(db, request.service_request_id, 'referred', null, `petugas.${agency.code}`, answered);
    const closed = new Date(answered.getTime() + rnd() * 24 * 5 * HOUR);
    if (closed.getTime() < Date.now()) await changeStage(db, request.service_request_id, 'done', null, `petugas.${agency.code}`, closed);
  }
}

/** Browser errors, less the 401s the page expects (asking who is signed in before anyone is, a wrong password). */
const unexpected = (errors: string[]) => errors.filter((e) => !/status of 401 \(Unauthorized\)/.test(e));

/** Content wider than the screen. */
async function overflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    return document.documentElement.scrollWidth > w ? `page is ${document.documentElement.scrollWidth}px wide on a ${w}px screen` : null;
  });
}

async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/dashboard.html`);
  await page.waitForSelector('form.login-form');
  await page.fill('input[name="username"]', 'supervisor');
  await page.fill('input[name="password"]', E2E_DEMO_PASSWORD);
  await page.click('form.login-form button[type="submit"]');
  await page.waitForSelector('.cards .card');
  await page.waitForFunction(() => document.querySelectorAll('.chart-box canvas').length === 4);
}

describe('the supervisors’ figures dashboard', () => {
  let srv: TestServer;
  let browser: Browser;
  const rooms: JoinedHall[] = [];

  beforeAll(async () => {
    assertClientBuilt();
    // Chromium comes up while the server starts and the history is seeded.
    const launching = launchBrowser();
    launching.then((b) => (browser = b)).catch(() => undefined);
    srv = await startServer({ env: { DEMO: '1', DEMO_PASSWORD: E2E_DEMO_PASSWORD } });
    const { db, catalog, secrets } = srv.server.ctx;
    await seedHistory(db, catalog, secrets.piiKey);
    // And today, live: a demo officer on duty at PU, a citizen who takes a number and is called.
    const officer = await joinHall(srv.url, { staffToken: await login(srv.url, 'petugas.pu', E2E_DEMO_PASSWORD) });
    const citizen = await joinHall(srv.url, { name: 'Warga Uji' });
    rooms.push(officer, citizen);
    await waitFor('PU live', () => citizen.room.state.counters.get('pu')?.officer);
    citizen.room.send('queueTake', { counter: 'pu' });
    await waitFor('queued', () => officer.room.state.counters.get('pu').queue.length === 1);
    officer.room.send('callNext', {});
    await citizen.next('called');
    browser = await launching;
  });

  afterAll(async () => {
    for (const j of rooms) if (j.room.connection.isOpen) await j.room.leave().catch(() => undefined);
    await browser?.close();
    await srv?.cleanup();
  });

  it('asks for a login, then draws the charts, the tables and the CSV, with no axe violations', { timeout: 120_000 }, async () => {
    const { page, errors, context } = await newPage(browser, { viewport: DESKTOP });
    await page.goto(`${srv.url}/dashboard.html`);
    await page.waitForSelector('form.login-form');
    expect(await page.textContent('h1')).toBe('Angka Layanan Balai Kota');
    expect(await axeViolations(page)).toEqual([]);
    await page.fill('input[name="username"]', 'supervisor');
    await page.fill('input[name="password"]', 'salah-sekali');
    await page.click('form.login-form button[type="submit"]');
    expect(await page.locator('[role="alert"]').textContent()).toBe('Nama pengguna atau kata sandi salah.');

    await signIn(page, srv.url);
    // Every chart drew something: a blank canvas shows one or two colours.
    for (const canvas of await page.locator('.chart-box canvas').all()) {
      await canvas.scrollIntoViewIfNeeded();
      const box = (await canvas.boundingBox())!;
      expect(box.height).toBeGreaterThan(100);
      expect(await distinctColours(page, box)).toBeGreaterThan(20);
      expect(await canvas.getAttribute('aria-label')).toMatch(/tabel data/);
    }
    const visits = await page.locator('[data-card="visits"] .card-value').textContent();
    expect(Number(visits!.replace(/\./g, ''))).toBeGreaterThan(100);
    // The totals table, and a chart's own table under it.
    const pu = page.locator('#totals-heading ~ .table-scroll tbody tr', { hasText: 'PU' }).first();
    await pu.waitFor();
    await page.locator('.chart-table summary').nth(1).click();
    const waitTable = page.locator('.chart-table').nth(1).locator('table');
    expect(await waitTable.isVisible()).toBe(true);
    expect(await waitTable.locator('tbody tr').count()).toBe(srv.server.ctx.catalog.agencies.length);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('.chart-table summary').nth(1).click();
    await page.evaluate(() => window.scrollTo(0, 0));
    if (process.env.DASHBOARD_SCREENSHOTS) {
      await mkdir(SHOTS, { recursive: true });
      await mkdir(join(ROOT, '.tmp'), { recursive: true });
      await page.screenshot({ path: join(SHOTS, 'dashboard-desktop.png') });
      // The whole page too, for a look below the fold (not kept in assets).
      await page.screenshot({ path: join(ROOT, '.tmp/dashboard-desktop-full.png'), fullPage: true });
      expect((await stat(join(SHOTS, 'dashboard-desktop.png'))).size).toBeLessThan(400_000);
    }

    // The CSV of what is on screen, downloaded with the session cookie.
    const from = await page.inputValue('input[name="from"]');
    const to = await page.inputValue('input[name="to"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="csv"]')]);
    expect(download.suggestedFilename()).toBe(`makaverse-figures-${from}-${to}.csv`);
    const csv = await text(await download.createReadStream()); // path() is not there over a shared browser's connection
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(FIGURES_CSV_COLUMNS.join(','));
    expect(lines.length).toBeGreaterThan(50);
    expect(csv).not.toContain('Warga Uji');

    // One counter, then English.
    await page.selectOption('select[name="counter"]', 'pu');
    await page.click('.filters button[type="submit"]');
    await page.waitForFunction(() => document.querySelectorAll('#totals-heading ~ .table-scroll tbody tr').length === 1);
    await page.click('.lang-switch button[lang="en"]');
    expect(await page.textContent('h1')).toBe('City Hall Service Figures');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('.chart-box canvas').first().getAttribute('aria-label')).toMatch(/data table/);
    expect(await axeViolations(page)).toEqual([]);
    await page.click('.lang-switch button[lang="id"]');
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  it('fits a phone screen', { timeout: 90_000 }, async () => {
    const { page, errors, context } = await newPage(browser, { viewport: PHONE, mobile: true });
    await signIn(page, srv.url);
    expect(await overflow(page)).toBeNull();
    for (const canvas of await page.locator('.chart-box canvas').all()) {
      const box = (await canvas.boundingBox())!;
      expect(box.width).toBeLessThanOrEqual(PHONE.width);
    }
    expect(await axeViolations(page)).toEqual([]);
    if (process.env.DASHBOARD_SCREENSHOTS) {
      await page.screenshot({ path: join(SHOTS, 'dashboard-phone.png') });
      await page.screenshot({ path: join(ROOT, '.tmp/dashboard-phone-full.png'), fullPage: true });
      expect((await stat(join(SHOTS, 'dashboard-phone.png'))).size).toBeLessThan(400_000);
    }
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });
});
