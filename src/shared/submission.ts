import type { Attribute, Service } from './catalog';
import { CONTACT_NAME, CONTACT_REACH, MAX_ATTRIBUTE_TEXT, MAX_DESCRIPTION, MAX_NAME } from './constants';
import { contactAttributes } from './contactAttributes';
import { parseZonedDatetime } from './datetime';
import type { Lang, Localized } from './i18n';
import { isValidNik, normalizePhone } from './personal';

/** A service request as the citizen filled it in, before validation (strings as typed). */
export interface SubmissionInput {
  service_code?: string;
  lat?: string | number;
  long?: string | number;
  address_string?: string;
  address_id?: string;
  zipcode?: string;
  email?: string;
  device_id?: string;
  account_id?: string;
  first_name?: string;
  last_name?: string;
  phone?: string;
  description?: string;
  media_url?: string;
  attributes?: Record<string, string | string[] | undefined>;
}

/** A submission that passed validation: trimmed, typed, and with attribute values checked. */
export interface Submission {
  service_code: string;
  lat: number | null;
  long: number | null;
  address_string: string | null;
  address_id: string | null;
  zipcode: string | null;
  description: string | null;
  media_url: string | null;
  device_id: string | null;
  account_id: string | null;
  /** Personal data: stored encrypted, never shown in public answers or logs. */
  contact: { first_name: string | null; last_name: string | null; email: string | null; phone: string | null };
  /** Attribute values that are not personal data, by attribute code. */
  attributes: Record<string, string | number | string[]>;
  /** Personal attribute values (NIK, KK): stored encrypted only. */
  private_attributes: Record<string, string>;
}

export type FieldErrorCode =
  | 'required'
  | 'too_long'
  | 'not_number'
  | 'not_datetime'
  | 'not_in_list'
  | 'unknown_attribute'
  | 'bad_nik'
  | 'bad_kk'
  | 'bad_phone'
  | 'bad_email'
  | 'bad_url'
  | 'bad_coordinates'
  | 'location_required'
  | 'contact_required'
  | 'bad_contact';

export interface FieldError {
  /** The Open311 field name: `lat`, `description`, `attribute[severity]`, ... */
  field: string;
  code: FieldErrorCode;
  max?: number;
}

const MESSAGES: Record<FieldErrorCode, Localized> = {
  required: { id: 'wajib diisi', en: 'is required' },
  too_long: { id: 'terlalu panjang (maksimal {max} karakter)', en: 'is too long (at most {max} characters)' },
  not_number: { id: 'harus berupa angka', en: 'must be a number' },
  not_datetime: { id: 'harus berupa tanggal dan jam yang valid', en: 'must be a valid date and time' },
  not_in_list: { id: 'pilihan tidak tersedia', en: 'is not one of the choices' },
  unknown_attribute: { id: 'tidak dikenal untuk layanan ini', en: 'is not an attribute of this service' },
  bad_nik: { id: 'NIK harus 16 digit angka yang valid', en: 'NIK must be a valid 16-digit number' },
  bad_kk: { id: 'Nomor KK harus 16 digit angka', en: 'KK number must be 16 digits' },
  bad_phone: { id: 'nomor HP tidak valid (contoh: 0812 3456 7890)', en: 'is not a valid mobile number (e.g. 0812 3456 7890)' },
  bad_email: { id: 'alamat email tidak valid', en: 'is not a valid email address' },
  bad_url: { id: 'harus berupa tautan http(s)', en: 'must be an http(s) link' },
  bad_coordinates: { id: 'koordinat tidak valid', en: 'are not valid coordinates' },
  location_required: {
    id: 'lokasi wajib diisi (titik peta atau alamat)',
    en: 'a location is required (map point or address)',
  },
  contact_required: {
    id: 'layanan ini memerlukan nama dan nomor HP atau email',
    en: 'this service needs your name and a mobile number or email',
  },
  bad_contact: {
    id: 'isi nomor HP (contoh: 0812 3456 7890) atau alamat email yang valid',
    en: 'give a valid mobile number (e.g. 0812 3456 7890) or email address',
  },
};

/** A field error in words a citizen understands, in the chosen language. */
export function describeFieldError(error: FieldError, lang: Lang): string {
  return MESSAGES[error.code][lang].replace('{max}', String(error.max ?? ''));
}

