import { softwareRenderer } from '../glOptions';
import { keepOffline } from '../../keepOffline';

/** The sign font, served from our own origin (public/fonts; licence in assets/fonts). */
export const SIGN_FONT = `${import.meta.env.BASE_URL}fonts/NotoSans-Bold.ttf`;
/** The name the page knows the sign font by (a FontFace of its own: the DOM's fonts are untouched). */
export const SIGN_FAMILY = 'Makaverse Sign';

/** A font that has not come by then is waited for no longer: texts are painted in the system's sans-serif meanwhile. */
const WAIT_MS = 5000;

let loading: Promise<void> | null = null;
/** Whether the font's first load has ended: loaded, failed or given up waiting for. */
let settled = false;
const lateListeners = new Set<() => void>();

/**
 * Resolves when the sign font is loaded into the page's fonts (a canvas paints in a font only
 * once it is loaded; before, it silently takes the fallback), or has failed, or WAIT_MS passed.
 * Started by the world's loader as soon as the world's code has come, or by the first text; one
 * load for all callers. A failed load is tried again when the device comes back online; a font
 * that comes after the texts were painted without it is announced (onSignFontLoaded).
 */
export function signFontReady(): Promise<void> {
  loading ??= new Promise<void>((resolve) => {
    keepOffline(SIGN_FONT);
    const settle = () => {
      settled = true;
      resolve();
    };
    const timer = setTimeout(settle, WAIT_MS);
    const face = new FontFace(SIGN_FAMILY, `url(${SIGN_FONT})`, { weight: '700' });
    face.load().then(
      () => {
        document.fonts.add(face);
        clearTimeout(timer);
        const late = settled;
        settle();
        if (late) for (const listener of lateListeners) listener();
      },
      () => {
        clearTimeout(timer);
        settle();
        loading = null;
        window.addEventListener('online', () => void signFontReady(), { once: true });
      },
    );
  });
  return loading;
}

/** Whether a text can be painted now: the sign font's first load has ended (see signFontReady). */
export function signFontSettled(): boolean {
  return settled;
}

/** `listener` runs when the sign font comes after texts were painted without it. */
export function onSignFontLoaded(listener: () => void): void {
  lateListeners.add(listener);
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
