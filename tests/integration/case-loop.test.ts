import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../src/server/auth/staffStore';
import { addNote } from '../../src/server/db/requestStore';
import { FOLLOWUP_HEADER } from '../../src/shared/caseLoop';
import { postResultSchema } from '../../src/shared/open311';
import { login } from '../helpers/rooms';
import { DATABASES, drainageComplaint, postForm, startServer, type TestServer } from '../helpers/server';
import { startMailingServer } from '../helpers/mailServer';
import type { TestSmtp } from '../helpers/smtp';

const PASSWORD = 'kata-sandi-rahasia-12';
const PUBLIC_URL = 'http://makaverse.test:8787';
const staffHeaders = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
const linkHeaders = (secret: string) => ({ [FOLLOWUP_HEADER]: secret, 'content-type': 'application/json' });

function secretOf(link: string): string {
  return link.slice(link.indexOf('#') + 1);
}

describe.each(DATABASES)('the case loop (%s)', (database) => {
  let s: TestServer;
  let smtp: TestSmtp;
  let pu: string;
  let dlh: string;

  beforeAll(async () => {
    ({ s, smtp, pu, dlh } = await startMailingServer({
      database,
      publicUrl: PUBLIC_URL,
      password: PASSWORD,
      env: { FIXED_QUESTION_DELAY_SECONDS: '1', MAIL_FROM: 'Makaverse <layanan@makaverse.test>' },
    }));
  });
  afterAll(async () => {
    await s.cleanup();
    await smtp.close();
  });

  async function file(email: string, extra: Record<string, string> = {}): Promise<{ id: string; secret: string; link: string }> {
    const response = await postForm(s.url, drainageComplaint(s.apiKey, { email, first_name: 'Budi', ...extra }));
    expect(response.status).toBe(201);
    const [result] = postResultSchema.parse(await response.json());
    return { id: result.service_request_id!, secret: secretOf(result.private_link!), link: result.private_link! };
  }
  const forCase = (id: string) => (m: { subject?: string }) => (m.subject ?? '').includes(id);
  const staffPost = (token: string, path: string, body: unknown) => fetch(`${s.url}/api/staff${path}`, { method: 'POST', headers: staffHeaders(token), body: JSON.stringify(body) });
  const citizen = (secret: string, path = '', body?: unknown) =>
    fetch(`${s.url}/api/followup${path}`, body === undefined ? { headers: { [FOLLOWUP_HEADER]: secret } } : { method: 'POST', headers: linkHeaders(secret), body: JSON.stringify(body) });

  it('follows a complaint by mail and private link until the citizen says it is fixed', async () => {
    const { id, secret, link } = await file('budi@example.id');
    expect(link).toBe(`${PUBLIC_URL}/ikuti#${secret}`);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // Confirmation at once: tracking number, private link, one-click unsubscribe, text and HTML.
    const [confirmation] = await smtp.waitFor(1, forCase(id));
    expect(confirmation.to && 'text' in confirmation.to ? confirmation.to.text : '').toContain('budi@example.id');
    expect(confirmation.text).toContain(id);
    expect(confirmation.text).toContain(link);
    expect(confirmation.html).toContain(`${PUBLIC_URL}/ikuti#${secret}`);
    const header = (name: string) => confirmation.headerLines.find((h) => h.key === name)?.line ?? '';
    expect(header('list-unsubscribe')).toContain(`<${PUBLIC_URL}/api/followup/unsubscribe?k=${secret}>`);
    expect(header('list-unsubscribe-post')).toContain('List-Unsubscribe=One-Click');

    // The public answer never carries the link or its hash.
    const publicText = await (await fetch(`${s.url}/open311/v2/requests/${id}.json?extensions=true`)).text();
    expect(publicText).not.toContain(secret);
    expect(publicText).not.toContain('followup');

    // The officer replies with a template (edited), and writes an internal note.
    const detail = await (await fetch(`${s.url}/api/staff/cases/${id}`, { headers: staffHeaders(pu) })).json();
    const template = detail.case.templates.find((t: { id: string }) => t.id === 'survei-saluran');
    expect(template.text.id).toMatch(/Drainase/);
    const replyText = `${template.text.id} <b>Besok</b> pagi.`;
    expect((await staffPost(pu, `/cases/${id}/entries`, { text: replyText, public: true })).status).toBe(201);
    expect((await staffPost(pu, `/cases/${id}/entries`, { text: 'Catatan internal: cek anggaran', public: false })).status).toBe(201);
    const [, replyMail] = await smtp.waitFor(2, forCase(id));
    expect(replyMail.text).toContain(replyText);
    expect(replyMail.html).toContain('&lt;b&gt;Besok&lt;/b&gt;');
    expect(replyMail.html).not.toContain('<b>Besok</b>');

    // Open311 status_notes is the latest public reply; the internal note is nowhere public.
    const [pub] = await (await fetch(`${s.url}/open311/v2/requests/${id}.json?extensions=true`)).json();
    expect(pub.status_notes).toContain('<b>Besok</b> pagi.');
    expect(JSON.stringify(pub)).not.toContain('Catatan internal');

    // The citizen reads the conversation and replies through the link; the public does not see their words.
    const view = await (await citizen(secret)).json();
    expect(view.entries.map((e: { kind: string }) => e.kind)).toEqual(['status', 'reply']);
    expect(view.can_reply).toBe(true);
    expect((await citizen(secret, '/reply', { text: 'x'.repeat(2001) })).status).toBe(400);
    expect((await citizen(secret, '/reply', { text: 'Terima kasih, saya tunggu di rumah nomor 12.' })).status).toBe(201);
    const staffView = await (await fetch(`${s.url}/api/staff/cases/${id}`, { headers: staffHeaders(pu) })).json();
    expect(staffView.case.timeline.some((e: { kind: string; who: string }) => e.kind === 'citizen' && e.who === 'Warga')).toBe(true);
    expect(staffView.case.timeline.some((e: { kind: string }) => e.kind === 'internal')).toBe(true);
    expect(await (await fetch(`${s.url}/open311/v2/requests/${id}.json?extensions=true`)).text()).not.toContain('saya tunggu');

    // Resolve: a stage mail, then the "is it fixed?" question (delay shortened to 1 s).
    expect((await staffPost(pu, `/cases/${id}/stage`, { stage: 'in_progress' })).status).toBe(200);
    expect((await staffPost(pu, `/cases/${id}/stage`, { stage: 'done', note: 'Saluran sudah dibersihkan.' })).status).toBe(200);
    const [question] = await smtp.waitFor(1, (m) => forCase(id)(m) && /beres\?/.test(m.subject ?? ''));
    expect(question.text).toContain(link);
    expect((await citizen(secret, '/reply', { text: 'Masih ada?' })).status).toBe(409);
    expect((await citizen(secret, '/rating', { rating: 4 })).status).toBe(409);

    // "Belum beres" reopens the case with the citizen's words; audited; the console's reopened view lists it.
    const reopened = await (await citizen(secret, '/answer', { fixed: false, text: 'Air masih menggenang.' })).json();
    expect(reopened).toMatchObject({ stage: 'in_progress', reopened: true, can_answer: false });
    expect((await citizen(secret, '/answer', { fixed: true })).status).toBe(409);
    const audits = await s.server.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'reopen').where('target', '=', id).execute();
    expect(audits).toHaveLength(1);
    const list = await (await fetch(`${s.url}/api/staff/cases?view=reopened`, { headers: staffHeaders(pu) })).json();
    expect(list.cases.map((c: { service_request_id: string }) => c.service_request_id)).toContain(id);
    const timeline = (await (await fetch(`${s.url}/api/staff/cases/${id}`, { headers: staffHeaders(pu) })).json()).case.timeline;
    expect(timeline.find((e: { kind: string }) => e.kind === 'reopen').text).toBe('Air masih menggenang.');

    // Resolved again: "Sudah beres", then a rating 1–5, once.
    expect((await staffPost(pu, `/cases/${id}/stage`, { stage: 'done', note: 'Ditinjau ulang dan selesai.' })).status).toBe(200);
    expect((await citizen(secret, '/answer', { fixed: true, text: 'Sudah kering.' })).status).toBe(200);
    expect((await citizen(secret, '/rating', { rating: 6 })).status).toBe(400);
    expect((await citizen(secret, '/rating', { rating: 2.5 })).status).toBe(400);
    const rated = await (await citizen(secret, '/rating', { rating: 4, comment: 'Cepat.' })).json();
    expect(rated).toMatchObject({ rating: 4, can_rate: false });
    expect((await citizen(secret, '/rating', { rating: 5 })).status).toBe(409);
    // Public replies on a closed case are refused.
    expect((await staffPost(pu, `/cases/${id}/entries`, { text: 'Halo', public: true })).status).toBe(409);

    // The figures: PU's satisfaction, one reopening, and the first public reply within the limit.
    const figures = await (await fetch(`${s.url}/api/figures?counter=pu`, { headers: staffHeaders(pu) })).json();
    const puTotals = figures.totals.find((t: { counter: string }) => t.counter === 'pu');
    expect(puTotals).toMatchObject({ rating_mean: 4, rating_count: 1, reopened: 1, closed: 1, reopen_rate_pct: 100, answered_in_time_pct: 100 });
    expect(puTotals.first_reply_median_days).toBeGreaterThanOrEqual(0);
    expect(puTotals.first_reply_median_days).toBeLessThan(1);

    // The FixMyStreet updates feed: public replies and stage notes, never internal notes or the citizen's words.
    const start = encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString());
    const updates = await (await fetch(`${s.url}/open311/v2/servicerequestupdates.json?start_date=${start}`)).json();
    const mine = updates.filter((u: { service_request_id: string }) => u.service_request_id === id);
    expect(mine.map((u: { description: string }) => u.description)).toEqual(expect.arrayContaining([replyText, 'Saluran sudah dibersihkan.', 'Ditinjau ulang dan selesai.']));
    for (const u of mine) expect(Object.keys(u).sort()).toEqual(['description', 'media_url', 'service_request_id', 'status', 'update_id', 'updated_datetime']);
    expect(mine.find((u: { description: string }) => u.description === 'Saluran sudah dibersihkan.').status).toBe('fixed');
    const all = JSON.stringify(updates);
    expect(all).not.toContain('Catatan internal');
    expect(all).not.toContain('saya tunggu');
    expect(all).not.toContain('Air masih menggenang');
    const asXml = await (await fetch(`${s.url}/open311/v2/servicerequestupdates.xml?start_date=${start}`)).text();
    expect(asXml).toMatch(/^<\?xml[^>]*><service_request_updates><request_update><update_id>/);
    expect(asXml).toContain('&lt;b&gt;Besok&lt;/b&gt;');
    const bad = await fetch(`${s.url}/open311/v2/servicerequestupdates.json?start_date=kemarin`);
    expect(bad.status).toBe(400);
    expect((await bad.json())[0].description).toMatch(/^start_date:/);
  });

  it('refuses wrong links alike, and the tracking number alone allows nothing', async () => {
    const { id, secret } = await file('citra@example.id');
    // A counter transcript (attached with consent) is staff-only: not public, not in the updates feed.
    await addNote(s.server.ctx.db, id, 'transcript', 'Percakapan rahasia di loket', 'citizen');
    expect(await (await fetch(`${s.url}/open311/v2/requests/${id}.json?extensions=true`)).text()).not.toContain('Percakapan rahasia');
    expect(await (await fetch(`${s.url}/open311/v2/servicerequestupdates.json`)).text()).not.toContain('Percakapan rahasia');
    const wrong = secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A');
    const answers = await Promise.all([citizen(wrong), citizen(id), citizen(''), citizen(`${secret}x`), citizen(wrong, '/reply', { text: 'halo' })]);
    for (const response of answers) {
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual([{ code: 404, description: 'private link: not valid' }]);
    }
    expect((await fetch(`${s.url}/api/followup/reply`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'x', service_request_id: id }) })).status).toBe(404);
    // Hostile bodies: extra fields, wrong types.
    expect((await citizen(secret, '/reply', { text: 'ok', stage: 'done' })).status).toBe(400);
    expect((await citizen(secret, '/answer', { fixed: 'yes' })).status).toBe(400);
    // Revoked (a new link version): the old secret is 404.
    await s.server.ctx.db.updateTable('service_requests').set({ followup_hash: 'revoked', followup_version: 2 }).where('service_request_id', '=', id).execute();
    expect((await citizen(secret)).status).toBe(404);
  });

  it('passes a case between agencies, asks support, assigns, and refuses and audits outsiders', async () => {
    await addStaff(s.server.ctx.db, { username: 'sari.dlh', display_name: 'Sari', role: 'officer', agency_code: 'dlh', password: PASSWORD });
    await addStaff(s.server.ctx.db, { username: 'kepala', display_name: 'Kepala', role: 'supervisor', agency_code: null, password: PASSWORD });
    const boss = await login(s.url, 'kepala', PASSWORD);
    const { id } = await file('dewi@example.id');
    await smtp.waitFor(1, forCase(id));

    // DLH acting on PU's case: refused and audited.
    expect((await staffPost(dlh, `/cases/${id}/entries`, { text: 'Hai', public: true })).status).toBe(403);
    expect((await staffPost(dlh, `/cases/${id}/transfer`, { agency: 'dlh', reason: 'ambil' })).status).toBe(403);
    const refused = await s.server.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'refused').where('target', '=', id).execute();
    expect(refused.length).toBe(2);

    expect((await staffPost(pu, `/cases/${id}/transfer`, { agency: 'atlantis', reason: 'x' })).status).toBe(400);
    expect((await staffPost(pu, `/cases/${id}/transfer`, { agency: 'dlh', reason: '' })).status).toBe(400);
    expect((await staffPost(pu, `/cases/${id}/transfer`, { agency: 'dlh', reason: 'Sampah menyumbat saluran: wewenang DLH.' })).status).toBe(200);
    const [, transferMail] = await smtp.waitFor(2, forCase(id));
    expect(transferMail.text).toContain('Dialihkan ke');
    const [pub] = await (await fetch(`${s.url}/open311/v2/requests/${id}.json`)).json();
    expect(pub.agency_responsible).toBe('Dinas Lingkungan Hidup');
    expect(pub.status_notes).toContain('Dialihkan ke');
    expect((await fetch(`${s.url}/api/staff/cases/${id}`, { headers: staffHeaders(pu) })).status).toBe(404);
    const dlhList = await (await fetch(`${s.url}/api/staff/cases?q=${id}`, { headers: staffHeaders(dlh) })).json();
    expect(dlhList.cases.map((c: { service_request_id: string }) => c.service_request_id)).toEqual([id]);

    // DLH asks PU to support: PU sees and replies, but the lead resolves.
    expect((await staffPost(dlh, `/cases/${id}/support`, { agency: 'pu', reason: 'Perlu alat berat.' })).status).toBe(200);
    const support = await (await fetch(`${s.url}/api/staff/cases?view=support`, { headers: staffHeaders(pu) })).json();
    expect(support.cases.map((c: { service_request_id: string }) => c.service_request_id)).toContain(id);
    expect((await staffPost(pu, `/cases/${id}/entries`, { text: 'Alat berat siap Kamis.', public: false })).status).toBe(201);
    expect((await staffPost(pu, `/cases/${id}/stage`, { stage: 'referred' })).status).toBe(403);

    // Only a supervisor assigns, and only to an officer of the lead agency.
    expect((await staffPost(dlh, `/cases/${id}/assign`, { username: 'sari.dlh' })).status).toBe(403);
    expect((await staffPost(boss, `/cases/${id}/assign`, { username: 'andi.pu' })).status).toBe(400);
    expect((await staffPost(boss, `/cases/${id}/assign`, { username: 'sari.dlh' })).status).toBe(200);
    const sari = await login(s.url, 'sari.dlh', PASSWORD);
    const mine = await (await fetch(`${s.url}/api/staff/cases?view=mine`, { headers: staffHeaders(sari) })).json();
    expect(mine.cases.map((c: { service_request_id: string }) => c.service_request_id)).toEqual([id]);
    const trail = await s.server.ctx.db.selectFrom('audit_log').select('action').where('target', '=', id).execute();
    expect(trail.map((a) => a.action)).toEqual(expect.arrayContaining(['transfer', 'support_request', 'assign']));
  });

  it('searches by number, text and place, and pages with a keyset cursor', async () => {
    const marker = `Kanal${Math.random().toString(36).slice(2, 8)}`;
    const ids: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      const response = await postForm(s.url, drainageComplaint(s.apiKey, { description: `Saluran ${marker} nomor ${String.fromCharCode(97 + i)}`, address_string: `Jl. ${marker} Raya` }));
      ids.push(postResultSchema.parse(await response.json())[0].service_request_id!);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { cases: { service_request_id: string; snippet: string; location: string }[]; next_cursor: string | null } = await (
        await fetch(`${s.url}/api/staff/cases?q=${marker}&limit=3${cursor ? `&cursor=${cursor}` : ''}`, { headers: staffHeaders(pu) })
      ).json();
      expect(page.cases.length).toBeLessThanOrEqual(3);
      for (const c of page.cases) {
        expect(c.snippet).toContain(marker);
        expect(c.location).toContain(marker);
      }
      seen.push(...page.cases.map((c) => c.service_request_id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen.sort()).toEqual([...ids].sort());
    const byNumber = await (await fetch(`${s.url}/api/staff/cases?q=${ids[3].toLowerCase().replace(/-/g, ' ')}`, { headers: staffHeaders(pu) })).json();
    expect(byNumber.cases.map((c: { service_request_id: string }) => c.service_request_id)).toEqual([ids[3]]);
    expect((await fetch(`${s.url}/api/staff/cases?cursor=bm9wZQ`, { headers: staffHeaders(pu) })).status).toBe(400);
    expect((await fetch(`${s.url}/api/staff/cases?q=%25%25%25`, { headers: staffHeaders(pu) })).status).toBe(200);
  });

  it('stops mails after a one-click unsubscribe', async () => {
    const { id, secret } = await file('eka@example.id');
    await smtp.waitFor(1, forCase(id));
    // Following the link (as a mail scanner would) only shows the button; it changes nothing.
    const page = await fetch(`${s.url}/api/followup/unsubscribe?k=${secret}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`<form method="post" action="/api/followup/unsubscribe?k=${secret}">`);
    expect(html).toContain(`Laporan ${id}`);
    expect((await (await citizen(secret)).json()).mail).not.toBe('off');
    const off = await fetch(`${s.url}/api/followup/unsubscribe?k=${secret}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(off.status).toBe(200);
    expect((await staffPost(pu, `/cases/${id}/entries`, { text: 'Balasan setelah berhenti', public: true })).status).toBe(201);
    const view = await (await citizen(secret)).json();
    expect(view.mail).toBe('off');
    const queued = await s.server.ctx.db.selectFrom('mail_outbox').selectAll().where('service_request_id', '=', id).execute();
    expect(queued.map((q) => q.kind)).toEqual(['created']);
  });
});

