/**
 * Screenshots of the app for the README and for review: the 3D hall, a counter panel with
 * its form, the ticket, 2D mode, and a live counter (the citizen's chat and the staff
 * console), on a desktop (1280×800) and a phone (390×844). Starts its own server (with the
 * demo staff accounts) on a temporary database.
 *
 *   npx tsx scripts/screenshots.ts              (builds the client first if dist/client is missing)
 *   npx tsx scripts/screenshots.ts --build      (always rebuilds)
 *   npx tsx scripts/screenshots.ts --only live  (only the live-counter pictures; also guide, projector, kiosk)
 *   npx tsx scripts/screenshots.ts --only guide (only the first-visit guide and "take me to")
 *   npx tsx scripts/screenshots.ts --only projector (only the projector view, 1600×900)
 */
import { existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { DESKTOP, launchBrowser, newPage, PHONE } from '../tests/e2e/browser';
import { fillDrainageComplaint, readTicket } from '../tests/e2e/forms';
import { walkTo } from '../tests/e2e/helpers';
import { ROOT, startServer } from '../tests/helpers/server';
import { projectorView, SHOTS_DEMO_PASSWORD } from './projectorShots';

const OUT = join(ROOT, 'assets/screenshots');
/** Larger files are retaken as JPEG so the repository stays light. */
const MAX_BYTES = 400 * 1024;

type Device = { name: 'desktop' | 'phone'; viewport: { width: number; height: number }; mobile: boolean };
const DEVICES: Device[] = [
  { name: 'desktop', viewport: DESKTOP, mobile: false },
  { name: 'phone', viewport: PHONE, mobile: true },
];

async function shoot(page: Page, name: string): Promise<void> {
  // Let fonts and the last frame settle before the picture.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(400);
  let path = join(OUT, `${name}.png`);
  await page.screenshot({ path });
  if (statSync(path).size > MAX_BYTES) {
    const { unlinkSync } = await import('node:fs');
    unlinkSync(path);
    path = join(OUT, `${name}.jpg`);
    await page.screenshot({ path, type: 'jpeg', quality: 78 });
  }
  console.log(`${path.replace(`${ROOT}/`, '')}  ${Math.round(statSync(path).size / 1024)} KB`);
}

async function hallFormAndTicket(browser: Browser, url: string, device: Device): Promise<void> {
  const { page, context } = await newPage(browser, { viewport: device.viewport, mobile: device.mobile });
  await page.goto(url);
  await page.click('[data-action="enter"]');
  await page.click('.avatar-form button[type="submit"]');
  await page.waitForSelector('.world-canvas[data-ready]', { timeout: 120_000 });
  await shoot(page, `hall-3d-${device.name}`);

  await walkTo(page, 'pu', async () => (await page.$('.near-prompt[data-near="pu"]')) !== null);
  await shoot(page, `counter-near-${device.name}`);
  await page.keyboard.press('e');
  await page.click('[role="dialog"] [data-interaction="complain"]');
  await page.click('[role="dialog"] [data-service="pu-drainase"]');
  await fillDrainageComplaint(page, 'Saluran di depan pasar tersumbat sampah, air meluap ke jalan setiap hujan.');
  await shoot(page, `counter-form-${device.name}`);
  await page.click('[role="dialog"] button[type="submit"]');
  await readTicket(page);
  await shoot(page, `ticket-${device.name}`);
  await context.close();
}

/** The first-visit guide (3D and 2D) and the "Antar saya ke…" menu over the hall. */
async function guideAndTakeMeTo(browser: Browser, url: string, device: Device): Promise<void> {
  const { page, context } = await newPage(browser, { viewport: device.viewport, mobile: device.mobile, guide: true });
  await page.goto(url);
  await page.click('[data-action="enter"]');
  await page.click('.avatar-form button[type="submit"]');
  await page.waitForSelector('.world-canvas[data-ready]', { timeout: 120_000 });
  await shoot(page, `guide-${device.name}`);
  await page.click('dialog.guide [data-guide="next"]');
  await page.click('dialog.guide [data-guide="next"]');
  await shoot(page, `guide-last-${device.name}`);
  await page.click('dialog.guide [data-guide="start"]');
  await page.click('[data-action="take-me-to"]');
  await page.waitForSelector('dialog.take-me-to');
  await shoot(page, `take-me-to-${device.name}`);
  await context.close();

  const twoD = await newPage(browser, { viewport: device.viewport, mobile: device.mobile, guide: true });
  await twoD.page.goto(`${url}/?mode=2d`);
  await twoD.page.waitForSelector('dialog.guide');
  await shoot(twoD.page, `guide-2d-${device.name}`);
  await twoD.context.close();
}

async function twoD(browser: Browser, url: string, device: Device): Promise<void> {
  const { page, context } = await newPage(browser, { viewport: device.viewport, mobile: device.mobile });
  await page.goto(url);
  await shoot(page, `welcome-${device.name}`);
  await page.goto(`${url}/?mode=2d`);
  await page.waitForSelector('nav.counter-list');
  await shoot(page, `twod-list-${device.name}`);
  await page.click('[data-counter="pu"]');
  await page.click('[data-interaction="complain"]');
  await page.click('[data-service="pu-drainase"]');
  await page.locator('form[data-service="pu-drainase"] button[type="submit"]').click();
  await page.waitForSelector('.field-error');
  await shoot(page, `twod-form-errors-${device.name}`);
  await context.close();
}

/** An officer (2D) serves a citizen: the citizen's chat, the console's queue, chat and case. */
async function liveCounter(browser: Browser, url: string, device: Device): Promise<void> {
  const staff = await newPage(browser, { viewport: device.viewport, mobile: device.mobile });
  await staff.page.goto(`${url}/petugas?mode=2d`);
  await staff.page.fill('input[autocomplete="username"]', 'petugas.pu');
  await staff.page.fill('input[type="password"]', SHOTS_DEMO_PASSWORD);
  await staff.page.click('.login-form button[type="submit"]');
  const console_ = staff.page.locator('[data-staff-console]');
  await console_.locator('[data-queue-empty]').waitFor({ timeout: 30_000 });

  const citizen = await newPage(browser, { viewport: device.viewport, mobile: device.mobile });
  const cp = citizen.page;
  await cp.goto(`${url}/?mode=2d`);
  await cp.locator('[data-counter="pu"] .status-badge[data-status="on_duty"]').waitFor({ timeout: 30_000 });
  await shoot(cp, `live-list-${device.name}`);
  await cp.click('[data-counter="pu"]');
  await cp.click('[data-action="queue-take"]');
  await cp.locator('[data-queue-ticket]').waitFor();
  await shoot(cp, `live-queue-${device.name}`);

  await console_.locator('[data-ticket]').first().waitFor();
  await shoot(staff.page, `staff-queue-${device.name}`);
  await console_.locator('[data-action="call-next"]').click();
  const chat = cp.locator('.chat');
  await chat.waitFor();
  await chat.locator('input').fill('Selamat malam, saluran di depan rumah saya tersumbat dan air meluap ke jalan.');
  await chat.locator('input').press('Enter');
  const staffInput = console_.locator('.chat input');
  await console_.locator('.chat-line[data-from="citizen"]').waitFor();
  await staffInput.fill('Baik, Bu. Silakan isi pengaduan drainase di loket ini, nanti percakapan ini bisa dilampirkan.');
  await staffInput.press('Enter');
  await chat.locator('.chat-line[data-from="officer"]').waitFor();
  await shoot(cp, `live-chat-${device.name}`);
  await shoot(staff.page, `staff-chat-${device.name}`);

  await cp.click('[data-interaction="complain"]');
  await cp.click('[data-service="pu-drainase"]');
  await fillDrainageComplaint(cp, 'Saluran di depan pasar tersumbat sampah, air meluap ke jalan setiap hujan.');
  await cp.click('form[data-service="pu-drainase"] button[type="submit"]');
  const caseId = await readTicket(cp);
  await cp.locator('form.attach input[type="checkbox"]').check();
  await cp.click('[data-action="attach"]');
  await cp.locator('[data-attached]').waitFor();
  await cp.locator('[data-attached]').scrollIntoViewIfNeeded();
  await shoot(cp, `live-attached-${device.name}`);

  await console_.locator('[data-tab="cases"]').click();
  await console_.locator(`[data-case="${caseId}"]`).click();
  await console_.locator('li[data-note-type="transcript"]').waitFor();
  await shoot(staff.page, `staff-case-${device.name}`);
  await citizen.context.close();
  await staff.context.close();
}

/** A landscape touch kiosk (?kiosk=1): the attract loop with an officer on duty, a ticket with its QR code, the idle warning. */
async function kiosk(browser: Browser, url: string): Promise<void> {
  const officer = await newPage(browser, { viewport: DESKTOP });
  await officer.page.goto(`${url}/petugas?mode=2d`);
  await officer.page.fill('input[autocomplete="username"]', 'petugas.general');
  await officer.page.fill('input[type="password"]', SHOTS_DEMO_PASSWORD);
  await officer.page.click('.login-form button[type="submit"]');
  await officer.page.locator('[data-staff-console]').waitFor({ timeout: 30_000 });
  const { page, context } = await newPage(browser, { viewport: DESKTOP, mobile: true, guide: true });
  await page.goto(`${url}/?kiosk=1&idle=30`);
  await page.locator('.attract-caption [data-duty="on"]').waitFor({ timeout: 60_000 });
  // The camera glides to the first counter.
  await page.waitForTimeout(4000);
  await shoot(page, 'kiosk-attract');
  await page.locator('[data-action="kiosk-start"]').tap();
  await page.click('[data-action="2d"]');
  await page.click('[data-guide="skip"]');
  await page.click('[data-counter="pu"]');
  await page.click('[data-interaction="complain"]');
  await page.click('[data-service="pu-drainase"]');
  await fillDrainageComplaint(page, 'Saluran di depan pasar tersumbat sampah, air meluap ke jalan setiap hujan.');
  await page.click('form[data-service="pu-drainase"] button[type="submit"]');
  await readTicket(page);
  await page.locator('.ticket-qr').waitFor();
  await shoot(page, 'kiosk-ticket');
  await page.locator('[data-testid="idle-warning"]').waitFor({ timeout: 60_000 });
  await shoot(page, 'kiosk-idle');
  await context.close();
  await officer.context.close();
}

async function main(): Promise<void> {
  if (process.argv.includes('--build') || !existsSync(join(ROOT, 'dist/client/index.html'))) {
    await build({ root: ROOT, logLevel: 'warn' });
  }
  await mkdir(OUT, { recursive: true });
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
  const srv = await startServer({ env: { DEMO: '1', DEMO_PASSWORD: SHOTS_DEMO_PASSWORD } });
  const browser = await launchBrowser();
  try {
    for (const device of DEVICES) {
      if (only === null || only === 'live') await liveCounter(browser, srv.url, device);
      if (only === null || only === 'guide') await guideAndTakeMeTo(browser, srv.url, device);
      if (only !== null) continue;
      await twoD(browser, srv.url, device);
      await hallFormAndTicket(browser, srv.url, device);
    }
    if (only === null || only === 'projector') await projectorView(browser, srv.url, shoot);
    if (only === null || only === 'kiosk') await kiosk(browser, srv.url);
  } finally {
    await browser.close();
    await srv.cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