/** "field: what is wrong" for each error, as the APIs answer a refused submission. */
export function describeFieldErrors(errors: readonly FieldError[], lang: Lang): string[] {
  return errors.map((e) => `${e.field}: ${describeFieldError(e, lang)}`);
}

const MAX_STRING = 200;
const MAX_SHORT = 100;
const MAX_URL = 2000;
export const EMAIL_SHAPE = /^[^\s@]{1,64}@[^\s@]{1,185}\.[^\s@]{2,}$/;

/** Trims, removes control characters but newlines and tabs, and turns "" into undefined. */
export function cleanText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  // eslint-disable-next-line no-control-regex
  const text = String(value).replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim();
  return text === '' ? undefined : text;
}

/** A decimal as clients write it: sign, point and exponent allowed (`+5.1`, `1.194e2`, `.5`); no hex, no Infinity. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d{1,3})?$/i;

function parseNumber(value: string | number | undefined): number | undefined | null {
  if (value === undefined || value === '') return undefined;
  const n = typeof value === 'number' ? value : DECIMAL.test(value.trim()) ? Number(value.trim()) : NaN;
  return Number.isFinite(n) ? n : null;
}

/** A contact attribute's value as one trimmed string; a list or an over-long value is refused by name. */
function contactText(raw: string | string[] | undefined, field: string, max: number, errors: FieldError[]): string | undefined {
  if (Array.isArray(raw)) {
    errors.push({ field, code: 'too_long', max });
    return undefined;
  }
  const value = cleanText(raw);
  if (value && value.length > max) {
    errors.push({ field, code: 'too_long', max });
    return undefined;
  }
  return value;
}

function checkAttribute(
  attr: Attribute,
  raw: string | string[] | undefined,
  errors: FieldError[],
): string | number | string[] | undefined {
  const field = `attribute[${attr.code}]`;
  if (attr.datatype === 'multivaluelist') {
    const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(cleanText).filter((v): v is string => !!v);
    if (list.length === 0) {
      if (attr.required) errors.push({ field, code: 'required' });
      return undefined;
    }
    const keys = new Set(attr.values?.map((v) => v.key));
    if (list.some((v) => !keys.has(v))) errors.push({ field, code: 'not_in_list' });
    return [...new Set(list)];
  }
  if (Array.isArray(raw)) {
    errors.push({ field, code: attr.datatype === 'singlevaluelist' ? 'not_in_list' : 'too_long', max: MAX_STRING });
    return undefined;
  }
  const text = cleanText(raw);
  if (text === undefined) {
    if (attr.required) errors.push({ field, code: 'required' });
    return undefined;
  }
  switch (attr.datatype) {
    case 'number': {
      const n = parseNumber(text);
      if (n === null || n === undefined) errors.push({ field, code: 'not_number' });
      return n ?? undefined;
    }
    case 'datetime':
      if (!parseZonedDatetime(text)) errors.push({ field, code: 'not_datetime' });
      return text;
    case 'singlevaluelist':
      if (!attr.values?.some((v) => v.key === text)) errors.push({ field, code: 'not_in_list' });
      return text;
    case 'text':
      if (text.length > MAX_ATTRIBUTE_TEXT) errors.push({ field, code: 'too_long', max: MAX_ATTRIBUTE_TEXT });
      return text;
    case 'string': {
      if (text.length > MAX_STRING) {
        errors.push({ field, code: 'too_long', max: MAX_STRING });
        return text;
      }
      if (attr.format === 'nik' && !isValidNik(text)) errors.push({ field, code: 'bad_nik' });
      if (attr.format === 'kk' && !/^\d{16}$/.test(text.replace(/\s/g, ''))) errors.push({ field, code: 'bad_kk' });
      if (attr.format === 'phone') {
        const phone = normalizePhone(text);
        if (!phone) errors.push({ field, code: 'bad_phone' });
        return phone ?? text;
      }
      return attr.format ? text.replace(/\s/g, '') : text;
    }
  }
}

/**
 * Validates a submission against its service definition. The same function checks the
 * citizen's form in the browser and the POST on the server, so both say the same thing.
 */
