import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_PHOTO_BYTES, MAX_PHOTOS, MEDIA_FIELD } from '../../../shared/photos';
import { MAX_ENTRY_TEXT } from '../../../shared/caseLoop';
import { photosOfBody, storePhotos } from '../../photos/store';
import { Open311Error } from '../open311/errors';
import { citizenAnswerSchema, citizenReplySchema, FOLLOWUP_API, FOLLOWUP_HEADER, ratingSchema, type FollowupView } from '../../../shared/caseLoop';
import { toCityIso } from '../../../shared/datetime';
import { isLang, pickLang, type Lang } from '../../../shared/i18n';
import { isStage, STAGE_INFO } from '../../../shared/stages';
import { audit } from '../../auth/audit';
import { answerState } from '../../cases/caseActions';
import { followupHash, looksLikeSecret } from '../../cases/followupLink';
import { sendUnsubscribeForm, unsubscribed } from '../unsubscribePage';
import { addEntry, presentTimeline, readTimeline } from '../../cases/timeline';
import type { RequestRow } from '../../db/requestStore';
import type { AppContext } from '../context';
import { fail, parseBody, rateLimitConfig } from '../replyErrors';

/** Citizen replies per case per hour, on top of the per-address limit. */
const REPLIES_PER_HOUR = 10;
const NOT_VALID = 'private link: not valid';

/**
 * What the holder of a private link may do: read the public conversation and their own words,
 * reply while the case is open, answer "Sudah beres" / "Belum beres" once it is resolved, and
 * rate after "Sudah beres". A wrong or revoked link gets the same 404 as a case that does not exist.
 */
