import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../src/server/auth/staffStore';
import { openDatabase } from '../../src/server/db/database';
import { postResultSchema } from '../../src/shared/open311';
import { seedPglite } from '../helpers/pgliteTemplate';
import { login } from '../helpers/rooms';
import { DATABASES, drainageComplaint, postForm, removeDir, ROOT, startServer, tempDir, type TestServer } from '../helpers/server';

const run = promisify(execFile);
const PASSWORD = 'kata-sandi-wilayah-13';
const TAMALANREA = '73.71.14';
const TAMALANREA_INDAH = '73.71.14.1003';
const KAPASA = '73.71.14.1002';
const BONTORANNU = '73.71.01.1001';
const headers = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

describe.each(DATABASES)('area officers: camat and lurah (%s)', (database) => {
  let s: TestServer;
  const token: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    s = await startServer({ database });
    const db = s.server.ctx.db;
    await addStaff(db, { username: 'camat.tamalanrea', display_name: 'Camat Tamalanrea', role: 'area', agency_code: null, area_code: TAMALANREA, password: PASSWORD });
    await addStaff(db, { username: 'lurah.tamalanrea-indah', display_name: 'Lurah Tamalanrea Indah', role: 'area', agency_code: null, area_code: TAMALANREA_INDAH, password: PASSWORD });
    await addStaff(db, { username: 'andi.pu', display_name: 'Andi', role: 'officer', agency_code: 'pu', password: PASSWORD });
    await addStaff(db, { username: 'sari.pengawas', display_name: 'Sari', role: 'supervisor', agency_code: null, password: PASSWORD });
    for (const [key, user] of [['camat', 'camat.tamalanrea'], ['lurah', 'lurah.tamalanrea-indah'], ['pu', 'andi.pu'], ['sup', 'sari.pengawas']]) token[key] = await login(s.url, user, PASSWORD);
    const file = async (fields: Record<string, string | string[]>) => {
      const response = await postForm(s.url, fields);
      expect(response.status).toBe(201);
      return postResultSchema.parse(await response.json())[0].service_request_id!;
    };
    ids.drainInIndah = await file(drainageComplaint(s.apiKey, { address_id: TAMALANREA_INDAH }));
    ids.rubbishInKapasa = await file({ api_key: s.apiKey, service_code: 'dlh-sampah', address_id: KAPASA, description: 'Sampah menumpuk', 'attribute[problem]': 'tumpukan_liar' });
    ids.drainElsewhere = await file(drainageComplaint(s.apiKey, { address_id: BONTORANNU }));
    ids.drainNoPlace = await file(drainageComplaint(s.apiKey));
  });
  afterAll(async () => {
    await s.cleanup();
  });

  const list = async (who: string, query = '') => {
    const response = await fetch(`${s.url}/api/staff/cases?limit=200${query}`, { headers: headers(token[who]) });
    return { status: response.status, body: await response.json() };
  };
  const listed = async (who: string, query = '') => ((await list(who, query)).body.cases as { service_request_id: string }[]).map((c) => c.service_request_id);
  const post = (who: string, path: string, body: unknown) => fetch(`${s.url}/api/staff${path}`, { method: 'POST', headers: headers(token[who]), body: JSON.stringify(body) });
  const refusals = (id: string) => s.server.ctx.db.selectFrom('audit_log').select(['action', 'detail', 'staff_id']).where('action', '=', 'refused').where('target', '=', id).execute();

  it('sees every case in the area across agencies, and nothing outside it', async () => {
    const camat = await listed('camat');
    expect(camat).toEqual(expect.arrayContaining([ids.drainInIndah, ids.rubbishInKapasa]));
    expect(camat).not.toContain(ids.drainElsewhere);
    expect(camat).not.toContain(ids.drainNoPlace);
    const lurah = await listed('lurah');
    expect(lurah).toContain(ids.drainInIndah);
    expect(lurah).not.toContain(ids.rubbishInKapasa);
    // The profile says the area.
    const me = await (await fetch(`${s.url}/api/staff/me`, { headers: headers(token.camat) })).json();
    expect(me.staff).toMatchObject({ role: 'area', area_code: TAMALANREA, agency_code: null });

    const detail = await (await fetch(`${s.url}/api/staff/cases/${ids.rubbishInKapasa}`, { headers: headers(token.camat) })).json();
    expect(detail.case.role).toBe('area');
    expect((await fetch(`${s.url}/api/staff/cases/${ids.drainInIndah}/photos`, { headers: headers(token.lurah) })).status).toBe(200);
    expect((await fetch(`${s.url}/api/staff/cases/${ids.drainElsewhere}/photos`, { headers: headers(token.lurah) })).status).toBe(404);
  });

  it('is refused a case outside the area, and the refusal is audited', async () => {
    const response = await fetch(`${s.url}/api/staff/cases/${ids.drainElsewhere}`, { headers: headers(token.camat) });
    expect(response.status).toBe(404);
    expect((await post('camat', `/cases/${ids.drainElsewhere}/entries`, { text: 'Kami bantu cek', public: true })).status).toBe(403);
    const audited = await refusals(ids.drainElsewhere);
    expect(audited.map((a) => a.detail)).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'view', area: TAMALANREA }), expect.objectContaining({ action: 'reply' })]));
  });

  it('adds notes and public replies in the area, but moves no stage, transfers nothing and merges nothing', async () => {
    expect((await post('camat', `/cases/${ids.rubbishInKapasa}/entries`, { text: 'Kami minta RT setempat membantu.', public: true })).status).toBe(201);
    expect((await post('lurah', `/cases/${ids.drainInIndah}/entries`, { text: 'Lurah sudah cek lokasi.', public: false })).status).toBe(201);
    const publicView = await (await fetch(`${s.url}/open311/v2/requests/${ids.rubbishInKapasa}.json?extensions=true`)).json();
    expect(JSON.stringify(publicView)).toContain('Kami minta RT setempat membantu.');

    const before = (await refusals(ids.drainInIndah)).length;
    const stage = await post('lurah', `/cases/${ids.drainInIndah}/stage`, { stage: 'in_progress' });
    expect(stage.status).toBe(403);
    expect((await stage.json())[0].description).toMatch(/only the lead agency or a supervisor/);
    expect((await post('lurah', `/cases/${ids.drainInIndah}/transfer`, { agency: 'dlh', reason: 'bukan PU' })).status).toBe(403);
    expect((await post('lurah', `/cases/${ids.drainInIndah}/support`, { agency: 'dlh', reason: 'bantu' })).status).toBe(403);
    expect((await post('camat', `/cases/${ids.drainInIndah}/merge`, { into: ids.rubbishInKapasa })).status).toBe(403);
    expect((await refusals(ids.drainInIndah)).length).toBe(before + 4);
    const row = await s.server.ctx.db.selectFrom('service_requests').select(['stage', 'agency_code']).where('service_request_id', '=', ids.drainInIndah).executeTakeFirstOrThrow();
    expect(row).toEqual({ stage: 'received', agency_code: 'pu' });
  });

  it('can be asked to help as a supporting party, even with a case that names no kelurahan', async () => {
    expect((await post('pu', `/cases/${ids.drainNoPlace}/support`, { agency: 'area:99.99.99', reason: 'bantu' })).status).toBe(400);
    expect((await post('pu', `/cases/${ids.drainNoPlace}/support`, { agency: `area:${TAMALANREA_INDAH}`, reason: 'Mohon lurah membantu memastikan lokasi.' })).status).toBe(200);
    expect(await listed('lurah', '&view=support')).toEqual([ids.drainNoPlace]);
    expect(await listed('lurah')).toContain(ids.drainNoPlace);
    expect(await listed('camat')).not.toContain(ids.drainNoPlace);
    const detail = await (await fetch(`${s.url}/api/staff/cases/${ids.drainNoPlace}`, { headers: headers(token.lurah) })).json();
    expect(detail.case.role).toBe('support');
    expect(detail.case.support_agencies).toContain(`area:${TAMALANREA_INDAH}`);
    expect((await post('lurah', `/cases/${ids.drainNoPlace}/entries`, { text: 'Lokasinya di depan Pasar Daya.', public: false })).status).toBe(201);
    expect((await post('lurah', `/cases/${ids.drainNoPlace}/stage`, { stage: 'in_progress' })).status).toBe(403);
  });

  it('lets supervisors filter cases and figures by kecamatan', async () => {
    const inTamalanrea = await listed('sup', `&kecamatan=${TAMALANREA}`);
    expect(inTamalanrea).toEqual(expect.arrayContaining([ids.drainInIndah, ids.rubbishInKapasa]));
    expect(inTamalanrea).not.toContain(ids.drainElsewhere);
    expect(inTamalanrea).not.toContain(ids.drainNoPlace);
    expect((await list('sup', '&kecamatan=99.99.99')).status).toBe(400);
    expect((await list('sup', '&kecamatan=%27%20or%201%3D1--')).status).toBe(400);

    const figures = async (query: string) => fetch(`${s.url}/api/figures${query}`, { headers: headers(token.sup) });
    const all = await (await figures('')).json();
    const tamalanrea = await (await figures(`?kecamatan=${TAMALANREA}`)).json();
    expect(all.overall.complaints_filed).toBe(4);
    expect(tamalanrea.overall.complaints_filed).toBe(2);
    expect(tamalanrea.kecamatan).toBe(TAMALANREA);
    expect(tamalanrea.kecamatan_list).toContainEqual({ code: TAMALANREA, name: 'Tamalanrea' });
    expect((await figures('?kecamatan=99.99.99')).status).toBe(400);
    expect((await figures('?kecamatan=abc')).status).toBe(400);
    const csv = await (await fetch(`${s.url}/api/figures.csv?kecamatan=${TAMALANREA}`, { headers: headers(token.sup) })).text();
    expect(csv.split('\n')[0]).toContain('complaints_filed');
  });
});

