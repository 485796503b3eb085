import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { postResultSchema } from '../../src/shared/open311';
import { drainageComplaint, ROOT } from '../helpers/server';
import { newPage, PHONE } from './browser';
import { axeViolations } from './helpers';
import { useServerAndBrowser } from './setup';

describe('photos on the private follow-up page', () => {
  const e2e = useServerAndBrowser();

  it('shows the report\'s photo to the link holder and sends a reply with a photo, on a phone', { timeout: 120_000 }, async () => {
    const shots = join(ROOT, '.tmp', 'screenshots');
    await mkdir(shots, { recursive: true });
    const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#2a5da8' } }).jpeg().toBuffer();
    const body = new FormData();
    for (const [k, v] of Object.entries(drainageComplaint(e2e.srv.apiKey, { email: 'budi@example.id' }))) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    body.append('media', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'got.jpg');
    const [result] = postResultSchema.parse(await (await fetch(`${e2e.srv.url}/open311/v2/requests.json`, { method: 'POST', body })).json());
    const link = result.private_link!.replace(/^https?:\/\/[^/]+/, e2e.srv.url);

    const { page, errors, context } = await newPage(e2e.browser, { viewport: PHONE, mobile: true });
    await page.goto(link.startsWith('/') ? `${e2e.srv.url}${link}` : link);
    const shown = page.locator('.followup-photos img');
    await shown.first().waitFor();
    await expect.poll(() => shown.first().evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBe(320);
    expect(await axeViolations(page)).toEqual([]);

    const dir = await mkdtemp(join(tmpdir(), 'makaverse-reply-'));
    const file = join(dir, 'IMG_0002.jpg');
    await writeFile(file, await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#a83a2a' } }).jpeg().toBuffer());
    await page.fill('.followup-form textarea', 'Ini foto terbaru dari lokasi.');
    await page.locator('.followup-form input[type="file"]').setInputFiles([file]);
    await page.locator('.followup-form .photo-list li').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('.followup-form button[type="submit"]').tap();
    await expect.poll(() => shown.count(), { timeout: 20_000 }).toBe(2);
    expect(await page.locator('.followup-photos img').nth(1).getAttribute('alt')).toContain('balasan');
    await page.locator('.followup-photos').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'followup-photos-phone-id.png') });
    const stored = await e2e.srv.server.ctx.db.selectFrom('request_photos').select(['width', 'note_id']).where('service_request_id', '=', result.service_request_id!).orderBy('position').execute();
    expect(stored.map((p) => p.note_id !== null)).toEqual([false, true]);
    expect(Math.max(...stored.map((p) => p.width))).toBeLessThanOrEqual(1600);
    expect(errors).toEqual([]);
    await context.close();
  });
});
