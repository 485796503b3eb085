import { z } from 'zod';
import './zodSetup';

/** The app's languages: Bahasa Indonesia first (the default), then English. */
export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'id';

/** A text given in every language; scene files and catalog labels use it. */
export const localizedSchema = z.object({
  id: z.string().min(1),
  en: z.string().min(1),
});
export type Localized = z.infer<typeof localizedSchema>;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** Picks a language from a `lang` parameter or an Accept-Language header; Indonesian by default. */
export function pickLang(param?: unknown, acceptLanguage?: string): Lang {
  if (isLang(param)) return param;
  const first = acceptLanguage?.split(',')[0]?.trim().slice(0, 2).toLowerCase();
  return isLang(first) ? first : DEFAULT_LANG;
}