describe('npm run staff -- add --role area', () => {
  it('adds a camat for a kecamatan code and refuses an unknown area', { timeout: 120_000 }, async () => {
    const dataDir = await tempDir();
    try {
      await seedPglite(dataDir);
      const env = { ...process.env, DATA_DIR: dataDir, SCENES_DIR: join(ROOT, 'scenes'), LOG_LEVEL: 'silent' };
      const script = join(ROOT, 'scripts/staff.ts');
      const tsx = join(ROOT, 'node_modules/.bin/tsx');
      const added = await run(tsx, [script, 'add', '--username', 'camat.tamalanrea', '--name', 'Camat Tamalanrea', '--role', 'area', '--area', TAMALANREA, '--password', PASSWORD], { env, cwd: ROOT });
      expect(added.stdout).toContain(`added as area for ${TAMALANREA}`);
      const refused = await run(tsx, [script, 'add', '--username', 'lurah.x', '--name', 'Lurah X', '--role', 'area', '--area', '73.71.14.9999'], { env, cwd: ROOT }).catch((e: { code: number; stderr: string }) => e);
      expect((refused as { code: number }).code).toBe(2);
      expect((refused as { stderr: string }).stderr).toMatch(/--area: a Makassar kecamatan/);
      const database = await openDatabase({ dataDir });
      const rows = await database.db.selectFrom('staff').select(['username', 'role', 'area_code', 'agency_code']).execute();
      await database.close();
      expect(rows).toEqual([{ username: 'camat.tamalanrea', role: 'area', area_code: TAMALANREA, agency_code: null }]);
    } finally {
      await removeDir(dataDir);
    }
  });
});
