import { useCallback } from 'react';
import { useAppStore } from '../state/store';
import { staffDictionary, type StaffMessageKey } from './staffDictionary';
import { fillVars, type Vars } from './useT';

export type StaffTranslate = (key: StaffMessageKey, vars?: Vars) => string;

/** `t()` for the staff pages (their own dictionary, in their own chunk). */
export function useStaffT(): StaffTranslate {
  const lang = useAppStore((s) => s.lang);
  return useCallback(
    (key, vars) => {
      return fillVars(staffDictionary[key][lang], vars);
    },
    [lang],
  );
}
