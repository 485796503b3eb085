import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverySchema, serviceDefinitionSchema, serviceListItemSchema } from '../../src/shared/open311';
import { DATABASES, startServer, type TestServer } from '../helpers/server';

const xml = new XMLParser({ isArray: (name) => ['service', 'attribute', 'value', 'endpoint', 'format', 'error', 'request'].includes(name) });

describe.each(DATABASES)('Open311 discovery and services (%s)', (database) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({ database });
  });
  afterAll(() => s.cleanup());

  it('answers discovery in JSON and XML', async () => {
    const json = discoverySchema.parse(await (await fetch(`${s.url}/open311/v2/discovery.json`)).json());
    expect(json.endpoints[0].url).toBe(`${s.url}/open311/v2`);
    expect(json.endpoints[0].formats).toEqual(['text/xml', 'application/json']);
    const response = await fetch(`${s.url}/open311/v2/discovery.xml`);
    expect(response.headers.get('content-type')).toContain('text/xml');
    const doc = xml.parse(await response.text());
    expect(doc.discovery.endpoints.endpoint[0].formats.format).toEqual(['text/xml', 'application/json']);
  });

  it('lists every catalog service, in Indonesian by default and English on request', async () => {
    const id = serviceListItemSchema.array().parse(await (await fetch(`${s.url}/open311/v2/services.json`)).json());
    const en = serviceListItemSchema.array().parse(await (await fetch(`${s.url}/open311/v2/services.json?lang=en`)).json());
    expect(id.length).toBe(s.server.ctx.catalog.services.size);
    expect(id.length).toBeGreaterThanOrEqual(26);
    const drainId = id.find((x) => x.service_code === 'pu-drainase')!;
    const drainEn = en.find((x) => x.service_code === 'pu-drainase')!;
    expect(drainId.group).toBe('Dinas Pekerjaan Umum');
    expect(drainEn.service_name).not.toBe(drainId.service_name);
    expect(drainId.metadata).toBe(true);
    expect(id.filter((x) => x.type === 'batch').length).toBeGreaterThanOrEqual(1);
    const viaHeader = await (await fetch(`${s.url}/open311/v2/services.json`, { headers: { 'accept-language': 'en-US,en;q=0.9' } })).json();
    expect(viaHeader).toEqual(en);
  });

  it('gives service definitions with ordered attributes in JSON and XML', async () => {
    const def = serviceDefinitionSchema.parse(await (await fetch(`${s.url}/open311/v2/services/pu-drainase.json`)).json());
    expect(def.service_code).toBe('pu-drainase');
    expect(def.attributes.map((a) => a.order)).toEqual(def.attributes.map((_, i) => i + 1));
    const severity = def.attributes.find((a) => a.code === 'severity')!;
    expect(severity).toMatchObject({ datatype: 'singlevaluelist', required: true, variable: true });
    expect(severity.values!.map((v) => v.key)).toEqual(['ringan', 'sedang', 'parah']);
    const doc = xml.parse(await (await fetch(`${s.url}/open311/v2/services/pu-drainase.xml`)).text());
    expect(doc.service_definition.service_code).toBe('pu-drainase');
    expect(doc.service_definition.attributes.attribute.length).toBe(def.attributes.length);
    expect(doc.service_definition.attributes.attribute[0].values.value[0].key).toBe('ringan');
  });

  it('answers unknown services, formats and jurisdictions with the Open311 error shape', async () => {
    const missing = await fetch(`${s.url}/open311/v2/services/tidak-ada.json`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual([{ code: 404, description: expect.stringContaining('service_code') }]);
    const missingXml = await fetch(`${s.url}/open311/v2/services/tidak-ada.xml`);
    expect(missingXml.status).toBe(404);
    expect(xml.parse(await missingXml.text()).errors.error[0].code).toBe(404);
    expect((await fetch(`${s.url}/open311/v2/services.yaml`)).status).toBe(404);
    const wrongCity = await fetch(`${s.url}/open311/v2/services.json?jurisdiction_id=example.org`);
    expect(wrongCity.status).toBe(404);
    expect((await wrongCity.json())[0].description).toContain('jurisdiction_id');
  });
});
