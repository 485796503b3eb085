import { seedPglite } from '../helpers/pgliteTemplate';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../src/server/auth/staffStore';
import { postResultSchema } from '../../src/shared/open311';
import { DATABASES, drainageComplaint, postForm, ROOT, startServer, tempDir, type TestServer } from '../helpers/server';
import { login } from '../helpers/rooms';

const PASSWORD = 'kata-sandi-rahasia-2';
const json = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

describe.each(DATABASES)('staff API (%s)', (database) => {
  let s: TestServer;
  let pu: string;
  let dlh: string;
  beforeAll(async () => {
    s = await startServer({ database, env: { RATE_LIMIT_LOGIN: '5' } });
    await addStaff(s.server.ctx.db, { username: 'andi.pu', display_name: 'Andi', role: 'officer', agency_code: 'pu', password: PASSWORD });
    await addStaff(s.server.ctx.db, { username: 'rina.dlh', display_name: 'Rina', role: 'officer', agency_code: 'dlh', password: PASSWORD });
    pu = await login(s.url, 'andi.pu', PASSWORD);
    dlh = await login(s.url, 'rina.dlh', PASSWORD);
  });
  afterAll(() => s.cleanup());

  it('sets an HttpOnly SameSite session cookie, answers /me, and logs out', async () => {
    const response = await fetch(`${s.url}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'andi.pu', password: PASSWORD }) });
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/mkv_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const token = decodeURIComponent(/mkv_session=([^;]+)/.exec(cookie)![1]);
    const me = await (await fetch(`${s.url}/api/staff/me`, { headers: { cookie: `mkv_session=${encodeURIComponent(token)}` } })).json();
    expect(me.staff).toMatchObject({ username: 'andi.pu', role: 'officer', agency_code: 'pu' });
    expect((await fetch(`${s.url}/api/staff/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await fetch(`${s.url}/api/staff/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    const row = await s.server.ctx.db.selectFrom('staff').select('password_hash').where('username', '=', 'andi.pu').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
  });

  it('refuses wrong passwords, audits them, and rate-limits login', async () => {
    const attempt = () => fetch(`${s.url}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'andi.pu', password: 'salah' }) });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await attempt()).status);
    expect(statuses).toContain(401);
    expect(statuses.at(-1)).toBe(429);
    const failed = await s.server.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'login_failed').execute();
    expect(failed.length).toBeGreaterThanOrEqual(1);
  });

  it('scopes cases to the officer agency, audits views of personal data, and moves stages with a note', async () => {
    const posted = postResultSchema.parse(await (await postForm(s.url, drainageComplaint(s.apiKey, { first_name: 'Budi', phone: '081299998888' }))).json())[0];
    const id = posted.service_request_id!;
    const list = await (await fetch(`${s.url}/api/staff/cases?stage=received`, { headers: json(pu) })).json();
    expect(list.cases.some((c: { service_request_id: string }) => c.service_request_id === id)).toBe(true);
    const other = await (await fetch(`${s.url}/api/staff/cases`, { headers: json(dlh) })).json();
    expect(other.cases.some((c: { service_request_id: string }) => c.service_request_id === id)).toBe(false);
    expect((await fetch(`${s.url}/api/staff/cases/${id}`, { headers: json(dlh) })).status).toBe(404);

    const one = await (await fetch(`${s.url}/api/staff/cases/${id}`, { headers: json(pu) })).json();
    expect(one.case.contact).toMatchObject({ first_name: 'Budi', phone: '+6281299998888' });
    const views = await s.server.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'view_personal').where('target', '=', id).execute();
    expect(views.length).toBe(1);
    expect(JSON.stringify(views[0].detail)).not.toContain('Budi');

    const bad = await fetch(`${s.url}/api/staff/cases/${id}/stage`, { method: 'POST', headers: json(pu), body: JSON.stringify({ stage: 'done' }) });
    expect(bad.status).toBe(409);
    const nonsense = await fetch(`${s.url}/api/staff/cases/${id}/stage`, { method: 'POST', headers: json(pu), body: JSON.stringify({ stage: 'teleported' }) });
    expect(nonsense.status).toBe(400);
    const ok = await fetch(`${s.url}/api/staff/cases/${id}/stage`, { method: 'POST', headers: json(pu), body: JSON.stringify({ stage: 'referred', note: 'Diteruskan ke Bidang Drainase.' }) });
    expect(ok.status).toBe(200);
    const audited = await s.server.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'change_stage').where('target', '=', id).execute();
    expect(audited[0].detail).toMatchObject({ from: 'received', to: 'referred' });
    expect((await fetch(`${s.url}/api/staff/cases`, { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
  });

  it('files a request on a citizen behalf, only for the own agency', async () => {
    const body = { service_code: 'pu-drainase', address_string: 'Jl. Urip Sumoharjo', attributes: { severity: 'sedang', problem: ['bau'] }, description: 'Dilaporkan warga lewat telepon.' };
    const filed = await fetch(`${s.url}/api/staff/requests`, { method: 'POST', headers: json(pu), body: JSON.stringify(body) });
    expect(filed.status).toBe(201);
    const { service_request_id } = await filed.json();
    const row = await s.server.ctx.db.selectFrom('service_requests').select('api_client').where('service_request_id', '=', service_request_id).executeTakeFirstOrThrow();
    expect(row.api_client).toBe('staff:andi.pu');
    expect((await fetch(`${s.url}/api/staff/requests`, { method: 'POST', headers: json(dlh), body: JSON.stringify(body) })).status).toBe(404);
    const invalid = await fetch(`${s.url}/api/staff/requests`, { method: 'POST', headers: json(pu), body: JSON.stringify({ ...body, attributes: {} }) });
    expect(invalid.status).toBe(400);
  });
});

