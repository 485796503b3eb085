/**
 * Whether this device has seen the first-visit guide. A kiosk clears localStorage on each
 * visitor reset, so the next visitor gets the guide again.
 */
const GUIDE_SEEN_KEY = 'makaverse.guideSeen';

export function guideSeen(): boolean {
  try {
    return globalThis.localStorage?.getItem(GUIDE_SEEN_KEY) === '1';
  } catch {
    // Storage blocked (private mode): show the guide; it is skippable.
    return false;
  }
}

export function markGuideSeen(): void {
  try {
    globalThis.localStorage?.setItem(GUIDE_SEEN_KEY, '1');
  } catch {
    // Not remembered: the guide shows again on the next visit.
  }
}
