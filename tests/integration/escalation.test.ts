import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../src/server/auth/staffStore';
import { escalateOverdue } from '../../src/server/cases/escalation';
import { openDatabase } from '../../src/server/db/database';
import { postResultSchema } from '../../src/shared/open311';
import { login } from '../helpers/rooms';
import { drainageComplaint, freePort, newSchema, postForm, removeDir, spawnServer, startServer, tempDir, type TestServer } from '../helpers/server';

const PASSWORD = 'kata-sandi-rahasia-12';
const databaseUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
const DAY = 86_400_000;

async function fileCases(url: string, apiKey: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const response = await postForm(url, drainageComplaint(apiKey));
    ids.push(postResultSchema.parse(await response.json())[0].service_request_id!);
  }
  return ids;
}

describe('escalation of overdue cases (pglite)', () => {
  let s: TestServer;
  afterAll(() => s?.cleanup());

  it('escalates each overdue open case once, lists it for supervisors, and shows it as Terlambat', async () => {
    s = await startServer({ env: { ESCALATION_INTERVAL_SECONDS: '3600' } });
    const db = s.server.ctx.db;
    await addStaff(db, { username: 'andi.pu', display_name: 'Andi', role: 'officer', agency_code: 'pu', password: PASSWORD });
    await addStaff(db, { username: 'kepala', display_name: 'Kepala', role: 'supervisor', agency_code: null, password: PASSWORD });
    const [late, closedLate, onTime] = await fileCases(s.url, s.apiKey, 3);
    await db.updateTable('service_requests').set({ expected_at: new Date(Date.now() - DAY) }).where('service_request_id', 'in', [late, closedLate]).execute();
    await db.updateTable('service_requests').set({ status: 'closed', stage: 'rejected' }).where('service_request_id', '=', closedLate).execute();

    // Three scans at once, as several processes would: still one escalation.
    const runs = await Promise.all([escalateOverdue(db), escalateOverdue(db), s.server.ctx.escalation.tick()]);
    expect(runs.flat()).toEqual([late]);
    expect(await escalateOverdue(db)).toEqual([]);
    const notes = await db.selectFrom('request_notes').select('service_request_id').where('type', '=', 'escalation').execute();
    expect(notes.map((n) => n.service_request_id)).toEqual([late]);

    const boss = await login(s.url, 'kepala', PASSWORD);
    const list = await (await fetch(`${s.url}/api/staff/escalations`, { headers: { authorization: `Bearer ${boss}` } })).json();
    expect(list.escalations.map((e: { service_request_id: string }) => e.service_request_id)).toEqual([late]);
    const officer = await login(s.url, 'andi.pu', PASSWORD);
    const overdue = await (await fetch(`${s.url}/api/staff/cases?view=overdue`, { headers: { authorization: `Bearer ${officer}` } })).json();
    const ids = overdue.cases.map((c: { service_request_id: string; overdue: boolean }) => c.service_request_id);
    expect(ids).toContain(late);
    expect(ids).not.toContain(onTime);
    expect(overdue.cases.every((c: { overdue: boolean }) => c.overdue)).toBe(true);
    // Escalations are internal: not on the public tracker.
    expect(await (await fetch(`${s.url}/open311/v2/requests/${late}.json?extensions=true`)).text()).not.toContain('supervisor');
  });
});

describe.skipIf(!databaseUrl)('escalation with two server processes on PostgreSQL', () => {
  const children: ChildProcess[] = [];
  const dirs: string[] = [];
  afterAll(async () => {
    for (const child of children) {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
    }
    for (const dir of dirs) await removeDir(dir);
  });

  it('escalates an overdue case once, not twice', async () => {
    const schema = newSchema();
    const shared = {
      DATABASE_URL: databaseUrl!,
      DATABASE_SCHEMA: schema,
      PII_KEY: Buffer.alloc(32, 12).toString('base64'),
      CLIENT_API_KEY: 'shared-client-key-12-escalation',
      ESCALATION_INTERVAL_SECONDS: '0.2',
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    };
    const started = [];
    for (let i = 0; i < 2; i += 1) {
      const dir = await tempDir();
      dirs.push(dir);
      const port = await freePort();
      const server = await spawnServer({ ...shared, DATA_DIR: dir, PORT: String(port), ...(redisUrl ? { PUBLIC_ADDRESS: `127.0.0.1:${port}` } : {}) });
      children.push(server.child);
      started.push(server);
    }
    const ids = await fileCases(started[0].url, shared.CLIENT_API_KEY, 5);
    const opened = await openDatabase({ dataDir: dirs[0], databaseUrl, schema });
    try {
      // All five fall due at the same instant: both processes scan them every 0.2 s.
      await opened.db.updateTable('service_requests').set({ expected_at: new Date(Date.now() - DAY) }).where('service_request_id', 'in', ids).execute();
      const until = Date.now() + 20_000;
      let count = 0;
      while (Date.now() < until) {
        const rows = await opened.db.selectFrom('case_escalations').select('service_request_id').execute();
        count = rows.length;
        if (count === ids.length) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(count).toBe(ids.length);
      // Let both keep scanning for a while: nothing more happens.
      await new Promise((r) => setTimeout(r, 1500));
      const notes = await opened.db.selectFrom('request_notes').select('service_request_id').where('type', '=', 'escalation').execute();
      expect(notes.map((n) => n.service_request_id).sort()).toEqual([...ids].sort());
    } finally {
      await opened.close();
    }
  });
});