describe('the staff CLI', () => {
  it('adds, lists and disables accounts; a disabled account cannot log in', { timeout: 300_000 }, async () => {
    const dataDir = await tempDir();
    await seedPglite(dataDir);
    const run = (...args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/staff.ts'), ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, encoding: 'utf8' });
    expect(run('add', '--username', 'wawan.dlh', '--name', 'Wawan', '--agency', 'dlh', '--password', 'rahasia-sekali-123')).toContain('added as officer of dlh');
    expect(() => run('add', '--username', 'x', '--name', 'X', '--agency', 'dlh')).toThrow();
    expect(() => run('add', '--username', 'yuni.xx', '--name', 'Yuni', '--agency', 'tidak-ada')).toThrow();
    expect(run('list')).toMatch(/wawan\.dlh\tofficer\tdlh\tactive/);
    const s = await startServer({ dataDir });
    try {
      await login(s.url, 'wawan.dlh', 'rahasia-sekali-123');
    } finally {
      await s.close();
    }
    expect(run('disable', '--username', 'wawan.dlh')).toContain('disabled');
    const again = await startServer({ dataDir });
    try {
      await expect(login(again.url, 'wawan.dlh', 'rahasia-sekali-123')).rejects.toThrow(/401/);
    } finally {
      await again.cleanup();
    }
  });

  it('creates demo accounts only in demo mode', { timeout: 180_000 }, async () => {
    const dataDir = await tempDir();
    const demo = await startServer({ dataDir, env: { DEMO: '1' } });
    expect(demo.server.demoAccounts.map((a) => a.username)).toContain('petugas.pu');
    await login(demo.url, 'petugas.pu', demo.server.demoAccounts[0].password);
    await demo.close();
    const normal = await startServer({ dataDir });
    try {
      expect(normal.server.demoAccounts).toEqual([]);
      await expect(login(normal.url, 'petugas.pu', 'makaverse-demo')).rejects.toThrow(/401/);
    } finally {
      await normal.cleanup();
    }
  });
});
