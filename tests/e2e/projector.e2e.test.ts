import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { joinHall, login } from '../helpers/rooms';
import { newPage, E2E_DEMO_PASSWORD } from './browser';
import { axeViolations, enterHall } from './helpers';
import { useServerAndBrowser } from './setup';

const WAIT = { timeout: 30_000 };
/** SwiftShader draws the whole hall on the CPU: the first frame takes a while. */
const FIRST_FRAME = { timeout: 180_000 };
/**
 * A closed tab leaves at once (the page gives its seat up on pagehide); a connection that only
 * dropped would keep its place for the reconnection window, 20 s, and not be gone within this.
 */
const LEFT_AT_ONCE = { timeout: 12_000 };
const PROJECTOR = { width: 1600, height: 900 };

const remoteCount = (page: Page) => page.evaluate('window.__makaverseWorld ? window.__makaverseWorld.remoteCount() : -1') as Promise<number>;

describe('the projector view', () => {
  const e2e = useServerAndBrowser({ env: { DEMO: '1', DEMO_PASSWORD: E2E_DEMO_PASSWORD } });

  it('shows a visitor who joined from another browser, is itself no visitor, and lists officers and queues', { timeout: 600_000 }, async () => {
    const projector = await newPage(e2e.browser, { viewport: PROJECTOR });
    const pp = projector.page;
    await pp.goto(`${e2e.srv.url}/proyektor`);
    const panel = pp.locator('.projector-panel');
    await expect.poll(() => panel.getAttribute('data-hall'), WAIT).toBe('connected');
    expect(await panel.getAttribute('data-visitors')).toBe('0');
    expect(await pp.locator('.projector-table tbody tr').count()).toBe(13);
    await pp.locator('.projector-world[data-ready]').waitFor(FIRST_FRAME);
    expect(await remoteCount(pp)).toBe(0);
    // From above, the free-standing desks' signs are cut away with their words (the info desk's
    // among them); the floor boards name the counters instead.
    const texts = (await pp.evaluate('window.__makaverseWorld.texts()')) as { shown: string[]; waiting: number };
    expect(texts.waiting).toBe(0);
    expect(texts.shown).not.toContain('INFORMASI');
    expect(texts.shown.some((t) => t.startsWith('1 · Pengaduan'))).toBe(true);

    // A citizen walks into the 3D hall from another browser.
    const citizen = await newPage(e2e.browser);
    const cp = citizen.page;
    await cp.goto(e2e.srv.url);
    await enterHall(cp);
    await expect.poll(() => panel.getAttribute('data-visitors'), WAIT).toBe('1');
    await expect.poll(() => remoteCount(pp), WAIT).toBeGreaterThanOrEqual(1);
    await cp.locator('.world-canvas[data-ready]').waitFor(FIRST_FRAME);

    // The citizen sees a second visitor (a bot) but never the projector.
    const bot = await joinHall(e2e.srv.url, { name: 'Bot' });
    await expect.poll(() => remoteCount(cp), WAIT).toBe(1);
    await expect.poll(() => panel.getAttribute('data-visitors'), WAIT).toBe('2');
    await cp.waitForTimeout(1500);
    expect(await remoteCount(cp)).toBe(1);
    expect(bot.room.state.visitors.size).toBe(2);
    await bot.room.leave();
    await expect.poll(() => panel.getAttribute('data-visitors'), WAIT).toBe('1');

    // The citizen closes the tab: the projector shows an empty hall again.
    await citizen.context.close();
    await expect.poll(() => panel.getAttribute('data-visitors'), LEFT_AT_ONCE).toBe('0');
    await expect.poll(() => remoteCount(pp), WAIT).toBe(0);

    // An officer comes on duty at public works and someone queues there.
    const officer = await joinHall(e2e.srv.url, { staffToken: await login(e2e.srv.url, 'petugas.pu', E2E_DEMO_PASSWORD) });
    const pu = panel.locator('tr[data-counter="pu"]');
    await expect.poll(() => pu.getAttribute('data-status'), WAIT).toBe('on_duty');
    expect(await pu.innerText()).toContain('Petugas Dinas PU');
    expect(await panel.getAttribute('data-officers')).toBe('1');
    const queued = await joinHall(e2e.srv.url, { name: 'Antre' });
    queued.room.send('queueTake', { counter: 'pu' });
    await expect.poll(() => pu.getAttribute('data-queue'), WAIT).toBe('1');
    expect(await panel.getAttribute('data-queued')).toBe('1');
    await expect.poll(() => panel.getAttribute('data-visitors'), WAIT).toBe('1');

    expect(await axeViolations(pp)).toEqual([]);
    await queued.room.leave();
    await officer.room.leave();
    expect(projector.errors).toEqual([]);
    expect(citizen.errors).toEqual([]);
  });

  it('without WebGL still shows the live figures, alone', { timeout: 120_000 }, async () => {
    const { page, context, errors } = await newPage(e2e.browser, { viewport: PROJECTOR });
    await page.addInitScript("HTMLCanvasElement.prototype.getContext = function () { return null; };");
    await page.goto(`${e2e.srv.url}/?view=projector`);
    const panel = page.locator('.projector-panel');
    await expect.poll(() => panel.getAttribute('data-hall'), WAIT).toBe('connected');
    expect(await page.locator('.projector-world').count()).toBe(0);
    expect(await panel.locator('.projector-note').innerText()).toContain('3D');
    const citizen = await joinHall(e2e.srv.url, { name: 'Tanpa WebGL' });
    await expect.poll(() => panel.getAttribute('data-visitors'), WAIT).toBe('1');
    await citizen.room.leave();
    await expect.poll(() => panel.getAttribute('data-visitors'), WAIT).toBe('0');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
