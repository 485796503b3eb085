import { staffDictionary, type StaffMessageKey } from './staffDictionary';
import { useFeatureT, type Vars } from './useT';

export type StaffTranslate = (key: StaffMessageKey, vars?: Vars) => string;

/** `t()` for the staff pages (their own dictionary, in their own chunk). */
export function useStaffT(): StaffTranslate {
  return useFeatureT(staffDictionary);
}
