import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHOTOS_API } from '../../src/shared/photos';
import { startServer, type TestServer } from '../helpers/server';

describe('GET /api/photos by a stranger', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(() => s.cleanup());

  it('answers 404 to unknown or hostile ids, then 429 in the error shape past the per-address limit', async () => {
    for (const bad of ['..%2F..%2Fetc%2Fpasswd', 'x'.repeat(90), `${'a'.repeat(32)}.jpg`]) {
      const response = await fetch(`${s.url}${PHOTOS_API}/${bad}`);
      expect(response.status).toBe(404);
      expect((await response.json())[0].code).toBe(404);
    }
    let status = 0;
    for (let i = 0; i < 700 && status !== 429; i++) status = (await fetch(`${s.url}${PHOTOS_API}/${'b'.repeat(32)}.jpg`)).status;
    expect(status).toBe(429);
    const refused = await fetch(`${s.url}${PHOTOS_API}/${'b'.repeat(32)}.jpg`);
    expect(refused.status).toBe(429);
    expect((await refused.json())[0]).toMatchObject({ code: 429 });
  });
});
