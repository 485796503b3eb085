import { sql, type Kysely, type RawBuilder } from 'kysely';
import { witaHourIso, type FigureHourRow, type FigureTotals, type FigureValues } from '../../../shared/figures';
import { STAGE_INFO, STAGES } from '../../../shared/stages';
import type { Database } from '../../db/schema';

/** Which counters a figures query covers. */
export interface FiguresScope {
  start: Date;
  end: Date;
  counters: string[];
  /** Whether hall-wide rows (visits, counter null) are included. */
  hall: boolean;
  /** Issue 13: only cases placed in this kecamatan (hall events have no place, so none are counted). */
  kecamatan?: string | null;
}

export interface ComputedFigures {
  rows: FigureHourRow[];
  totals: FigureTotals[];
  overall: FigureValues;
}

const CLOSED_STAGES = STAGES.filter((s) => STAGE_INFO[s].status === 'closed');
/** Authors that are not a staff member answering: the automatic first note, a citizen's consented transcript. */
const NOT_A_RESPONSE = ['system', 'citizen'];

// GROUPING(counter, h): 0 = a counter's hour, 1 = a counter's window, 3 = everything.
type Level = 0 | 1 | 3;

interface EventAgg {
  counter: string | null;
  h: number | null;
  g: number;
  visits: number;
  queue_taken: number;
  queue_called: number;
  wait_avg: unknown;
  wait_p90: unknown;
  queue_abandoned: number;
  chats: number;
}

interface RequestAgg {
  counter: string | null;
  h: number | null;
  g: number;
  requests_filed: number;
  complaints_filed: number;
  information_filed: number;
  first_response_median: unknown;
  close_median: unknown;
  closed: number;
  closed_within_sla: number;
  filed_all: number;
  self_filed: number;
  rating_mean: unknown;
  rating_count: number;
  reopened: number;
  answered_in_time: number;
  first_reply_median_days: unknown;
}

interface CallAgg {
  counter: string | null;
  h: number | null;
  g: number;
  calls: number;
  answered: number;
  failed: number;
  median_seconds: unknown;
}

const EMPTY: FigureValues = {
  visits: 0,
  queue_taken: 0,
  queue_called: 0,
  queue_wait_avg_seconds: null,
  queue_wait_p90_seconds: null,
  queue_abandoned: 0,
  chats: 0,
  requests_filed: 0,
  complaints_filed: 0,
  information_filed: 0,
  first_response_median_hours: null,
  closed: 0,
  closed_within_sla: 0,
  within_sla_pct: null,
  close_median_hours: null,
  rating_mean: null,
  rating_count: 0,
  reopened: 0,
  reopen_rate_pct: null,
  answered_in_time_pct: null,
  first_reply_median_days: null,
  calls: 0,
  call_median_seconds: null,
  call_failed_pct: null,
};

