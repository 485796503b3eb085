import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PHOTOS_API } from '../../../shared/photos';
import { STAFF_API } from '../../../shared/staff';
import { staffForToken } from '../../auth/staffStore';
import { audit } from '../../auth/audit';
import type { AppContext } from '../context';
import { canSeeAgency, canSeeCase, requireStaff, sessionToken } from './../staff/session';
import { limitedRoute } from '../replyErrors';

const PHOTO_ID = /^[0-9a-f]{32}$/;
const PHOTO_REQUESTS_PER_MINUTE = 600;

/**
 * Photos of requests. Private by default: staff who see the agency's cases see them; an
 * officer may publish one, which then is public and is the request's Open311 media_url.
 */
export async function photoRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const agencyOf = async (serviceRequestId: string) =>
    (await ctx.db.selectFrom('service_requests').select('agency_code').where('service_request_id', '=', serviceRequestId).executeTakeFirst())?.agency_code;
  const caseOf = (serviceRequestId: string) => ctx.db.selectFrom('service_requests').select(['agency_code', 'address_id']).where('service_request_id', '=', serviceRequestId).executeTakeFirst();

  // The one public base URL (issue 16), never the request's Host header.
  const photoUrl = (_request: FastifyRequest, photoId: string) => `${ctx.publicBaseUrl()}${PHOTOS_API}/${photoId}.jpg`;

  // Anyone can ask for a photo (published ones are public): a generous limit per address.
  await app.register(rateLimit, { global: false });
  const limited = limitedRoute(PHOTO_REQUESTS_PER_MINUTE, 'photo: too many requests, try again in a minute');
  app.get<{ Params: { file: string }; Querystring: { size?: string } }>(`${PHOTOS_API}/:file`, limited, async (request, reply) => {
    const photoId = request.params.file.replace(/\.jpg$/, '');
    const notFound = () => reply.code(404).send([{ code: 404, description: 'photo: not found' }]);
    if (!PHOTO_ID.test(photoId)) return notFound();
    const row = await ctx.db.selectFrom('request_photos').select(['service_request_id', 'published', 'jpeg', 'thumb']).where('photo_id', '=', photoId).executeTakeFirst();
    if (!row) return notFound();
    if (!row.published) {
      // Unpublished photos exist only for staff of the agency; to anyone else they are not there.
      // Issue 13: an area officer sees the photos of cases in the area.
      const staff = await staffForToken(ctx.db, sessionToken(request));
      const owner = await caseOf(row.service_request_id);
      if (!staff || !owner || !canSeeCase(staff, owner)) return notFound();
    }
    return reply
      .header('cache-control', row.published ? 'public, max-age=86400' : 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .type('image/jpeg')
      .send(request.query.size === 'thumb' ? row.thumb : row.jpeg);
  });

  const guard = { preHandler: requireStaff(ctx) };

  app.get<{ Params: { id: string } }>(`${STAFF_API}/cases/:id/photos`, guard, async (request, reply) => {
    const owner = await caseOf(request.params.id);
    if (!owner || !canSeeCase(request.staff!, owner)) return reply.code(404).send({ error: 'case: not found' });
    const rows = await ctx.db
      .selectFrom('request_photos')
      .select(['photo_id', 'width', 'height', 'published'])
      .where('service_request_id', '=', request.params.id)
      .orderBy('position')
      .execute();
    return { photos: rows.map((r) => ({ ...r, url: `${PHOTOS_API}/${r.photo_id}.jpg`, thumb_url: `${PHOTOS_API}/${r.photo_id}.jpg?size=thumb` })) };
  });

  app.post<{ Params: { photoId: string } }>(`${STAFF_API}/photos/:photoId/publish`, guard, async (request, reply) => {
    const staff = request.staff!;
    const photoId = request.params.photoId;
    const row = PHOTO_ID.test(photoId)
      ? await ctx.db.selectFrom('request_photos').select(['service_request_id']).where('photo_id', '=', photoId).executeTakeFirst()
      : undefined;
    const agency = row && (await agencyOf(row.service_request_id));
    if (!row || !agency || !canSeeAgency(staff, agency)) return reply.code(404).send({ error: 'photo: not found' });
    const url = photoUrl(request, photoId);
    await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('request_photos').set({ published: true }).where('photo_id', '=', photoId).execute();
      await trx.updateTable('service_requests').set({ media_url: url, updated_at: new Date() }).where('service_request_id', '=', row.service_request_id).execute();
    });
    await audit(ctx.db, staff.id, 'photo.publish', row.service_request_id, { photo_id: photoId });
    return { photo_id: photoId, published: true, media_url: url };
  });
}
