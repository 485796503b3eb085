import { suspend } from 'suspend-react';
import { preloadFont } from 'troika-three-text';

/** The sign font, served from our own origin (public/fonts; licence in assets/fonts). */
export const SIGN_FONT = `${import.meta.env.BASE_URL}fonts/NotoSans-Bold.ttf`;

/**
 * Resolves when the sign font is loaded and parsed, through the very cache entry drei's <Text>
 * suspends on (suspend-react, key ['troika-text', font, characters] with no characters). Awaited
 * by the world's loader before the hall mounts: the hall's Suspense boundary then never falls
 * back, so React never throws away (and rebuilds) the hall's geometry while the font loads.
 */
export function signFontReady(): Promise<void> {
  try {
    suspend(() => new Promise<true>((resolve) => preloadFont({ font: SIGN_FONT }, () => resolve(true))), ['troika-text', SIGN_FONT, undefined]);
    return Promise.resolve();
  } catch (pending) {
    if (pending instanceof Promise) return pending.then(() => undefined);
    return Promise.reject(pending instanceof Error ? pending : new Error(String(pending)));
  }
}
