import type { Localized } from '../../shared/i18n';

/** The guide strings, in Bahasa Indonesia and English; merged into the dictionary. */
export const guideStrings = {
} satisfies Record<string, Localized>;
