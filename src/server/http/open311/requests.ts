import type { FastifyReply, FastifyRequest } from 'fastify';
import { CONTACT_NAME, CONTACT_REACH, DEFAULT_PAGE_SIZE, DEFAULT_REQUESTS_WINDOW_DAYS, IDEMPOTENCY_HEADER, MAX_IDEMPOTENCY_KEY, MAX_REQUESTS_PER_QUERY } from '../../../shared/constants';
import { parseZonedDatetime } from '../../../shared/datetime';
import { describeFieldErrors, validateSubmission } from '../../../shared/submission';
import type { Lang } from '../../../shared/i18n';
import type { Format, PostResult } from '../../../shared/open311';
import { createRequest, findRequests, IdempotencyConflict, notesFor, type RequestFilter } from '../../db/requestStore';
import { normalizeTrackingNumber } from '../../db/ids';
import { caseSecret } from '../../auth/caseSecret';
import { addressKey } from '../../net/clientAddress';
import type { AppContext } from '../context';
import { badRequest, forbidden, notFound, Open311Error } from './errors';
import { sendOpen311 } from './format';
import { parseSubmission } from './parseSubmission';
import { placeFilter, placeSubmission } from './place';
import { photosOfBody, storePhotos } from '../../photos/store';
import { presentRequest } from './present';
import { privateLink } from '../../cases/privateLink';
import { booleanParam, intParam, listParam, param, type Query } from './query';

const DAY = 86_400_000;

/** POST requests.{format}: validate, store durably, then answer with the id (or token). */
export async function postRequest(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, format: Format, lang: Lang): Promise<FastifyReply> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const apiKey = typeof body.api_key === 'string' ? body.api_key : param(request.query as Query, 'api_key');
  if (!apiKey) throw forbidden('api_key: missing');
  const apiClient = ctx.apiKeys.get(apiKey);
  if (!apiClient) throw forbidden('api_key: not valid');

  const idempotencyKey = request.headers[IDEMPOTENCY_HEADER];
  if (idempotencyKey !== undefined && (typeof idempotencyKey !== 'string' || !/^[\x21-\x7e]{1,100}$/.test(idempotencyKey))) {
    throw badRequest(`Idempotency-Key: 1 to ${MAX_IDEMPOTENCY_KEY} visible ASCII characters`);
  }

  const input = parseSubmission(body);
  if (!input.service_code) throw badRequest('service_code: is required');
  const entry = ctx.catalog.services.get(input.service_code);
  if (!entry) throw notFound(`service_code: unknown service "${input.service_code.slice(0, 64)}"`);
  const checked = validateSubmission(entry.service, input);
  if (!checked.ok) {
    // An API client is also told which fields carry the contact (the web form shows its own).
    const descriptions = describeFieldErrors(checked.errors, lang).map((d, i) =>
      checked.errors[i].code === 'contact_required' ? `${d} (attribute[${CONTACT_NAME}] and attribute[${CONTACT_REACH}], or first_name/last_name and phone/email)` : d,
    );
    throw badRequest(...descriptions);
  }
  const placed = placeSubmission(ctx.places, checked.value, lang);
  const photos = await photosOfBody(body);

  let stored;
  try {
    stored = await createRequest(ctx.db, {
      submission: placed.submission,
      service: entry.service,
      agency: entry.agency,
      apiClient,
      piiKey: ctx.secrets.piiKey,
      idempotencyKey,
      holidays: ctx.caseRules.holidays,
      lang,
    });
    ctx.mail.kick();
  } catch (error) {
    if (error instanceof IdempotencyConflict) throw new Open311Error(422, [`Idempotency-Key: ${error.message}`]);
    throw error;
  }
  const row = stored.request;
  if (!stored.replay) await storePhotos(ctx.db, row.service_request_id, photos);
  // The hall may attach a chat transcript to a case filed from the same address during the conversation.
  ctx.hallGate.recordFiling(row.service_request_id, addressKey(request.ip));
  const result: PostResult = {
    ...(entry.service.type === 'batch' ? { token: row.token } : { service_request_id: row.service_request_id, case_secret: caseSecret(ctx.secrets.piiKey, row.service_request_id) }),
    service_notice: entry.service.notice?.[lang] ?? null,
    account_id: row.account_id,
    ...(placed.warning ? { warning: placed.warning } : {}),
    // Issue 12: the citizen's private follow-up link goes back only to whoever filed (never in a GET).
    private_link: privateLink(ctx, row),
  };
  if (stored.replay) reply.header('idempotent-replayed', 'true');
  return sendOpen311(reply, format, 'service_requests', [result], stored.replay ? 200 : 201);
}

