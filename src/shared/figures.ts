/**
 * What the hall records for the supervisors' figures: events at the counters, never who.
 * visit: someone entered the hall; queue_take / queue_called (with the wait) /
 * queue_abandoned: the queue at a live counter; chat: a conversation with an officer began;
 * counter_open / counter_close: an officer came on duty / the counter went back to self-service.
 */
export const HALL_EVENT_KINDS = ['visit', 'queue_take', 'queue_called', 'queue_abandoned', 'chat', 'counter_open', 'counter_close'] as const;
export type HallEventKind = (typeof HALL_EVENT_KINDS)[number];

/** The figures API (supervisors: every counter; officers: their own agency). */
export const FIGURES_API = '/api/figures';
export const FIGURES_CSV = '/api/figures.csv';
/** The longest window one request may ask for, in days (a quarter). */
export const FIGURES_MAX_DAYS = 92;
/** The default window: the last 7 days (today included), in WITA. */
export const FIGURES_DEFAULT_DAYS = 7;
/** Hall-wide rows (visits) carry no counter; the CSV and the dashboard call them this. */
export const HALL_COUNTER = 'hall';
/** Makassar's time zone: WITA, UTC+08:00 all year (no daylight saving). */
export const FIGURES_TIME_ZONE = 'Asia/Makassar';
export const WITA_OFFSET_HOURS = 8;

/**
 * The numbers for one counter (per hour, or over the window). Counts only: no names,
 * contact, NIK, description text or session ids. Requests are counted in the hour they
 * were filed, and so are their responses and closures (a cohort), so the SLA share is
 * the share of that hour's requests closed in time. Null where there is nothing to measure.
 */
export interface FigureValues {
  /** Hall-wide rows: people who entered the hall. A counter's rows: its contacts — numbers taken there plus filings by citizens (not by staff). */
  visits: number;
  queue_taken: number;
  queue_called: number;
  /** Seconds from taking a number to being called. */
  queue_wait_avg_seconds: number | null;
  queue_wait_p90_seconds: number | null;
  queue_abandoned: number;
  /** Conversations with an officer that began. */
  chats: number;
  /** Filed, by the service's kind in the catalog. */
  requests_filed: number;
  complaints_filed: number;
  information_filed: number;
  /** Median hours from filing to the first note by a staff member (not the automatic one). */
  first_response_median_hours: number | null;
  /** Closed at least once (the first note with a closed stage). */
  closed: number;
  /** Closed no later than the expected datetime (the SLA). */
  closed_within_sla: number;
  /** closed_within_sla / closed, in percent. */
  within_sla_pct: number | null;
  /** Median hours from filing to the first closure. */
  close_median_hours: number | null;
  // --- issue 12: the case loop ---
  /** Mean of the citizens' ratings (1–5) of these cases, and how many rated. */
  rating_mean: number | null;
  rating_count: number;
  /** Cases the citizen reopened ("Belum beres"), and their share of the closed ones in percent. */
  reopened: number;
  reopen_rate_pct: number | null;
  /** Share of the filed cases whose first public reply came within the time limit, in percent. */
  answered_in_time_pct: number | null;
  /** Median days from filing to the first public word from staff (a reply, stage note or transfer). */
  first_reply_median_days: number | null;
  // --- issue 14: voice at the counter ---
  /** Voice calls started at the counter (rung, whether answered or not). */
  calls: number;
  /** Median talk time of the calls that connected, in seconds. */
  call_median_seconds: number | null;
  /** Answered calls whose browsers never connected (network, no TURN), in percent of the answered ones. */
  call_failed_pct: number | null;
}

export interface FigureHourRow extends FigureValues {
  /** The hour's start in WITA, ISO 8601 with +08:00. */
  hour: string;
  /** Agency code of the counter; null for hall-wide rows (visits). */
  counter: string | null;
}

export interface FigureTotals extends FigureValues {
  counter: string | null;
}

export interface FiguresResponse {
  /** The window, WITA dates, both days included. */
  from: string;
  to: string;
  time_zone: typeof FIGURES_TIME_ZONE;
  /** The counter asked for, or null for every counter the caller may see. */
  counter: string | null;
  /** Counters the caller may ask for, with their names (for the filter). */
  counters: { code: string; name: { id: string; en: string } }[];
  /** Issue 13: the kecamatan asked for (only cases placed there count; no hall visits), or null. */
  kecamatan?: string | null;
  /** Issue 13: the city's kecamatan, for the filter. */
  kecamatan_list?: { code: string; name: string }[];
  /** One row per counter per hour that had anything, ordered by hour then counter. */
  rows: FigureHourRow[];
  /** Per counter over the window (every counter in scope, zeros included; the hall row first). */
  totals: FigureTotals[];
  /** Everything in scope together (percentiles over all the events, not averaged). */
  overall: FigureValues;
}

/** The CSV columns, in order; their names are stable (scripts read them). */
export const FIGURES_CSV_COLUMNS = [
  'hour_start',
  'counter',
  'visits',
  'queue_taken',
  'queue_called',
  'queue_wait_avg_seconds',
  'queue_wait_p90_seconds',
  'queue_abandoned',
  'chats',
  'requests_filed',
  'complaints_filed',
  'information_filed',
  'first_response_median_hours',
  'closed',
  'closed_within_sla',
  'within_sla_pct',
  'close_median_hours',
  'rating_mean',
  'rating_count',
  'reopened',
  'reopen_rate_pct',
  'answered_in_time_pct',
  'first_reply_median_days',
  'calls',
  'call_median_seconds',
  'call_failed_pct',
] as const;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a string is a real calendar date YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** Today's date in WITA. */
export function witaToday(now = new Date()): string {
  return new Date(now.getTime() + WITA_OFFSET_HOURS * 3_600_000).toISOString().slice(0, 10);
}

/** A date plus (or minus) whole days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included. */
export function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Midnight at the start of a WITA date, as an instant. */
export function witaMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/** An hour bucket (hours since the epoch; WITA hours line up with UTC hours) as ISO with +08:00. */
export function witaHourIso(epochHour: number): string {
  return `${new Date((epochHour + WITA_OFFSET_HOURS) * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}
