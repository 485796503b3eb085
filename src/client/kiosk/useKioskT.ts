import { useCallback } from 'react';
import type { Lang } from '../../shared/i18n';
import { kioskStrings, type KioskMessageKey } from '../i18n/kioskStrings';
import { fillVars, type Vars } from '../i18n/useT';
import { useAppStore } from '../state';

/** A kiosk string in a language, `{name}` placeholders filled. */
export function kioskText(lang: Lang, key: KioskMessageKey, vars?: Vars): string {
  return fillVars(kioskStrings[key][lang], vars);
}

/** `t()` for kiosk mode, in the visitor's chosen language. */
export function useKioskT(): (key: KioskMessageKey, vars?: Vars) => string {
  const lang = useAppStore((s) => s.lang);
  return useCallback((key, vars) => kioskText(lang, key, vars), [lang]);
}
