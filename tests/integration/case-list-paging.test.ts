import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../src/server/auth/staffStore';
import { newTrackingNumber } from '../../src/server/db/ids';
import { login } from '../helpers/rooms';
import { DATABASES, startServer, type TestServer } from '../helpers/server';

const PASSWORD = 'kata-sandi-rahasia-16';
const SEEDED = 3000;
const MINUTE = 60_000;

interface ListedCase {
  service_request_id: string;
  requested_datetime: string;
  snippet: string | null;
  location: string | null;
  agency_code: string;
}
interface CasePage {
  cases: ListedCase[];
  next_cursor: string | null;
}

/**
 * Issue 12, point 7: the console's case list searches by ticket number, text and place, shows a
 * snippet and a location per case, and pages (keyset cursor) through thousands of cases.
 */
describe.each(DATABASES)('the console case list over thousands of cases (%s)', (database) => {
  let s: TestServer;
  let pu: string;
  let dlh: string;
  const ids: string[] = [];
  const textMarker = `Gorong${Math.random().toString(36).slice(2, 8)}`;
  const placeMarker = `Lorong${Math.random().toString(36).slice(2, 8)}`;

  beforeAll(async () => {
    s = await startServer({ database });
    const db = s.server.ctx.db;
    await addStaff(db, { username: 'andi.pu', display_name: 'Andi', role: 'officer', agency_code: 'pu', password: PASSWORD });
    await addStaff(db, { username: 'rina.dlh', display_name: 'Rina', role: 'officer', agency_code: 'dlh', password: PASSWORD });
    pu = await login(s.url, 'andi.pu', PASSWORD);
    dlh = await login(s.url, 'rina.dlh', PASSWORD);
    // Seeded straight into the database (3,000 POSTs would test the rate limit, not the list).
    const start = Date.now() - SEEDED * MINUTE;
    const rows = Array.from({ length: SEEDED }, (_, i) => {
      const id = newTrackingNumber();
      ids.push(id);
      const at = new Date(start + Math.floor(i / 3) * MINUTE); // three cases share each minute: the cursor must break ties
      const long = i % 500 === 0;
      return {
        service_request_id: id,
        service_code: i % 10 === 9 ? 'dlh-sampah' : 'pu-drainase',
        agency_code: i % 10 === 9 ? 'dlh' : 'pu',
        stage: 'received',
        status: 'open' as const,
        description: `${i % 400 === 7 ? `${textMarker} ` : ''}Saluran nomor ${i} tersumbat${long ? ` ${'sangat panjang '.repeat(30)}` : ''}`,
        lat: i % 2 ? -5.14 : null,
        long: i % 2 ? 119.43 : null,
        address_string: i % 2 ? null : `Jl. ${i % 600 === 4 ? placeMarker : 'Veteran'} No. ${i}`,
        attributes: JSON.stringify({}),
        api_client: 'seed',
        requested_at: at,
        updated_at: at,
        expected_at: null,
        assigned_to: null,
        token: null,
        address_id: null,
        zipcode: null,
        media_url: null,
        personal_data: null,
        device_id: null,
        account_id: null,
        followup_hash: null,
      };
    });
    for (let i = 0; i < rows.length; i += 500) await db.insertInto('service_requests').values(rows.slice(i, i + 500)).execute();
  }, 120_000);
  afterAll(() => s.cleanup());

  const list = async (token: string, query: string): Promise<CasePage> => {
    const r = await fetch(`${s.url}/api/staff/cases?${query}`, { headers: { authorization: `Bearer ${token}` } });
    expect(r.status).toBe(200);
    return (await r.json()) as CasePage;
  };
  const all = async (token: string, query: string, limit: number): Promise<ListedCase[]> => {
    const seen: ListedCase[] = [];
    let cursor: string | null = null;
    do {
      const page: CasePage = await list(token, `${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.cases.length).toBeLessThanOrEqual(limit);
      seen.push(...page.cases);
      cursor = page.next_cursor;
    } while (cursor);
    return seen;
  };

  it('pages through every case of the agency once, newest first, with no gaps at equal times', async () => {
    const seen = await all(pu, 'view=all', 200);
    const expected = ids.filter((_, i) => i % 10 !== 9);
    expect(seen.length).toBe(expected.length);
    expect(new Set(seen.map((c) => c.service_request_id)).size).toBe(expected.length);
    expect(seen.map((c) => c.service_request_id).sort()).toEqual([...expected].sort());
    for (let i = 1; i < seen.length; i += 1) expect(seen[i - 1].requested_datetime >= seen[i].requested_datetime).toBe(true);
    expect(seen.every((c) => c.agency_code === 'pu')).toBe(true);
    // The other agency's list holds only its own.
    const theirs = await all(dlh, 'view=all', 200);
    expect(theirs.length).toBe(SEEDED / 10);
  });

  it('finds by ticket number (as typed), by text and by place; each with a snippet and a location', async () => {
    const target = ids[1234];
    const typed = target.toLowerCase().replace(/-/g, ' ');
    const byNumber = await list(pu, `q=${encodeURIComponent(typed)}`);
    expect(byNumber.cases.map((c) => c.service_request_id)).toEqual([target]);
    expect(byNumber.cases[0].snippet).toBe('Saluran nomor 1234 tersumbat');
    expect(byNumber.cases[0].location).toBe('Jl. Veteran No. 1234');

    const byText = await all(pu, `q=${textMarker.toLowerCase()}`, 3);
    const textIds = ids.filter((_, i) => i % 400 === 7 && i % 10 !== 9);
    expect(byText.map((c) => c.service_request_id).sort()).toEqual([...textIds].sort());
    for (const c of byText) expect(c.snippet).toContain(textMarker);

    const byPlace = await all(pu, `q=${encodeURIComponent(placeMarker)}`, 50);
    const placeIds = ids.filter((_, i) => i % 600 === 4 && i % 10 !== 9);
    expect(byPlace.map((c) => c.service_request_id).sort()).toEqual([...placeIds].sort());
    for (const c of byPlace) expect(c.location).toContain(placeMarker);

    // A long description is cut to a snippet; a case with only coordinates shows them.
    const long = (await list(pu, `q=${ids[500]}`)).cases[0];
    expect(long.snippet!.length).toBeLessThanOrEqual(160);
    expect(long.snippet!.endsWith('…')).toBe(true);
    const coords = (await list(pu, `q=${ids[1]}`)).cases[0];
    expect(coords.location).toBe('-5.14000, 119.43000');
  });

  it('hostile searches and cursors: no match, no error, no leak', async () => {
    for (const q of ['%', '_', '\\', "' OR 1=1 --", '%25%25', '<script>']) {
      const page = await list(pu, `q=${encodeURIComponent(q)}&limit=5`);
      expect(page.cases.length, q).toBe(0);
    }
    expect((await fetch(`${s.url}/api/staff/cases?q=${'x'.repeat(201)}`, { headers: { authorization: `Bearer ${pu}` } })).status).toBe(400);
    expect((await fetch(`${s.url}/api/staff/cases?limit=100000`, { headers: { authorization: `Bearer ${pu}` } })).status).toBe(400);
    expect((await fetch(`${s.url}/api/staff/cases?cursor=${'A'.repeat(40)}`, { headers: { authorization: `Bearer ${pu}` } })).status).toBe(400);
    // Another agency's case number finds nothing for this officer.
    expect((await list(pu, `q=${ids[9]}`)).cases).toEqual([]);
  });
});
