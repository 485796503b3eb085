import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { toXml } from '../../src/server/http/open311/format';

describe('Open311 XML', () => {
  it('names list items as the spec does and escapes text', () => {
    const text = toXml('service_requests', [{ service_request_id: 'MKS-1', notes: [{ description: 'a < b & "c"' }], lat: null }]);
    expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?><service_requests><request>')).toBe(true);
    const doc = new XMLParser().parse(text);
    expect(doc.service_requests.request.notes.note.description).toBe('a < b & "c"');
    expect(text).toContain('<lat></lat>');
    expect(toXml('errors', [{ code: 404, description: 'x' }])).toContain('<errors><error><code>404</code>');
  });
});
