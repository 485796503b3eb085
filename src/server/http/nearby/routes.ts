import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { toCityIso } from '../../../shared/datetime';
import type { Lang } from '../../../shared/i18n';
import {
  distanceMetres,
  followSchema,
  NEARBY_API,
  NEARBY_DAYS,
  NEARBY_EXCERPT,
  NEARBY_MAX,
  NEARBY_RADIUS_M,
  nearbyQuerySchema,
  type FollowAnswer,
  type NearbyAnswer,
  type NearbyReport,
} from '../../../shared/nearby';
import { redactPersonal } from '../../../shared/personal';
import { PHOTOS_API } from '../../../shared/photos';
import { isStage, STAGE_INFO } from '../../../shared/stages';
import { addFollower, followerSecretMatches } from '../../cases/followers';
import { normalizeTrackingNumber } from '../../db/ids';
import { sendUnsubscribeForm, unsubscribed } from '../unsubscribePage';
import type { AppContext } from '../context';
import { fail, limitedRoute, parseBody } from '../replyErrors';

const DAY_MS = 86_400_000;
/** Degrees of latitude per metre; the longitude box is widened by 1/cos(lat). */
const DEG_PER_M = 1 / 111_320;
const CANDIDATES = 200;

/**
 * Nearby reports and following them (issue 13, point 4). Anyone may ask, so both routes are
 * rate-limited per address, validated with zod, and answer in the Open311 error shape. What a
 * stranger sees carries no personal data: no name or contact, free text masked, photos only
 * when an officer published them.
 */
