import { suspend } from 'suspend-react';
import { getTextRenderInfo } from 'troika-three-text';
import { softwareRenderer } from '../glOptions';
import { keepOffline } from '../../keepOffline';

/** The sign font, served from our own origin (public/fonts; licence in assets/fonts). */
export const SIGN_FONT = `${import.meta.env.BASE_URL}fonts/NotoSans-Bold.ttf`;

/** The letters the signs are written in; any other gets its glyph when first shown. */
const SIGN_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,:;-/()&'!?#+·–—…";

/**
 * Whether troika draws the glyphs' distance fields with WebGL on the page's main thread (its
 * default) or computes them in its worker threads. Where a CPU draws WebGL (SwiftShader), the
 * workers: in the world bench the hall was ready ~250 ms sooner after "Masuk" (the font took
 * longer, in workers, and left the GPU process free for the hall). Every <Text> spreads
 * `sdfProps()` (troika's properties, which drei's <Text> passes on but does not type).
 */
export function sdfOnGpu(): boolean {
  return !softwareRenderer();
}

/**
 * The side of each glyph's distance field in troika's atlas (texels). 64, troika's default,
 * with a GPU. Where a CPU draws WebGL, 32: the fields cost a quarter to compute (in the world
 * bench, SwiftShader on 2 cores, the font was ready ~140 ms sooner after "Masuk"), and such a
 * CPU draws the hall at a pixel ratio of at most 1 (0.65 once frames are slow), where
 * screenshots of the nearest counter sign at 64 and at 32 (desktop at 0.65, phone at 1) match.
 * Larger letters (a projector at 1080p without a GPU) show slightly rounder corners.
 */
function sdfGlyphSize(): number {
  return softwareRenderer() ? 32 : 64;
}

export function sdfProps(): Record<string, unknown> {
  return { gpuAccelerateSDF: sdfOnGpu(), sdfGlyphSize: sdfGlyphSize() };
}

/**
 * Resolves when the sign font is loaded and the signs' glyphs are drawn into troika's glyph
 * atlas, through the very cache entry drei's <Text> suspends on (suspend-react, key
 * ['troika-text', font, characters] with no characters). Started by the world's loader as soon
 * as the world's code has come; the hall mounts meanwhile, each text waiting in its own
 * boundary (TextSuspense.tsx), so the texts need no glyphs drawn between the first frames
 * (troika draws them in 5 ms slices between tasks, and each of those frames waits on the GPU
 * process: that took seconds).
 */
export function signFontReady(): Promise<void> {
  // troika fetches the font in its worker, out of the page's sight: kept for offline starts by name.
  keepOffline(SIGN_FONT);
  try {
    suspend(() => new Promise<true>((resolve) => getTextRenderInfo({ font: SIGN_FONT, text: SIGN_CHARACTERS, ...sdfProps() }, () => resolve(true))), ['troika-text', SIGN_FONT, undefined]);
    return Promise.resolve();
  } catch (pending) {
    if (pending instanceof Promise) return pending.then(() => undefined);
    return Promise.reject(pending instanceof Error ? pending : new Error(String(pending)));
  }
}
