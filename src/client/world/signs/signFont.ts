import { softwareRenderer } from '../glOptions';
import { keepOffline } from '../../keepOffline';

/** The sign font, served from our own origin (public/fonts; licence in assets/fonts). */
export const SIGN_FONT = `${import.meta.env.BASE_URL}fonts/NotoSans-Bold.ttf`;
/** The name the page knows the sign font by (a FontFace of its own: the DOM's fonts are untouched). */
export const SIGN_FAMILY = 'Makaverse Sign';

let loading: Promise<void> | null = null;
/** Whether the font's load has ended (loaded, or failed: then texts are painted in the system's sans-serif). */
let settled = false;

/**
 * Resolves when the sign font is loaded into the page's fonts (a canvas paints in a font only
 * once it is loaded; before, it silently takes the fallback). Started by the world's loader as
 * soon as the world's code has come, or by the first text; one load for all callers.
 */
export function signFontReady(): Promise<void> {
  loading ??= (async () => {
    keepOffline(SIGN_FONT);
    try {
      const face = new FontFace(SIGN_FAMILY, `url(${SIGN_FONT})`, { weight: '700' });
      await face.load();
      document.fonts.add(face);
    } finally {
      settled = true;
    }
  })();
  return loading;
}

/** Whether a text can be painted now: the sign font's load has ended. */
export function signFontSettled(): boolean {
  return settled;
}

/**
 * Texels per em of a painted text. With a GPU, 96: the nearest sign a citizen reads (a counter's
 * name, 0.34 m, from ~2 m) is ~90 px high on a phone at pixel ratio 2, so its texels are drawn
 * about one to one there. Where a CPU draws WebGL the hall's pixel ratio is at most 1 and
 * textures cost upload and mipmap time on the CPU: 64.
 */
export function texelsPerEm(): number {
  return softwareRenderer() ? 64 : 96;
}
