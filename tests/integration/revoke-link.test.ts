import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../src/server/auth/staffStore';
import { FOLLOWUP_HEADER } from '../../src/shared/caseLoop';
import { postResultSchema } from '../../src/shared/open311';
import { DATABASES, drainageComplaint, postForm, startServer, type TestServer } from '../helpers/server';
import { startSmtp, type TestSmtp } from '../helpers/smtp';
import { login } from '../helpers/rooms';

const PASSWORD = 'kata-sandi-rahasia-1';
const secretOf = (link: string) => link.split('#')[1];

/** Issue 12, point 2: staff revoke a case's private link; the old link is then like an unknown one. */
describe.each(DATABASES)('revoking a private link (%s)', (database) => {
  let s: TestServer;
  let pu: string;
  let dlh: string;
  let spv: string;
  let smtp: TestSmtp;

  beforeAll(async () => {
    smtp = await startSmtp();
    s = await startServer({ database, env: { PUBLIC_URL: 'https://balaikota.example.id', SMTP_URL: smtp.url, MAIL_POLL_MS: '200' } });
    await addStaff(s.server.ctx.db, { username: 'andi.pu', display_name: 'Andi', role: 'officer', agency_code: 'pu', password: PASSWORD });
    await addStaff(s.server.ctx.db, { username: 'rina.dlh', display_name: 'Rina', role: 'officer', agency_code: 'dlh', password: PASSWORD });
    await addStaff(s.server.ctx.db, { username: 'sri.spv', display_name: 'Sri', role: 'supervisor', agency_code: null, password: PASSWORD });
    pu = await login(s.url, 'andi.pu', PASSWORD);
    dlh = await login(s.url, 'rina.dlh', PASSWORD);
    spv = await login(s.url, 'sri.spv', PASSWORD);
  });
  afterAll(async () => {
    await s?.cleanup();
    await smtp?.close();
  });

  const revoke = (token: string | null, id: string, body?: unknown) =>
    fetch(`${s.url}/api/staff/cases/${encodeURIComponent(id)}/revoke-link`, {
      method: 'POST',
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });
  const follow = (secret: string) => fetch(`${s.url}/api/followup`, { headers: { [FOLLOWUP_HEADER]: secret } });
  const audits = (id: string) => s.server.ctx.db.selectFrom('audit_log').select(['action', 'detail']).where('target', '=', id).orderBy('id').execute();

  it('the lead agency or a supervisor issues a new link; the old one answers 404 like an unknown link; audited', async () => {
    const posted = await postForm(s.url, drainageComplaint(s.apiKey));
    const [result] = postResultSchema.parse(await posted.json());
    const id = result.service_request_id!;
    const first = secretOf(result.private_link!);
    expect((await follow(first)).status).toBe(200);
    const unknown = await follow('A'.repeat(43));
    expect(unknown.status).toBe(404);
    const unknownBody = await unknown.text();

    // Another agency's officer: refused and audited; the link still works.
    expect((await revoke(dlh, id)).status).toBe(403);
    expect((await follow(first)).status).toBe(200);
    // No session: 401.
    expect((await revoke(null, id)).status).toBe(401);

    const byOfficer = await revoke(pu, id, { reason: 'Warga membagikan tautan di grup WhatsApp.' });
    expect(byOfficer.status).toBe(200);
    const { private_link: second } = (await byOfficer.json()) as { private_link: string };
    expect(second).toMatch(/^https:\/\/balaikota\.example\.id\/ikuti#[A-Za-z0-9_-]{43}$/);
    expect(secretOf(second)).not.toBe(first);
    const old = await follow(first);
    expect(old.status).toBe(404);
    expect(await old.text()).toBe(unknownBody);
    expect((await follow(secretOf(second))).status).toBe(200);
    // The old link cannot reply or answer either.
    const reply = await fetch(`${s.url}/api/followup/reply`, { method: 'POST', headers: { [FOLLOWUP_HEADER]: first, 'content-type': 'application/json' }, body: JSON.stringify({ text: 'halo' }) });
    expect(reply.status).toBe(404);

    const bySupervisor = await revoke(spv, id);
    expect(bySupervisor.status).toBe(200);
    const third = secretOf(((await bySupervisor.json()) as { private_link: string }).private_link);
    expect((await follow(secretOf(second))).status).toBe(404);
    expect((await follow(third)).status).toBe(200);

    const trail = await audits(id);
    expect(trail.map((a) => a.action)).toEqual(['refused', 'revoke_link', 'revoke_link']);
    expect(trail[0].detail).toMatchObject({ action: 'revoke_link' });
    expect(trail[1].detail).toMatchObject({ version: 2, reason: 'Warga membagikan tautan di grup WhatsApp.' });
    // The audit trail holds no secret.
    expect(JSON.stringify(trail)).not.toContain(third);
    expect(JSON.stringify(trail)).not.toContain(secretOf(second));
  });

  it('a citizen who gave an address is mailed the new link (never the old one)', async () => {
    const posted = await postForm(s.url, drainageComplaint(s.apiKey, { email: 'citra@example.id' }));
    const [result] = postResultSchema.parse(await posted.json());
    const id = result.service_request_id!;
    const first = secretOf(result.private_link!);
    const forCase = (m: { subject?: string }) => (m.subject ?? '').includes(id);
    await smtp.waitFor(1, forCase);
    const revoked = await revoke(pu, id);
    expect(revoked.status).toBe(200);
    const fresh = secretOf(((await revoked.json()) as { private_link: string }).private_link);
    const [mail] = await smtp.waitFor(1, (m) => forCase(m) && /diperbarui/.test(m.subject ?? ''));
    expect(mail.text).toContain(`https://balaikota.example.id/ikuti#${fresh}`);
    expect(mail.text).not.toContain(first);
    expect(String(mail.html)).not.toContain(first);
  });

  it('hostile input: bad bodies, unknown and odd ids change nothing', async () => {
    const posted = await postForm(s.url, drainageComplaint(s.apiKey));
    const [result] = postResultSchema.parse(await posted.json());
    const id = result.service_request_id!;
    const secret = secretOf(result.private_link!);
    for (const body of [{ reason: 'x'.repeat(501) }, { reason: 42 }, { reason: '   ' }, { version: 1 }, [], 'revoke']) {
      const r = await revoke(pu, id, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(((await r.json()) as { description: string }[])[0].description).toMatch(/^\w+: /);
    }
    for (const odd of ['MKS-0000-0000', '../../etc/passwd', '<script>alert(1)</script>', "' OR 1=1 --", 'x'.repeat(3000), '%00']) {
      expect([400, 404, 414]).toContain((await revoke(spv, odd)).status);
    }
    expect((await follow(secret)).status).toBe(200);
    const row = await s.server.ctx.db.selectFrom('service_requests').select('followup_version').where('service_request_id', '=', id).executeTakeFirstOrThrow();
    expect(row.followup_version).toBe(1);
  });
});
