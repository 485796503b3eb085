import { createServer, type Server } from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postResultSchema } from '../../src/shared/open311';
import { joinHall, waitFor } from '../helpers/rooms';
import { drainageComplaint, postForm } from '../helpers/server';
import { E2E_DEMO_PASSWORD, newPage } from './browser';
import { useServerAndBrowser } from './setup';

/**
 * Issue 11 with a real Chromium: every page passes the Content-Security-Policy, and a page on
 * another port of the same host (same site: the SameSite=Strict cookie goes along) can neither
 * change a case with a form nor open the hall with an officer's session.
 */
const WAIT = { timeout: 30_000 };

/** Records CSP violations (the DOM event and the console message) from the first script on. */
async function watchCsp(context: BrowserContext, page: Page): Promise<string[]> {
  const violations: string[] = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`);
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(`console: ${m.text()}`);
  });
  return violations;
}

async function pageViolations(page: Page, fromConsole: string[]): Promise<string[]> {
  const fromDom = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
  return [...fromDom, ...fromConsole];
}

async function signIn(context: BrowserContext, url: string, username: string): Promise<void> {
  const response = await context.request.post(`${url}/api/staff/login`, { data: { username, password: E2E_DEMO_PASSWORD }, headers: { origin: url } });
  expect(response.status()).toBe(200);
}

describe('security in the browser (issue 11)', () => {
  const e2e = useServerAndBrowser({ env: { DEMO: '1', DEMO_PASSWORD: E2E_DEMO_PASSWORD } });
  let attacker: Server;
  let attackerUrl = '';
  let attackerPage = '';
  beforeAll(async () => {
    attacker = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(attackerPage);
    });
    await new Promise<void>((r) => attacker.listen(0, '127.0.0.1', r));
    const address = attacker.address();
    attackerUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((r) => attacker.close(() => r())));

  it('1: the citizen app, kiosk, projector, staff console and dashboard load with no CSP violation', { timeout: 240_000 }, async () => {
    const pages: { path: string; staff?: string; ready: string }[] = [
      { path: '/', ready: '#root *' },
      { path: '/?mode=2d', ready: '#root *' },
      { path: '/?kiosk=1', ready: '#root *' },
      { path: '/proyektor', ready: '#root *' },
      { path: '/petugas?mode=2d', staff: 'petugas.pu', ready: '[data-staff-console]' },
      { path: '/dashboard.html', staff: 'supervisor', ready: '.cards .card' },
    ];
    // All at once, each in its own context: the waits for lazy parts overlap.
    await Promise.all(
      pages.map(async (p) => {
        const { context, page, errors } = await newPage(e2e.browser);
        const fromConsole = await watchCsp(context, page);
        if (p.staff) await signIn(context, e2e.srv.url, p.staff);
        const response = await page.goto(`${e2e.srv.url}${p.path}`);
        expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
        // Six pages share two cores here: more time than one page alone gets.
        await page.locator(p.ready).first().waitFor({ timeout: 90_000 });
        // Lazy parts (the 3D world, charts, fonts) load after the first paint.
        await page.waitForLoadState('networkidle', WAIT).catch(() => undefined);
        await page.waitForTimeout(1500);
        expect(await pageViolations(page, fromConsole), p.path).toEqual([]);
        // A blocked worker script shows only as an error (not as a CSP report): no errors at all.
        expect(errors, p.path).toEqual([]);
        await context.close();
      }),
    );
  });

  it('1: another site cannot frame the app', { timeout: 60_000 }, async () => {
    attackerPage = `<!doctype html><iframe id="f" src="${e2e.srv.url}/"></iframe>`;
    const { context, page } = await newPage(e2e.browser);
    const blocked: string[] = [];
    page.on('console', (m) => blocked.push(m.text()));
    await page.goto(attackerUrl);
    await page.waitForTimeout(1500);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    const framedRoot = await frame?.evaluate(() => document.querySelector('#root') !== null).catch(() => false);
    expect(framedRoot ?? false).toBe(false);
    await context.close();
  });

  it('2: a form on another port of the same host cannot move a case, though the cookie goes along', { timeout: 60_000 }, async () => {
    const id = postResultSchema.parse(await (await postForm(e2e.srv.url, drainageComplaint(e2e.srv.apiKey))).json())[0].service_request_id!;
    const { context, page } = await newPage(e2e.browser);
    await signIn(context, e2e.srv.url, 'petugas.pu');
    attackerPage = `<!doctype html><form id="f" method="POST" action="${e2e.srv.url}/api/staff/cases/${id}/stage">
      <input name="stage" value="rejected"><input name="note" value="csrf"></form>
      <script>document.getElementById('f').submit()</script>`;
    const answer = page.waitForResponse((r) => r.url().includes(`/cases/${id}/stage`));
    await page.goto(attackerUrl);
    const response = await answer;
    expect(response.status()).toBe(403);
    expect(await response.request().headerValue('cookie')).toMatch(/mkv_session=/);
    const row = await e2e.srv.server.ctx.db.selectFrom('service_requests').select('stage').where('service_request_id', '=', id).executeTakeFirstOrThrow();
    expect(row.stage).toBe('received');
    await context.close();
  });

  it('3: a page on another port can neither reserve a seat nor open the hall with the officer\'s session', { timeout: 60_000 }, async () => {
    const citizen = await joinHall(e2e.srv.url, { name: 'Saksi' });
    try {
      const { context, page } = await newPage(e2e.browser);
      await signIn(context, e2e.srv.url, 'petugas.pu');
      // A seat reserved without any Origin (the attacker's own script on a server), then used from the officer's browser.
      const reservation = await (await fetch(`${e2e.srv.url}/rooms/matchmake/joinOrCreate/hall`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json();
      attackerPage = '<!doctype html><title>kucing lucu</title>';
      await page.goto(attackerUrl);
      const result = await page.evaluate(
        async ({ url, reservation }) => {
          const matchmake = await fetch(`${url}/rooms/matchmake/joinOrCreate/hall`, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: '{}' })
            .then((r) => `status ${r.status}`)
            .catch(() => 'blocked');
          const socket = await new Promise<string>((resolve) => {
            const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/rooms/${reservation.room.processId}/${reservation.room.roomId}?sessionId=${reservation.sessionId}`);
            ws.onopen = () => resolve('open');
            ws.onerror = () => resolve('refused');
          });
          return { matchmake, socket };
        },
        { url: e2e.srv.url, reservation },
      );
      expect(result).toEqual({ matchmake: 'blocked', socket: 'refused' });
      await page.waitForTimeout(500);
      // Nobody entered on that seat (an earlier test's officer may still hold PU for its grace period).
      expect(citizen.room.state.visitors.has(reservation.sessionId)).toBe(false);
      expect(citizen.room.state.counters.get('pu').officerSessionId).not.toBe(reservation.sessionId);
      await context.close();
    } finally {
      await citizen.room.leave();
    }
    await waitFor('nothing', () => true);
  });

  it('12: a kiosk page refuses staff sign-in, and the kiosk reset ends a staff session opened there', { timeout: 120_000 }, async () => {
    const { context, page } = await newPage(e2e.browser, { viewport: { width: 1280, height: 800 }, mobile: true });
    await page.goto(`${e2e.srv.url}/petugas?kiosk=1`);
    await page.locator('[data-login-kiosk-off]').waitFor(WAIT);
    expect(await page.locator('[data-login-kiosk-off]').innerText()).toContain('tidak tersedia di kios');
    expect(await page.locator('.login-form').count()).toBe(0);

    // A staff session opened on the kiosk anyway (another tab, an old cookie): the reset logs it out.
    await signIn(context, e2e.srv.url, 'petugas.pu');
    expect((await context.request.get(`${e2e.srv.url}/api/staff/me`)).status()).toBe(200);
    await page.goto(`${e2e.srv.url}/?kiosk=1&idle=600`);
    await page.locator('[data-testid="attract"]').waitFor(WAIT);
    await page.locator('[data-action="kiosk-start"]').tap();
    await page.locator('.welcome h1').waitFor(WAIT);
    await page.locator('[data-action="kiosk-end"]').tap();
    await page.locator('[data-testid="attract"]').waitFor(WAIT);
    await expect.poll(async () => (await context.request.get(`${e2e.srv.url}/api/staff/me`)).status(), WAIT).toBe(401);
    await context.close();
  });
});
