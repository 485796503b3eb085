import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postResultSchema, serviceRequestSchema } from '../../src/shared/open311';
import { DATABASES, drainageComplaint, postForm, startServer, uniqueText, type TestServer } from '../helpers/server';

describe.each(DATABASES)('Idempotency-Key on POST (%s)', (database) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({ database });
  });
  afterAll(() => s.cleanup());

  async function count(description: string): Promise<number> {
    const list = serviceRequestSchema.array().parse(await (await fetch(`${s.url}/open311/v2/requests.json?service_code=pu-drainase`)).json());
    return list.filter((r) => r.description === description).length;
  }

  it('returns the same id for a retried submission and stores it once', async () => {
    const description = uniqueText("retry");
    const headers = { 'Idempotency-Key': `key-${Math.random()}` };
    const first = await postForm(s.url, drainageComplaint(s.apiKey, { description }), headers);
    const second = await postForm(s.url, drainageComplaint(s.apiKey, { description }), headers);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const a = postResultSchema.parse(await first.json())[0];
    const b = postResultSchema.parse(await second.json())[0];
    expect(b.service_request_id).toBe(a.service_request_id);
    expect(await count(description)).toBe(1);
  });

  it('stores concurrent twins once', async () => {
    const description = uniqueText("twins");
    const headers = { 'Idempotency-Key': `key-${Math.random()}` };
    const responses = await Promise.all(Array.from({ length: 8 }, () => postForm(s.url, drainageComplaint(s.apiKey, { description }), headers)));
    const ids = new Set<string>();
    for (const r of responses) {
      expect([200, 201]).toContain(r.status);
      ids.add(postResultSchema.parse(await r.json())[0].service_request_id!);
    }
    expect(ids.size).toBe(1);
    expect(await count(description)).toBe(1);
  });

  it('refuses the same key with a different body (422), and keys are per API client', async () => {
    const headers = { 'Idempotency-Key': `key-${Math.random()}` };
    expect((await postForm(s.url, drainageComplaint(s.apiKey, { description: 'satu' }), headers)).status).toBe(201);
    const other = await postForm(s.url, drainageComplaint(s.apiKey, { description: 'dua' }), headers);
    expect(other.status).toBe(422);
    expect((await other.json())[0].description).toContain('Idempotency-Key');
    const bad = await postForm(s.url, drainageComplaint(s.apiKey), { 'Idempotency-Key': 'x'.repeat(101) });
    expect(bad.status).toBe(400);
    // Without a key, two identical submissions are two reports (the citizen meant it).
    const description = uniqueText("no key");
    await postForm(s.url, drainageComplaint(s.apiKey, { description }));
    await postForm(s.url, drainageComplaint(s.apiKey, { description }));
    expect(await count(description)).toBe(2);
  });
});
