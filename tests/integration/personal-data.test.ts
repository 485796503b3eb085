import { afterAll, describe, expect, it } from 'vitest';
import { decryptPersonal } from '../../src/server/auth/pii';
import { postResultSchema } from '../../src/shared/open311';
import { drainageComplaint, postForm, spawnServer, startServer, removeDir, tempDir } from '../helpers/server';

const NIK = '7371015708900003';
const PERSON = { first_name: 'Andi', last_name: 'Mappanyukki', email: 'andi.mappanyukki@example.id', phone: '0812-3456-7890' };

function ktpFields(apiKey: string): Record<string, string> {
  return {
    api_key: apiKey,
    service_code: 'disdukcapil-ktp-el',
    ...PERSON,
    'attribute[nik]': NIK,
    'attribute[kecamatan]': 'rappocini',
    'attribute[kelurahan]': 'Banta-Bantaeng',
    'attribute[reason]': 'hilang',
  };
}

const SECRETS = [NIK, PERSON.first_name, PERSON.last_name, PERSON.email, '3456', 'Mappanyukki'];

describe('personal data', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await removeDir(d);
  });

  it('keeps name, email, phone and NIK out of public answers and stores them encrypted', async () => {
    const s = await startServer();
    dirs.push(s.config.dataDir);
    try {
      const def = s.server.ctx.catalog.services.get('disdukcapil-ktp-el')!.service;
      const fields = ktpFields(s.apiKey);
      for (const a of def.attributes) {
        if (a.required && !(`attribute[${a.code}]` in fields)) fields[`attribute[${a.code}]`] = a.values ? a.values[0].key : 'x';
      }
      // Values must be valid for the catalog as written.
      for (const a of def.attributes) {
        if (a.values && fields[`attribute[${a.code}]`] && !a.values.some((v) => v.key === fields[`attribute[${a.code}]`])) fields[`attribute[${a.code}]`] = a.values[0].key;
      }
      const response = await postForm(s.url, fields);
      expect(response.status, await response.clone().text()).toBe(201);
      const id = postResultSchema.parse(await response.json())[0].service_request_id!;
      const complaint = await postForm(s.url, drainageComplaint(s.apiKey, { description: `Hubungi saya di 0812 3456 7890 atau ${PERSON.email}, NIK ${NIK}` }));
      const complaintId = postResultSchema.parse(await complaint.json())[0].service_request_id!;

      const publicTexts = await Promise.all(
        [
          `requests/${id}.json?extensions=true`,
          `requests/${id}.xml?extensions=true`,
          `requests.json?extensions=true`,
          `requests.xml`,
          `requests/${complaintId}.json?extensions=true`,
        ].map(async (path) => (await fetch(`${s.url}/open311/v2/${path}`)).text()),
      );
      for (const text of publicTexts) {
        for (const secret of SECRETS) expect(text).not.toContain(secret);
      }
      expect(publicTexts[4]).toContain('[telepon]');
      expect(publicTexts[4]).toContain('[email]');
      expect(publicTexts[4]).toContain('[NIK/KK]');

      const row = await s.server.ctx.db.selectFrom('service_requests').selectAll().where('service_request_id', '=', id).executeTakeFirstOrThrow();
      const stored = JSON.stringify(row);
      for (const secret of SECRETS) expect(stored).not.toContain(secret);
      const personal = decryptPersonal(s.server.ctx.secrets.piiKey, row.personal_data!);
      expect(personal.private_attributes.nik).toBe(NIK);
      expect(personal.contact).toEqual({ ...PERSON, phone: '+6281234567890' });

      const badNik = await postForm(s.url, { ...fields, 'attribute[nik]': '1234' });
      expect(badNik.status).toBe(400);
      expect((await badNik.json())[0].description).toContain('attribute[nik]');
      const anonymous = await postForm(s.url, { ...fields, first_name: '', last_name: '', email: '', phone: '' });
      expect(anonymous.status).toBe(400);
      expect((await anonymous.json())[0].description).toMatch(/^contact:/);
    } finally {
      await s.close();
    }
  });

  it('never writes personal data into the server log', { timeout: 180_000 }, async () => {
    const dataDir = await tempDir();
    dirs.push(dataDir);
    const server = await spawnServer({ DATA_DIR: dataDir, LOG_LEVEL: 'trace' });
    try {
      const key = (await (await fetch(`${server.url}/api/client-config`)).json()).api_key as string;
      const fields = ktpFields(key);
      const query = new URLSearchParams(fields).toString();
      await postForm(server.url, fields);
      await postForm(server.url, { ...fields, 'attribute[nik]': 'bad' });
      await fetch(`${server.url}/open311/v2/requests.json?${query}`);
      await new Promise((r) => setTimeout(r, 300));
      const log = server.output();
      expect(log).toContain('/open311/v2/requests.json');
      for (const secret of [...SECRETS, key]) expect(log).not.toContain(secret);
    } finally {
      server.child.kill('SIGTERM');
    }
  });
});
