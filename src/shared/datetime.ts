import { CITY_UTC_OFFSET, CITY_UTC_OFFSET_MINUTES } from './constants';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Writes a moment as ISO 8601 in Makassar time, e.g. 2026-11-22T09:30:00+08:00. */
export function toCityIso(date: Date): string {
  const local = new Date(date.getTime() + CITY_UTC_OFFSET_MINUTES * MINUTE);
  return local.toISOString().slice(0, 19) + CITY_UTC_OFFSET;
}

/** Day of week (0 = Sunday) of a moment in Makassar time. */
function cityWeekday(ms: number): number {
  return new Date(ms + CITY_UTC_OFFSET_MINUTES * MINUTE).getUTCDay();
}

/** The WITA calendar date (YYYY-MM-DD) of a moment. */
export function cityDate(ms: number): string {
  return new Date(ms + CITY_UTC_OFFSET_MINUTES * MINUTE).toISOString().slice(0, 10);
}

/**
 * Adds working days (Monday–Friday in WITA, except the given holidays as WITA dates) to a
 * moment, keeping its time of day: a complaint filed on Friday with a 3-day SLA is expected
 * on Wednesday, or later when a national holiday or cuti bersama falls in between.
 */
export function addWorkingDays(from: Date, days: number, holidays: ReadonlySet<string> = new Set()): Date {
  let ms = from.getTime();
  let left = days;
  while (left > 0) {
    ms += DAY;
    const wd = cityWeekday(ms);
    if (wd !== 0 && wd !== 6 && !holidays.has(cityDate(ms))) left -= 1;
  }
  return new Date(ms);
}

/** Parses an ISO 8601 datetime that carries a time zone (Z or ±hh:mm); null otherwise. */
export function parseZonedDatetime(value: string): Date | null {
  if (!/^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d))?$/.test(value)) return null;
  const date = new Date(value.length === 10 ? `${value}T00:00:00${CITY_UTC_OFFSET}` : value);
  return Number.isNaN(date.getTime()) ? null : date;
}
