import { XMLBuilder } from 'fast-xml-parser';
import type { FastifyReply } from 'fastify';
import type { Format } from '../../../shared/open311';
import { notFound } from './errors';

/** The XML element name of one item in each list the spec defines. */
const ITEM_NAMES: Record<string, string> = {
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
  notes: 'note',
  errors: 'error',
  services: 'service',
  service_requests: 'request',
};

const builder = new XMLBuilder({ format: false, suppressEmptyNode: false, processEntities: true });

function toXmlTree(value: unknown, key?: string): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    const item = (key && ITEM_NAMES[key]) ?? 'item';
    return { [item]: value.map((v) => toXmlTree(v, item)) };
  }
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toXmlTree(v, k)]));
  }
  return String(value);
}

/** Writes a GeoReport v2 answer as XML: `root` wraps the value, lists get the spec's element names. */
export function toXml(root: string, value: unknown): string {
  return `<?xml version="1.0" encoding="utf-8"?>${builder.build({ [root]: toXmlTree(value, root) })}`;
}

/** The format a path suffix asks for: `services.json` → json; `.json` → an empty name, for the route to name what is missing. */
export function splitFormat(file: string): { name: string; format: Format } {
  const dot = file.lastIndexOf('.');
  const format = dot >= 0 ? file.slice(dot + 1).toLowerCase() : '';
  if (format !== 'json' && format !== 'xml') throw notFound(`unknown format "${format || file}": use .json or .xml`);
  return { name: file.slice(0, dot), format };
}

/** Sends `value` in the requested format; `root` is the XML root element. */
export function sendOpen311(reply: FastifyReply, format: Format, root: string, value: unknown, status = 200): FastifyReply {
  reply.code(status);
  if (format === 'xml') return reply.type('text/xml; charset=utf-8').send(toXml(root, value));
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(value));
}
