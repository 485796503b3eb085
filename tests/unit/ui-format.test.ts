import { describe, expect, it } from 'vitest';
import { formatCityDate, localInputToCityIso } from '../../src/client/i18n/format';
import { cityHour, greetingKey } from '../../src/client/welcome/greeting';

describe('WITA time in the UI', () => {
  it('greets by the Makassar clock whatever the device zone', () => {
    expect(cityHour(new Date('2026-11-22T00:30:00Z'))).toBe(8);
    expect(greetingKey(new Date('2026-11-22T00:30:00Z'))).toBe('greetMorning'); // 08:30 WITA
    expect(greetingKey(new Date('2026-11-22T04:00:00Z'))).toBe('greetMidday'); // 12:00
    expect(greetingKey(new Date('2026-11-22T08:00:00Z'))).toBe('greetAfternoon'); // 16:00
    expect(greetingKey(new Date('2026-11-22T12:00:00Z'))).toBe('greetEvening'); // 20:00
    expect(greetingKey(new Date('2026-11-21T18:30:00Z'))).toBe('greetEvening'); // 02:30
  });

  it('gives a datetime-local value the WITA zone Open311 needs', () => {
    expect(localInputToCityIso('2026-11-22T09:30')).toBe('2026-11-22T09:30:00+08:00');
    expect(localInputToCityIso('2026-11-22T09:30:15')).toBe('2026-11-22T09:30:15+08:00');
    expect(localInputToCityIso('')).toBe('');
  });

  it('shows dates in Makassar time with the zone named', () => {
    const text = formatCityDate('2026-11-22T01:30:00Z', 'id');
    expect(text).toContain('09.30');
    expect(text).toContain('November');
    expect(text.endsWith('WITA')).toBe(true);
    expect(formatCityDate('2026-11-22T01:30:00Z', 'en')).toContain('09:30');
  });
});