describe('mail without SMTP_URL', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
    await addStaff(s.server.ctx.db, { username: 'andi.pu', display_name: 'Andi', role: 'officer', agency_code: 'pu', password: PASSWORD });
  });
  afterAll(() => s.cleanup());

  it('keeps mails queued and tells the console mail is not configured', async () => {
    const response = await postForm(s.url, drainageComplaint(s.apiKey, { email: 'fajar@example.id', first_name: 'Fajar' }));
    expect(response.status).toBe(201);
    const token = await login(s.url, 'andi.pu', PASSWORD);
    const status = await (await fetch(`${s.url}/api/staff/mail`, { headers: staffHeaders(token) })).json();
    expect(status).toMatchObject({ configured: false, queued: 1, sent: 0 });
    expect(status.message.en).toMatch(/not configured/);
  });

  it('without PUBLIC_URL the private link is absolute all the same, from the one public base URL the mails use', async () => {
    const response = await postForm(s.url, drainageComplaint(s.apiKey, { email: 'gita@example.id', first_name: 'Gita' }));
    const [result] = postResultSchema.parse(await response.json());
    const base = s.server.ctx.publicBaseUrl();
    expect(base).toMatch(/^http:\/\//);
    expect(result.private_link).toBe(`${base}/ikuti#${secretOf(result.private_link!)}`);
  });
});
