import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { uniqueText } from '../helpers/server';
import { newPage, PHONE } from './browser';
import { DRAINAGE_FORM, fillDrainageComplaint, readTicket } from './forms';
import { causedByOffline } from './helpers';
import { useServerAndBrowser } from './setup';

describe('filing with a photo while offline', () => {
  const e2e = useServerAndBrowser();

  it('keeps the report and its photo, and they arrive exactly once when the connection returns', { timeout: 150_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'makaverse-offline-'));
    const file = join(dir, 'IMG_0042.jpg');
    await writeFile(
      file,
      await sharp({ create: { width: 2400, height: 1800, channels: 3, background: '#4a7' } })
        .jpeg()
        .withExif({ IFD0: { Make: 'TestPhone' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '5/1 8/1 52/1', GPSLongitudeRef: 'E', GPSLongitude: '119/1 25/1 57/1' } })
        .toBuffer(),
    );
    const { context, page, errors } = await newPage(e2e.browser, { viewport: PHONE, mobile: true });
    await page.goto(`${e2e.srv.url}/?mode=2d`);
    await page.tap('[data-counter="pu"]');
    await page.tap('[data-interaction="complain"]');
    await page.tap('[data-service="pu-drainase"]');
    const description = uniqueText('Got meluap di lorong');
    await fillDrainageComplaint(page, description);
    await page.locator(`${DRAINAGE_FORM} input[type="file"]`).setInputFiles([file]);
    await page.locator('.photo-list li').first().waitFor();

    // The network is cut, then the citizen sends: the report waits on the phone with its photo.
    await context.setOffline(true);
    await page.locator(`${DRAINAGE_FORM} button[type="submit"]`).tap();
    await page.locator('[data-state="pending"]').waitFor({ timeout: 30_000 });
    const db = e2e.srv.server.ctx.db;
    const stored = () => db.selectFrom('service_requests').select('service_request_id').where('description', '=', description).execute();
    expect(await stored()).toHaveLength(0);

    await context.setOffline(false);
    const ticket = await readTicket(page, 60_000);
    await page.locator('.pending-pill').waitFor({ state: 'detached' });
    // Once, with its one photo; a reload (the outbox starting again) sends nothing more.
    await page.reload();
    await page.locator('main').waitFor();
    await context.setOffline(true);
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    const requests = await stored();
    expect(requests.map((r) => r.service_request_id)).toEqual([ticket]);
    const photos = await db.selectFrom('request_photos').select(['width', 'height', 'jpeg', 'note_id']).where('service_request_id', '=', ticket).execute();
    expect(photos).toHaveLength(1);
    expect(Math.max(photos[0].width, photos[0].height)).toBe(1600);
    expect(photos[0].jpeg.includes(Buffer.from('TestPhone'))).toBe(false);
    expect(await stored()).toHaveLength(1);
    expect(errors.filter((e) => !causedByOffline(e) && !/Failed to fetch|net::/.test(e))).toEqual([]);
    await context.close();
  });
});
