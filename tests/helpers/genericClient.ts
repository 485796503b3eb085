import { XMLParser } from 'fast-xml-parser';

/**
 * A GeoReport v2 client that knows nothing of Makaverse: it finds the endpoint through
 * discovery and learns every service's requirements from its definition, as the outside
 * validators and client libraries do. Answers in XML are read into the JSON shapes, with
 * every value a string (XML has no types), so the two formats are checked the same way.
 */

export type Format = 'json' | 'xml';
export type Row = Record<string, unknown>;

const LISTS = ['endpoint', 'format', 'service', 'attribute', 'value', 'request', 'error', 'note'];
const xml = new XMLParser({ parseTagValue: false, isArray: (name) => LISTS.includes(name) });

/** Unwraps XML's list elements (`<attributes><attribute>…`) into plain arrays. */
function unwrap(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrap);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Row);
    if (entries.length === 1 && LISTS.includes(entries[0][0]) && Array.isArray(entries[0][1])) return unwrap(entries[0][1]);
    return Object.fromEntries(entries.map(([k, v]) => [k, unwrap(v)]));
  }
  return value;
}

/** The body as JSON-shaped data: the root element's content for XML (`''` for an empty list). */
export function readBody(text: string, format: Format): unknown {
  if (format === 'json') return JSON.parse(text);
  const doc = xml.parse(text) as Row;
  const root = Object.entries(doc).find(([k]) => k !== '?xml');
  if (!root) throw new Error(`no root element in ${text.slice(0, 200)}`);
  const body = unwrap(root[1]);
  // An empty list is written <service_requests></service_requests>.
  if (body === '' && ['service_requests', 'services', 'errors'].includes(root[0])) return [];
  return body;
}

export interface Answer {
  status: number;
  body: unknown;
  text: string;
  headers: Headers;
}

export class GenericClient {
  constructor(
    /** The endpoint URL discovery gave. */
    readonly base: string,
    readonly format: Format,
    readonly apiKey: string,
  ) {}

  /** Reads discovery at `discoveryUrl` and takes its first endpoint that speaks the format. */
  static async discover(discoveryUrl: string, format: Format, apiKey: string): Promise<GenericClient> {
    const response = await fetch(discoveryUrl);
    if (!response.ok) throw new Error(`discovery answered ${response.status}`);
    const discovery = readBody(await response.text(), discoveryUrl.endsWith('.xml') ? 'xml' : 'json') as { endpoints: { url: string; formats: string[] }[] };
    const mime = format === 'json' ? 'application/json' : 'text/xml';
    const endpoint = discovery.endpoints.find((e) => e.formats.includes(mime));
    if (!endpoint) throw new Error(`no endpoint speaks ${mime}`);
    return new GenericClient(endpoint.url, format, apiKey);
  }

  async get(path: string, query = ''): Promise<Answer> {
    const response = await fetch(`${this.base}/${path}.${this.format}${query}`);
    const text = await response.text();
    return { status: response.status, body: readBody(text, this.format), text, headers: response.headers };
  }

  async post(fields: Record<string, string | string[]>): Promise<Answer> {
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries({ api_key: this.apiKey, ...fields })) for (const item of Array.isArray(v) ? v : [v]) form.append(k, item);
    const response = await fetch(`${this.base}/requests.${this.format}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    const text = await response.text();
    return { status: response.status, body: readBody(text, this.format), text, headers: response.headers };
  }
}

export interface AttributeLike {
  code: string;
  variable: unknown;
  required: unknown;
  datatype: string;
  datatype_description?: unknown;
  values?: { key: string }[] | unknown;
}

/** XML writes booleans as text. */
export const isTrue = (value: unknown): boolean => value === true || value === 'true';

/** The example a definition gives in words ("e.g. 081234567890", "contoh: …", "mis. …"), if any. */
export function exampleIn(description: unknown): string | undefined {
  if (typeof description !== 'string') return undefined;
  return /(?:e\.g\.|mis\.|contoh:?)\s*([^\s,;()]+)/i.exec(description)?.[1]?.replace(/[.]$/, '');
}

/**
 * The form fields a person would type following only the definition: the first choice of
 * each list, the definition's own example for a string, a number, an ISO datetime.
 */
export function fieldsFromDefinition(attributes: AttributeLike[]): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const a of attributes) {
    if (!isTrue(a.variable)) continue;
    const values = Array.isArray(a.values) ? (a.values as { key: unknown }[]) : [];
    const example = exampleIn(a.datatype_description);
    switch (a.datatype) {
      case 'singlevaluelist':
        fields[`attribute[${a.code}]`] = String(values[0].key);
        break;
      case 'multivaluelist':
        fields[`attribute[${a.code}][]`] = [String(values[0].key)];
        break;
      case 'number':
        fields[`attribute[${a.code}]`] = example && Number.isFinite(Number(example)) ? example : '1';
        break;
      case 'datetime':
        fields[`attribute[${a.code}]`] = '2026-11-20T10:00:00+08:00';
        break;
      default:
        fields[`attribute[${a.code}]`] = example ?? 'uji konformitas';
    }
  }
  return fields;
}
