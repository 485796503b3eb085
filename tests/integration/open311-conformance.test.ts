import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverySchema, postResultSchema, serviceDefinitionSchema, serviceListItemSchema, serviceRequestSchema, tokenResultSchema } from '../../src/shared/open311';
import { fieldsFromDefinition, GenericClient, isTrue, type AttributeLike, type Format, type Row } from '../helpers/genericClient';
import { DATABASES, startServer, uniqueText, type TestServer } from '../helpers/server';

/**
 * Walks the API as an outside GeoReport v2 client does: discovery → services → each
 * definition → a POST to every service with only what the definition says → read back by id
 * (and by token for batch services) → filters. In JSON and in XML, for every service.
 */

const PARTNER_KEY = 'conformance-partner-key-0001';
const FORMATS: Format[] = ['json', 'xml'];

/** JSON answers are also checked against the shapes the spec gives (src/shared/open311.ts). */
function checkShape(format: Format, schema: { parse(v: unknown): unknown }, body: unknown): void {
  if (format === 'json') schema.parse(body);
}

const list = (value: unknown): Row[] => (Array.isArray(value) ? (value as Row[]) : []);

describe.each(DATABASES)('Open311 conformance walk (%s)', (database) => {
  let s: TestServer;
  beforeAll(async () => {
    // A partner key of its own with room for a POST to every service in both formats.
    s = await startServer({ database, env: { OPEN311_API_KEYS: `conformance:${PARTNER_KEY}:1000` } });
  });
  afterAll(() => s.cleanup());

  describe.each(FORMATS)('in %s', (format) => {
    it('files a request to every service using only discovery and the definitions, and reads each back', { timeout: 300_000 }, async () => {
      const client = await GenericClient.discover(`${s.url}/open311/v2/discovery.${format}`, format, PARTNER_KEY);
      expect(client.base).toBe(`${s.url}/open311/v2`);
      if (format === 'json') discoverySchema.parse(await (await fetch(`${s.url}/open311/v2/discovery.json`)).json());

      const services = await client.get('services');
      expect(services.status).toBe(200);
      checkShape(format, serviceListItemSchema.array(), services.body);
      const serviceList = list(services.body);
      expect(serviceList.length).toBe(s.server.ctx.catalog.services.size);

      const filed: { code: string; id: string; description: string }[] = [];
      const failures: string[] = [];
      for (const service of serviceList) {
        const code = String(service.service_code);
        let attributes: AttributeLike[] = [];
        if (isTrue(service.metadata)) {
          const definition = await client.get(`services/${encodeURIComponent(code)}`);
          expect(definition.status, definition.text).toBe(200);
          checkShape(format, serviceDefinitionSchema, definition.body);
          attributes = list((definition.body as Row).attributes) as unknown as AttributeLike[];
          // Every required attribute is something a client can fill in: a variable.
          for (const a of attributes) if (isTrue(a.required)) expect(isTrue(a.variable), `${code} ${a.code}`).toBe(true);
        }
        const description = uniqueText(`Uji konformitas ${format}`);
        const posted = await client.post({
          service_code: code,
          lat: '-5.1477',
          long: '119.4327',
          address_string: 'Jl. Ahmad Yani No. 2, Makassar',
          description,
          ...fieldsFromDefinition(attributes),
        });
        if (posted.status !== 201) {
          failures.push(`${code}: ${posted.status} ${posted.text}`);
          continue;
        }
        checkShape(format, postResultSchema, posted.body);
        const result = list(posted.body)[0];
        let id = result.service_request_id ? String(result.service_request_id) : '';
        if (service.type === 'batch') {
          expect(id, code).toBe('');
          const token = String(result.token);
          const byToken = await client.get(`tokens/${token}`);
          expect(byToken.status, byToken.text).toBe(200);
          checkShape(format, tokenResultSchema, byToken.body);
          id = String(list(byToken.body)[0].service_request_id);
          expect(list(byToken.body)[0].token).toBe(token);
        }
        expect(id, `${code}: ${posted.text}`).toMatch(/^MKS-/);
        filed.push({ code, id, description });
      }
      expect(failures).toEqual([]);

      for (const { code, id, description } of filed) {
        const byId = await client.get(`requests/${id}`);
        expect(byId.status, byId.text).toBe(200);
        checkShape(format, serviceRequestSchema.array(), byId.body);
        const request = list(byId.body)[0];
        expect(request).toMatchObject({ service_request_id: id, service_code: code, status: 'open', description });
        expect(Number(request.lat)).toBe(-5.1477);
        expect(Number(request.long)).toBe(119.4327);
        // The contact a definition asked for is personal data: never in the public answer.
        expect(byId.text).not.toContain('081234567890');
        expect(byId.text).not.toContain('+6281234567890');
      }

      // Filters, as a client combines them.
      const ids = filed.map((f) => f.id);
      const byIds = await client.get('requests', `?service_request_id=${ids.slice(0, 20).join(',')}`);
      expect(byIds.status).toBe(200);
      expect(list(byIds.body).map((r) => r.service_request_id).sort()).toEqual(ids.slice(0, 20).sort());
      const [a, b] = filed;
      const twoServices = await client.get('requests', `?service_code=${a.code}&service_code=${b.code}&status=open`);
      expect(twoServices.status, twoServices.text).toBe(200);
      const found = list(twoServices.body);
      expect(found.map((r) => r.service_request_id)).toEqual(expect.arrayContaining([a.id, b.id]));
      expect(found.every((r) => (r.service_code === a.code || r.service_code === b.code) && r.status === 'open')).toBe(true);
      const now = Date.now();
      const window = `?start_date=${new Date(now - 86_400_000).toISOString()}&end_date=${new Date(now + 86_400_000).toISOString()}&service_code=${a.code}`;
      const dated = await client.get('requests', window);
      expect(dated.status, dated.text).toBe(200);
      expect(list(dated.body).map((r) => r.service_request_id)).toContain(a.id);
      const closed = await client.get('requests', `?status=closed&service_code=${a.code}`);
      expect(list(closed.body).map((r) => r.service_request_id)).not.toContain(a.id);
    });
  });
});
