import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, drainageComplaint, startServer, type TestServer } from '../helpers/server';

/** A small seeded generator so a failing case can be replayed. */
function prng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x1_0000_0000;
  };
}

const HOSTILE = [
  "' OR 1=1 --",
  "'); DROP TABLE service_requests; --",
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  '../../../etc/passwd',
  '%00',
  '\u0000\u0001\u0002',
  '\ud800',
  '😀'.repeat(50),
  'x'.repeat(5000),
  '-1e309',
  'NaN',
  '9'.repeat(400),
  '{"$gt":""}',
  '[]',
  'null',
  'true',
];

/** Percent-encodes, or sends a broken escape when the text cannot be encoded (a lone surrogate). */
function enc(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80%';
  }
}

describe.each(DATABASES)('fuzzing the Open311 endpoints (%s)', (database) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({ database });
  });
  afterAll(() => s.cleanup());

  async function stored(): Promise<number> {
    const row = await s.server.ctx.db.selectFrom('service_requests').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it('answers random and hostile input without a 5xx, a crash, or anything stored', async () => {
    const rand = prng(20261122);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
    const junk = () => (rand() < 0.5 ? pick(HOSTILE) : Array.from({ length: Math.floor(rand() * 40) }, () => String.fromCharCode(Math.floor(rand() * 0xffff))).join(''));
    const before = await stored();
    const statuses = new Map<number, number>();
    const record = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);

    for (let i = 0; i < 400; i += 1) {
      const kind = i % 4;
      let response: Response;
      if (kind === 0) {
        // A valid complaint with one required attribute broken and random extra fields.
        const fields = drainageComplaint(s.apiKey, { 'attribute[severity]': junk() });
        for (let k = 0; k < 4; k += 1) fields[rand() < 0.5 ? junk() : `attribute[${junk()}]`] = junk();
        if (rand() < 0.5) fields[pick(['lat', 'long', 'description', 'email', 'phone', 'media_url', 'service_code', 'attribute[problem][]'])] = junk();
        const form = new URLSearchParams();
        for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) form.append(k, item);
        response = await fetch(`${s.url}/open311/v2/requests.${pick(['json', 'xml'])}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
      } else if (kind === 1) {
        // Hostile JSON: wrong types, nesting, prototype keys, and no valid severity.
        const body: Record<string, unknown> = {
          api_key: rand() < 0.7 ? s.apiKey : junk(),
          service_code: rand() < 0.7 ? 'pu-drainase' : junk(),
          lat: pick([junk(), [1, 2], { a: 1 }, null, 1e308, -91]),
          attributes: pick([{ severity: [junk()], ['__proto__']: { polluted: true } }, junk(), [junk()], { severity: { deep: { deeper: junk() } } }]),
          [junk()]: junk(),
        };
        const text = rand() < 0.2 ? JSON.stringify(body).slice(0, Math.floor(rand() * 60)) : JSON.stringify(body);
        response = await fetch(`${s.url}/open311/v2/requests.json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
      } else if (kind === 2) {
        // Random bytes under random content types.
        const bytes = new Uint8Array(Math.floor(rand() * 2000)).map(() => Math.floor(rand() * 256));
        response = await fetch(`${s.url}/open311/v2/requests.json`, {
          method: 'POST',
          headers: { 'content-type': pick(['application/x-www-form-urlencoded', 'application/json', 'multipart/form-data; boundary=x', 'application/xml', 'application/octet-stream']) },
          body: bytes,
        });
      } else {
        // GETs with hostile paths and query parameters.
        const path = pick([
          `requests/${enc(junk())}.json`,
          `services/${enc(junk())}.xml`,
          `tokens/${enc(junk())}.json`,
          `${enc(junk())}.json`,
          `requests.json?${enc(pick(['status', 'start_date', 'end_date', 'page', 'page_size', 'service_code', 'service_request_id', 'extensions', 'jurisdiction_id', 'lang']))}=${enc(junk())}`,
          `requests.json?status=open&status=closed`,
          `requests.json?page=${Math.floor(rand() * 1e12)}&page_size=${Math.floor(rand() * 1e6)}`,
        ]);
        response = await fetch(`${s.url}/open311/v2/${path}`);
      }
      record(response.status);
      expect(response.status, `case ${i}`).toBeLessThan(500);
      const text = await response.text();
      if (response.status >= 400 && response.headers.get('content-type')?.includes('json')) {
        const body = JSON.parse(text);
        expect(Array.isArray(body) && body.every((e: { code: number; description: string }) => typeof e.code === 'number' && typeof e.description === 'string'), text.slice(0, 200)).toBe(true);
      }
    }
    expect(await stored()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Still serving after all that.
    expect((await fetch(`${s.url}/api/health`)).status).toBe(200);
    expect([...statuses.keys()].some((status) => status === 400)).toBe(true);
  });
});
