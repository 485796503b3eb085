import { useCallback } from 'react';
import { useAppStore } from '../state/store';
import { staffDictionary, type StaffMessageKey } from './staffDictionary';
import type { Vars } from './useT';

export type StaffTranslate = (key: StaffMessageKey, vars?: Vars) => string;

/** `t()` for the staff pages (their own dictionary, in their own chunk). */
export function useStaffT(): StaffTranslate {
  const lang = useAppStore((s) => s.lang);
  return useCallback(
    (key, vars) => {
      const text: string = staffDictionary[key][lang];
      return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
    },
    [lang],
  );
}
