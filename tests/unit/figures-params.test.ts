import { describe, expect, it } from 'vitest';
import { ParamError, parseFiguresQuery } from '../../src/server/http/figures/params';
import { addDays, daysInclusive, isIsoDate, witaHourIso, witaToday } from '../../src/shared/figures';

const COUNTERS = new Set(['pu', 'dlh']);
// 2026-11-22 23:30 in UTC is already 2026-11-23 07:30 in WITA.
const NOW = new Date('2026-11-22T23:30:00Z');
const fails = (query: object) => {
  try {
    parseFiguresQuery(query, COUNTERS, NOW);
  } catch (error) {
    return error instanceof ParamError ? error.param : 'other';
  }
  return 'none';
};

describe('figures parameters', () => {
  it('defaults to the last 7 days in WITA', () => {
    const w = parseFiguresQuery({}, COUNTERS, NOW);
    expect(w).toMatchObject({ from: '2026-11-17', to: '2026-11-23', counter: null });
    expect(w.start.toISOString()).toBe('2026-11-16T16:00:00.000Z');
    expect(w.end.toISOString()).toBe('2026-11-23T16:00:00.000Z');
    expect(parseFiguresQuery({ to: '2026-03-07' }, COUNTERS, NOW)).toMatchObject({ from: '2026-03-01', to: '2026-03-07' });
    expect(parseFiguresQuery({ from: '2026-02-25' }, COUNTERS, NOW)).toMatchObject({ from: '2026-02-25', to: '2026-03-03' });
  });

  it('refuses bad values, naming the parameter', () => {
    expect(fails({ from: '2026-02-29' })).toBe('from');
    expect(fails({ from: '26-01-01' })).toBe('from');
    expect(fails({ to: ['2026-01-01', '2026-01-02'] })).toBe('to');
    expect(fails({ from: '2026-01-02', to: '2026-01-01' })).toBe('to');
    expect(fails({ from: '2026-01-01', to: '2026-04-03' })).toBe('to');
    expect(fails({ from: '2026-01-01', to: '2026-04-02' })).toBe('none');
    expect(fails({ counter: 'dinas-x' })).toBe('counter');
    expect(fails({ counter: 'hall' })).toBe('none');
    expect(fails({ counter: 'pu' })).toBe('none');
  });

  it('does date arithmetic in whole WITA days', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(witaToday(NOW)).toBe('2026-11-23');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysInclusive('2026-01-01', '2026-01-01')).toBe(1);
    expect(witaHourIso(Date.parse('2026-11-22T01:00:00Z') / 3_600_000)).toBe('2026-11-22T09:00:00+08:00');
  });
});
