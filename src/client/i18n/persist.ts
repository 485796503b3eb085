import { DEFAULT_LANG, isLang, type Lang } from '../../shared/i18n';

export const LANG_STORAGE_KEY = 'makaverse.lang';

/** The language chosen before on this device, else `?lang=`, else Bahasa Indonesia. */
export function initialLang(): Lang {
  const param = new URLSearchParams(globalThis.location?.search ?? '').get('lang');
  if (isLang(param)) return param;
  try {
    const saved = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
    if (isLang(saved)) return saved;
  } catch {
    // Storage may be blocked (private mode): the default language is fine.
  }
  return DEFAULT_LANG;
}

/** Remembers the choice and tells the page (screen readers, hyphenation) its language. */
export function persistLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Not remembered across visits; the page still switches.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}
