import type { Lang } from '../../shared/i18n';
import { kioskStrings, type KioskMessageKey } from '../i18n/kioskStrings';
import { translateWith, useFeatureT, type Vars } from '../i18n/useT';

/** A kiosk string in a language, `{name}` placeholders filled. */
export function kioskText(lang: Lang, key: KioskMessageKey, vars?: Vars): string {
  return translateWith(kioskStrings, lang, key, vars);
}

/** `t()` for kiosk mode, in the visitor's chosen language. */
export function useKioskT(): (key: KioskMessageKey, vars?: Vars) => string {
  return useFeatureT(kioskStrings);
}
