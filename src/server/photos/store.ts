import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { MAX_PHOTOS, MEDIA_FIELD } from '../../shared/photos';
import type { Database } from '../db/schema';
import { badRequest } from '../http/open311/errors';
import { processPhoto, type ProcessedPhoto } from './process';

/** The `media` file parts of a multipart Open311 POST (as Buffers), re-encoded; none for a form or JSON body. */
export async function photosOfBody(body: Record<string, unknown>): Promise<ProcessedPhoto[]> {
  const raw = body[MEDIA_FIELD];
  if (raw === undefined) return [];
  const parts = Array.isArray(raw) ? raw : [raw];
  if (parts.length > MAX_PHOTOS) throw badRequest(`${MEDIA_FIELD}: at most ${MAX_PHOTOS} photos`);
  if (!parts.every((p) => Buffer.isBuffer(p))) throw badRequest(`${MEDIA_FIELD}: send photos as file parts of a multipart/form-data body`);
  const out: ProcessedPhoto[] = [];
  // One at a time: re-encoding is the costly part and the server is shared.
  for (const [i, part] of (parts as Buffer[]).entries()) out.push(await processPhoto(part, i));
  return out;
}

export async function storePhotos(db: Kysely<Database>, serviceRequestId: string, photos: ProcessedPhoto[], noteId: string | null = null): Promise<string[]> {
  if (photos.length === 0) return [];
  // A reply's photos come after those already stored.
  const first = noteId === null ? 0 : Number((await db.selectFrom('request_photos').select((eb) => eb.fn.max('position').as('p')).where('service_request_id', '=', serviceRequestId).executeTakeFirst())?.p ?? -1) + 1;
  const rows = photos.map((p, i) => ({
    note_id: noteId,
    position: first + i,
    photo_id: randomBytes(16).toString('hex'),
    service_request_id: serviceRequestId,
    width: p.width,
    height: p.height,
    jpeg: p.jpeg,
    thumb: p.thumb,
    published: false,
    created_at: new Date(),
  }));
  await db.insertInto('request_photos').values(rows).execute();
  return rows.map((r) => r.photo_id);
}
