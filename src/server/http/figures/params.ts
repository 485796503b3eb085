import { z } from 'zod';
import { addDays, daysInclusive, FIGURES_DEFAULT_DAYS, FIGURES_MAX_DAYS, HALL_COUNTER, isIsoDate, witaMidnight, witaToday } from '../../../shared/figures';

const dateParam = z.string().refine(isIsoDate, 'must be a date YYYY-MM-DD');

const querySchema = z.object({
  from: dateParam.optional(),
  to: dateParam.optional(),
  counter: z.string().min(1, 'must not be empty').max(64).optional(),
  /** Issue 13: one kecamatan's cases. */
  kecamatan: z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/, 'a kecamatan code such as 73.71.14').optional(),
});

export interface FiguresWindow {
  from: string;
  to: string;
  /** The instants the window covers: [start, end). */
  start: Date;
  end: Date;
  counter: string | null;
  kecamatan: string | null;
}

/** A problem with one query parameter, named. */
export class ParamError extends Error {
  constructor(
    readonly param: string,
    reason: string,
  ) {
    super(`${param}: ${reason}`);
  }
}

/**
 * Reads from/to/counter. Missing dates default to a 7-day window: ending today (WITA),
 * ending at `to`, or starting at `from`. Unknown counters are refused; `hall` means the
 * hall-wide rows.
 */
export function parseFiguresQuery(query: unknown, counters: ReadonlySet<string>, now = new Date(), kecamatanCodes?: ReadonlySet<string>): FiguresWindow {
  const parsed = querySchema.safeParse(query ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = String(issue.path[0] ?? 'query');
    throw new ParamError(param, issue.code === 'invalid_type' ? 'must be given once, as text' : issue.message);
  }
  const span = FIGURES_DEFAULT_DAYS - 1;
  let { from, to } = parsed.data;
  if (!from && !to) to = witaToday(now);
  if (!from) from = addDays(to!, -span);
  if (!to) to = addDays(from, span);
  if (to < from) throw new ParamError('to', `must not be before from (${from})`);
  if (daysInclusive(from, to) > FIGURES_MAX_DAYS) throw new ParamError('to', `at most ${FIGURES_MAX_DAYS} days after from, both included`);
  const counter = parsed.data.counter ?? null;
  if (counter !== null && counter !== HALL_COUNTER && !counters.has(counter)) throw new ParamError('counter', `no counter "${counter.slice(0, 64)}"`);
  const kecamatan = parsed.data.kecamatan ?? null;
  if (kecamatan !== null && kecamatanCodes && !kecamatanCodes.has(kecamatan)) throw new ParamError('kecamatan', `no kecamatan "${kecamatan}" in this city`);
  return { from, to, start: witaMidnight(from), end: witaMidnight(addDays(to, 1)), counter, kecamatan };
}
