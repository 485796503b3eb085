import type { Lang } from '../../shared/i18n';
import { translator } from './strings';

const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

export function locale(lang: Lang): string {
  return LOCALES[lang];
}

export function fmtNumber(value: number | null, lang: Lang, digits = 0): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits }).format(value);
}

export function fmtPct(value: number | null, lang: Lang): string {
  return value === null ? '—' : `${fmtNumber(value, lang, 1)}%`;
}

/** Seconds as "2 mnt 05 dtk" / "2 min 05 s" (or seconds alone under a minute). */
export function fmtSeconds(value: number | null, lang: Lang): string {
  if (value === null) return '—';
  const t = translator(lang);
  const total = Math.round(value);
  if (total < 60) return `${total} ${t('secondsShort')}`;
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m} ${t('minutesShort')} ${String(s).padStart(2, '0')} ${t('secondsShort')}`;
}

/** Hours as "3,5 jam" / "3.5 h"; under an hour in minutes. */
export function fmtHours(value: number | null, lang: Lang): string {
  if (value === null) return '—';
  const t = translator(lang);
  if (value < 1) return `${fmtNumber(value * 60, lang)} ${t('minutesShort')}`;
  return `${fmtNumber(value, lang, 1)} ${t('hoursShort')}`;
}

/** "2026-11-22T14:00:00+08:00" → "22/11 14.00" (id) or "22/11 14:00" (en); the string is already WITA. */
export function fmtHourLabel(iso: string, lang: Lang): string {
  const day = `${iso.slice(8, 10)}/${iso.slice(5, 7)}`;
  const hour = iso.slice(11, 16);
  return `${day} ${lang === 'id' ? hour.replace(':', '.') : hour}`;
}

export function fmtDayLabel(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}`;
}

/** A WITA date as "22 November 2026" / "22 November 2026" in the reader's language. */
export function fmtDate(date: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
