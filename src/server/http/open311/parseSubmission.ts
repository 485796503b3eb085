import type { SubmissionInput } from '../../../shared/submission';
import { badRequest } from './errors';

const SCALAR_FIELDS = [
  'service_code',
  'lat',
  'long',
  'address_string',
  'address_id',
  'zipcode',
  'email',
  'device_id',
  'account_id',
  'first_name',
  'last_name',
  'phone',
  'description',
  'media_url',
] as const;

const ATTRIBUTE_KEY = /^attribute\[([^\][]{1,64})\](\[\])?$/;
const MAX_ATTRIBUTES = 100;
const MAX_LIST = 100;

function scalar(field: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw badRequest(`${field}: must be a single value`);
}

/**
 * Reads a POST body (form-encoded as the spec says, or JSON) into a submission: scalar
 * fields, `attribute[CODE]` and `attribute[CODE][]`, or a JSON `attributes` object.
 * Anything of the wrong shape is refused with the name of the field.
 */
export function parseSubmission(body: unknown): SubmissionInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('body: expected form fields or a JSON object');
  const record = body as Record<string, unknown>;
  const input: SubmissionInput = {};
  for (const field of SCALAR_FIELDS) {
    if (Object.hasOwn(record, field)) input[field] = scalar(field, record[field]);
  }
  // A null-prototype object: attribute codes such as "__proto__" stay plain keys.
  const attributes: Record<string, string | string[]> = Object.create(null);
  const put = (code: string, value: unknown, list: boolean) => {
    const field = `attribute[${code}]`;
    if (Object.keys(attributes).length >= MAX_ATTRIBUTES) throw badRequest('attribute: too many attributes');
    if (Array.isArray(value) || list) {
      const items = Array.isArray(value) ? value : [value];
      if (items.length > MAX_LIST) throw badRequest(`${field}: too many values`);
      attributes[code] = items.map((v) => scalar(field, v) ?? '');
    } else {
      const v = scalar(field, value);
      if (v !== undefined) attributes[code] = v;
    }
  };
  for (const [key, value] of Object.entries(record)) {
    const m = ATTRIBUTE_KEY.exec(key);
    if (m) put(m[1], value, Boolean(m[2]));
  }
  for (const objectKey of ['attributes', 'attribute']) {
    const nested = record[objectKey];
    if (nested === undefined) continue;
    if (typeof nested !== 'object' || nested === null || Array.isArray(nested)) throw badRequest(`${objectKey}: expected an object of attribute codes`);
    for (const [code, value] of Object.entries(nested)) put(code, value, false);
  }
  input.attributes = attributes;
  return input;
}
