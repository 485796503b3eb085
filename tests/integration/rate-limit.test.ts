import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainageComplaint, postForm, startServer, type TestServer } from '../helpers/server';

describe('rate limit on POST', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({ env: { RATE_LIMIT_POST: '3' } });
  });
  afterAll(() => s.cleanup());

  it('answers 429 with Retry-After in the Open311 error shape past the limit, while GETs go on', async () => {
    for (let i = 0; i < 3; i += 1) expect((await postForm(s.url, drainageComplaint(s.apiKey))).status).toBe(201);
    const limited = await postForm(s.url, drainageComplaint(s.apiKey));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toEqual([{ code: 429, description: expect.stringContaining('rate limit') }]);
    expect((await fetch(`${s.url}/open311/v2/services.json`)).status).toBe(200);
    const count = await s.server.ctx.db.selectFrom('service_requests').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(3);
  });
});

describe('rate limit per partner API key', () => {
  const RELAY = 'relay-key-0000000000001';
  const PORTAL = 'portal-key-000000000001';
  let s: TestServer;
  beforeAll(async () => {
    // The web client may POST twice a minute per address; the relay 4 times a minute wherever it calls from; the portal has the default.
    s = await startServer({ env: { RATE_LIMIT_POST: '2', OPEN311_API_KEYS: `relay:${RELAY}:4,portal:${PORTAL}` } });
  });
  afterAll(() => s.cleanup());

  it('counts a partner by its key, not by the address it relays many citizens from', async () => {
    for (let i = 0; i < 2; i += 1) expect((await postForm(s.url, drainageComplaint(s.apiKey))).status).toBe(201);
    const web = await postForm(s.url, drainageComplaint(s.apiKey));
    expect(web.status).toBe(429);
    expect(await web.json()).toEqual([{ code: 429, description: expect.stringContaining('from this address') }]);

    // Same address, partner key: its own budget of 4.
    for (let i = 0; i < 4; i += 1) expect((await postForm(s.url, drainageComplaint(RELAY))).status, `relay #${i + 1}`).toBe(201);
    const relay = await postForm(s.url, drainageComplaint(RELAY));
    expect(relay.status).toBe(429);
    expect(Number(relay.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await relay.json()).toEqual([{ code: 429, description: expect.stringContaining('at most 4 submissions a minute with this API key') }]);
    // The key in the query string is the same key.
    const { api_key: _key, ...fields } = drainageComplaint(RELAY);
    const viaQuery = await fetch(`${s.url}/open311/v2/requests.json?api_key=${RELAY}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(Object.entries(fields).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]))).toString(),
    });
    expect(viaQuery.status).toBe(429);

    // Another partner is not held up by either, and a key without a number gets the default (600).
    for (let i = 0; i < 3; i += 1) expect((await postForm(s.url, drainageComplaint(PORTAL))).status, `portal #${i + 1}`).toBe(201);
    const count = await s.server.ctx.db.selectFrom('service_requests').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2 + 4 + 3);
  });

  it('refuses a malformed per-key limit by the variable name', async () => {
    await expect(startServer({ env: { OPEN311_API_KEYS: `relay:${RELAY}:0` } })).rejects.toThrow(/OPEN311_API_KEYS/);
    await expect(startServer({ env: { OPEN311_API_KEYS: `relay:${RELAY}:lots` } })).rejects.toThrow(/OPEN311_API_KEYS/);
  });
});
