import type { Localized } from '../../shared/i18n';

/** The projector strings, in Bahasa Indonesia and English; merged into the dictionary. */
export const projectorStrings = {
} satisfies Record<string, Localized>;