export async function nearbyRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(rateLimit, { global: false });
  app.get(NEARBY_API, limitedRoute(ctx.config.nearbyRateLimit, 'rate limit: too many nearby questions from this address; try again in a minute'), async (request, reply) => {
    const parsed = nearbyQuerySchema.safeParse(request.query ?? {});
    if (!parsed.success) return fail(reply, 400, parsed.error.issues[0].message);
    const q = parsed.data;
    const entry = ctx.catalog.services.get(q.service_code);
    if (!entry) return fail(reply, 400, `service_code: unknown service "${q.service_code}"`);
    if (q.kelurahan && !ctx.places.byCode.has(q.kelurahan)) return fail(reply, 400, `kelurahan: unknown kelurahan code "${q.kelurahan}" (Makassar's Kemendagri codes)`);
    const lang: Lang = q.lang ?? 'id';
    const since = new Date(Date.now() - NEARBY_DAYS * DAY_MS);
    const point = q.lat !== undefined && q.long !== undefined ? { lat: q.lat, long: q.long } : null;
    const rows = await ctx.db
      .selectFrom('service_requests')
      .select(['service_request_id', 'service_code', 'stage', 'description', 'address_string', 'address_id', 'lat', 'long', 'requested_at', 'people_affected'])
      .where('service_code', '=', q.service_code)
      .where('status', '=', 'open')
      .where('merged_into', 'is', null)
      .where('requested_at', '>=', since)
      .where((eb) => {
        const near = [];
        if (q.kelurahan) near.push(eb('address_id', '=', q.kelurahan));
        if (point) {
          const dLat = NEARBY_RADIUS_M * DEG_PER_M;
          const dLong = dLat / Math.max(0.2, Math.cos((point.lat * Math.PI) / 180));
          near.push(eb.and([eb('lat', '>=', point.lat - dLat), eb('lat', '<=', point.lat + dLat), eb('long', '>=', point.long - dLong), eb('long', '<=', point.long + dLong)]));
        }
        return eb.or(near);
      })
      .orderBy('requested_at', 'desc')
      .limit(CANDIDATES)
      .execute();
    const found = rows
      .map((r) => ({ r, distance: point && r.lat !== null && r.long !== null ? Math.round(distanceMetres(point.lat, point.long, r.lat, r.long)) : null, same: q.kelurahan !== undefined && r.address_id === q.kelurahan }))
      .filter((c) => c.same || (c.distance !== null && c.distance <= NEARBY_RADIUS_M))
      // The closest first (same kelurahan counts as close), then the most people affected.
      .sort((a, b) => (a.distance ?? NEARBY_RADIUS_M) - (b.distance ?? NEARBY_RADIUS_M) || b.r.people_affected - a.r.people_affected)
      .slice(0, NEARBY_MAX);
    const ids = found.map((c) => c.r.service_request_id);
    const photos = ids.length
      ? await ctx.db.selectFrom('request_photos').select(['service_request_id', 'photo_id', 'position']).where('service_request_id', 'in', ids).where('published', '=', true).orderBy('position').execute()
      : [];
    const reports: NearbyReport[] = found.map(({ r, distance, same }) => {
      const stage = isStage(r.stage) ? r.stage : 'received';
      const text = r.description === null ? null : redactPersonal(r.description);
      const photo = photos.find((p) => p.service_request_id === r.service_request_id);
      return {
        service_request_id: r.service_request_id,
        service_name: entry.service.name[lang],
        description: text && text.length > NEARBY_EXCERPT ? `${text.slice(0, NEARBY_EXCERPT - 1)}…` : text,
        address: r.address_string === null ? null : redactPersonal(r.address_string),
        requested_datetime: toCityIso(new Date(r.requested_at)),
        stage,
        stage_label: STAGE_INFO[stage].label[lang],
        people_affected: r.people_affected,
        same_kelurahan: same,
        distance_m: distance,
        photo_thumb_url: photo ? `${PHOTOS_API}/${photo.photo_id}.jpg?size=thumb` : null,
      };
    });
    void reply.header('cache-control', 'no-store');
    const answer: NearbyAnswer = { reports };
    return answer;
  });

  app.post(`${NEARBY_API}/follow`, limitedRoute(ctx.config.followRateLimit, 'rate limit: too many follows from this address; try again later', 3_600_000), async (request, reply) => {
    const body = parseBody(followSchema, request.body, reply);
    if (!body) return reply;
    const asked = normalizeTrackingNumber(body.service_request_id);
    const now = new Date();
    const result = await ctx.db.transaction().execute(async (tx) => {
      let row = await tx.selectFrom('service_requests').selectAll().where('service_request_id', '=', asked).forUpdate().executeTakeFirst();
      // A case merged into another is followed where it now lives.
      if (row?.merged_into) row = await tx.selectFrom('service_requests').selectAll().where('service_request_id', '=', row.merged_into).forUpdate().executeTakeFirst();
      if (!row) return { status: 404 as const, message: 'service_request_id: no such report' };
      const complaint = ctx.catalog.services.get(row.service_code)?.service.kind === 'complaint';
      // Only what the nearby list offers may be followed: open complaints of the last NEARBY_DAYS days.
      if (!complaint || row.status !== 'open' || new Date(row.requested_at).getTime() < now.getTime() - NEARBY_DAYS * DAY_MS) {
        return { status: 409 as const, message: 'service_request_id: only open complaints of the last 30 days can be followed' };
      }
      await addFollower(tx, ctx.secrets.piiKey, { id: row.service_request_id, email: body.email ?? null, lang: body.lang ?? 'id', source: 'nearby', now });
      const after = await tx.selectFrom('service_requests').select(['service_request_id', 'people_affected']).where('service_request_id', '=', row.service_request_id).executeTakeFirstOrThrow();
      return { status: 200 as const, answer: { service_request_id: after.service_request_id, people_affected: after.people_affected, mail: body.email ? 'on' : 'none' } satisfies FollowAnswer };
    });
    if (result.status !== 200) return fail(reply, result.status, result.message);
    ctx.mail.kick();
    return result.answer;
  });

  // A follower's one-click unsubscribe (RFC 8058); they still count as affected.
  const unfollow = `${NEARBY_API}/unfollow`;
  const followerFor = async (request: FastifyRequest) => {
    const { f, k } = (request.query ?? {}) as { f?: unknown; k?: unknown };
    if (typeof f !== 'string' || !/^\d{1,18}$/.test(f) || typeof k !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(k)) return undefined;
    if (!followerSecretMatches(ctx.secrets.piiKey, f, k)) return undefined;
    return ctx.db.selectFrom('case_followers').select(['id', 'service_request_id']).where('id', '=', f).executeTakeFirst();
  };
  const unfollowLimit = limitedRoute(ctx.config.followupRateLimit, 'rate limit: too many requests; try again in a minute');
  app.get(unfollow, unfollowLimit, async (request, reply) => {
    const follower = await followerFor(request);
    if (!follower) return fail(reply, 404, 'link: not valid');
    const { f, k } = request.query as { f: string; k: string };
    // The query's values are escaped as part of the action URL.
    return sendUnsubscribeForm(reply, follower.service_request_id, `${unfollow}?f=${f}&k=${k}`);
  });
  app.post(unfollow, unfollowLimit, async (request, reply) => {
    const follower = await followerFor(request);
    if (!follower) return fail(reply, 404, 'link: not valid');
    await ctx.db.transaction().execute(async (tx) => {
      await tx.updateTable('case_followers').set({ mail_enabled: false }).where('id', '=', follower.id).execute();
      await tx.updateTable('mail_outbox').set({ state: 'skipped' }).where('follower_id', '=', follower.id).where('state', '=', 'queued').execute();
    });
    return unsubscribed(request, reply);
  });
}
