import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postResultSchema, serviceRequestSchema } from '../../src/shared/open311';
import type { NearbyAnswer } from '../../src/shared/nearby';
import { DATABASES, drainageComplaint, postForm, startServer, uniqueText, type TestServer } from '../helpers/server';
import { startMailingServer } from '../helpers/mailServer';
import type { TestSmtp } from '../helpers/smtp';

const PASSWORD = 'kata-sandi-rahasia-14';
const PUBLIC_URL = 'http://makaverse.test:8788';
const TAMALANREA_INDAH = '73.71.14.1003';
const KAPASA = '73.71.14.1002';
const staffHeaders = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

describe.each(DATABASES)('nearby reports and following them (%s)', (database) => {
  let s: TestServer;
  let smtp: TestSmtp;
  let pu: string;
  let dlh: string;

  beforeAll(async () => {
    ({ s, smtp, pu, dlh } = await startMailingServer({ database, publicUrl: PUBLIC_URL, password: PASSWORD, env: { RATE_LIMIT_FOLLOW: '1000', RATE_LIMIT_NEARBY: '1000' } }));
  });
  afterAll(async () => {
    await s.cleanup();
    await smtp.close();
  });

  async function file(extra: Record<string, string> = {}, photo?: Buffer): Promise<string> {
    const fields = drainageComplaint(s.apiKey, extra);
    let response: Response;
    if (photo) {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) form.append(k, item);
      form.append('media', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'got.jpg');
      response = await fetch(`${s.url}/open311/v2/requests.json`, { method: 'POST', body: form });
    } else {
      response = await postForm(s.url, fields);
    }
    expect(response.status).toBe(201);
    return postResultSchema.parse(await response.json())[0].service_request_id!;
  }
  const nearby = async (query: string) => {
    const response = await fetch(`${s.url}/api/nearby?${query}`);
    return { status: response.status, text: await response.text() };
  };
  const follow = (body: unknown) => fetch(`${s.url}/api/nearby/follow`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const staffPost = (token: string, path: string, body: unknown) => fetch(`${s.url}/api/staff${path}`, { method: 'POST', headers: staffHeaders(token), body: JSON.stringify(body) });
  const publicCase = async (id: string) => serviceRequestSchema.parse((await (await fetch(`${s.url}/open311/v2/requests/${id}.json?extensions=true`)).json())[0]);

  it('offers open complaints of the same service in the same kelurahan or within 300 m, without personal data', async () => {
    const words = uniqueText('Got depan masjid tersumbat');
    const inKelurahan = await file({ address_id: TAMALANREA_INDAH, description: `${words}, hubungi 0812 3456 7890`, first_name: 'Budi', last_name: 'Santoso', email: 'budi.santoso@example.id' });
    // 150 m north of the point asked below, in another kelurahan: near by distance.
    const close = await file({ address_id: KAPASA, lat: '-5.1330', long: '119.4880' });
    // 1 km away and in another kelurahan: not near.
    const far = await file({ address_id: KAPASA, lat: '-5.1440', long: '119.4880' });
    const otherService = await postForm(s.url, { api_key: s.apiKey, service_code: 'dlh-sampah', address_id: TAMALANREA_INDAH, description: 'Sampah menumpuk di pinggir jalan', 'attribute[problem]': 'tumpukan_liar' });
    const closed = await file({ address_id: TAMALANREA_INDAH });
    expect((await staffPost(pu, `/cases/${closed}/stage`, { stage: 'rejected', note: 'Sudah ditangani' })).status).toBe(200);

    const byKelurahan = await nearby(`service_code=pu-drainase&kelurahan=${TAMALANREA_INDAH}&lang=id`);
    expect(byKelurahan.status).toBe(200);
    const ids = (JSON.parse(byKelurahan.text) as NearbyAnswer).reports.map((r) => r.service_request_id);
    expect(ids).toContain(inKelurahan);
    expect(ids).not.toContain(closed);
    expect(ids).not.toContain(far);
    expect(otherService.status).toBe(201);
    expect(ids).not.toContain(postResultSchema.parse(await otherService.json())[0].service_request_id);
    // No name, contact or phone number, even the one typed into the description.
    for (const secret of ['Budi', 'Santoso', 'budi.santoso', '0812 3456 7890', '3456']) expect(byKelurahan.text).not.toContain(secret);
    const report = (JSON.parse(byKelurahan.text) as NearbyAnswer).reports.find((r) => r.service_request_id === inKelurahan)!;
    expect(report.description).toContain(words);
    expect(report.same_kelurahan).toBe(true);
    expect(report.people_affected).toBe(1);
    expect(report.address).toContain('Kel. Tamalanrea Indah');

    const byPoint = (JSON.parse((await nearby('service_code=pu-drainase&lat=-5.1343&long=119.4880')).text) as NearbyAnswer).reports;
    const near = byPoint.find((r) => r.service_request_id === close);
    expect(near?.distance_m).toBeGreaterThan(100);
    expect(near?.distance_m).toBeLessThanOrEqual(300);
    expect(byPoint.map((r) => r.service_request_id)).not.toContain(far);
  });

  it('shows a photo only once an officer published it', async () => {
    const photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#4a6' } }).jpeg().toBuffer();
    const id = await file({ address_id: '73.71.14.1005', description: uniqueText('Drainase Bira tersumbat') }, photo);
    const ask = async () => (JSON.parse((await nearby('service_code=pu-drainase&kelurahan=73.71.14.1005')).text) as NearbyAnswer).reports.find((r) => r.service_request_id === id)!;
    expect((await ask()).photo_thumb_url).toBeNull();
    const photos = await (await fetch(`${s.url}/api/staff/cases/${id}/photos`, { headers: staffHeaders(pu) })).json();
    expect((await staffPost(pu, `/photos/${photos.photos[0].photo_id}/publish`, {})).status).toBe(200);
    const thumb = (await ask()).photo_thumb_url!;
    expect(thumb).toMatch(/^\/api\/photos\/[0-9a-f]{32}\.jpg\?size=thumb$/);
    const served = await fetch(`${s.url}${thumb}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
  });

  it('refuses hostile or malformed questions with a clear 400 and nothing else', async () => {
    const cases: [string, RegExp][] = [
      ['kelurahan=73.71.14.1003', /service_code/],
      ['service_code=pu-drainase', /kelurahan or lat/],
      ['service_code=pu-drainase&lat=-5.13', /both or neither/],
      ['service_code=pu-drainase&lat=abc&long=119', /lat/],
      ['service_code=pu-drainase&lat=-95&long=119', /lat: from -90 to 90/],
      ['service_code=pu-drainase&kelurahan=73.71.14.9999', /unknown kelurahan/],
      ['service_code=pu-drainase&kelurahan=%27%3B%20drop%20table%20service_requests%3B--', /Kemendagri/],
      ['service_code=%3Cscript%3Ealert(1)%3C%2Fscript%3E&kelurahan=73.71.14.1003', /not a service code/],
      ['service_code=tidak-ada&kelurahan=73.71.14.1003', /unknown service/],
      ['service_code=pu-drainase&service_code=dlh-sampah&kelurahan=73.71.14.1003', /service_code/],
      ['service_code=pu-drainase&kelurahan=73.71.14.1003&email=x@y.id', /email|Unrecognized|unrecognized/],
      [`service_code=pu-drainase&kelurahan=${'1'.repeat(5000)}`, /kelurahan/],
    ];
    for (const [query, message] of cases) {
      const answer = await nearby(query);
      expect(answer.status, query).toBe(400);
      const [error] = JSON.parse(answer.text) as { code: number; description: string }[];
      expect(error.code).toBe(400);
      expect(error.description, query).toMatch(message);
      expect(answer.text).not.toContain('<script>');
    }
  });

  it('"Saya juga mengalami ini": the follower is counted once, mailed the case\'s updates, and can stop the mails', async () => {
    const id = await file({ address_id: TAMALANREA_INDAH, email: 'pelapor@example.id', description: uniqueText('Got tersumbat') });
    const first = await follow({ service_request_id: id.toLowerCase().replace(/-/g, ' '), email: 'tetangga@example.id', lang: 'en' });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ service_request_id: id, people_affected: 2, mail: 'on' });
    // The same address again: still two people.
    expect((await (await follow({ service_request_id: id, email: 'TETANGGA@example.id' })).json()).people_affected).toBe(2);
    // Someone without an address counts too.
    expect(await (await follow({ service_request_id: id })).json()).toEqual({ service_request_id: id, people_affected: 3, mail: 'none' });
    expect((await publicCase(id)).people_affected).toBe(3);
    const plain = await (await fetch(`${s.url}/open311/v2/requests/${id}.json`)).json();
    expect(plain[0].people_affected).toBeUndefined();

    const toFollower = (m: { subject?: string; to?: unknown }) => (m.subject ?? '').includes(id) && JSON.stringify(m.to).includes('tetangga@example.id');
    const [welcome] = await smtp.waitFor(1, toFollower);
    expect(welcome.subject).toContain('You are following this report');
    expect(welcome.text).toContain(`${PUBLIC_URL}/lacak/${id}`);
    expect(welcome.text).not.toContain('/ikuti#');
    const unsubscribe = /<([^>]+)>/.exec(welcome.headerLines.find((h) => h.key === 'list-unsubscribe')!.line)![1];
    expect(unsubscribe).toMatch(/\/api\/nearby\/unfollow\?f=\d+&k=[A-Za-z0-9_-]{43}$/);

    // An officer's public reply reaches the reporter and the follower; an internal note reaches neither.
    expect((await staffPost(pu, `/cases/${id}/entries`, { text: 'Tim drainase dijadwalkan besok pagi.', public: true })).status).toBe(201);
    expect((await staffPost(pu, `/cases/${id}/entries`, { text: 'Catatan internal anggaran', public: false })).status).toBe(201);
    const [, update] = await smtp.waitFor(2, toFollower);
    expect(update.text).toContain('Tim drainase dijadwalkan besok pagi.');
    await smtp.waitFor(2, (m) => (m.subject ?? '').includes(id) && JSON.stringify(m.to).includes('pelapor@example.id'));
    expect(smtp.mails.some((m) => (m.text ?? '').includes('Catatan internal anggaran'))).toBe(false);

    // A forged unsubscribe link does nothing; the real one stops the follower's mails only.
    const path = unsubscribe.replace(PUBLIC_URL, s.url);
    expect((await fetch(path.replace(/k=.{5}/, 'k=AAAAA'), { method: 'POST' })).status).toBe(404);
    expect((await fetch(path, { method: 'POST' })).status).toBe(200);
    expect((await staffPost(pu, `/cases/${id}/entries`, { text: 'Sudah dikerjakan sebagian.', public: true })).status).toBe(201);
    await smtp.waitFor(3, (m) => (m.subject ?? '').includes(id) && JSON.stringify(m.to).includes('pelapor@example.id'));
    expect(smtp.mails.filter(toFollower)).toHaveLength(2);
    expect((await publicCase(id)).people_affected).toBe(3);
  });

  it('refuses to follow what is not an open complaint, and hostile bodies', async () => {
    expect((await follow({ service_request_id: 'MKS-0000-0000' })).status).toBe(404);
    const closed = await file({ address_id: TAMALANREA_INDAH });
    expect((await staffPost(pu, `/cases/${closed}/stage`, { stage: 'rejected', note: 'Dobel' })).status).toBe(200);
    expect((await follow({ service_request_id: closed })).status).toBe(409);
    const request = await postForm(s.url, { api_key: s.apiKey, service_code: 'disdukcapil-ktp-el', first_name: 'Sri', phone: '081234567890', 'attribute[reason]': 'baru' });
    if (request.status === 201) {
      const requestId = postResultSchema.parse(await request.json())[0].service_request_id!;
      expect((await follow({ service_request_id: requestId })).status).toBe(409);
    }
    const open = await file({ address_id: TAMALANREA_INDAH });
    const bad: [unknown, RegExp][] = [
      [{}, /service_request_id/],
      [{ service_request_id: open, email: 'bukan email' }, /email/],
      [{ service_request_id: open, lang: 'fr' }, /lang/],
      [{ service_request_id: open, count: 1000 }, /./],
      [{ service_request_id: 'x'.repeat(500) }, /too long/],
      [{ service_request_id: { $ne: null } }, /service_request_id/],
      [[open], /./],
    ];
    for (const [body, message] of bad) {
      const response = await follow(body);
      expect(response.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect((await response.json())[0].description).toMatch(message);
    }
    expect((await publicCase(open)).people_affected).toBe(1);
  });

  it('staff merge a duplicate: it points to the kept case, everyone affected is counted, and all followers keep hearing', async () => {
    const kept = await file({ address_id: TAMALANREA_INDAH, email: 'pertama@example.id' });
    const duplicate = await file({ address_id: TAMALANREA_INDAH, email: 'kedua@example.id' });
    expect((await follow({ service_request_id: duplicate, email: 'ketiga@example.id' })).status).toBe(200);

    // Another agency's officer may not merge (refused and audited); nor into itself.
    expect((await staffPost(dlh, `/cases/${duplicate}/merge`, { into: kept })).status).toBe(403);
    const refused = await s.server.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'refused').where('target', '=', duplicate).execute();
    expect(refused.map((r) => r.detail)).toContainEqual(expect.objectContaining({ action: 'merge' }));
    expect((await staffPost(pu, `/cases/${duplicate}/merge`, { into: duplicate })).status).toBe(409);
    expect((await staffPost(pu, `/cases/${duplicate}/merge`, { into: 'MKS-0000-0000' })).status).toBe(404);
    expect((await staffPost(pu, `/cases/${duplicate}/merge`, { into: kept, extra: true })).status).toBe(400);

    const merged = await staffPost(pu, `/cases/${duplicate}/merge`, { into: kept, reason: 'Saluran yang sama.' });
    expect(merged.status).toBe(200);
    expect(await merged.json()).toEqual({ ok: true, merged_into: kept, people_affected: 3 });
    expect((await staffPost(pu, `/cases/${duplicate}/merge`, { into: kept })).status).toBe(409);
    const audited = await s.server.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'merge').where('target', '=', duplicate).executeTakeFirst();
    expect(audited?.detail).toEqual({ into: kept });

    const gone = await publicCase(duplicate);
    expect(gone.merged_into).toBe(kept);
    expect(gone.status).toBe('closed');
    expect(gone.notes?.at(-1)?.description).toContain(kept);
    expect((await publicCase(kept)).people_affected).toBe(3);
    // Following the merged number follows the kept case.
    expect((await (await follow({ service_request_id: duplicate })).json()).service_request_id).toBe(kept);

    // The duplicate's reporter is told, then both the duplicate's reporter and follower hear the kept case's news.
    const to = (address: string, id: string) => (m: { subject?: string; to?: unknown }) => (m.subject ?? '').includes(id) && JSON.stringify(m.to).includes(address);
    const [, notice] = await smtp.waitFor(2, to('kedua@example.id', duplicate));
    expect(notice.text).toContain(kept);
    expect((await staffPost(pu, `/cases/${kept}/entries`, { text: 'Pembersihan saluran hari Kamis.', public: true })).status).toBe(201);
    for (const address of ['pertama@example.id', 'kedua@example.id', 'ketiga@example.id']) {
      const mails = await smtp.waitFor(1, (m) => to(address, kept)(m) && (m.text ?? '').includes('Pembersihan saluran hari Kamis.'));
      expect(mails).toHaveLength(1);
    }
    // The staff console shows the count and the link between them.
    const detail = await (await fetch(`${s.url}/api/staff/cases/${kept}`, { headers: staffHeaders(pu) })).json();
    expect(detail.case.people_affected).toBe(4);
  });
});

describe('nearby and follow limits per address', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({ env: { RATE_LIMIT_FOLLOW: '2', RATE_LIMIT_NEARBY: '3' } });
  });
  afterAll(async () => {
    await s.cleanup();
  });

  it('answers 429 in the error shape once an address asks or follows too often', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await fetch(`${s.url}/api/nearby?service_code=pu-drainase&kelurahan=${TAMALANREA_INDAH}`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const response = await postForm(s.url, drainageComplaint(s.apiKey, { address_id: TAMALANREA_INDAH }));
    const id = postResultSchema.parse(await response.json())[0].service_request_id!;
    const follows: number[] = [];
    let last: unknown;
    for (let i = 0; i < 3; i += 1) {
      const r = await fetch(`${s.url}/api/nearby/follow`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ service_request_id: id }) });
      follows.push(r.status);
      last = await r.json();
    }
    expect(follows).toEqual([200, 200, 429]);
    expect((last as { code: number; description: string }[])[0]).toEqual({ code: 429, description: expect.stringMatching(/rate limit/) });
    const count = await s.server.ctx.db.selectFrom('service_requests').select('people_affected').where('service_request_id', '=', id).executeTakeFirstOrThrow();
    expect(count.people_affected).toBe(3);
  });
});
