import { describe, expect, it } from 'vitest';
import type { ServiceRequest } from '../../src/shared/open311';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, uniqueText } from '../helpers/server';
import { newPage } from './browser';
import type { Page } from 'playwright-core';
import { enterHall, worldTexts } from './helpers';
import { DRAINAGE_FORM, fillDrainageComplaint, readTicket } from './forms';
import { useServerAndBrowser } from './setup';

/** Every address in the page's Cache Storage (the service worker's cache). */
function cachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(r.url);
    return urls;
  });
}

describe('filing while offline', () => {
  const e2e = useServerAndBrowser();

  it('keeps the report, sends it once when the connection returns, and shows the ticket', { timeout: 120_000 }, async () => {
    const { context, page } = await newPage(e2e.browser);
    await page.goto(`${e2e.srv.url}/?mode=2d`);
    await page.click('[data-counter="pu"]');
    await page.click('[data-interaction="complain"]');
    await page.click('[data-service="pu-drainase"]');
    const description = uniqueText('Banjir di lorong sempit');
    await fillDrainageComplaint(page, description);

    await context.setOffline(true);
    await page.locator(`${DRAINAGE_FORM} button[type="submit"]`).click();
    const pending = page.locator('[data-state="pending"]');
    await pending.waitFor({ timeout: 30_000 });
    expect(await pending.innerText()).toContain('menunggu koneksi');
    expect(await page.locator('.pending-pill').innerText()).toContain('1 laporan menunggu dikirim');

    await context.setOffline(false);
    const ticket = await readTicket(page, 60_000);
    await page.locator('.pending-pill').waitFor({ state: 'detached' });

    const response = await fetch(`${e2e.srv.url}/open311/v2/requests.json?service_code=pu-drainase`);
    expect(response.status).toBe(200);
    const list = (await response.json()) as ServiceRequest[];
    const mine = list.filter((r) => r.description === description);
    expect(mine).toHaveLength(1);
    expect(mine[0].service_request_id).toBe(ticket);

    // Tracking while offline says so plainly.
    await context.setOffline(true);
    await page.getByText('Lacak tiket ini').click();
    await page.locator('.tracker .field-error').waitFor({ timeout: 30_000 });
    expect(await page.locator('.tracker .field-error').innerText()).toContain('Periksa koneksi internet');
    await context.setOffline(false);
  });

  it('starts again with no connection, into the 3D hall, from what the first visit loaded', { timeout: 240_000 }, async () => {
    const { context, page } = await newPage(e2e.browser);
    await page.goto(e2e.srv.url);
    await enterHall(page);
    await page.waitForSelector('.world-canvas[data-ready]', { timeout: 120_000 });
    // The service worker comes a few seconds after the load and keeps what the page had
    // downloaded before it: the hall's code and its sign font among them.
    const keptUrls = () => cachedUrls(page);
    const kept = async () => (await keptUrls()).map((u) => new URL(u).pathname);
    await expect
      .poll(async () => {
        const paths = await kept();
        return paths.some((p) => /^\/assets\/World-[^/]+\.js$/.test(p)) && paths.includes('/fonts/NotoSans-Bold.ttf');
      }, { timeout: 60_000 })
      .toBe(true);
    // Nothing but the app's own files: no API answer, no room, no other page.
    const notShell = (paths: string[]) => paths.filter((p) => p !== '/' && !p.startsWith('/assets/') && !p.startsWith('/fonts/') && !['/manifest.webmanifest', '/icon.svg'].includes(p));
    expect(notShell(await kept())).toEqual([]);

    // What a page asks the worker to keep is checked: of this list only the app file (one this
    // page never loaded) is kept; other origins, API answers, pages and junk are not.
    const dashboardChunk = `/assets/${readdirSync(join(ROOT, 'dist/client/assets')).find((f) => /^dashboard-.+\.js$/.test(f))}`;
    const asked = [dashboardChunk, 'https://example.org/assets/x.js', '/api/health', '/open311/v2/services.json', '/dashboard.html', '/assets/../api/health', 42, null, { href: '/api/health' }];
    await page.evaluate((urls) => navigator.serviceWorker.controller?.postMessage({ type: 'keep', urls }), asked);
    await page.evaluate(() => navigator.serviceWorker.controller?.postMessage({ type: 'keep', urls: 'not a list' }));
    await expect.poll(async () => (await kept()).includes(dashboardChunk), { timeout: 30_000 }).toBe(true);
    expect(notShell(await kept())).toEqual([]);
    expect((await keptUrls()).filter((u) => new URL(u).origin !== new URL(e2e.srv.url).origin)).toEqual([]);

    await context.setOffline(true);
    await page.reload();
    await enterHall(page);
    await page.waitForSelector('.world-canvas[data-ready]', { timeout: 120_000 });
    const texts = await worldTexts(page);
    expect(texts.waiting).toBe(0);
    expect(texts.painted).toBeGreaterThan(10);
    // In the sign font, kept for offline starts (not the system's fallback).
    expect(await page.evaluate(() => [...document.fonts].some((f) => f.family.includes('Makaverse Sign') && f.status === 'loaded'))).toBe(true);
    await context.setOffline(false);
    await context.close();
  });

  it('leaves out the files of the build before when a page of a new build comes, and only then', { timeout: 120_000 }, async () => {
    const { context, page } = await newPage(e2e.browser);
    await page.goto(e2e.srv.url);
    // The service worker comes a few seconds after the load.
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 60_000 }).toBe(true);
    const cached = async () => (await cachedUrls(page)).map((u) => new URL(u).pathname);
    const current = await page.evaluate(() => document.querySelector<HTMLScriptElement>('script[type="module"][src*="/assets/main-"]')!.getAttribute('src')!);
    // An older build's page and one of its files, as a deployment before would have left them.
    const seed = (html: string, extra: string) =>
      page.evaluate(
        async ({ html, extra }) => {
          const name = (await caches.keys())[0];
          const cache = await caches.open(name);
          await cache.put('/', new Response(html, { headers: { 'content-type': 'text/html' } }));
          await cache.put(extra, new Response('// a file', { headers: { 'content-type': 'text/javascript' } }));
        },
        { html, extra },
      );

    // The worker keeps the new page last, once it has left out what it leaves out.
    const pageKept = () =>
      expect
        .poll(() => page.evaluate(async () => (await (await caches.match('/'))?.text())?.includes('id="root"') ?? false), { timeout: 30_000 })
        .toBe(true);

    // Same build: nothing is left out.
    await seed(`<script type="module" crossorigin src="${current}"></script>`, '/assets/kept-by-the-same-build.js');
    await page.reload();
    await pageKept();
    expect(await cached()).toContain('/assets/kept-by-the-same-build.js');

    // A new build (the cached page names another main script): the old files go, the new page's stay.
    await seed('<script type="module" crossorigin src="/assets/main-OLDBUILD.js"></script>', '/assets/chunk-OLDBUILD.js');
    await page.reload();
    await pageKept();
    const after = await cached();
    expect(after).not.toContain('/assets/chunk-OLDBUILD.js');
    expect(after).not.toContain('/assets/kept-by-the-same-build.js');
    expect(after).toContain('/');
    await expect.poll(async () => (await cached()).includes(current), { timeout: 30_000 }).toBe(true);
    await context.close();
  });
});
