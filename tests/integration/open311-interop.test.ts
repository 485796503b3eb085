import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptPersonal } from '../../src/server/auth/pii';
import { CLIENT_CONFIG_PATH, CONTACT_NAME, CONTACT_REACH } from '../../src/shared/constants';
import { postResultSchema, serviceRequestSchema } from '../../src/shared/open311';
import { fieldsFromDefinition, GenericClient, readBody, type AttributeLike, type Format } from '../helpers/genericClient';
import { DATABASES, drainageComplaint, postForm, startServer, uniqueText, type TestServer } from '../helpers/server';

/** What outside GeoReport v2 clients and validators tripped on (issue 16), one test per point. */

/** A GET with headers fetch() will not forge (Host). */
function rawGet(url: string, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path, headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function expectError(response: Response, status: number, format: Format, mentions: string): Promise<void> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  const body = readBody(text, format) as { code: unknown; description: string }[];
  expect(body.length, text).toBeGreaterThan(0);
  for (const error of body) expect(Number(error.code)).toBe(status);
  expect(body.map((e) => e.description).join(' | ')).toContain(mentions);
}

const FORGED = { host: 'evil.example:666', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };

describe.each(DATABASES)('Open311 interop (%s)', (database) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({ database });
  });
  afterAll(() => s.cleanup());

  it('1. answers an unknown jurisdiction_id with 404 and a missing one as our own', async () => {
    for (const format of ['json', 'xml'] as const) {
      await expectError(await fetch(`${s.url}/open311/v2/services.${format}?jurisdiction_id=example.org`), 404, format, 'jurisdiction_id');
      await expectError(await fetch(`${s.url}/open311/v2/requests.${format}?jurisdiction_id=example.org`), 404, format, 'jurisdiction_id');
    }
    const post = await postForm(s.url, drainageComplaint(s.apiKey, { jurisdiction_id: 'example.org' }));
    await expectError(post, 404, 'json', 'was not found');
    expect((await fetch(`${s.url}/open311/v2/services.json?jurisdiction_id=makassarkota.go.id`)).status).toBe(200);
    // Not required here (one city per server): leaving it out is fine.
    expect((await fetch(`${s.url}/open311/v2/services.json`)).status).toBe(200);
  });

  it('2. tells a generic client the contact a service needs in its definition, and keeps it sealed', async () => {
    const contactServices = [...s.server.ctx.catalog.services.values()].filter((e) => !e.service.anonymous_allowed);
    expect(contactServices.length).toBeGreaterThan(0);
    const code = contactServices[0].service.code;
    for (const format of ['json', 'xml'] as const) {
      const client = await GenericClient.discover(`${s.url}/open311/v2/discovery.${format}`, format, s.apiKey);
      const definition = await client.get(`services/${code}`);
      const attributes = (definition.body as { attributes: AttributeLike[] }).attributes;
      const contact = attributes.filter((a) => a.code === CONTACT_NAME || a.code === CONTACT_REACH);
      expect(contact.map((a) => [a.code, String(a.required), a.datatype])).toEqual([
        [CONTACT_NAME, 'true', 'string'],
        [CONTACT_REACH, 'true', 'string'],
      ]);
      // The spec-complete POST without contact is refused, and the answer names the attributes.
      const fields = { service_code: code, lat: '-5.15', long: '119.43', description: 'Tanpa kontak' };
      const withoutContact = fieldsFromDefinition(attributes.filter((a) => !contact.includes(a)));
      const refused = await client.post({ ...fields, ...withoutContact });
      expect(refused.status, refused.text).toBe(400);
      expect(refused.text).toContain(`attribute[${CONTACT_NAME}]`);
      // Filled in as the definition says: accepted.
      const accepted = await client.post({ ...fields, ...fieldsFromDefinition(attributes) });
      expect(accepted.status, accepted.text).toBe(201);
    }
    // The values go to the sealed contact, never to the public attributes or answers.
    const name = uniqueText('Daeng');
    const response = await postForm(s.url, {
      api_key: s.apiKey,
      service_code: code,
      lat: '-5.15',
      long: '119.43',
      description: 'Dengan kontak',
      ...fieldsFromDefinition(((await (await fetch(`${s.url}/open311/v2/services/${code}.json`)).json()) as { attributes: AttributeLike[] }).attributes),
      [`attribute[${CONTACT_NAME}]`]: name,
      [`attribute[${CONTACT_REACH}]`]: 'daeng@example.id',
    });
    expect(response.status, await response.clone().text()).toBe(201);
    const [{ service_request_id: id, token }] = postResultSchema.parse(await response.json());
    const row = await s.server.ctx.db
      .selectFrom('service_requests')
      .selectAll()
      .where(id ? 'service_request_id' : 'token', '=', (id ?? token)!)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(name);
    expect(JSON.stringify(row)).not.toContain('daeng@example.id');
    expect(decryptPersonal(s.server.ctx.secrets.piiKey, row.personal_data!).contact).toMatchObject({ first_name: name, email: 'daeng@example.id' });
    const publicText = await (await fetch(`${s.url}/open311/v2/requests/${row.service_request_id}.json?extensions=true`)).text();
    expect(publicText).not.toContain(name);
    expect(publicText).not.toContain('daeng');
    // A reach that is neither a phone nor an email is refused by name; anonymous services list no contact.
    const bad = await postForm(s.url, {
      api_key: s.apiKey,
      service_code: code,
      lat: '-5.15',
      long: '119.43',
      [`attribute[${CONTACT_NAME}]`]: name,
      [`attribute[${CONTACT_REACH}]`]: 'besok saja',
    });
    await expectError(bad, 400, 'json', `attribute[${CONTACT_REACH}]`);
    const drainage = (await (await fetch(`${s.url}/open311/v2/services/pu-drainase.json`)).json()) as { attributes: { code: string }[] };
    expect(drainage.attributes.map((a) => a.code)).not.toContain(CONTACT_NAME);
    await expectError(await postForm(s.url, drainageComplaint(s.apiKey, { [`attribute[${CONTACT_NAME}]`]: 'x' })), 400, 'json', `attribute[${CONTACT_NAME}]`);
  });

  it('3. writes discovery and QR-code URLs from the server, never from the Host header', async () => {
    const port = new URL(s.url).port;
    const discovery = await rawGet(s.url, '/open311/v2/discovery.json', FORGED);
    expect(JSON.parse(discovery.body).endpoints[0].url).toBe(`${s.url}/open311/v2`);
    const xml = await rawGet(s.url, '/open311/v2/discovery.xml', FORGED);
    expect(xml.body).not.toContain('evil.example');
    const config = await rawGet(s.url, CLIENT_CONFIG_PATH, FORGED);
    expect(JSON.parse(config.body).public_url).toBe(`http://127.0.0.1:${port}`);

    const behindProxy = await startServer({ database, env: { PUBLIC_URL: 'https://makaverse.makassarkota.go.id/' } });
    try {
      const proxied = await rawGet(behindProxy.url, '/open311/v2/discovery.json', FORGED);
      expect(JSON.parse(proxied.body).endpoints[0].url).toBe('https://makaverse.makassarkota.go.id/open311/v2');
      const proxiedConfig = await rawGet(behindProxy.url, CLIENT_CONFIG_PATH, FORGED);
      expect(JSON.parse(proxiedConfig.body).public_url).toBe('https://makaverse.makassarkota.go.id');
    } finally {
      await behindProxy.cleanup();
    }
    await expect(startServer({ env: { PUBLIC_URL: 'https://example.org/?next=evil' } })).rejects.toThrow(/PUBLIC_URL/);
    await expect(startServer({ env: { PUBLIC_URL: 'ftp://example.org' } })).rejects.toThrow(/PUBLIC_URL/);
  });

  it('4. combines repeated service_code and status parameters with comma-delimited ones', async () => {
    const drain = postResultSchema.parse(await (await postForm(s.url, drainageComplaint(s.apiKey))).json())[0].service_request_id!;
    const lamp = await fetch(`${s.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        api_key: s.apiKey,
        service_code: 'dishub-lampu-jalan',
        address_string: 'Jl. Sultan Alauddin',
        attributes: Object.fromEntries(
          s.server.ctx.catalog.services
            .get('dishub-lampu-jalan')!
            .service.attributes.filter((a) => a.required)
            .map((a) => [a.code, a.datatype === 'multivaluelist' ? [a.values![0].key] : a.values ? a.values[0].key : a.datatype === 'number' ? '3' : 'tiang']),
        ),
      }),
    });
    expect(lamp.status, await lamp.clone().text()).toBe(201);
    const lampId = postResultSchema.parse(await lamp.json())[0].service_request_id!;
    const ask = async (query: string) => {
      const response = await fetch(`${s.url}/open311/v2/requests.json${query}`);
      expect(response.status, `${query}: ${await response.clone().text()}`).toBe(200);
      return serviceRequestSchema.array().parse(await response.json()).map((r) => r.service_request_id);
    };
    for (const query of [
      '?service_code=pu-drainase&service_code=dishub-lampu-jalan',
      '?service_code=pu-drainase,dishub-lampu-jalan',
      '?service_code=pu-drainase&service_code=dishub-lampu-jalan,pu-drainase&status=open&status=closed',
      '?service_code=pu-drainase&service_code=dishub-lampu-jalan&status=open,closed&status=open',
    ]) {
      expect(await ask(query), query).toEqual(expect.arrayContaining([drain, lampId]));
    }
    expect(await ask('?service_code=pu-drainase&service_code=')).not.toContain(lampId);
    expect(await ask('?status=closed&status=closed')).not.toContain(drain);
    await expectError(await fetch(`${s.url}/open311/v2/requests.json?status=open&status=pending`), 400, 'json', 'status');
    // Single-valued parameters are still refused by name when repeated.
    await expectError(await fetch(`${s.url}/open311/v2/requests.json?start_date=2026-11-01T00:00:00Z&start_date=2026-11-02T00:00:00Z`), 400, 'json', 'start_date');
  });

  it('6a. accepts coordinates written +5.1 or 1.194e2, and refuses what is not a number', async () => {
    const posted = await postForm(s.url, drainageComplaint(s.apiKey, { lat: '-5.1477e0', long: '1.194327e2' }));
    expect(posted.status, await posted.clone().text()).toBe(201);
    const id = postResultSchema.parse(await posted.json())[0].service_request_id!;
    const [request] = serviceRequestSchema.array().parse(await (await fetch(`${s.url}/open311/v2/requests/${id}.json`)).json());
    expect(request.lat).toBeCloseTo(-5.1477, 6);
    expect(request.long).toBeCloseTo(119.4327, 6);
    const plus = await postForm(s.url, drainageComplaint(s.apiKey, { lat: '+5.1', long: '+119.4' }));
    expect(plus.status, await plus.clone().text()).toBe(201);
    for (const lat of ['0x5', 'Infinity', '5,1', '1e999', '--5', '5.1.2', 'e5']) {
      await expectError(await postForm(s.url, drainageComplaint(s.apiKey, { lat })), 400, 'json', 'lat');
    }
  });

  it('6b. answers services/.json (and requests/.json, tokens/.json) with 400 naming what is missing', async () => {
    await expectError(await fetch(`${s.url}/open311/v2/services/.json`), 400, 'json', 'service_code');
    await expectError(await fetch(`${s.url}/open311/v2/services/.xml`), 400, 'xml', 'service_code');
    await expectError(await fetch(`${s.url}/open311/v2/requests/.json`), 400, 'json', 'service_request_id');
    await expectError(await fetch(`${s.url}/open311/v2/tokens/.json`), 400, 'json', 'token');
    await expectError(await fetch(`${s.url}/open311/v2/services/pu-drainase.yaml`), 404, 'json', 'format');
  });

  it('6c. refuses a date range over 90 days with 400, and allows exactly 90', async () => {
    await expectError(await fetch(`${s.url}/open311/v2/requests.json?start_date=2026-01-01T00:00:00%2B08:00&end_date=2026-04-02T00:00:00%2B08:00`), 400, 'json', '90 days');
    const ninety = await fetch(`${s.url}/open311/v2/requests.json?start_date=2026-01-01T00:00:00%2B08:00&end_date=2026-04-01T00:00:00%2B08:00`);
    expect(ninety.status, await ninety.clone().text()).toBe(200);
    // A list of ids ignores the other filters, dates included.
    const id = postResultSchema.parse(await (await postForm(s.url, drainageComplaint(s.apiKey))).json())[0].service_request_id!;
    const byId = await fetch(`${s.url}/open311/v2/requests.json?service_request_id=${id}&start_date=2020-01-01T00:00:00Z&end_date=2026-12-31T00:00:00Z`);
    expect(byId.status, await byId.clone().text()).toBe(200);
    expect((await byId.json()).map((r: { service_request_id: string }) => r.service_request_id)).toEqual([id]);
  });

  it('6d. stores HTML in a description as the plain text it is, escaped in every answer', async () => {
    const html = '<img src=x onerror="alert(1)"><b>banjir</b> & <a href="javascript:x">lihat</a>';
    const id = postResultSchema.parse(await (await postForm(s.url, drainageComplaint(s.apiKey, { description: html }))).json())[0].service_request_id!;
    const row = await s.server.ctx.db.selectFrom('service_requests').select('description').where('service_request_id', '=', id).executeTakeFirstOrThrow();
    expect(row.description).toBe(html);
    const json = await fetch(`${s.url}/open311/v2/requests/${id}.json`);
    expect(json.headers.get('content-type')).toContain('application/json');
    expect((await json.json())[0].description).toBe(html);
    const xml = await fetch(`${s.url}/open311/v2/requests/${id}.xml`);
    const text = await xml.text();
    expect(text).not.toContain('<img');
    expect(text).not.toContain('<b>');
    expect((readBody(text, 'xml') as { description: string }[])[0].description).toBe(html);
  });

  it('keeps the error shape for every status: unknown routes 404, other methods 405 with Allow, 413, 415', async () => {
    await expectError(await fetch(`${s.url}/open311/v2/nothing/here/at-all.json`), 404, 'json', 'no such endpoint');
    await expectError(await fetch(`${s.url}/open311/v2/nothing.xml`), 404, 'xml', 'no such endpoint');
    for (const [method, path, format] of [
      ['DELETE', 'requests.json', 'json'],
      ['PUT', 'requests/MKS-0000-0000.xml', 'xml'],
      ['POST', 'services.json', 'json'],
      ['POST', 'services/pu-drainase.json', 'json'],
      ['PATCH', 'tokens/x.xml', 'xml'],
    ] as const) {
      const response = await fetch(`${s.url}/open311/v2/${path}`, { method });
      expect(response.headers.get('allow'), `${method} ${path}`).toBe(path.startsWith('requests.') ? 'GET, HEAD, POST' : 'GET, HEAD');
      await expectError(response, 405, format, method);
    }
    const huge = await postForm(s.url, drainageComplaint(s.apiKey, { description: 'x'.repeat(100_000) }));
    await expectError(huge, 413, 'json', 'too large');
    const wrongType = await fetch(`${s.url}/open311/v2/requests.json`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'a,b' });
    await expectError(wrongType, 415, 'json', 'Content-Type');
  });
});
