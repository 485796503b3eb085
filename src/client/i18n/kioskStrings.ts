import type { Localized } from '../../shared/i18n';

/** The kiosk strings, in Bahasa Indonesia and English; merged into the dictionary. */
export const kioskStrings = {
} satisfies Record<string, Localized>;
