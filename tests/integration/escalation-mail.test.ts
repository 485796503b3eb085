import { seedPglite } from '../helpers/pgliteTemplate';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../src/server/auth/staffStore';
import { escalateOverdue } from '../../src/server/cases/escalation';
import { postResultSchema } from '../../src/shared/open311';
import { startSmtp, type TestSmtp } from '../helpers/smtp';
import { DATABASES, drainageComplaint, postForm, removeDir, startServer, tempDir, type TestServer } from '../helpers/server';

const PASSWORD = 'kata-sandi-rahasia-15';
const DAY = 86_400_000;
const ROOT = join(import.meta.dirname, '../..');
const addressesOf = (m: { to?: unknown }) => JSON.stringify(m.to ?? '');

/** Issue 12, point 5: an overdue case is mailed to its agency's supervisors, once, through the outbox. */
describe.each(DATABASES)('escalation mail to supervisors (%s)', (database) => {
  let s: TestServer;
  let smtp: TestSmtp;

  beforeAll(async () => {
    smtp = await startSmtp();
    s = await startServer({ database, env: { SMTP_URL: smtp.url, MAIL_POLL_MS: '200', ESCALATION_INTERVAL_SECONDS: '3600', PUBLIC_URL: 'https://balaikota.example.id' } });
    const db = s.server.ctx.db;
    await addStaff(db, { username: 'kepala.pu', display_name: 'Kepala PU', role: 'supervisor', agency_code: 'pu', password: PASSWORD, email: 'kepala.pu@makassar.example.id' });
    await addStaff(db, { username: 'kepala.kota', display_name: 'Kepala Kota', role: 'supervisor', agency_code: null, password: PASSWORD, email: 'kepala.kota@makassar.example.id' });
    await addStaff(db, { username: 'kepala.dlh', display_name: 'Kepala DLH', role: 'supervisor', agency_code: 'dlh', password: PASSWORD, email: 'kepala.dlh@makassar.example.id' });
    await addStaff(db, { username: 'tanpa.surel', display_name: 'Tanpa Surel', role: 'supervisor', agency_code: null, password: PASSWORD });
    await addStaff(db, { username: 'andi.pu', display_name: 'Andi', role: 'officer', agency_code: 'pu', password: PASSWORD, email: 'andi.pu@makassar.example.id' });
    const off = await addStaff(db, { username: 'nonaktif', display_name: 'Nonaktif', role: 'supervisor', agency_code: null, password: PASSWORD, email: 'nonaktif@makassar.example.id' });
    await db.updateTable('staff').set({ disabled: true }).where('id', '=', off.id).execute();
  });
  afterAll(async () => {
    await s?.cleanup();
    await smtp?.close();
  });

  it('mails each supervisor of the agency (and the city-wide ones) once; no personal data or private link', async () => {
    const db = s.server.ctx.db;
    const posted = await postForm(s.url, drainageComplaint(s.apiKey, { email: 'warga.rahasia@example.id', first_name: 'Budi', last_name: 'Rahasia' }));
    const [result] = postResultSchema.parse(await posted.json());
    const id = result.service_request_id!;
    const secret = result.private_link!.split('#')[1];
    await smtp.waitFor(1, (m) => (m.subject ?? '').includes(id)); // the citizen's confirmation
    await db.updateTable('service_requests').set({ expected_at: new Date(Date.now() - DAY) }).where('service_request_id', '=', id).execute();

    // Several scans at once, as several processes would: one escalation, one mail per supervisor.
    const runs = await Promise.all([escalateOverdue(db), escalateOverdue(db), s.server.ctx.escalation.tick()]);
    expect(runs.flat()).toEqual([id]);
    const isEscalation = (m: { subject?: string }) => (m.subject ?? '').startsWith('Terlambat:') && (m.subject ?? '').includes(id);
    const mails = await smtp.waitFor(2, isEscalation);
    await escalateOverdue(db);
    await new Promise((r) => setTimeout(r, 1500)); // several mail polls: nothing more may come
    const all = smtp.mails.filter(isEscalation);
    expect(all.length).toBe(2);
    const to = all.map(addressesOf).join(' ');
    expect(to).toContain('kepala.pu@makassar.example.id');
    expect(to).toContain('kepala.kota@makassar.example.id');
    for (const other of ['kepala.dlh@', 'andi.pu@', 'nonaktif@']) expect(to).not.toContain(other);
    for (const m of mails) {
      expect(m.text).toContain(id);
      expect(m.text).toContain('https://balaikota.example.id/petugas');
      for (const hidden of ['warga.rahasia', 'Rahasia', secret]) {
        expect(m.text).not.toContain(hidden);
        expect(String(m.html)).not.toContain(hidden);
      }
    }
    const rows = await db.selectFrom('mail_outbox').select(['kind', 'state', 'staff_id']).where('service_request_id', '=', id).where('kind', '=', 'escalation').execute();
    expect(rows.length).toBe(2);
    expect(rows.every((r) => r.state === 'sent' && r.staff_id !== null)).toBe(true);
  });
});

describe('npm run staff -- add --email', () => {
  it('stores a checked address; a bad one is refused', { timeout: 300_000 }, async () => {
    const dataDir = await tempDir();
    await seedPglite(dataDir);
    try {
      const run = (...args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/staff.ts'), ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, encoding: 'utf8', stdio: 'pipe' });
      expect(run('add', '--username', 'kepala.pu', '--name', 'Kepala PU', '--role', 'supervisor', '--agency', 'pu', '--email', 'Kepala.PU@Makassar.example.id', '--password', 'rahasia-sekali-123')).toContain('<kepala.pu@makassar.example.id>');
      for (const bad of ['bukan-surel', 'a@b', '<script>@x.id', `${'x'.repeat(250)}@example.id`]) {
        expect(() => run('add', '--username', 'lain.spv', '--name', 'Lain', '--role', 'supervisor', '--email', bad, '--password', 'rahasia-sekali-123')).toThrow(/--email/);
      }
      expect(() => run('add', '--username', 'lain.spv', '--name', 'Lain', '--role', 'supervisor', '--agency', 'tidak-ada', '--password', 'rahasia-sekali-123')).toThrow(/--agency/);
      const list = run('list');
      expect(list).toContain('kepala.pu\tsupervisor\tpu\tactive\tKepala PU\tkepala.pu@makassar.example.id');
      expect(list).not.toContain('lain.spv');
    } finally {
      await removeDir(dataDir);
    }
  });
});