export async function followupRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(rateLimit, { global: false });
  // No route error handler here: the reply's scope has its own (photo limits and the rest).
  const limited = { config: rateLimitConfig(ctx.config.followupRateLimit, 'rate limit: too many requests; try again in a minute') };

  async function caseFor(request: FastifyRequest, secret: unknown): Promise<RequestRow | undefined> {
    if (!looksLikeSecret(secret)) return undefined;
    return ctx.db.selectFrom('service_requests').selectAll().where('followup_hash', '=', followupHash(secret)).executeTakeFirst();
  }
  const headerSecret = (request: FastifyRequest) => request.headers[FOLLOWUP_HEADER];
  const langFor = (request: FastifyRequest, row: RequestRow): Lang => {
    const asked = (request.query as { lang?: string } | undefined)?.lang;
    if (isLang(asked)) return asked;
    return request.headers['accept-language'] ? pickLang(undefined, request.headers['accept-language']) : isLang(row.lang) ? row.lang : 'id';
  };

  async function view(row: RequestRow, lang: Lang): Promise<FollowupView> {
    const entry = ctx.catalog.services.get(row.service_code);
    const agency = ctx.catalog.agencies.find((a) => a.code === row.agency_code);
    const agencyName = agency?.short_name[lang] ?? row.agency_code;
    const stage = isStage(row.stage) ? row.stage : 'received';
    const state = await answerState(ctx.db, row);
    const hasAddress = row.personal_data !== null && (await ctx.db.selectFrom('mail_outbox').select('id').where('event_key', '=', `created:${row.service_request_id}`).executeTakeFirst()) !== undefined;
    return {
      service_request_id: row.service_request_id,
      service_name: entry?.service.name[lang] ?? row.service_code,
      agency: agencyName,
      stage,
      stage_label: STAGE_INFO[stage].label[lang],
      requested_datetime: toCityIso(new Date(row.requested_at)),
      expected_datetime: row.expected_at ? toCityIso(new Date(row.expected_at)) : null,
      reopened: row.reopened,
      entries: presentTimeline(ctx.catalog, await readTimeline(ctx.db, row.service_request_id), 'private', lang, agencyName),
      can_reply: row.status === 'open',
      can_answer: state.canAnswer,
      can_rate: state.canRate,
      rating: state.rating,
      mail: row.mail_enabled ? 'on' : hasAddress ? 'off' : 'none',
      photos: (await ctx.db.selectFrom('request_photos').select(['photo_id', 'note_id']).where('service_request_id', '=', row.service_request_id).orderBy('position').execute()).map((p) => ({
        photo_id: p.photo_id,
        from_reply: p.note_id !== null,
      })),
    };
  }

  app.get(FOLLOWUP_API, limited, async (request, reply) => {
    const row = await caseFor(request, headerSecret(request));
    if (!row) return fail(reply, 404, NOT_VALID);
    void reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    return view(row, langFor(request, row));
  });

  // Issue 13: the link holder sees the case's photos (private, like the link itself).
  app.get<{ Params: { photoId: string }; Querystring: { size?: string } }>(`${FOLLOWUP_API}/photos/:photoId`, limited, async (request, reply) => {
    const row = await caseFor(request, headerSecret(request));
    if (!row || !/^[0-9a-f]{32}$/.test(request.params.photoId)) return fail(reply, 404, NOT_VALID);
    const photo = await ctx.db.selectFrom('request_photos').select(['jpeg', 'thumb']).where('photo_id', '=', request.params.photoId).where('service_request_id', '=', row.service_request_id).executeTakeFirst();
    if (!photo) return fail(reply, 404, 'photo: not found');
    return reply
      .header('cache-control', 'private, no-store')
      .header('referrer-policy', 'no-referrer')
      .header('x-content-type-options', 'nosniff')
      .type('image/jpeg')
      .send(request.query.size === 'thumb' ? photo.thumb : photo.jpeg);
  });

  // The reply takes JSON, or multipart with up to MAX_PHOTOS `media` photos (issue 13), in a scope of its own.
  await app.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: MAX_PHOTO_BYTES, files: MAX_PHOTOS, fields: 5, fieldSize: MAX_ENTRY_TEXT * 4, parts: 5 + MAX_PHOTOS },
    });
    scope.setErrorHandler((error: FastifyError, _request, reply) => {
      if (error instanceof Open311Error) return fail(reply, error.status, error.descriptions.join('; '));
      if (error.code === 'FST_FILES_LIMIT') return fail(reply, 413, `${MEDIA_FIELD}: at most ${MAX_PHOTOS} photos`);
      if (error.code === 'FST_REQ_FILE_TOO_LARGE') return fail(reply, 413, `${MEDIA_FIELD}: a photo is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB`);
      if (error.statusCode === 429) return fail(reply, 429, 'rate limit: too many requests; try again in a minute');
      if (error.statusCode === 413) return fail(reply, 413, 'body: too large');
      if (error.statusCode === 415) return fail(reply, 415, 'Content-Type: use application/json or multipart/form-data');
      if (error.statusCode && error.statusCode < 500) return fail(reply, error.statusCode, 'request: malformed');
      if (_request.isMultipart?.()) return fail(reply, 400, 'body: malformed multipart/form-data');
      _request.log.error({ err: error }, 'follow-up reply failed');
      return fail(reply, 500, 'server: internal error; the reply was not stored');
    });
    scope.post(`${FOLLOWUP_API}/reply`, limited, async (request, reply) => {
    const row = await caseFor(request, headerSecret(request));
    if (!row) return fail(reply, 404, NOT_VALID);
    const { [MEDIA_FIELD]: _media, ...fields } = (request.body ?? {}) as Record<string, unknown>;
    const body = parseBody(citizenReplySchema, fields, reply);
    if (!body) return reply;
    // Every photo is checked and re-encoded before anything is stored (415/413 store nothing).
    const photos = await photosOfBody((request.body ?? {}) as Record<string, unknown>);
    if (row.status !== 'open') return fail(reply, 409, 'case: it is closed; answer whether it is fixed instead');
    const recent = await ctx.db
      .selectFrom('request_notes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('service_request_id', '=', row.service_request_id)
      .where('author', '=', 'citizen')
      .where('created_at', '>', new Date(Date.now() - 3_600_000))
      .executeTakeFirstOrThrow();
    if (Number(recent.n) >= REPLIES_PER_HOUR) return fail(reply, 429, `reply: at most ${REPLIES_PER_HOUR} replies an hour; please wait for the officer`);
    await ctx.db.transaction().execute(async (tx) => {
      const entry = await addEntry(tx, { id: row.service_request_id, kind: 'citizen', text: body.text, author: 'citizen', detail: photos.length ? { photos: photos.length } : undefined });
      await storePhotos(tx, row.service_request_id, photos, String(entry.id));
    });
    return reply.code(201).send(await view((await caseFor(request, headerSecret(request)))!, langFor(request, row)));
    });
  });

  app.post(`${FOLLOWUP_API}/answer`, limited, async (request, reply) => {
    const found = await caseFor(request, headerSecret(request));
    if (!found) return fail(reply, 404, NOT_VALID);
    const body = parseBody(citizenAnswerSchema, request.body, reply);
    if (!body) return reply;
    const id = found.service_request_id;
    const done = await ctx.db.transaction().execute(async (tx) => {
      // The row lock makes a double click answer once.
      const row = await tx.selectFrom('service_requests').selectAll().where('service_request_id', '=', id).forUpdate().executeTakeFirstOrThrow();
      if (!(await answerState(tx, row)).canAnswer) return false;
      if (body.fixed) {
        await addEntry(tx, { id, kind: 'fixed', text: body.text ?? null, author: 'citizen' });
      } else {
        await tx.updateTable('service_requests').set({ stage: 'in_progress', status: 'open', reopened: true }).where('service_request_id', '=', id).execute();
        await addEntry(tx, { id, kind: 'reopen', stage: 'in_progress', text: body.text ?? null, author: 'citizen' });
      }
      return true;
    });
    if (!done) return fail(reply, 409, 'answer: the case is not waiting for your answer (not resolved, or already answered)');
    if (!body.fixed) await audit(ctx.db, null, 'reopen', id, { by: 'citizen' });
    const row = (await caseFor(request, headerSecret(request)))!;
    return view(row, langFor(request, row));
  });

  app.post(`${FOLLOWUP_API}/rating`, limited, async (request, reply) => {
    const found = await caseFor(request, headerSecret(request));
    if (!found) return fail(reply, 404, NOT_VALID);
    const body = parseBody(ratingSchema, request.body, reply);
    if (!body) return reply;
    const id = found.service_request_id;
    const done = await ctx.db.transaction().execute(async (tx) => {
      const row = await tx.selectFrom('service_requests').selectAll().where('service_request_id', '=', id).forUpdate().executeTakeFirstOrThrow();
      if (!(await answerState(tx, row)).canRate) return false;
      await addEntry(tx, { id, kind: 'rating', text: body.comment ?? null, author: 'citizen', detail: { rating: body.rating } });
      return true;
    });
    if (!done) return fail(reply, 409, 'rating: possible once, after you answered "Sudah beres"');
    const row = (await caseFor(request, headerSecret(request)))!;
    return view(row, langFor(request, row));
  });

  // One-click unsubscribe (RFC 8058): mail clients POST here; a person who opens the link gets a button.
  const unsubscribePath = `${FOLLOWUP_API}/unsubscribe`;
  app.get(unsubscribePath, limited, async (request, reply) => {
    const k = (request.query as { k?: string }).k;
    const row = await caseFor(request, k);
    if (!row) return fail(reply, 404, NOT_VALID);
    return sendUnsubscribeForm(reply, row.service_request_id, `${unsubscribePath}?k=${k!}`);
  });
  app.post(unsubscribePath, limited, async (request, reply) => {
    const row = await caseFor(request, (request.query as { k?: string }).k);
    if (!row) return fail(reply, 404, NOT_VALID);
    await ctx.db.transaction().execute(async (tx) => {
      await tx.updateTable('service_requests').set({ mail_enabled: false }).where('service_request_id', '=', row.service_request_id).execute();
      await tx.updateTable('mail_outbox').set({ state: 'skipped' }).where('service_request_id', '=', row.service_request_id).where('state', '=', 'queued').execute();
    });
    return unsubscribed(request, reply);
  });
}
