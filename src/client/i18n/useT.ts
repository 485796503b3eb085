import { useCallback } from 'react';
import type { Lang, Localized } from '../../shared/i18n';
import { useAppStore } from '../state/store';
import { dictionary, type MessageKey } from './dictionary';

export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

/** Fills a message's `{name}` placeholders; unknown names stay as written. */
export function fillVars(text: string, vars?: Vars): string {
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
}

/** Looks a message up in a language and fills its `{name}` placeholders. */
export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  return fillVars(dictionary[key][lang], vars);
}

/** The chosen language's `t(key, vars)`; re-renders when the language changes. */
export function useT(): Translate {
  const lang = useAppStore((s) => s.lang);
  return useCallback((key, vars) => translate(lang, key, vars), [lang]);
}

/** The chosen language, for catalog texts (`agency.name[lang]`). */
export function useLang(): Lang {
  return useAppStore((s) => s.lang);
}

/**
 * A feature's own strings (projector, voice, nearby, staff, kiosk) travel in that feature's
 * lazy chunk, not in the initial JS: its `t()` looks a key up there first, then in the shell's.
 */
export function translateWith<K extends string>(strings: Record<K, Localized>, lang: Lang, key: K | MessageKey, vars?: Vars): string {
  const own = (strings as Record<string, Localized>)[key];
  return fillVars((own ?? dictionary[key as MessageKey])[lang], vars);
}

/** `t()` over a feature's own strings and the shell's, in the chosen language. */
export function useFeatureT<K extends string>(strings: Record<K, Localized>): (key: K | MessageKey, vars?: Vars) => string {
  const lang = useAppStore((s) => s.lang);
  return useCallback((key, vars) => translateWith(strings, lang, key, vars), [lang, strings]);
}
