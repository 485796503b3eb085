import { describe, expect, it } from 'vitest';
import { buildCatalog, SceneError } from '../../src/shared/catalog';
import { CONTACT_NAME, CONTACT_REACH } from '../../src/shared/constants';
import { contactAttributes, datatypeDescription, FORMAT_EXAMPLES } from '../../src/shared/contactAttributes';
import { isValidNik, normalizePhone } from '../../src/shared/personal';
import { validateSubmission } from '../../src/shared/submission';
import { catalogFromDisk } from './catalogFromDisk';

describe('contact asked as definition attributes', () => {
  const catalog = catalogFromDisk();
  const services = [...catalog.services.values()].map((e) => e.service);
  const needsContact = services.find((s) => !s.anonymous_allowed && s.location !== 'required' && s.attributes.every((a) => !a.required))
    ?? services.find((s) => !s.anonymous_allowed)!;
  const base = { service_code: needsContact.code, lat: '-5.15', long: '119.43', address_string: 'Jl. Ahmad Yani' };
  const required = Object.fromEntries(
    needsContact.attributes
      .filter((a) => a.required)
      .map((a) => [a.code, a.values ? (a.datatype === 'multivaluelist' ? [a.values[0].key] : a.values[0].key) : a.format ? FORMAT_EXAMPLES[a.format] : a.datatype === 'number' ? '1' : a.datatype === 'datetime' ? '2026-11-20T10:00:00+08:00' : 'x']),
  );

  it('are listed only for services that refuse anonymous reports', () => {
    expect(services.filter((s) => contactAttributes(s).length > 0).every((s) => !s.anonymous_allowed)).toBe(true);
    expect(contactAttributes(needsContact).map((a) => [a.code, a.required])).toEqual([
      [CONTACT_NAME, true],
      [CONTACT_REACH, true],
    ]);
  });

  it('fill the sealed contact, never the public attributes; the spec fields win when both are given', () => {
    const viaAttributes = validateSubmission(needsContact, { ...base, attributes: { ...required, [CONTACT_NAME]: 'Andi', [CONTACT_REACH]: '0812 3456 7890' } });
    expect(viaAttributes.ok && viaAttributes.value.contact).toEqual({ first_name: 'Andi', last_name: null, email: null, phone: '+6281234567890' });
    expect(viaAttributes.ok && Object.keys(viaAttributes.value.attributes)).not.toContain(CONTACT_NAME);
    const email = validateSubmission(needsContact, { ...base, attributes: { ...required, [CONTACT_NAME]: 'Andi', [CONTACT_REACH]: 'andi@example.id' } });
    expect(email.ok && email.value.contact.email).toBe('andi@example.id');
    const both = validateSubmission(needsContact, { ...base, first_name: 'Baso', email: 'baso@example.id', attributes: { ...required, [CONTACT_NAME]: 'Andi', [CONTACT_REACH]: 'andi@example.id' } });
    expect(both.ok && both.value.contact).toMatchObject({ first_name: 'Baso', email: 'baso@example.id' });
    const spec = validateSubmission(needsContact, { ...base, first_name: 'Baso', phone: '081234567890', attributes: required });
    expect(spec.ok).toBe(true);
  });

  it('refuse a reach that is neither a phone nor an email, a list, or missing contact, by name', () => {
    const bad = validateSubmission(needsContact, { ...base, attributes: { ...required, [CONTACT_NAME]: 'Andi', [CONTACT_REACH]: 'rumah' } });
    expect(!bad.ok && bad.errors).toEqual([{ field: `attribute[${CONTACT_REACH}]`, code: 'bad_contact' }]);
    const list = validateSubmission(needsContact, { ...base, attributes: { ...required, [CONTACT_NAME]: ['a', 'b'], [CONTACT_REACH]: 'andi@example.id' } });
    expect(!list.ok && list.errors.map((e) => e.field)).toEqual([`attribute[${CONTACT_NAME}]`]);
    const none = validateSubmission(needsContact, { ...base, attributes: required });
    expect(!none.ok && none.errors).toEqual([{ field: 'contact', code: 'contact_required' }]);
    const anonymous = services.find((s) => s.anonymous_allowed)!;
    const unknown = validateSubmission(anonymous, { service_code: anonymous.code, lat: '-5.15', long: '119.43', attributes: { [CONTACT_NAME]: 'Andi' } });
    expect(!unknown.ok && unknown.errors.map((e) => e.field)).toContain(`attribute[${CONTACT_NAME}]`);
  });

  it('give every formatted string a valid example in its datatype_description', () => {
    expect(isValidNik(FORMAT_EXAMPLES.nik)).toBe(true);
    expect(normalizePhone(FORMAT_EXAMPLES.phone)).not.toBeNull();
    for (const service of services) {
      for (const a of service.attributes.filter((x) => x.format)) {
        for (const lang of ['id', 'en'] as const) expect(datatypeDescription(a, lang), `${service.code} ${a.code}`).toMatch(/(e\.g\.|mis\.|contoh)\s*\S/i);
      }
    }
  });

  it('are reserved: a scene file may not define them itself', () => {
    const files = catalogFromDisk.raw() as Record<string, { services: { attributes?: unknown[] }[] }>;
    const [file] = Object.keys(files);
    const copy = structuredClone(files[file]);
    copy.services[0].attributes = [...(copy.services[0].attributes ?? []), { code: CONTACT_NAME, datatype: 'string', description: { id: 'Nama', en: 'Name' } }];
    expect(() => buildCatalog({ ...files, [file]: copy })).toThrowError(SceneError);
    expect(() => buildCatalog({ ...files, [file]: copy })).toThrowError(/reserved/);
  });
});

describe('numbers as clients write them', () => {
  const drain = catalogFromDisk().services.get('pu-drainase')!.service;
  const at = (lat: string, long: string) => validateSubmission(drain, { service_code: 'pu-drainase', lat, long, attributes: { severity: 'parah', problem: ['meluap'] } });
  it('accepts a sign, a point and an exponent', () => {
    for (const [lat, long, expected] of [
      ['+5.1', '+119.4', [5.1, 119.4]],
      ['-5.1477e0', '1.194327e2', [-5.1477, 119.4327]],
      ['.5', '119.', [0.5, 119]],
    ] as const) {
      const result = at(lat, long);
      expect(result.ok, `${lat} ${long}`).toBe(true);
      if (result.ok) expect([result.value.lat, result.value.long]).toEqual(expected);
    }
  });
  it('refuses hex, Infinity, commas and out-of-range values by field', () => {
    for (const lat of ['0x5', 'Infinity', '5,1', '1e999', '9.1e1', '+-5', '.', 'e5']) {
      const result = at(lat, '119.4');
      expect(!result.ok && result.errors.map((e) => e.field), lat).toEqual(['lat']);
    }
  });
});
