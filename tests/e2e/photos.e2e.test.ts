import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { addStaff } from '../../src/server/auth/staffStore';
import { login } from '../helpers/rooms';
import { newPage, PHONE } from './browser';
import { DRAINAGE_FORM, fillDrainageComplaint, readTicket } from './forms';
import { axeViolations } from './helpers';
import { useServerAndBrowser } from './setup';

/** A phone photo file carrying the phone's name and GPS position in its EXIF. */
async function phonePhoto(dir: string, name: string, color: string): Promise<string> {
  const path = join(dir, name);
  const bytes = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: color } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestPhone', Model: 'GpsLeak 1' },
      IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '5/1 8/1 52/1', GPSLongitudeRef: 'E', GPSLongitude: '119/1 25/1 57/1' },
    })
    .toBuffer();
  await writeFile(path, bytes);
  return path;
}

describe('photos on a phone', () => {
  const e2e = useServerAndBrowser();

  it('files a drainage complaint with two photos and a kelurahan; the stored photos are ≤1600 px with no EXIF; the officer sees them and media_url is empty until one is published', { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'makaverse-photos-'));
    const files = [await phonePhoto(dir, 'IMG_0001.jpg', '#2a5da8'), await phonePhoto(dir, 'IMG_0002.jpg', '#a83a2a')];
    const { page, errors } = await newPage(e2e.browser, { viewport: PHONE, mobile: true });
    await page.goto(`${e2e.srv.url}/?mode=2d`);
    await page.tap('[data-counter="pu"]');
    await page.tap('[data-interaction="complain"]');
    await page.tap('[data-service="pu-drainase"]');
    await fillDrainageComplaint(page, 'Got tersumbat sampah, lihat fotonya.');
    await page.locator(`${DRAINAGE_FORM} input[role="combobox"]`).fill('tamalanrea');
    await page.locator('[role="listbox"] [role="option"]').first().click();

    await page.locator(`${DRAINAGE_FORM} input[type="file"]`).setInputFiles(files);
    await page.locator('.photo-list li').nth(1).waitFor();
    expect(await page.locator('.photo-list li').count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);

    await page.locator(`${DRAINAGE_FORM} button[type="submit"]`).tap();
    const ticket = await readTicket(page);

    await addStaff(e2e.srv.server.ctx.db, { username: 'foto.pu', display_name: 'Foto', role: 'officer', agency_code: 'pu', password: 'kata-sandi-foto-13' });
    const token = await login(e2e.srv.url, 'foto.pu', 'kata-sandi-foto-13');
    const auth = { authorization: `Bearer ${token}` };
    const list = (await (await fetch(`${e2e.srv.url}/api/staff/cases/${ticket}/photos`, { headers: auth })).json()) as { photos: { url: string; width: number; height: number }[] };
    expect(list.photos).toHaveLength(2);
    for (const photo of list.photos) {
      expect(Math.max(photo.width, photo.height)).toBeLessThanOrEqual(1600);
      const bytes = Buffer.from(await (await fetch(`${e2e.srv.url}${photo.url}`, { headers: auth })).arrayBuffer());
      expect((await sharp(bytes).metadata()).exif).toBeUndefined();
      expect(bytes.includes(Buffer.from('TestPhone'))).toBe(false);
    }
    const [request] = (await (await fetch(`${e2e.srv.url}/open311/v2/requests/${ticket}.json`)).json()) as { media_url?: string | null; address: string }[];
    expect(request.media_url ?? null).toBeNull();
    expect(request.address).toContain('Kel. Tamalanrea');
    expect(errors).toEqual([]);

    // The officer sees both photos in the console and publishes the second: only then is it media_url.
    const officer = await newPage(e2e.browser);
    await officer.page.goto(`${e2e.srv.url}/petugas?mode=2d`);
    await officer.page.locator('.login-form').waitFor();
    await officer.page.fill('input[autocomplete="username"]', 'foto.pu');
    await officer.page.fill('input[type="password"]', 'kata-sandi-foto-13');
    await officer.page.click('.login-form button[type="submit"]');
    await officer.page.locator('[data-tab="cases"]').click();
    await officer.page.locator(`[data-case="${ticket}"]`).click();
    const view = officer.page.locator(`[data-case-view="${ticket}"]`);
    const shown = view.locator('.case-photos img');
    await shown.nth(1).waitFor();
    await expect.poll(() => shown.evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth))).toEqual([320, 320]);
    expect(await axeViolations(officer.page)).toEqual([]);
    await view.locator('.case-photos li').nth(1).locator('button').click();
    await view.locator('.case-photos li').nth(1).locator('.hint').waitFor();
    const [after] = (await (await fetch(`${e2e.srv.url}/open311/v2/requests/${ticket}.json`)).json()) as { media_url?: string }[];
    expect(after.media_url).toMatch(/\/api\/photos\/[0-9a-f]{32}\.jpg$/);
    expect((await fetch(after.media_url!)).status).toBe(200);
    expect(officer.errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });
});
