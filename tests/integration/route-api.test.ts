import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_API, type RouteAnswer } from '../../src/shared/routing';
import { startServer, type TestServer } from '../helpers/server';

async function ask(url: string, query: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${url}${ROUTE_API}?${query}`);
  return { status: res.status, body: await res.json() };
}

const route = (url: string, text: string, lang = 'id') => ask(url, new URLSearchParams({ text, lang }).toString());

describe('GET /api/route', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({ env: { RATE_LIMIT_ROUTE: '1000' } });
  });
  afterAll(() => s.cleanup());

  it.each([
    ['ktp saya hilang', 'disdukcapil-ktp-el'],
    ['minta fogging', 'dinkes-fogging'],
    ['parkir liar', 'dishub-parkir'],
    ['jalanan bolong2', 'pu-jalan-rusak'],
    ['anak2 ngemis', 'dinsos-anak-jalanan'],
    ['got depan rumah mampet', 'pu-drainase'],
    ['lampu jln mati', 'dishub-lampu-jalan'],
  ])('routes "%s" to %s, sure of it', async (text, service) => {
    const { status, body } = await route(s.url, text);
    expect(status).toBe(200);
    const answer = body as RouteAnswer;
    expect(answer.unsure).toBe(false);
    expect(answer.suggestions[0].service_code).toBe(service);
    expect(answer.suggestions[0].agency_code).toBe(s.server.ctx.catalog.services.get(service)!.agency.code);
  });

  it('answers in English too', async () => {
    const answer = (await route(s.url, 'the street lights on our road are out', 'en')).body as RouteAnswer;
    expect(answer.suggestions[0].service_code).toBe('dishub-lampu-jalan');
  });

  it('says it is unsure, with the general counter first, rather than guessing', async () => {
    for (const text of ['asdfgh', 'halo', 'terima kasih']) {
      const answer = (await route(s.url, text)).body as RouteAnswer;
      expect(answer.unsure).toBe(true);
      expect(answer.suggestions[0]).toMatchObject({ service_code: 'general-pengaduan', agency_code: 'general' });
    }
  });

  it('ranks best first with scores between 0 and 1 and only catalog services', async () => {
    const answer = (await route(s.url, 'sampah numpuk di kanal, bau dan bikin banjir')).body as RouteAnswer;
    expect(answer.suggestions.length).toBeGreaterThan(1);
    const scores = answer.suggestions.map((x) => x.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const x of answer.suggestions) {
      expect(x.score).toBeGreaterThanOrEqual(0);
      expect(x.score).toBeLessThanOrEqual(1);
      expect(s.server.ctx.catalog.services.get(x.service_code)?.agency.code).toBe(x.agency_code);
    }
  });

  it('refuses bad input with a clear 400 in the Open311 error shape', async () => {
    const cases: [string, RegExp][] = [
      ['', /text/],
      ['lang=id', /text/],
      ['text=', /text: empty/],
      [`text=${'%20'.repeat(50)}`, /text: empty/],
      ['text=a&text=b', /text/],
      [`text=${'a'.repeat(1001)}`, /longer than 1000/],
      ['text=got%20mampet&lang=fr', /lang/],
      ['text[a]=1', /text/],
    ];
    for (const [query, message] of cases) {
      const { status, body } = await ask(s.url, query);
      expect(status, query).toBe(400);
      expect(body).toEqual([{ code: 400, description: expect.stringMatching(message) }]);
    }
  });

  it('survives hostile text: markup, SQL, control and odd Unicode characters answer 200 with the general counter or a service', async () => {
    const hostile = [
      "<script>alert(1)</script>",
      "'; DROP TABLE service_requests; --",
      '\u0000\u0007\u001b[31m got mampet',
      '𝔤𝔬𝔱 𝔪𝔞𝔪𝔭𝔢𝔱 🙏🙏🙏',
      'ا'.repeat(900),
      '2'.repeat(1000),
      'a2'.repeat(500),
      '-'.repeat(999),
      'ng'.repeat(500),
      '__proto__ constructor toString',
    ];
    for (const text of hostile) {
      const { status, body } = await route(s.url, text);
      expect(status, text.slice(0, 20)).toBe(200);
      const answer = body as RouteAnswer;
      expect(answer.suggestions.length).toBeGreaterThan(0);
      for (const x of answer.suggestions) expect(s.server.ctx.catalog.services.has(x.service_code)).toBe(true);
    }
    expect((await route(s.url, 'got mampet')).status).toBe(200);
  });
});

describe('rate limit on GET /api/route', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({ env: { RATE_LIMIT_ROUTE: '3' } });
  });
  afterAll(() => s.cleanup());

  it('answers 429 with Retry-After in the error shape past the limit', async () => {
    for (let i = 0; i < 3; i += 1) expect((await route(s.url, 'got mampet')).status).toBe(200);
    const res = await fetch(`${s.url}${ROUTE_API}?text=got`);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await res.json()).toEqual([{ code: 429, description: expect.stringContaining('rate limit') }]);
  });
});
