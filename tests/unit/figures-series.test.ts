import { describe, expect, it } from 'vitest';
import { activitySeries, counterTotals, toMinutes } from '../../src/client/dashboard/series';
import { fmtHourLabel, fmtSeconds } from '../../src/client/dashboard/format';
import type { FigureHourRow, FiguresResponse, FigureTotals } from '../../src/shared/figures';

const zero = { visits: 0, queue_taken: 0, queue_called: 0, queue_wait_avg_seconds: null, queue_wait_p90_seconds: null, queue_abandoned: 0, chats: 0, requests_filed: 0, complaints_filed: 0, information_filed: 0, first_response_median_hours: null, closed: 0, closed_within_sla: 0, within_sla_pct: null, close_median_hours: null, rating_mean: null, rating_count: 0, reopened: 0, reopen_rate_pct: null, answered_in_time_pct: null, first_reply_median_days: null, calls: 0, call_median_seconds: null, call_failed_pct: null };
const row = (hour: string, counter: string | null, over: Partial<FigureHourRow>): FigureHourRow => ({ ...zero, hour, counter, ...over });

describe('dashboard series', () => {
  it('fills every hour of a short window and sums counters', () => {
    const s = activitySeries({
      from: '2026-11-20',
      to: '2026-11-21',
      rows: [row('2026-11-20T09:00:00+08:00', null, { visits: 5 }), row('2026-11-20T09:00:00+08:00', 'pu', { queue_taken: 2, complaints_filed: 1, requests_filed: 1 }), row('2026-11-21T23:00:00+08:00', 'pu', { visits: 1 })],
    });
    expect(s.granularity).toBe('hour');
    expect(s.keys).toHaveLength(48);
    expect(s.keys[0]).toBe('2026-11-20T00:00:00+08:00');
    expect(s.visits[9]).toBe(5);
    expect(s.queueTaken[9]).toBe(2);
    expect(s.filed[9]).toBe(2);
    expect(s.visits[47]).toBe(1);
  });

  it('goes day by day past two weeks', () => {
    const s = activitySeries({ from: '2026-11-01', to: '2026-11-30', rows: [row('2026-11-03T22:00:00+08:00', null, { visits: 2 }), row('2026-11-03T08:00:00+08:00', null, { visits: 1 })] });
    expect(s.granularity).toBe('day');
    expect(s.keys).toHaveLength(30);
    expect(s.visits[2]).toBe(3);
  });

  it('names counters in the reader language and leaves the hall row out', () => {
    const totals: FigureTotals[] = [{ ...zero, counter: null, visits: 3 }, { ...zero, counter: 'pu' }];
    const figures: Pick<FiguresResponse, 'totals' | 'counters'> = { totals, counters: [{ code: 'pu', name: { id: 'Dinas PU', en: 'Public Works' } }] };
    expect(counterTotals(figures, 'en').map((c) => c.label)).toEqual(['Public Works']);
    expect(toMinutes(90)).toBe(1.5);
    expect(toMinutes(null)).toBeNull();
  });

  it('formats hours and waits for each language', () => {
    expect(fmtHourLabel('2026-11-20T09:00:00+08:00', 'id')).toBe('20/11 09.00');
    expect(fmtHourLabel('2026-11-20T09:00:00+08:00', 'en')).toBe('20/11 09:00');
    expect(fmtSeconds(125, 'id')).toBe('2 mnt 05 dtk');
    expect(fmtSeconds(42, 'en')).toBe('42 s');
  });
});
