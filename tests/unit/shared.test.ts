import { describe, expect, it } from 'vitest';
import { buildCatalog, SceneError } from '../../src/shared/catalog';
import { addWorkingDays, parseZonedDatetime, toCityIso } from '../../src/shared/datetime';
import { isValidNik, maskNik, normalizePhone, redactPersonal } from '../../src/shared/personal';
import { canMove } from '../../src/shared/stages';
import { describeFieldError, validateSubmission } from '../../src/shared/submission';
import { catalogFromDisk } from './catalogFromDisk';

describe('working days in WITA', () => {
  it('skips weekends and keeps the time of day', () => {
    // Friday 2026-11-20 10:00 WITA + 3 working days = Wednesday 2026-11-25 10:00 WITA.
    const friday = new Date('2026-11-20T10:00:00+08:00');
    expect(toCityIso(addWorkingDays(friday, 3))).toBe('2026-11-25T10:00:00+08:00');
    // Late on Friday in UTC is already Saturday in Makassar.
    const saturdayWita = new Date('2026-11-20T17:00:00Z');
    expect(toCityIso(addWorkingDays(saturdayWita, 1))).toBe('2026-11-23T01:00:00+08:00');
  });
  it('reads only datetimes that carry a zone, or plain dates as WITA midnight', () => {
    expect(parseZonedDatetime('2026-11-22T09:30:00+08:00')?.toISOString()).toBe('2026-11-22T01:30:00.000Z');
    expect(parseZonedDatetime('2026-11-22')?.toISOString()).toBe('2026-11-21T16:00:00.000Z');
    expect(parseZonedDatetime('2026-11-22T09:30')).toBeNull();
    expect(parseZonedDatetime('kemarin')).toBeNull();
  });
});

describe('personal data helpers', () => {
  it('validates NIKs by structure', () => {
    expect(isValidNik('7371015708900003')).toBe(true);
    expect(isValidNik('7371 0157 0890 0003')).toBe(true);
    expect(isValidNik('7371013208900003')).toBe(false); // day 32
    expect(isValidNik('7371015713900003')).toBe(false); // month 13
    expect(isValidNik('7371015708900000')).toBe(false); // serial 0000
    expect(isValidNik('737101570890000')).toBe(false);
    expect(maskNik('7371015708900003')).toBe('************0003');
  });
  it('normalises Indonesian mobile numbers', () => {
    expect(normalizePhone('0812-3456-7890')).toBe('+6281234567890');
    expect(normalizePhone('+62 812 3456 7890')).toBe('+6281234567890');
    expect(normalizePhone('021 555 1234')).toBeNull();
  });
  it('masks personal data in free text', () => {
    expect(redactPersonal('Telp 0812 3456 7890, email a.b@c.id, NIK 7371015708900003.')).toBe('Telp [telepon], email [email], NIK [NIK/KK].');
    expect(redactPersonal('Saluran 30 meter di RT 02')).toBe('Saluran 30 meter di RT 02');
  });
});

describe('stage transitions', () => {
  it('allow the SP4N-LAPOR! flow and refuse jumps back to received', () => {
    expect(canMove('received', 'referred')).toBe(true);
    expect(canMove('in_progress', 'done')).toBe(true);
    expect(canMove('done', 'received')).toBe(false);
  });
});

describe('submission validation shared by form and server', () => {
  const catalog = catalogFromDisk();
  const drain = catalog.services.get('pu-drainase')!.service;

  it('accepts a complete complaint and types its values', () => {
    const result = validateSubmission(drain, {
      service_code: 'pu-drainase',
      lat: '-5.14',
      long: '119.42',
      attributes: { severity: 'parah', problem: ['meluap', 'meluap', 'bau'], water_depth_cm: '30', since: '2026-11-21T18:00:00+08:00' },
    });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.lat).toBe(-5.14);
      expect(result.value.attributes).toMatchObject({ severity: 'parah', problem: ['meluap', 'bau'], water_depth_cm: 30 });
    }
  });

  it('names every wrong field and says why in both languages', () => {
    const result = validateSubmission(drain, { attributes: { severity: 'x', water_depth_cm: 'dalam' } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.field).sort()).toEqual(['attribute[problem]', 'attribute[severity]', 'attribute[water_depth_cm]', 'location'].sort());
      const required = result.errors.find((e) => e.field === 'attribute[problem]')!;
      expect(describeFieldError(required, 'id')).toBe('wajib diisi');
      expect(describeFieldError(required, 'en')).toBe('is required');
    }
  });

  it('puts NIK and KK values aside for encryption', () => {
    const ktp = catalog.services.get('disdukcapil-ktp-el')!.service;
    const attributes: Record<string, string> = {};
    for (const a of ktp.attributes) if (a.required) attributes[a.code] = a.format === 'nik' ? '7371015708900003' : a.values ? a.values[0].key : 'Banta-Bantaeng';
    const result = validateSubmission(ktp, { first_name: 'Andi', phone: '081234567890', attributes });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.private_attributes.nik).toBe('7371015708900003');
      expect(JSON.stringify(result.value.attributes)).not.toContain('7371015708900003');
    }
  });
});

describe('scene files', () => {
  it('fail with the file and field named', () => {
    const good = catalogFromDisk.raw();
    const broken = structuredClone(good['scenes/agencies/pu.json']) as { services: { attributes: { datatype: string }[] }[] };
    broken.services[0].attributes[0].datatype = 'colour';
    expect(() => buildCatalog({ ...good, 'scenes/agencies/pu.json': broken })).toThrowError(SceneError);
    expect(() => buildCatalog({ ...good, 'scenes/agencies/pu.json': broken })).toThrowError(/^scenes\/agencies\/pu\.json: services\[0\]\.attributes\[0\]\.datatype: /);
    const twin = structuredClone(good['scenes/agencies/pu.json']);
    expect(() => buildCatalog({ ...good, 'scenes/agencies/pu-copy.json': twin })).toThrowError(/^scenes\/agencies\/pu(-copy)?\.json: code: agency code "pu" is also used by scenes\/agencies\/pu/);
  });
  it('hold at least 12 agency counters and a general counter, each with a complaint and a request', () => {
    const catalog = catalogFromDisk();
    expect(catalog.agencies.filter((a) => !a.general).length).toBeGreaterThanOrEqual(12);
    expect(catalog.agencies.filter((a) => a.general).length).toBe(1);
    const datatypes = new Set([...catalog.services.values()].flatMap(({ service }) => service.attributes.map((a) => a.datatype)));
    expect([...datatypes].sort()).toEqual(['datetime', 'multivaluelist', 'number', 'singlevaluelist', 'string', 'text']);
  });
});
