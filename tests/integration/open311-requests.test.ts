import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postResultSchema, serviceRequestSchema } from '../../src/shared/open311';
import { changeStage } from '../../src/server/db/requestStore';
import { DATABASES, drainageComplaint, postForm, startServer, type TestServer } from '../helpers/server';

const xml = new XMLParser({ isArray: (name) => ['request', 'error', 'note'].includes(name) });

async function file(s: TestServer, extra: Record<string, string | string[]> = {}) {
  const response = await postForm(s.url, drainageComplaint(s.apiKey, extra));
  expect(response.status, await response.clone().text()).toBe(201);
  return postResultSchema.parse(await response.json())[0];
}

async function getRequests(s: TestServer, query = '') {
  const response = await fetch(`${s.url}/open311/v2/requests.json${query}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return serviceRequestSchema.array().parse(await response.json());
}

describe.each(DATABASES)('Open311 requests (%s)', (database) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({ database });
  });
  afterAll(() => s.cleanup());

  it('files a form-encoded complaint and returns it by id with stage, SLA and WITA datetimes', async () => {
    const posted = await file(s);
    expect(posted.service_request_id).toMatch(/^MKS-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(posted.service_notice).toBeTruthy();
    const [request] = await getRequests(s, '').then(() =>
      fetch(`${s.url}/open311/v2/requests/${posted.service_request_id}.json`).then(async (r) => serviceRequestSchema.array().parse(await r.json())),
    );
    expect(request).toMatchObject({
      service_request_id: posted.service_request_id,
      status: 'open',
      service_code: 'pu-drainase',
      agency_responsible: 'Dinas Pekerjaan Umum',
      lat: -5.1477,
      long: 119.4327,
    });
    expect(request.status_notes).toContain('Diterima');
    expect(request.requested_datetime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    // 5 working days: at least 7 calendar days when a weekend falls in between, never fewer than 5.
    const days = (Date.parse(request.expected_datetime!) - Date.parse(request.requested_datetime)) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(5);
    expect(days).toBeLessThanOrEqual(7);
    expect(request.stage).toBeUndefined();
    // Lower-case and without dashes, as a citizen may type it.
    const typed = posted.service_request_id!.toLowerCase().replace(/-/g, ' ');
    const again = await fetch(`${s.url}/open311/v2/requests/${encodeURIComponent(typed)}.json`);
    expect(again.status).toBe(200);
  });

  it('accepts JSON bodies and a JSON attributes object', async () => {
    const response = await fetch(`${s.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        api_key: s.apiKey,
        service_code: 'dishub-lampu-jalan',
        address_string: 'Jl. Perintis Kemerdekaan km 10',
        attributes: Object.fromEntries(
          s.server.ctx.catalog.services.get('dishub-lampu-jalan')!.service.attributes
            .filter((a) => a.required)
            .map((a) => [a.code, a.datatype === 'multivaluelist' ? [a.values![0].key] : a.values ? a.values[0].key : a.datatype === 'number' ? '3' : 'tiang dekat masjid']),
        ),
      }),
    });
    expect(response.status, await response.clone().text()).toBe(201);
    const [posted] = postResultSchema.parse(await response.json());
    const [request] = await getRequests(s, `?service_request_id=${posted.service_request_id}`);
    expect(request.address).toBe('Jl. Perintis Kemerdekaan km 10');
  });

  it('shows the stage history with extensions=true and closes on done', async () => {
    const posted = await file(s);
    const id = posted.service_request_id!;
    await changeStage(s.server.ctx.db, id, 'referred', null, 'test');
    await changeStage(s.server.ctx.db, id, 'in_progress', 'Tim drainase dijadwalkan besok pagi.', 'test');
    let [request] = await getRequests(s, `?service_request_id=${id}&extensions=true`);
    expect(request.status).toBe('open');
    expect(request.stage).toBe('in_progress');
    expect(request.status_notes).toBe('Diproses — Tim drainase dijadwalkan besok pagi.');
    expect(request.notes!.map((n) => n.stage)).toEqual(['received', 'referred', 'in_progress']);
    await changeStage(s.server.ctx.db, id, 'done', 'Saluran sudah dibersihkan.', 'test');
    [request] = await getRequests(s, `?service_request_id=${id}&extensions=true&lang=en`);
    expect(request.status).toBe('closed');
    expect(request.status_notes).toBe('Done — Saluran sudah dibersihkan.');
    expect(request.notes![0].description).toContain('received');
    const doc = xml.parse(await (await fetch(`${s.url}/open311/v2/requests/${id}.xml?extensions=true`)).text());
    expect(doc.service_requests.request[0].notes.note.length).toBe(4);
    expect(doc.service_requests.request[0].status).toBe('closed');
  });

  it('filters by id list, service_code, status, dates, and pages', async () => {
    const a = await file(s);
    const b = await file(s);
    const both = await getRequests(s, `?service_request_id=${a.service_request_id},${b.service_request_id}&status=closed`);
    expect(both.map((r) => r.service_request_id).sort()).toEqual([a.service_request_id, b.service_request_id].sort());
    const open = await getRequests(s, '?status=open&service_code=pu-drainase');
    expect(open.every((r) => r.status === 'open' && r.service_code === 'pu-drainase')).toBe(true);
    expect(open.length).toBeGreaterThanOrEqual(2);
    const future = await getRequests(s, '?start_date=2099-01-01T00:00:00Z');
    expect(future).toEqual([]);
    const past = await getRequests(s, '?end_date=2000-01-01T00:00:00%2B08:00');
    expect(past).toEqual([]);
    const all = await getRequests(s);
    const page1 = await getRequests(s, '?page=1&page_size=2');
    const page2 = await getRequests(s, '?page=2&page_size=2');
    expect(page1.length).toBe(2);
    expect([...page1, ...page2].map((r) => r.service_request_id)).toEqual(all.slice(0, 4).map((r) => r.service_request_id));
  });

  it('refuses bad filters with 400 naming the parameter', async () => {
    for (const [query, name] of [
      ['?start_date=yesterday', 'start_date'],
      ['?status=pending', 'status'],
      ['?page_size=0', 'page_size'],
      ['?extensions=maybe', 'extensions'],
      ['?start_date=2026-02-01&end_date=2026-01-01', 'start_date'],
    ]) {
      const response = await fetch(`${s.url}/open311/v2/requests.json${query}`);
      expect(response.status, query).toBe(400);
      expect((await response.json())[0].description).toContain(name);
    }
    expect((await fetch(`${s.url}/open311/v2/requests/MKS-0000-0000.json`)).status).toBe(404);
  });

  it('answers a batch service with a token that resolves to the request id', async () => {
    const entry = [...s.server.ctx.catalog.services.values()].find((e) => e.service.type === 'batch')!;
    const fields: Record<string, string | string[]> = {
      api_key: s.apiKey,
      service_code: entry.service.code,
      first_name: 'Andi',
      last_name: 'Baso',
      email: 'andi@example.id',
      description: 'Mohon salinan dokumen anggaran kelurahan.',
    };
    for (const a of entry.service.attributes.filter((x) => x.required)) {
      if (a.datatype === 'multivaluelist') fields[`attribute[${a.code}][]`] = [a.values![0].key];
      else if (a.values) fields[`attribute[${a.code}]`] = a.values[0].key;
      else if (a.format === 'nik') fields[`attribute[${a.code}]`] = '7371014501900001';
      else if (a.datatype === 'number') fields[`attribute[${a.code}]`] = '1';
      else if (a.datatype === 'datetime') fields[`attribute[${a.code}]`] = '2026-11-20T10:00:00+08:00';
      else fields[`attribute[${a.code}]`] = 'dokumen anggaran';
    }
    const response = await postForm(s.url, fields);
    expect(response.status, await response.clone().text()).toBe(201);
    const [posted] = postResultSchema.parse(await response.json());
    expect(posted.service_request_id).toBeUndefined();
    expect(posted.token).toMatch(/^[0-9a-f-]{36}$/);
    const token = await (await fetch(`${s.url}/open311/v2/tokens/${posted.token}.json`)).json();
    expect(token).toEqual([{ service_request_id: expect.stringMatching(/^MKS-/), token: posted.token }]);
    const tokenXml = xml.parse(await (await fetch(`${s.url}/open311/v2/tokens/${posted.token}.xml`)).text());
    expect(tokenXml.service_requests.request[0].service_request_id).toBe(token[0].service_request_id);
    expect((await fetch(`${s.url}/open311/v2/tokens/00000000-0000-0000-0000-000000000000.json`)).status).toBe(404);
  });

  it('refuses bad POSTs: 403 for keys, 404 for services, 400 naming the field, 413 for size', async () => {
    const noKey = await postForm(s.url, { ...drainageComplaint(s.apiKey), api_key: '' });
    expect(noKey.status).toBe(403);
    const badKey = await postForm(s.url, { ...drainageComplaint(s.apiKey), api_key: 'not-a-real-key-123456' });
    expect(badKey.status).toBe(403);
    const unknown = await postForm(s.url, { ...drainageComplaint(s.apiKey), service_code: 'tidak-ada' });
    expect(unknown.status).toBe(404);
    const cases: [Record<string, string | string[]>, string][] = [
      [{ 'attribute[severity]': 'kiamat' }, 'attribute[severity]'],
      [{ 'attribute[water_depth_cm]': 'dalam' }, 'attribute[water_depth_cm]'],
      [{ 'attribute[since]': 'kemarin' }, 'attribute[since]'],
      [{ 'attribute[tidak_ada]': 'x' }, 'attribute[tidak_ada]'],
      [{ lat: '200' }, 'lat'],
      [{ email: 'bukan-email' }, 'email'],
      [{ phone: '12345' }, 'phone'],
      [{ description: 'x'.repeat(4001) }, 'description'],
      [{ media_url: 'javascript:alert(1)' }, 'media_url'],
    ];
    for (const [extra, field] of cases) {
      const response = await postForm(s.url, drainageComplaint(s.apiKey, extra));
      expect(response.status, field).toBe(400);
      const body = await response.json();
      expect(body.some((e: { description: string }) => e.description.startsWith(`${field}:`)), JSON.stringify(body)).toBe(true);
    }
    const noLocation = drainageComplaint(s.apiKey);
    delete noLocation.lat;
    delete noLocation.long;
    const missing = await postForm(s.url, noLocation);
    expect(missing.status).toBe(400);
    expect((await missing.json())[0].description).toMatch(/^location:/);
    const huge = await postForm(s.url, drainageComplaint(s.apiKey, { description: 'x'.repeat(200_000) }));
    expect(huge.status).toBe(413);
    expect((await huge.json())[0].code).toBe(413);
    const wrongType = await fetch(`${s.url}/open311/v2/requests.xml`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(wrongType.status).toBe(415);
    expect(xml.parse(await wrongType.text()).errors.error[0].code).toBe(415);
    const badJson = await fetch(`${s.url}/open311/v2/requests.json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"api_key":' });
    expect(badJson.status).toBe(400);
  });

  it('stores descriptions as plain text and words errors in the language asked', async () => {
    const posted = await file(s, { description: '<script>alert("x")</script> banjir\u0000 & <b>air</b>' });
    const [request] = await getRequests(s, `?service_request_id=${posted.service_request_id}`);
    expect(request.description).toBe('<script>alert("x")</script> banjir & <b>air</b>');
    const raw = await (await fetch(`${s.url}/open311/v2/requests/${posted.service_request_id}.xml`)).text();
    expect(raw).toContain('&lt;script&gt;');
    expect(raw).not.toContain('<script>');
    const en = await postForm(s.url, drainageComplaint(s.apiKey, { 'attribute[severity]': 'x', lang: 'en' }));
    expect((await en.json())[0].description).toBe('attribute[severity]: is not one of the choices');
    const id = await postForm(s.url, drainageComplaint(s.apiKey, { 'attribute[severity]': 'x' }));
    expect((await id.json())[0].description).toBe('attribute[severity]: pilihan tidak tersedia');
  });
});
