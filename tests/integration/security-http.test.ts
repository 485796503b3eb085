import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../src/server/auth/staffStore';
import { postResultSchema } from '../../src/shared/open311';
import { drainageComplaint, postForm, removeDir, startServer, tempDir, type TestServer } from '../helpers/server';
import { login } from '../helpers/rooms';

/** Issue 11 over HTTP: headers, CSRF, login brute force, demo accounts, running behind a TLS proxy. */
const PASSWORD = 'kata-sandi-rahasia-11h';

const tryLogin = (url: string, username: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ username, password }) });

async function fileCase(s: TestServer, extra: Record<string, string> = {}): Promise<string> {
  return postResultSchema.parse(await (await postForm(s.url, drainageComplaint(s.apiKey, extra))).json())[0].service_request_id!;
}

describe('HTTP hardening (issue 11)', () => {
  let s: TestServer;
  let officer: string;
  beforeAll(async () => {
    s = await startServer({ env: { TRUST_PROXY: 'true', RATE_LIMIT_LOGIN: '1000' } });
    await addStaff(s.server.ctx.db, { username: 'andi.pu', display_name: 'Andi', role: 'officer', agency_code: 'pu', password: PASSWORD });
    await addStaff(s.server.ctx.db, { username: 'sri.spv', display_name: 'Sri', role: 'supervisor', agency_code: null, password: PASSWORD });
    await addStaff(s.server.ctx.db, { username: 'target.spv', display_name: 'Target', role: 'supervisor', agency_code: null, password: PASSWORD });
    officer = await login(s.url, 'andi.pu', PASSWORD);
  });
  afterAll(() => s.cleanup());

  it('1: every answer carries a CSP without inline scripts, no framing, no sniffing, no referrer', async () => {
    for (const path of ['/', '/?kiosk=1', '/proyektor', '/dashboard.html', '/api/health', '/open311/v2/services.json', '/api/staff/me']) {
      const response = await fetch(`${s.url}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toMatch(/script-src 'self' blob:(;|$)/);
      expect(csp, path).not.toContain('unsafe-inline');
      expect(csp, path).not.toContain('unsafe-eval');
      expect(response.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });

  it('2: staff routes refuse cross-site requests and anything but JSON, before touching the case', async () => {
    const id = await fileCase(s);
    const stage = (headers: Record<string, string>, body: string) =>
      fetch(`${s.url}/api/staff/cases/${id}/stage`, { method: 'POST', headers: { cookie: `mkv_session=${encodeURIComponent(officer)}`, ...headers }, body });
    // What a form on another port of the same host sends (same site, so the cookie comes along).
    const form = await stage({ 'content-type': 'application/x-www-form-urlencoded', origin: 'http://127.0.0.1:9', 'sec-fetch-site': 'same-site' }, 'stage=referred');
    expect(form.status).toBe(403);
    expect(await form.json()).toEqual([{ code: 403, description: expect.stringContaining('Sec-Fetch-Site') }]);
    expect((await stage({ 'content-type': 'application/x-www-form-urlencoded', origin: 'http://127.0.0.1:9' }, 'stage=referred')).status).toBe(403);
    expect((await stage({ 'content-type': 'application/json', origin: 'http://evil.example' }, '{"stage":"referred"}')).status).toBe(403);
    // Without Origin (an old browser, a script): a form body is still refused.
    const plain = await stage({ 'content-type': 'application/x-www-form-urlencoded' }, 'stage=referred');
    expect(plain.status).toBe(415);
    expect((await stage({ 'content-type': 'text/plain' }, '{"stage":"referred"}')).status).toBe(415);
    const row = await s.server.ctx.db.selectFrom('service_requests').select('stage').where('service_request_id', '=', id).executeTakeFirstOrThrow();
    expect(row.stage).toBe('received');
    // The console's own request: same origin, JSON.
    const ok = await stage({ 'content-type': 'application/json', origin: s.url, 'sec-fetch-site': 'same-origin' }, '{"stage":"referred"}');
    expect(ok.status).toBe(200);
  });

  it('4: an account locks with growing delays whatever address tries; a burst tells the supervisors', async () => {
    const from = (n: number) => ({ 'x-forwarded-for': `203.0.113.${n}` });
    for (let i = 1; i <= 5; i += 1) expect((await tryLogin(s.url, 'target.spv', 'salah', from(i))).status).toBe(401);
    // The sixth failure locks the account for a second; even the right password is refused then.
    expect((await tryLogin(s.url, 'target.spv', 'salah', from(6))).status).toBe(401);
    const locked = await tryLogin(s.url, 'target.spv', PASSWORD, from(7));
    expect(locked.status).toBe(429);
    const first = Number(locked.headers.get('retry-after'));
    expect(first).toBeGreaterThanOrEqual(1);
    await new Promise((r) => setTimeout(r, first * 1000 + 100));
    expect((await tryLogin(s.url, 'target.spv', 'salah', from(8))).status).toBe(401);
    const again = await tryLogin(s.url, 'target.spv', PASSWORD, from(9));
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(first);
    // Other accounts are not affected.
    expect((await tryLogin(s.url, 'sri.spv', PASSWORD, from(10))).status).toBe(200);

    // Ten attempts within minutes make a burst: an audit entry and a notice supervisors can read.
    expect((await tryLogin(s.url, 'target.spv', 'salah', from(11))).status).toBe(429);
    const burst = await s.server.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'login_burst').execute();
    expect(burst).toHaveLength(1);
    expect(burst[0]).toMatchObject({ target: 'target.spv', detail: { failures: 10, addresses: 10 } });
    const spv = await login(s.url, 'sri.spv', PASSWORD);
    const notices = await (await fetch(`${s.url}/api/staff/notices`, { headers: { authorization: `Bearer ${spv}` } })).json();
    expect(notices.notices[0]).toMatchObject({ kind: 'login_burst', account: 'target.spv' });
    expect((await fetch(`${s.url}/api/staff/notices`, { headers: { authorization: `Bearer ${officer}` } })).status).toBe(403);
    expect((await fetch(`${s.url}/api/staff/notices`)).status).toBe(401);
  });

  it('6: behind a trusted TLS proxy the session cookie is Secure and the proxy-given address counts', async () => {
    const response = await tryLogin(s.url, 'andi.pu', PASSWORD, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.7' });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    const plain = await tryLogin(s.url, 'andi.pu', PASSWORD);
    expect(plain.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
  });
});

describe('without TRUST_PROXY (issue 11, points 4 and 6)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({ env: { RATE_LIMIT_LOGIN: '3' } });
  });
  afterAll(() => s.cleanup());

  it('6: ignores X-Forwarded-Proto and X-Forwarded-For from an untrusted peer', async () => {
    await addStaff(s.server.ctx.db, { username: 'andi.pu', display_name: 'Andi', role: 'officer', agency_code: 'pu', password: PASSWORD });
    const response = await tryLogin(s.url, 'andi.pu', PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(response.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
    // Changing X-Forwarded-For does not buy more attempts: the limit counts the socket's address.
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await tryLogin(s.url, `nobody${i}`, 'x', { 'x-forwarded-for': `192.0.2.${i}` })).status);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('IPv6 clients are limited by their /64 (issue 11, point 4)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({ env: { RATE_LIMIT_LOGIN: '3', TRUST_PROXY: '127.0.0.1' } });
  });
  afterAll(() => s.cleanup());

  it('counts every address of one /64 together, and another /64 apart', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 4; i += 1) statuses.push((await tryLogin(s.url, `user${i}`, 'x', { 'x-forwarded-for': `2001:db8:1:2::${i}` })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect((await tryLogin(s.url, 'user9', 'x', { 'x-forwarded-for': '2001:db8:1:3::1' })).status).toBe(401);
    expect((await tryLogin(s.url, 'user9', 'x', { 'x-forwarded-for': '2001:0db8:0001:0002:ffff:1:2:3' })).status).toBe(429);
  });
});

describe('demo accounts (issue 11, point 5)', () => {
  it('get a new random password at every start and never see personal data', { timeout: 120_000 }, async () => {
    const dataDir = await tempDir();
    try {
      const first = await startServer({ dataDir, env: { DEMO: '1' } });
      const password1 = first.server.demoAccounts[0].password;
      expect(password1).not.toBe('makaverse-demo');
      expect(password1.length).toBeGreaterThanOrEqual(12);
      expect(new Set(first.server.demoAccounts.map((a) => a.password)).size).toBe(1);
      const id = await fileCase(first, { first_name: 'Budi', email: 'budi@example.id', phone: '081299998888' });
      const token = await login(first.url, 'supervisor', password1);
      const view = await (await fetch(`${first.url}/api/staff/cases/${id}`, { headers: { authorization: `Bearer ${token}` } })).json();
      expect(view.case.contact).toBeNull();
      expect(view.case.personal_hidden).toBe('demo_account');
      expect(JSON.stringify(view)).not.toMatch(/budi@example|99998888/);
      await first.close();

      const second = await startServer({ dataDir, env: { DEMO: '1' } });
      try {
        const password2 = second.server.demoAccounts[0].password;
        expect(password2).not.toBe(password1);
        await expect(login(second.url, 'supervisor', password1)).rejects.toThrow(/401/);
        // The old session ended with the old start.
        expect((await fetch(`${second.url}/api/staff/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
        await login(second.url, 'supervisor', password2);
      } finally {
        await second.close();
      }
    } finally {
      await removeDir(dataDir);
    }
  });
});
