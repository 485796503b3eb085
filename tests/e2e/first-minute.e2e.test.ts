import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, newPage, PHONE } from './browser';
import { InputCounter, keyboardStreetChildren, phoneDrainage, phoneStreetChildren, twoDStreetChildren } from './firstMinute';
import { axeViolations, enterHall } from './helpers';
import { useServerAndBrowser } from './setup';

const TICKET_FORMAT = /^MKS-[0-9A-Z]{4}-[0-9A-Z]{4}$/;
const MAKASSAR = { latitude: -5.1477, longitude: 119.4327 };

/** Serious or critical axe findings only (the acceptance bar for every step). */
async function seriousAxe(page: Page): Promise<string[]> {
  return (await axeViolations(page)).filter((v) => /\((serious|critical)\)/.test(v));
}

/** Visible text set smaller than 12 CSS px. */
async function tinyText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !node.textContent?.trim() || el.closest('.sr-only, [aria-hidden="true"], .skip-link, script, style')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 12) found.push(`"${node.textContent.trim().slice(0, 30)}" at ${size}px`);
    }
    return found;
  });
}

// One server and browser for both groups below (fresh contexts per test).
const e2e = useServerAndBrowser();

describe('the first minute on a phone (390×844)', () => {

  it('street children: link → ticket in at most 8 taps plus the typed words, axe clean at every step', { timeout: 180_000 }, async () => {
    const { page, context, errors } = await newPage(e2e.browser, { viewport: PHONE, mobile: true });
    const problems: string[] = [];
    const c = new InputCounter(async (label) => {
      for (const v of await seriousAxe(page)) problems.push(`${label}: ${v}`);
      for (const v of await tinyText(page)) problems.push(`${label}: tiny text ${v}`);
    });
    const ticket = await phoneStreetChildren(page, e2e.srv.url, c);
    expect(ticket).toMatch(TICKET_FORMAT);
    expect(c.taps).toBeLessThanOrEqual(8);
    // The citizen's words are the report's description: typed once.
    expect(problems).toEqual([]);
    expect(await seriousAxe(page)).toEqual([]);

    // The whole number shows (no scrolling box), and the ticket has an address of its own.
    const cut = await page.locator('[data-testid="ticket-number"]').evaluate((el) => el.scrollWidth > el.clientWidth + 1);
    expect(cut).toBe(false);
    await page.locator('a[href*="/lacak/"]').tap();
    await page.locator('[data-testid="tracker-stage"]').waitFor();
    expect(await page.evaluate(() => location.pathname)).toBe(`/lacak/${ticket}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('drainage with the phone\'s location: at most 8 taps plus the typed words', { timeout: 180_000 }, async () => {
    const { page, context, errors } = await newPage(e2e.browser, { viewport: PHONE, mobile: true, permissions: ['geolocation'] });
    await context.setGeolocation(MAKASSAR);
    const c = new InputCounter();
    const ticket = await phoneDrainage(page, e2e.srv.url, c);
    expect(ticket).toMatch(TICKET_FORMAT);
    expect(c.taps).toBeLessThanOrEqual(8);
    // The words went to the complaint itself, the service chosen by the routing.
    const stored = await (await fetch(`${e2e.srv.url}/open311/v2/requests/${ticket}.json`)).json();
    expect(stored[0].service_code).toBe('pu-drainase');
    expect(stored[0].lat).toBeCloseTo(MAKASSAR.latitude, 3);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a shared /lacak/ link opens the ticket\'s status at the top of the screen; "Laporan saya" keeps it on the device', { timeout: 120_000 }, async () => {
    const { page, context, errors } = await newPage(e2e.browser, { viewport: { width: 320, height: 640 }, mobile: true });
    const ticket = await phoneStreetChildren(page, e2e.srv.url, new InputCounter());
    // 320 px: the number still shows whole.
    expect(await page.locator('[data-testid="ticket-number"]').evaluate((el) => el.scrollWidth > el.clientWidth + 1)).toBe(false);
    await page.locator('[data-action="keep-ticket"]').tap();

    const other = await newPage(e2e.browser, { viewport: PHONE, mobile: true });
    await other.page.goto(`${e2e.srv.url}/lacak/${ticket}`);
    const stage = other.page.locator('[data-testid="tracker-stage"]');
    await stage.waitFor();
    const box = await stage.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(PHONE.height);
    expect(await seriousAxe(other.page)).toEqual([]);
    await other.context.close();

    // Back on the citizen's own phone: the tracker lists the kept ticket.
    await page.goto(`${e2e.srv.url}/?mode=2d`);
    await page.getByRole('button', { name: /^Lacak/ }).first().tap();
    await page.locator(`[data-my-ticket="${ticket}"]`).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the first minute by keyboard and in 2D', () => {

  it('desktop, keyboard only: the street-children complaint reaches a ticket', { timeout: 180_000 }, async () => {
    const { page, context, errors } = await newPage(e2e.browser, { viewport: DESKTOP });
    const c = new InputCounter();
    const ticket = await keyboardStreetChildren(page, e2e.srv.url, c);
    expect(ticket).toMatch(TICKET_FORMAT);
    expect(c.taps).toBe(0);
    // Optional fields are folded and "since when" is one stop: far fewer keys than the 110 of before.
    expect(c.keys).toBeLessThanOrEqual(60);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('2D mode on a phone: "Antar saya ke…" takes the words, ticket in at most 8 taps', { timeout: 180_000 }, async () => {
    const { page, context, errors } = await newPage(e2e.browser, { viewport: PHONE, mobile: true });
    const c = new InputCounter();
    const ticket = await twoDStreetChildren(page, e2e.srv.url, c);
    expect(ticket).toMatch(TICKET_FORMAT);
    expect(c.taps).toBeLessThanOrEqual(8);
    expect(await seriousAxe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the phone header is one row, and the guide on a touch screen speaks of touch and switches language', { timeout: 180_000 }, async () => {
    const { page, context, errors } = await newPage(e2e.browser, { viewport: PHONE, mobile: true, guide: true });
    await page.goto(`${e2e.srv.url}/?mode=2d`);
    const header = await page.locator('.app-header').boundingBox();
    const button = await page.locator('.app-header .lang-switch button').first().boundingBox();
    // One row: the header is no taller than a row of its buttons plus its padding and border.
    expect(header && button && header.height).toBeLessThanOrEqual((button?.height ?? 0) + 24);
    expect((header?.height ?? 0) / PHONE.height).toBeLessThan(0.1);
    // The 2D guide, in English from inside the dialog.
    const guide = page.locator('dialog.guide');
    await guide.waitFor();
    await guide.locator('.lang-switch button[lang="en"]').tap();
    await guide.getByText('How to be served').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('in the 3D hall on a touch phone, the guide speaks of the joystick and tapping, not of keys', { timeout: 180_000 }, async () => {
    const { page, context, errors } = await newPage(e2e.browser, { viewport: PHONE, mobile: true, guide: true });
    await page.goto(e2e.srv.url);
    await enterHall(page, { tap: true });
    const guide = page.locator('dialog.guide');
    await guide.waitFor({ timeout: 60_000 });
    const text = await guide.innerText();
    expect(text).toContain('joystick');
    expect(text).not.toContain('W A S D');
    expect(await guide.locator('kbd').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('on a kiosk the form offers the kelurahan picker, not "Gunakan lokasi saya"; the place reads back as one line', { timeout: 180_000 }, async () => {
    const { page, context, errors } = await newPage(e2e.browser, { viewport: { width: 1280, height: 800 }, mobile: true, permissions: ['geolocation'] });
    await page.goto(`${e2e.srv.url}/?kiosk=1&idle=600`);
    await page.locator('[data-action="kiosk-start"]').tap();
    await page.locator('[data-testid="first-step-text"]').fill('got depan rumah mampet, air meluap kalau hujan');
    await page.locator('[data-action="first-step-find"]').tap();
    await page.locator('[data-action="first-step-go"]').tap();
    const form = page.locator('form.service-form');
    await form.waitFor();
    expect(await form.getByRole('button', { name: /Gunakan lokasi saya/ }).count()).toBe(0);
    await form.locator('input[autocomplete="street-address"]').fill('Jl. Urip Sumoharjo');
    await form.getByRole('combobox').fill('karuwisi');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => form.locator('[data-testid="location-summary"]').innerText()).toMatch(/Jl\. Urip Sumoharjo.*Kel\. Karuwisi/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
