import type SharpModule from 'sharp';
import type { Metadata } from 'sharp';
import { MAX_PHOTO_PIXELS, PHOTO_MAX_SIDE, PHOTO_THUMB_SIDE } from '../../shared/photos';
import { Open311Error } from '../http/open311/errors';

type Sharp = typeof SharpModule;
let loading: Promise<{ sharp: Sharp; readsHeic: boolean }> | undefined;

/**
 * sharp (and libvips with it: about a second and 20 MB on a busy machine) loads with the first
 * photo, not at every start: most starts never see one.
 */
function loadSharp(): Promise<{ sharp: Sharp; readsHeic: boolean }> {
  loading ??= import('sharp').then((module) => {
    const sharp = (module as unknown as { default?: Sharp }).default ?? (module as unknown as Sharp);
    // Each photo is read once: libvips' operation cache would only hold on to memory.
    sharp.cache(false);
    // Whether this sharp build decodes HEIC (prebuilt sharp reads only AVIF: HEVC is not in it).
    const readsHeic = (sharp.format.heif?.input as { fileSuffix?: string[] } | undefined)?.fileSuffix?.includes('.heic') ?? false;
    return { sharp, readsHeic };
  });
  return loading;
}

export interface ProcessedPhoto {
  jpeg: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
}

/** The real type from the first bytes; a name or a Content-Type proves nothing. */
export function sniffImage(bytes: Buffer): 'jpeg' | 'png' | 'webp' | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return null;
}

/** An HEIC/HEIF photo (iPhones' default): an ISO-BMFF `ftyp` box with a HEIF brand. */
export function isHeic(bytes: Buffer): boolean {
  if (bytes.length < 16 || bytes.toString('latin1', 4, 8) !== 'ftyp') return false;
  const size = Math.min(bytes.readUInt32BE(0), bytes.length, 64);
  const brands = [bytes.toString('latin1', 8, 12)];
  for (let i = 16; i + 4 <= size; i += 4) brands.push(bytes.toString('latin1', i, i + 4));
  return brands.some((b) => ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(b)) && !brands.includes('avif');
}

/** The refusal of an HEIC photo sharp cannot decode: it tells the citizen what to do. */
export const HEIC_REFUSAL = 'HEIC photo (iPhone) cannot be read here; choose a JPEG or PNG photo — foto HEIC tidak dapat dibaca, pilih foto JPEG/PNG (iPhone: Pengaturan › Kamera › Format › Paling Kompatibel)';

/**
 * Re-encodes an uploaded photo: auto-rotated, every metadata tag (EXIF with GPS, XMP, ICC
 * comments) dropped by writing a fresh JPEG, at most PHOTO_MAX_SIDE, plus a thumbnail. The
 * header's size is checked before any pixel is decoded, so a bomb costs nothing.
 */
export async function processPhoto(bytes: Buffer, index: number): Promise<ProcessedPhoto> {
  const field = `media[${index}]`;
  const { sharp, readsHeic } = await loadSharp();
  if (isHeic(bytes) && !readsHeic) throw new Open311Error(415, [`${field}: ${HEIC_REFUSAL}`]);
  if (!sniffImage(bytes) && !(readsHeic && isHeic(bytes))) throw new Open311Error(415, [`${field}: not a JPEG, PNG or WebP image`]);
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new Open311Error(415, [`${field}: the image cannot be read`]);
  }
  const pixels = (meta.width ?? 0) * (meta.height ?? 0);
  if (!pixels) throw new Open311Error(415, [`${field}: the image cannot be read`]);
  if (pixels > MAX_PHOTO_PIXELS) throw new Open311Error(413, [`${field}: ${meta.width}×${meta.height} is more than ${MAX_PHOTO_PIXELS / 1e6} megapixels`]);
  try {
    const input = () => sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'error', sequentialRead: true }).rotate();
    const full = await input()
      .resize({ width: PHOTO_MAX_SIDE, height: PHOTO_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    const thumb = await sharp(full.data).resize({ width: PHOTO_THUMB_SIDE, height: PHOTO_THUMB_SIDE, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 70 }).toBuffer();
    return { jpeg: full.data, thumb, width: full.info.width, height: full.info.height };
  } catch {
    throw new Open311Error(415, [`${field}: the image is damaged`]);
  }
}
