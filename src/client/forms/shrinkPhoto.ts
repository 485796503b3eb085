import { PHOTO_MAX_SIDE } from '../../shared/photos';

/**
 * Shrinks a photo on the device before upload: longest side at most PHOTO_MAX_SIDE, written
 * as a fresh JPEG (upright, and without the camera's EXIF, so no GPS position leaves the phone).
 */
export async function shrinkPhoto(file: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const scale = Math.min(1, PHOTO_MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('canvas: no 2D context');
    context.drawImage(bitmap, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas: could not encode'))), 'image/jpeg', 0.85));
  } finally {
    bitmap.close();
  }
}
