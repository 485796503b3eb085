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