export function dateParam(query: Query, name: string): Date | undefined {
  const value = param(query, name);
  if (value === undefined || value === '') return undefined;
  const date = parseZonedDatetime(value);
  if (!date) throw badRequest(`${name}: must be an ISO 8601 date or datetime with a time zone, e.g. 2026-11-01T00:00:00+08:00`);
  return date;
}

/** Reads the spec's filters (and page/page_size); a list of ids overrides the rest. */
export function requestFilter(query: Query): RequestFilter {
  const ids = listParam(query, 'service_request_id', MAX_REQUESTS_PER_QUERY)?.map(normalizeTrackingNumber);
  const statuses = listParam(query, 'status', 2);
  if (statuses?.some((s) => s !== 'open' && s !== 'closed')) throw badRequest('status: must be open, closed, or both comma-separated');
  let start = dateParam(query, 'start_date');
  let end = dateParam(query, 'end_date');
  if (start && end && start > end) throw badRequest('start_date: must not be after end_date');
  // The spec: a range "may not span more than 90 days". Refused rather than cut short, so a
  // client never takes a partial answer for the whole; a list of ids ignores dates anyway.
  if (!ids && start && end && end.getTime() - start.getTime() > DEFAULT_REQUESTS_WINDOW_DAYS * DAY) {
    throw badRequest(`end_date: start_date and end_date may span at most ${DEFAULT_REQUESTS_WINDOW_DAYS} days; ask in windows of ${DEFAULT_REQUESTS_WINDOW_DAYS} days`);
  }
  // The spec's default window is 90 days; when only one end is given it anchors the window.
  if (!start && !end) start = new Date(Date.now() - DEFAULT_REQUESTS_WINDOW_DAYS * DAY);
  else if (start && !end) end = new Date(start.getTime() + DEFAULT_REQUESTS_WINDOW_DAYS * DAY);
  else if (!start && end) start = new Date(end.getTime() - DEFAULT_REQUESTS_WINDOW_DAYS * DAY);
  const pageSize = intParam(query, 'page_size', 1, MAX_REQUESTS_PER_QUERY) ?? (query.page ? DEFAULT_PAGE_SIZE : MAX_REQUESTS_PER_QUERY);
  const page = intParam(query, 'page', 1, 1_000_000) ?? 1;
  return {
    ids,
    serviceCodes: listParam(query, 'service_code', 100),
    statuses: statuses as RequestFilter['statuses'],
    start,
    end,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  };
}

/** GET requests.{format} */
export async function sendRequests(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, format: Format, lang: Lang): Promise<FastifyReply> {
  const query = request.query as Query;
  const filter = { ...requestFilter(query), ...placeFilter(ctx.places, query) };
  const extensions = booleanParam(query, 'extensions');
  const rows = await findRequests(ctx.db, filter);
  const notes = await notesFor(ctx.db, rows.map((r) => r.service_request_id));
  const list = rows.map((r) => presentRequest(ctx.catalog, r, lang, notes.get(r.service_request_id), extensions));
  return sendOpen311(reply, format, 'service_requests', list);
}

/** GET requests/{id}.{format} */
export async function sendRequest(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, id: string, format: Format, lang: Lang): Promise<FastifyReply> {
  const extensions = booleanParam(request.query as Query, 'extensions');
  const wanted = normalizeTrackingNumber(id);
  const [row] = await findRequests(ctx.db, { ids: [wanted], limit: 1, offset: 0 });
  if (!row) throw notFound(`service_request_id: no request "${id.slice(0, 40)}"`);
  const notes = await notesFor(ctx.db, [row.service_request_id]);
  return sendOpen311(reply, format, 'service_requests', [presentRequest(ctx.catalog, row, lang, notes.get(row.service_request_id), extensions)]);
}