/** numeric comes back as a string from node-postgres, as a number from PGlite: one rounding for both. */
function num(value: unknown, digits: number): number | null {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  if (!Number.isFinite(n)) return null;
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function count(value: unknown): number {
  return Number(value) || 0;
}

function scopeFilter(column: RawBuilder<unknown>, scope: FiguresScope): RawBuilder<unknown> {
  const some = scope.counters.length > 0 ? sql`${column} in (${sql.join(scope.counters)})` : sql`false`;
  return scope.hall ? sql`(${some} or ${column} is null)` : some;
}

/** Hours since the epoch: WITA is a whole number of hours from UTC, so these are WITA hours too, on any server time zone. */
const hourOf = (column: RawBuilder<unknown>) => sql`floor(extract(epoch from ${column}) / 3600)::int`;

async function hallEventFigures(db: Kysely<Database>, scope: FiguresScope): Promise<EventAgg[]> {
  const result = await sql<EventAgg>`
    with e as (
      select counter, ${hourOf(sql.ref('at'))} as h, kind, wait_seconds
      from hall_events
      where at >= ${scope.start} and at < ${scope.end} and ${scopeFilter(sql.ref('counter'), scope)}
    )
    select counter, h, grouping(counter, h)::int as g,
      (count(*) filter (where kind = 'visit'))::int as visits,
      (count(*) filter (where kind = 'queue_take'))::int as queue_taken,
      (count(*) filter (where kind = 'queue_called'))::int as queue_called,
      (avg(wait_seconds) filter (where kind = 'queue_called'))::float8 as wait_avg,
      (percentile_cont(0.9) within group (order by wait_seconds) filter (where kind = 'queue_called'))::float8 as wait_p90,
      (count(*) filter (where kind = 'queue_abandoned'))::int as queue_abandoned,
      (count(*) filter (where kind = 'chat'))::int as chats
    from e
    group by grouping sets ((counter, h), (counter), ())
  `.execute(db);
  return result.rows;
}

async function requestFigures(db: Kysely<Database>, scope: FiguresScope): Promise<RequestAgg[]> {
  const result = await sql<RequestAgg>`
    with r as (
      select sr.agency_code as counter, ${hourOf(sql.ref('sr.requested_at'))} as h, s.kind, sr.requested_at, sr.expected_at,
        (select min(n.created_at) from request_notes n
          where n.service_request_id = sr.service_request_id and n.type <> 'transcript' and n.author not in (${sql.join(NOT_A_RESPONSE)})) as first_response,
        (select min(n.created_at) from request_notes n
          where n.service_request_id = sr.service_request_id and n.type = 'status' and n.stage in (${sql.join(CLOSED_STAGES)})) as closed_at,
        (select min(n.created_at) from request_notes n
          where n.service_request_id = sr.service_request_id and n.visibility = 'public' and n.author not in (${sql.join(NOT_A_RESPONSE)})) as first_reply,
        (select (n.detail->>'rating')::int from request_notes n
          where n.service_request_id = sr.service_request_id and n.type = 'rating' order by n.id desc limit 1) as rating,
        sr.reopened, sr.api_client not like 'staff:%' as by_citizen
      from service_requests sr
      left join services s on s.service_code = sr.service_code
      where sr.requested_at >= ${scope.start} and sr.requested_at < ${scope.end} and ${scopeFilter(sql.ref('sr.agency_code'), scope)}
        and ${scope.kecamatan ? sql`sr.address_id like ${`${scope.kecamatan}.%`}` : sql`true`}
    )
    select counter, h, grouping(counter, h)::int as g,
      (count(*) filter (where kind = 'request'))::int as requests_filed,
      (count(*) filter (where kind = 'complaint'))::int as complaints_filed,
      (count(*) filter (where kind = 'information'))::int as information_filed,
      (percentile_cont(0.5) within group (order by extract(epoch from first_response - requested_at) / 3600))::float8 as first_response_median,
      (percentile_cont(0.5) within group (order by extract(epoch from closed_at - requested_at) / 3600))::float8 as close_median,
      count(closed_at)::int as closed,
      (count(*) filter (where closed_at <= expected_at))::int as closed_within_sla,
      count(*)::int as filed_all,
      (count(*) filter (where by_citizen))::int as self_filed,
      avg(rating)::float8 as rating_mean,
      count(rating)::int as rating_count,
      (count(*) filter (where reopened))::int as reopened,
      (count(*) filter (where first_reply <= expected_at))::int as answered_in_time,
      (percentile_cont(0.5) within group (order by extract(epoch from first_reply - requested_at) / 86400))::float8 as first_reply_median_days
    from r
    group by grouping sets ((counter, h), (counter), ())
  `.execute(db);
  return result.rows;
}

/** Issue 14: voice calls by the hour they started; talk time only for those that connected. */
async function callFigures(db: Kysely<Database>, scope: FiguresScope): Promise<CallAgg[]> {
  const result = await sql<CallAgg>`
    with c as (
      select counter, ${hourOf(sql.ref('started_at'))} as h, accepted_at, connected_at, seconds
      from calls
      where started_at >= ${scope.start} and started_at < ${scope.end} and ${scopeFilter(sql.ref('counter'), scope)}
    )
    select counter, h, grouping(counter, h)::int as g,
      count(*)::int as calls,
      count(accepted_at)::int as answered,
      (count(*) filter (where accepted_at is not null and connected_at is null))::int as failed,
      (percentile_cont(0.5) within group (order by seconds) filter (where connected_at is not null))::float8 as median_seconds
    from c
    group by grouping sets ((counter, h), (counter), ())
  `.execute(db);
  return result.rows;
}

function fromCalls(a: CallAgg | undefined): Partial<FigureValues> {
  if (!a) return {};
  const answered = count(a.answered);
  return {
    calls: count(a.calls),
    call_median_seconds: num(a.median_seconds, 1),
    call_failed_pct: answered > 0 ? num((count(a.failed) / answered) * 100, 1) : null,
  };
}

function fromEvents(a: EventAgg | undefined): Partial<FigureValues> {
  if (!a) return {};
  return {
    visits: count(a.visits),
    queue_taken: count(a.queue_taken),
    queue_called: count(a.queue_called),
    queue_wait_avg_seconds: num(a.wait_avg, 1),
    queue_wait_p90_seconds: num(a.wait_p90, 1),
    queue_abandoned: count(a.queue_abandoned),
    chats: count(a.chats),
  };
}

function fromRequests(a: RequestAgg | undefined): Partial<FigureValues> {
  if (!a) return {};
  const closed = count(a.closed);
  const within = count(a.closed_within_sla);
  return {
    requests_filed: count(a.requests_filed),
    complaints_filed: count(a.complaints_filed),
    information_filed: count(a.information_filed),
    first_response_median_hours: num(a.first_response_median, 2),
    closed,
    closed_within_sla: within,
    within_sla_pct: closed > 0 ? num((within / closed) * 100, 1) : null,
    close_median_hours: num(a.close_median, 2),
    rating_mean: num(a.rating_mean, 2),
    rating_count: count(a.rating_count),
    reopened: count(a.reopened),
    reopen_rate_pct: closed > 0 ? num((count(a.reopened) / closed) * 100, 1) : null,
    answered_in_time_pct: count(a.filed_all) > 0 ? num((count(a.answered_in_time) / count(a.filed_all)) * 100, 1) : null,
    first_reply_median_days: num(a.first_reply_median_days, 2),
  };
}

/** A counter's visits are its contacts: numbers taken there plus citizens' own filings (hall-wide rows keep entries). */
function counterVisits(counter: string | null, e: EventAgg | undefined, r: RequestAgg | undefined): Partial<FigureValues> {
  if (counter === null) return {};
  return { visits: count(e?.queue_taken) + count(r?.self_filed) };
}

const key = (counter: string | null, h: number | null) => `${counter ?? ''}|${h ?? ''}`;

/**
 * Per counter per hour, per counter, and overall, in two grouped queries (the same SQL on
 * PGlite and PostgreSQL). Only counts, waits and durations leave the database.
 */
export async function computeFigures(db: Kysely<Database>, scope: FiguresScope): Promise<ComputedFigures> {
  const [events, requests, calls] = await Promise.all([
    scope.kecamatan ? Promise.resolve([]) : hallEventFigures(db, scope),
    requestFigures(db, scope),
    // Calls are counted per counter, not per place: a kecamatan filter leaves them out like the visits.
    scope.kecamatan ? Promise.resolve([]) : callFigures(db, scope),
  ]);
  const level = (g: number): Level => (g === 0 ? 0 : g === 1 ? 1 : 3);
  const byLevel = <T extends { counter: string | null; h: number | null; g: number }>(rows: T[], l: Level) =>
    new Map(rows.filter((r) => level(count(r.g)) === l).map((r) => [key(r.counter, r.h === null ? null : count(r.h)), r]));

  const eventHours = byLevel(events, 0);
  const requestHours = byLevel(requests, 0);
  const callHours = byLevel(calls, 0);
  const hourKeys = new Map<string, { counter: string | null; h: number }>();
  for (const r of [...eventHours.values(), ...requestHours.values(), ...callHours.values()]) hourKeys.set(key(r.counter, count(r.h)), { counter: r.counter, h: count(r.h) });
  const rows: FigureHourRow[] = [...hourKeys.entries()]
    .sort(([, a], [, b]) => a.h - b.h || (a.counter ?? '').localeCompare(b.counter ?? ''))
    .map(([k, { counter, h }]) => ({
      hour: witaHourIso(h),
      counter,
      ...EMPTY,
      ...fromEvents(eventHours.get(k)),
      ...fromRequests(requestHours.get(k)),
      ...fromCalls(callHours.get(k)),
      ...counterVisits(counter, eventHours.get(k), requestHours.get(k)),
    }));

  const eventTotals = byLevel(events, 1);
  const requestTotals = byLevel(requests, 1);
  const callTotals = byLevel(calls, 1);
  const counters: (string | null)[] = [...(scope.hall ? [null] : []), ...scope.counters];
  for (const r of [...eventTotals.values(), ...requestTotals.values(), ...callTotals.values()]) if (!counters.includes(r.counter)) counters.push(r.counter);
  const totals: FigureTotals[] = counters.map((counter) => ({
    counter,
    ...EMPTY,
    ...fromEvents(eventTotals.get(key(counter, null))),
    ...fromRequests(requestTotals.get(key(counter, null))),
    ...fromCalls(callTotals.get(key(counter, null))),
    ...counterVisits(counter, eventTotals.get(key(counter, null)), requestTotals.get(key(counter, null))),
  }));

  const overall: FigureValues = {
    ...EMPTY,
    ...fromEvents(events.find((r) => level(count(r.g)) === 3)),
    ...fromRequests(requests.find((r) => level(count(r.g)) === 3)),
    ...fromCalls(calls.find((r) => level(count(r.g)) === 3)),
  };
  // Without the hall in scope, the overall visits are the counters' contacts together.
  if (!scope.hall) overall.visits = totals.reduce((sum, t) => sum + t.visits, 0);
  return { rows, totals, overall };
}
