import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildPlaces, placesSchema, searchKelurahan } from '../../src/shared/places';
import { drainageComplaint, postForm, ROOT, startServer, type TestServer } from '../helpers/server';

const TAMALANREA_INDAH = '73.71.14.1003';

describe('places: Makassar kecamatan and kelurahan', () => {
  const file = placesSchema.parse(JSON.parse(readFileSync(resolve(ROOT, 'scenes/places/makassar.json'), 'utf8')));
  const places = buildPlaces(file);

  it('has the 15 kecamatan and 153 kelurahan with their Kemendagri codes, and names its source', () => {
    expect(file.kecamatan).toHaveLength(15);
    expect(places.kelurahan).toHaveLength(153);
    expect(new Set(places.kelurahan.map((k) => k.code)).size).toBe(153);
    for (const k of places.kelurahan) expect(k.code.startsWith(`${k.kecamatan.code}.`)).toBe(true);
    expect(file.source).toMatch(/idn-area-data/);
    expect(places.byCode.get(TAMALANREA_INDAH)).toMatchObject({ name: 'Tamalanrea Indah', kecamatan: { name: 'Tamalanrea' } });
  });

  it('finds kelurahan as you type, by their own or their kecamatan name', () => {
    const byName = searchKelurahan(places, 'tamalanrea');
    expect(byName[0].name).toBe('Tamalanrea');
    expect(byName.map((k) => k.name)).toEqual(expect.arrayContaining(['Tamalanrea Indah', 'Tamalanrea Jaya']));
    const byKecamatan = searchKelurahan(places, 'rappoc', 50);
    expect(byKecamatan.length).toBeGreaterThan(5);
    expect(byKecamatan.every((k) => k.kecamatan.name === 'Rappocini')).toBe(true);
    expect(searchKelurahan(places, 'karuw')[0].name).toBe('Karuwisi');
    expect(searchKelurahan(places, '')).toEqual([]);
    expect(searchKelurahan(places, 'zzz')).toEqual([]);
  });
});

describe('Open311 requests carry the place', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(() => s.cleanup());

  const post = (extra: Record<string, string>) => postForm(s.url, drainageComplaint(s.apiKey, extra));

  it('writes the kelurahan and kecamatan into address_string and keeps the code as address_id; GET filters by kelurahan and kecamatan', async () => {
    const res = await post({ address_id: TAMALANREA_INDAH, address_string: 'Jl. Perintis Kemerdekaan depan BTP' });
    expect(res.status).toBe(201);
    const [{ service_request_id, warning }] = (await res.json()) as { service_request_id: string; warning?: string }[];
    expect(warning).toBeUndefined();
    const other = await post({ address_id: '73.71.01.1001' });
    expect(other.status).toBe(201);

    const one = (await (await fetch(`${s.url}/open311/v2/requests/${service_request_id}.json`)).json()) as { address: string; address_id: string }[];
    expect(one[0].address).toBe('Jl. Perintis Kemerdekaan depan BTP, Kel. Tamalanrea Indah, Kec. Tamalanrea');
    expect(one[0].address_id).toBe(TAMALANREA_INDAH);

    const byKelurahan = (await (await fetch(`${s.url}/open311/v2/requests.json?kelurahan=${TAMALANREA_INDAH}`)).json()) as { service_request_id: string }[];
    expect(byKelurahan.map((r) => r.service_request_id)).toEqual([service_request_id]);
    const byKecamatan = (await (await fetch(`${s.url}/open311/v2/requests.json?kecamatan=73.71.14`)).json()) as { service_request_id: string }[];
    expect(byKecamatan.map((r) => r.service_request_id)).toEqual([service_request_id]);
    const both = (await (await fetch(`${s.url}/open311/v2/requests.json?kecamatan=73.71.14,73.71.01`)).json()) as unknown[];
    expect(both).toHaveLength(2);
  });

  it('refuses an unknown kelurahan code with a clear 400, and stores nothing', async () => {
    const before = await s.server.ctx.db.selectFrom('service_requests').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    for (const [code, message] of [
      ['73.71.14.9999', /address_id: unknown kelurahan code "73.71.14.9999"/],
      ['31.71.01.1001', /address_id: unknown kelurahan code/],
      ['73.71.14', /kecamatan/],
    ] as const) {
      const res = await post({ address_id: code });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual([{ code: 400, description: expect.stringMatching(message) }]);
    }
    const after = await s.server.ctx.db.selectFrom('service_requests').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    for (const query of ['kelurahan=73.71.14.9999', 'kecamatan=99.99.99', "kelurahan=1'%20OR%201=1", 'kecamatan=73.71.14&kecamatan=73.71.01']) {
      const res = await fetch(`${s.url}/open311/v2/requests.json?${query}`);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { code: number }[])[0].code).toBe(400);
    }
  });

  it('takes a point outside the city with a warning, not a refusal', async () => {
    const res = await post({ lat: '-5.4500', long: '119.6000', address_id: '73.71.11.1001' });
    expect(res.status).toBe(201);
    const [result] = (await res.json()) as { service_request_id: string; warning?: string }[];
    expect(result.service_request_id).toBeTruthy();
    expect(result.warning).toMatch(/luar Kota Makassar/);
    const inside = await post({ lat: '-5.1477', long: '119.4327' });
    expect(((await inside.json()) as { warning?: string }[])[0].warning).toBeUndefined();
  });

  it('leaves an address_id of another shape alone (a partner system\'s own address register)', async () => {
    const res = await post({ address_id: 'ADDR-001', address_string: 'Jl. Veteran 12' });
    expect(res.status).toBe(201);
  });
});