export function validateSubmission(
  service: Service,
  input: SubmissionInput,
): { ok: true; value: Submission } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const text = (field: keyof SubmissionInput, max: number): string | null => {
    const value = cleanText(input[field]);
    if (value === undefined) return null;
    if (value.length > max) errors.push({ field, code: 'too_long', max });
    return value;
  };

  const lat = parseNumber(input.lat);
  const long = parseNumber(input.long);
  let latValue: number | null = null;
  let longValue: number | null = null;
  if (lat !== undefined || long !== undefined) {
    if (lat === undefined || lat === null || Math.abs(lat) > 90) errors.push({ field: 'lat', code: 'bad_coordinates' });
    else latValue = lat;
    if (long === undefined || long === null || Math.abs(long) > 180) errors.push({ field: 'long', code: 'bad_coordinates' });
    else longValue = long;
  }
  const address_string = text('address_string', MAX_STRING);
  const address_id = text('address_id', MAX_SHORT);
  if (service.location === 'required' && latValue === null && !address_string && !address_id && !errors.some((e) => e.field === 'lat' || e.field === 'long')) {
    errors.push({ field: 'location', code: 'location_required' });
  }

  const description = text('description', MAX_DESCRIPTION);
  const media_url = text('media_url', MAX_URL);
  if (media_url && !/^https?:\/\/[^\s]+$/i.test(media_url)) errors.push({ field: 'media_url', code: 'bad_url' });

  const given = input.attributes ?? {};
  let first_name = text('first_name', MAX_NAME);
  const last_name = text('last_name', MAX_NAME);
  let email = text('email', 254);
  if (email && !EMAIL_SHAPE.test(email)) errors.push({ field: 'email', code: 'bad_email' });
  const rawPhone = cleanText(input.phone);
  let phone = rawPhone ? normalizePhone(rawPhone) : null;
  if (rawPhone && !phone) errors.push({ field: 'phone', code: 'bad_phone' });
  // The definition's contact attributes fill the spec's contact fields a client left empty.
  const contactAttrs = contactAttributes(service);
  const nameField = `attribute[${CONTACT_NAME}]`;
  const reachField = `attribute[${CONTACT_REACH}]`;
  if (contactAttrs.length > 0) {
    const name = contactText(given[CONTACT_NAME], nameField, MAX_NAME, errors);
    if (name && !first_name && !last_name) first_name = name;
    const reach = contactText(given[CONTACT_REACH], reachField, 254, errors);
    if (reach && reach.includes('@')) {
      if (!EMAIL_SHAPE.test(reach)) errors.push({ field: reachField, code: 'bad_contact' });
      else email ??= reach;
    } else if (reach) {
      const reachPhone = normalizePhone(reach);
      if (!reachPhone) errors.push({ field: reachField, code: 'bad_contact' });
      else if (!rawPhone) phone = reachPhone;
    }
  }
  // A contact attribute already refused by name says enough.
  const contactRefused = errors.some((e) => e.field === nameField || e.field === reachField);
  if (!service.anonymous_allowed && !contactRefused && (!(first_name || last_name) || !(email || rawPhone || phone))) {
    errors.push({ field: 'contact', code: 'contact_required' });
  }

  const attributes: Submission['attributes'] = {};
  const private_attributes: Submission['private_attributes'] = {};
  for (const code of Object.keys(given)) {
    const known = service.attributes.some((a) => a.code === code) || contactAttrs.some((a) => a.code === code);
    if (!known) errors.push({ field: `attribute[${code}]`, code: 'unknown_attribute' });
  }
  for (const attr of service.attributes) {
    if (!attr.variable) continue;
    const value = checkAttribute(attr, given[attr.code], errors);
    if (value === undefined) continue;
    if (attr.format === 'nik' || attr.format === 'kk') private_attributes[attr.code] = String(value);
    else attributes[attr.code] = value;
  }

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      service_code: service.code,
      lat: latValue,
      long: longValue,
      address_string,
      address_id,
      zipcode: text('zipcode', 10),
      description,
      media_url,
      device_id: text('device_id', MAX_SHORT),
      account_id: text('account_id', MAX_SHORT),
      contact: { first_name, last_name, email, phone },
      attributes,
      private_attributes,
    },
  };
}
