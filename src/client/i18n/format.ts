import type { Lang } from '../../shared/i18n';
import { CITY_UTC_OFFSET } from '../../shared/constants';

const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };
const formatters = new Map<Lang, Intl.DateTimeFormat>();

/** A datetime as a citizen reads it, in Makassar time: "22 Nov 2026, 09.30 WITA". */
export function formatCityDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let f = formatters.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], {
      timeZone: 'Asia/Makassar',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(lang, f);
  }
  return `${f.format(date)} WITA`;
}

/** `<input type="datetime-local">` gives "2026-11-22T09:30"; Open311 needs the zone: WITA. */
export function localInputToCityIso(value: string): string {
  const v = value.trim();
  if (!v) return '';
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d$/.test(v)) return `${v}:00${CITY_UTC_OFFSET}`;
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/.test(v)) return `${v}${CITY_UTC_OFFSET}`;
  return v;
}
