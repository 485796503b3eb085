/** Photos of a complaint: one definition of the limits for the client and the server. */

/** Photos per complaint. */
export const MAX_PHOTOS = 3;
/** The longest side of a photo as stored (the client shrinks to it before upload). */
export const PHOTO_MAX_SIDE = 1600;
export const PHOTO_THUMB_SIDE = 320;
/** Bytes of one uploaded photo before 413. */
export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
/** Pixels of one uploaded photo before 413: a 48-megapixel phone photo passes, a decompression bomb does not. */
export const MAX_PHOTO_PIXELS = 50_000_000;
/** The Open311 POST's file part, as FixMyStreet and SeeClickFix clients send it. */
export const MEDIA_FIELD = 'media';
/** Where a photo is served: `${PHOTOS_API}/{photo_id}.jpg` (thumbnail: `?size=thumb`). */
export const PHOTOS_API = '/api/photos';
