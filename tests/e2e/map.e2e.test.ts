import { createServer, type Server } from 'node:http';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { drainageComplaint, postForm, ROOT } from '../helpers/server';
import { E2E_DEMO_PASSWORD, newPage, PHONE } from './browser';
import { DRAINAGE_FORM } from './forms';
import { axeViolations, signInStaff } from './helpers';
import { useServerAndBrowser } from './setup';

const MAP_CODE = /PinMap|CasesMap|tileMap|leaflet/i;
const SHOTS = join(ROOT, '.tmp', 'screenshots');

async function openDrainageForm(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/?mode=2d`);
  await page.tap('[data-counter="pu"]');
  await page.tap('[data-interaction="complain"]');
  await page.tap('[data-service="pu-drainase"]');
  await page.locator(DRAINAGE_FORM).waitFor();
}

describe('without MAP_TILES_URL', () => {
  const e2e = useServerAndBrowser({ env: { DEMO: '1', DEMO_PASSWORD: E2E_DEMO_PASSWORD } });

  it('loads no map code and shows no map, in the form or the staff console', { timeout: 120_000 }, async () => {
    expect((await postForm(e2e.srv.url, drainageComplaint(e2e.srv.apiKey))).status).toBe(201);
    const { page, errors, context } = await newPage(e2e.browser, { viewport: PHONE, mobile: true });
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await openDrainageForm(page, e2e.srv.url);
    await page.locator(`${DRAINAGE_FORM} input[role="combobox"]`).fill('tamalanrea');
    await page.locator('[role="listbox"] [role="option"]').first().click();
    const config = await (await fetch(`${e2e.srv.url}/api/client-config`)).json().catch(() => null);
    if (config) expect(config.map_tiles_url ?? null).toBeNull();
    expect(await page.locator('.leaflet-container, [data-testid="pin-map"]').count()).toBe(0);

    await signInStaff(page, e2e.srv.url, 'supervisor');
    await page.locator('[data-tab="cases"]').click();
    await page.locator('[data-case]').first().waitFor();
    expect(await page.locator('[data-action="cases-map"]').count()).toBe(0);
    expect(requested.filter((u) => MAP_CODE.test(u))).toEqual([]);
    const csp = (await fetch(`${e2e.srv.url}/`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("img-src 'self' data: blob:;");
    // The staff page asks who is signed in before the sign-in: that 401 is expected.
    expect(errors.filter((e) => !e.includes('status of 401'))).toEqual([]);
    await context.close();
  });
});

describe('with MAP_TILES_URL (a local tile server)', () => {
  let tiles: Server | undefined;
  const hits: string[] = [];
  const e2e = useServerAndBrowser(async () => {
    const png = await sharp({ create: { width: 256, height: 256, channels: 3, background: '#cfe3c8' } }).png().toBuffer();
    tiles = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' }).end(png);
    });
    await new Promise<void>((resolve) => tiles!.listen(0, '127.0.0.1', resolve));
    const port = (tiles.address() as AddressInfo).port;
    return { env: { DEMO: '1', DEMO_PASSWORD: E2E_DEMO_PASSWORD, MAP_TILES_URL: `http://127.0.0.1:${port}/{z}/{x}/{y}.png` } };
  });
  afterAll(() => new Promise<void>((resolve) => (tiles ? tiles.close(() => resolve()) : resolve())));

  it('shows a map to drop a pin in the form, and a map of open cases in the console; only the tile origin is allowed', { timeout: 180_000 }, async () => {
    await mkdir(SHOTS, { recursive: true });
    expect((await postForm(e2e.srv.url, drainageComplaint(e2e.srv.apiKey))).status).toBe(201);
    const port = (tiles!.address() as AddressInfo).port;
    const csp = (await fetch(`${e2e.srv.url}/`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`img-src 'self' data: blob: http://127.0.0.1:${port};`);

    const { page, errors, context } = await newPage(e2e.browser, { viewport: PHONE, mobile: true });
    await openDrainageForm(page, e2e.srv.url);
    const map = page.locator('[data-testid="pin-map"] .leaflet-container');
    await map.waitFor();
    await page.locator('[data-testid="pin-map"] img.leaflet-tile-loaded').first().waitFor();
    expect(hits.length).toBeGreaterThan(0);

    // A tap drops the pin: the coordinates are filled in.
    await map.scrollIntoViewIfNeeded();
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2 + 40, box.y + box.height / 2 - 30);
    const lat = page.locator(`${DRAINAGE_FORM} input[inputmode="decimal"]`).first();
    await expect.poll(() => lat.inputValue()).toMatch(/^-5\.\d{6}$/);
    await page.locator('[data-testid="pin-map"] path.leaflet-interactive').waitFor();
    // By keyboard: move the map and put the pin at its centre.
    const before = await lat.inputValue();
    await map.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.locator('[data-testid="pin-map"] button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => lat.inputValue()).not.toBe(before);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'map-pin-phone-id.png') });

    await signInStaff(page, e2e.srv.url, 'supervisor');
    await page.locator('[data-tab="cases"]').click();
    await page.locator('[data-case]').first().waitFor();
    await page.locator('[data-action="cases-map"]').click();
    const casesMap = page.locator('[data-testid="cases-map"] .leaflet-container');
    await casesMap.waitFor();
    await page.locator('[data-testid="cases-map"] path.leaflet-interactive').first().waitFor();
    await casesMap.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'map-cases-phone-id.png') });
    // The staff page asks who is signed in before the sign-in: that 401 is expected.
    expect(errors.filter((e) => !e.includes('status of 401'))).toEqual([]);
    await context.close();
  });
});
