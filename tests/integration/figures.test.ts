import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../src/server/auth/staffStore';
import { changeStage } from '../../src/server/db/requestStore';
import { FIGURES_CSV_COLUMNS, witaToday, type FiguresResponse } from '../../src/shared/figures';
import { postResultSchema } from '../../src/shared/open311';
import { DATABASES, drainageComplaint, postForm, startServer, uniqueText, type TestServer } from '../helpers/server';
import { joinHall, login, waitFor, type JoinedHall } from '../helpers/rooms';

const PASSWORD = 'kata-sandi-angka-1';
const HOUR = 3_600_000;
/** Personal data posted below; none of it may appear in the figures. */
const PERSON = { first_name: 'Sitti', last_name: 'Daengmanye', email: 'sitti.daengmanye@example.id', phone: '0813-5555-2468' };
const CITIZEN_NAME = 'Wawan Karaeng';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** Polls an async check until it holds (the hall's event writer flushes about once a second). */
async function eventually<T>(what: string, check: () => Promise<T | undefined | null | false>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Parses RFC 4180 CSV (quoted cells, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), (i += 1);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

describe.each(DATABASES)('figures for supervisors (%s)', (database) => {
  let s: TestServer;
  let supervisor: string;
  let officerPu: string;
  let officerDlh: string;
  const rooms: JoinedHall[] = [];
  const sessionIds: string[] = [];
  const trackingIds: string[] = [];
  const descriptions: string[] = [];
  let figures: FiguresResponse;

  const get = (path: string, token?: string) => fetch(`${s.url}${path}`, { headers: token ? auth(token) : {} });
  const figuresFor = async (token: string, query = '') => {
    const response = await get(`/api/figures${query}`, token);
    expect(response.status).toBe(200);
    return (await response.json()) as FiguresResponse;
  };

  beforeAll(async () => {
    s = await startServer({ database });
    const db = s.server.ctx.db;
    await addStaff(db, { username: 'andi.pu', display_name: 'Andi (PU)', role: 'officer', agency_code: 'pu', password: PASSWORD });
    await addStaff(db, { username: 'rina.dlh', display_name: 'Rina', role: 'officer', agency_code: 'dlh', password: PASSWORD });
    await addStaff(db, { username: 'sri.spv', display_name: 'Sri', role: 'supervisor', agency_code: null, password: PASSWORD });
    officerPu = await login(s.url, 'andi.pu', PASSWORD);
    officerDlh = await login(s.url, 'rina.dlh', PASSWORD);
    supervisor = await login(s.url, 'sri.spv', PASSWORD);

    // The hall: an officer comes on duty at PU; three citizens visit and take numbers.
    const officer = await joinHall(s.url, { staffToken: officerPu });
    rooms.push(officer);
    const citizens: JoinedHall[] = [];
    for (const [i, name] of [CITIZEN_NAME, 'Citra', 'Dedi'].entries()) {
      // Three devices: a visit is counted once per device (issue 11).
      const citizen = await joinHall(s.url, { name, device: `figures-device-${i}` });
      citizens.push(citizen);
      rooms.push(citizen);
      sessionIds.push(citizen.room.sessionId);
    }
    sessionIds.push(officer.room.sessionId);
    const pu = () => officer.room.state.counters.get('pu');
    await waitFor('PU live', () => pu()?.officer === 'Andi (PU)');
    for (const citizen of citizens) citizen.room.send('queueTake', { counter: 'pu' });
    await waitFor('three in the PU queue', () => pu().queue.length === 3);

    // The first is called and chats; the third gives up; the second is called and chats.
    officer.room.send('callNext', {});
    await citizens[0].next('called');
    citizens[0].room.send('chat', { text: `Nama saya ${CITIZEN_NAME}, telepon ${PERSON.phone}.` });
    await officer.next('chat');
    officer.room.send('chat', { text: 'Baik, silakan isi laporan.' });
    await citizens[0].next('chat');
    citizens[2].room.send('queueLeave', {});
    await waitFor('the third left the queue', () => pu().queue.length === 1);
    officer.room.send('callNext', {});
    await citizens[1].next('called');
    citizens[1].room.send('chat', { text: 'Selamat siang.' });
    await officer.next('chat');

    // Filed through Open311: two PU complaints, one PU service request, one information request at the general counter.
    const post = async (fields: Record<string, string | string[]>) => {
      const response = await postForm(s.url, fields);
      expect(response.status, await response.clone().text()).toBe(201);
      const id = postResultSchema.parse(await response.json())[0].service_request_id!;
      trackingIds.push(id);
      return id;
    };
    const complaintText = () => {
      const text = uniqueText('Saluran tersumbat di lorong');
      descriptions.push(text);
      return text;
    };
    const onTime = await post(drainageComplaint(s.apiKey, { ...PERSON, description: complaintText() }));
    const late = await post(drainageComplaint(s.apiKey, { description: complaintText() }));
    const requestText = uniqueText('Mohon normalisasi saluran');
    descriptions.push(requestText);
    await post({
      api_key: s.apiKey,
      service_code: 'pu-normalisasi-saluran',
      lat: '-5.1477',
      long: '119.4327',
      'attribute[channel_type]': 'lingkungan',
      'attribute[length_m]': '120',
      'attribute[rt_rw]': 'RT 03 / RW 05',
      'attribute[reason]': requestText,
      ...PERSON,
    });
    const question = uniqueText('Jam buka kantor');
    descriptions.push(question);
    await post({ api_key: s.apiKey, service_code: 'general-informasi', 'attribute[question]': question, description: question });

    // Staff answer: the first complaint 2 h after filing, closed in time; the second 4 h after, closed a day late.
    const rows = await db.selectFrom('service_requests').select(['service_request_id', 'requested_at', 'expected_at']).where('service_request_id', 'in', [onTime, late]).execute();
    const at = new Map(rows.map((r) => [r.service_request_id, { requested: r.requested_at.getTime(), expected: r.expected_at!.getTime() }]));
    await changeStage(db, onTime, 'referred', null, 'andi.pu', new Date(at.get(onTime)!.requested + 2 * HOUR));
    await changeStage(db, onTime, 'done', 'Sudah dibersihkan.', 'andi.pu', new Date(at.get(onTime)!.requested + 10 * HOUR));
    await changeStage(db, late, 'referred', null, 'andi.pu', new Date(at.get(late)!.requested + 4 * HOUR));
    await changeStage(db, late, 'done', null, 'andi.pu', new Date(at.get(late)!.expected + 24 * HOUR));
    // Reopened and closed again: only the first closure counts.
    await changeStage(db, late, 'in_progress', null, 'andi.pu', new Date(at.get(late)!.expected + 25 * HOUR));
    await changeStage(db, late, 'done', null, 'andi.pu', new Date(at.get(late)!.expected + 26 * HOUR));

    // The batched event writer flushes within about a second: wait for what the hall did, not for a clock.
    figures = await eventually('the hall events in the figures', async () => {
      const f = await figuresFor(supervisor);
      return f.overall.visits === 3 && f.overall.queue_called === 2 && f.overall.chats === 2 && f.overall.queue_abandoned === 1 ? f : undefined;
    });
  });

  afterAll(async () => {
    for (const j of rooms) if (j.room.connection.isOpen) await j.room.leave().catch(() => undefined);
    await s?.cleanup();
  });

  it('counts the hall exactly: visits hall-wide and per counter, queue, waits, abandoned, chats per counter', () => {
    const hall = figures.totals.find((t) => t.counter === null)!;
    const pu = figures.totals.find((t) => t.counter === 'pu')!;
    expect(hall.visits).toBe(3);
    // A counter's visits are its contacts: three numbers taken at PU plus three filings by citizens (issue 12: it was 0).
    expect(pu).toMatchObject({ visits: 6, queue_taken: 3, queue_called: 2, queue_abandoned: 1, chats: 2 });
    expect(pu.queue_wait_avg_seconds).toBeGreaterThanOrEqual(0);
    expect(pu.queue_wait_avg_seconds).toBeLessThan(60);
    expect(pu.queue_wait_p90_seconds).toBeGreaterThanOrEqual(pu.queue_wait_avg_seconds!);
    expect(pu.queue_wait_p90_seconds).toBeLessThan(60);
    // Every counter in scope has a totals row, quiet ones as zeros; the hall row first.
    expect(figures.totals[0].counter).toBeNull();
    expect(figures.totals.map((t) => t.counter).slice(1).sort()).toEqual(s.server.ctx.catalog.agencies.map((a) => a.code).sort());
    expect(figures.totals.find((t) => t.counter === 'dlh')).toMatchObject({ visits: 0, queue_taken: 0, queue_wait_avg_seconds: null, within_sla_pct: null });
  });

  it('counts filings by service kind, first response and SLA, from the real notes', async () => {
    const pu = figures.totals.find((t) => t.counter === 'pu')!;
    const general = figures.totals.find((t) => t.counter === 'general')!;
    expect(pu).toMatchObject({ complaints_filed: 2, requests_filed: 1, information_filed: 0, closed: 2, closed_within_sla: 1, within_sla_pct: 50 });
    expect(general).toMatchObject({ complaints_filed: 0, requests_filed: 0, information_filed: 1, closed: 0, within_sla_pct: null, first_response_median_hours: null });
    // Median of 2 h and 4 h; the automatic first note does not count as a response.
    expect(pu.first_response_median_hours).toBe(3);
    const db = s.server.ctx.db;
    const rows = await db.selectFrom('service_requests').select(['requested_at', 'expected_at']).where('agency_code', '=', 'pu').where('service_code', '=', 'pu-drainase').orderBy('requested_at').execute();
    const closeHours = [10, (rows[1].expected_at!.getTime() + 24 * HOUR - rows[1].requested_at.getTime()) / HOUR];
    expect(pu.close_median_hours).toBeCloseTo((closeHours[0] + closeHours[1]) / 2, 1);
    expect(figures.overall).toMatchObject({ visits: 3, queue_taken: 3, complaints_filed: 2, requests_filed: 1, information_filed: 1, closed: 2, closed_within_sla: 1, within_sla_pct: 50 });
  });

  it('puts everything in WITA hour buckets whose rows add up to the totals', () => {
    const thisHour = new Date(Math.floor(Date.now() / HOUR) * HOUR + 8 * HOUR).toISOString().slice(0, 13);
    for (const row of figures.rows) expect(row.hour).toMatch(/^\d{4}-\d\d-\d\dT\d\d:00:00\+08:00$/);
    expect(figures.rows.some((r) => r.hour.startsWith(thisHour) || r.hour.startsWith(new Date(Date.now() + 8 * HOUR - HOUR).toISOString().slice(0, 13)))).toBe(true);
    for (const total of figures.totals) {
      const mine = figures.rows.filter((r) => r.counter === total.counter);
      for (const key of ['visits', 'queue_taken', 'queue_called', 'queue_abandoned', 'chats', 'requests_filed', 'complaints_filed', 'information_filed', 'closed'] as const) {
        expect(mine.reduce((sum, r) => sum + r[key], 0), `${total.counter ?? 'hall'} ${key}`).toBe(total[key]);
      }
    }
    expect(figures).toMatchObject({ to: witaToday(), time_zone: 'Asia/Makassar', counter: null });
    expect(figures.from).toBe(new Date(Date.parse(`${witaToday()}T00:00:00Z`) - 6 * 24 * HOUR).toISOString().slice(0, 10));
  });

  it('shows an officer only their own agency, and refuses another', async () => {
    const own = await figuresFor(officerPu);
    expect(own.counters.map((c) => c.code)).toEqual(['pu']);
    expect(own.totals.map((t) => t.counter)).toEqual(['pu']);
    expect(own.rows.every((r) => r.counter === 'pu')).toBe(true);
    expect(own.overall).toMatchObject({ visits: 6, queue_taken: 3, complaints_filed: 2, information_filed: 0 });
    expect((await figuresFor(officerPu, '?counter=pu')).totals).toHaveLength(1);
    const refused = await get('/api/figures?counter=dlh', officerPu);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toMatch(/^counter:/);
    expect((await get('/api/figures?counter=hall', officerPu)).status).toBe(403);
    const dlh = await figuresFor(officerDlh);
    expect(dlh.overall).toMatchObject({ visits: 0, queue_taken: 0, complaints_filed: 0 });
    expect(dlh.rows).toEqual([]);
    // A supervisor may narrow to one counter, or to the hall-wide rows.
    const onlyPu = await figuresFor(supervisor, '?counter=pu');
    expect(onlyPu.totals.map((t) => t.counter)).toEqual(['pu']);
    expect(onlyPu.overall.visits).toBe(6);
    const onlyHall = await figuresFor(supervisor, '?counter=hall');
    expect(onlyHall.totals.map((t) => t.counter)).toEqual([null]);
    expect(onlyHall.overall).toMatchObject({ visits: 3, queue_taken: 0 });
  });

  it('answers 401 without a session and 400 naming the bad parameter', async () => {
    expect((await get('/api/figures')).status).toBe(401);
    expect((await get('/api/figures.csv')).status).toBe(401);
    expect((await get('/api/figures', 'not-a-token')).status).toBe(401);
    const bad: [string, string][] = [
      ['?from=2026-02-30', 'from'],
      ['?from=yesterday', 'from'],
      ['?to=2026-13-01', 'to'],
      ['?from=2026-03-10&to=2026-03-01', 'to'],
      ['?from=2026-01-01&to=2026-04-03', 'to'],
      ['?counter=nowhere', 'counter'],
      ['?counter=', 'counter'],
      ['?from=2026-01-01&from=2026-01-02', 'from'],
    ];
    for (const [query, param] of bad) {
      for (const path of ['/api/figures', '/api/figures.csv']) {
        const response = await get(`${path}${query}`, supervisor);
        expect(response.status, `${path}${query}`).toBe(400);
        expect((await response.json()).error, `${path}${query}`).toMatch(new RegExp(`^${param}:`));
      }
    }
    // 92 days, both included, is the longest window; a window with nothing in it is all zeros.
    const quarter = await figuresFor(supervisor, '?from=2026-01-01&to=2026-04-02');
    expect(quarter).toMatchObject({ from: '2026-01-01', to: '2026-04-02', rows: [] });
    expect(quarter.overall).toMatchObject({ visits: 0, queue_wait_avg_seconds: null, within_sla_pct: null });
    // Only `from`: a week from it.
    expect(await figuresFor(supervisor, '?from=2026-01-01')).toMatchObject({ from: '2026-01-01', to: '2026-01-07' });
  });

  it('exports one CSV row per counter per hour with stable columns', async () => {
    const response = await get(`/api/figures.csv?from=${figures.from}&to=${figures.to}`, supervisor);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="makaverse-figures-${figures.from}-${figures.to}.csv"`);
    const text = await response.text();
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([...FIGURES_CSV_COLUMNS]);
    expect(rows).toHaveLength(figures.rows.length);
    for (const row of rows) expect(row).toHaveLength(FIGURES_CSV_COLUMNS.length);
    const col = (name: (typeof FIGURES_CSV_COLUMNS)[number]) => FIGURES_CSV_COLUMNS.indexOf(name);
    const sum = (counter: string, name: (typeof FIGURES_CSV_COLUMNS)[number]) => rows.filter((r) => r[col('counter')] === counter).reduce((n, r) => n + Number(r[col(name)]), 0);
    expect(sum('hall', 'visits')).toBe(3);
    expect(sum('pu', 'queue_taken')).toBe(3);
    expect(sum('pu', 'queue_abandoned')).toBe(1);
    expect(sum('pu', 'complaints_filed')).toBe(2);
    expect(sum('general', 'information_filed')).toBe(1);
    for (const row of rows) {
      expect(row[col('hour_start')]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:00:00\+08:00$/);
      // Empty where nothing was measured; numbers otherwise; never a cell a spreadsheet would run.
      for (const cell of row.slice(2)) expect(cell).toMatch(/^(\d+(\.\d+)?)?$/);
      expect(row[col('counter')]).toMatch(/^[a-z][a-z0-9_-]*$/);
    }
    const officerCsv = parseCsv(await (await get('/api/figures.csv', officerPu)).text());
    expect(new Set(officerCsv.slice(1).map((r) => r[col('counter')]))).toEqual(new Set(['pu']));
  });

  it('carries no personal data: no names, contact, descriptions, session or tracking ids', async () => {
    const texts = [
      JSON.stringify(figures),
      await (await get('/api/figures', officerPu)).text(),
      await (await get('/api/figures.csv', supervisor)).text(),
      await (await get('/api/figures.csv', officerPu)).text(),
    ];
    const secrets = [...Object.values(PERSON), '081355552468', 'Daengmanye', CITIZEN_NAME, 'Wawan', 'Citra', 'Dedi', 'Andi', ...descriptions, ...sessionIds, ...trackingIds];
    for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
