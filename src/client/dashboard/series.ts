import { addDays, daysInclusive, witaHourIso, witaMidnight, type FigureHourRow, type FiguresResponse, type FigureTotals } from '../../shared/figures';
import type { Lang } from '../../shared/i18n';

/** Up to this many days the activity chart goes hour by hour; longer windows go day by day. */
export const HOURLY_MAX_DAYS = 14;

export interface TimeSeries {
  granularity: 'hour' | 'day';
  /** Bucket keys: ISO hours (+08:00) or WITA dates. */
  keys: string[];
  visits: number[];
  queueTaken: number[];
  filed: number[];
}

/**
 * Every bucket of the window (empty ones as zero, so the line shows quiet hours),
 * summed over the counters in scope.
 */
export function activitySeries(figures: Pick<FiguresResponse, 'from' | 'to' | 'rows'>): TimeSeries {
  const days = daysInclusive(figures.from, figures.to);
  const granularity = days <= HOURLY_MAX_DAYS ? 'hour' : 'day';
  const keys: string[] = [];
  if (granularity === 'hour') {
    const first = witaMidnight(figures.from).getTime() / 3_600_000;
    for (let h = first; h < first + days * 24; h += 1) keys.push(witaHourIso(h));
  } else {
    for (let d = 0; d < days; d += 1) keys.push(addDays(figures.from, d));
  }
  const index = new Map(keys.map((k, i) => [k, i]));
  const visits = keys.map(() => 0);
  const queueTaken = keys.map(() => 0);
  const filed = keys.map(() => 0);
  for (const row of figures.rows) {
    const i = index.get(granularity === 'hour' ? row.hour : row.hour.slice(0, 10));
    if (i === undefined) continue;
    visits[i] += row.visits;
    queueTaken[i] += row.queue_taken;
    filed[i] += filedOf(row);
  }
  return { granularity, keys, visits, queueTaken, filed };
}

export function filedOf(v: Pick<FigureHourRow, 'requests_filed' | 'complaints_filed' | 'information_filed'>): number {
  return v.requests_filed + v.complaints_filed + v.information_filed;
}

/** The per-counter totals without the hall-wide row, with each counter's name in the reader's language. */
export function counterTotals(figures: Pick<FiguresResponse, 'totals' | 'counters'>, lang: Lang): (FigureTotals & { label: string })[] {
  const names = new Map(figures.counters.map((c) => [c.code, c.name[lang]]));
  return figures.totals.filter((t) => t.counter !== null).map((t) => ({ ...t, label: names.get(t.counter!) ?? t.counter! }));
}

/** Seconds to minutes with one decimal, for the wait chart's axis. */
export function toMinutes(seconds: number | null): number | null {
  return seconds === null ? null : Math.round((seconds / 60) * 10) / 10;
}
