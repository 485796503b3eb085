import type { Lang } from '../../../shared/i18n';
import type { CounterStatus } from '../types';
import { paintable } from './paintable';

/** Words painted inside the 3D scene (signs, displays); the DOM UI has its own i18n. */
export const WORLD_LABELS = {
  loket: { id: 'LOKET', en: 'COUNTER' },
  onDuty: { id: 'PETUGAS\nADA', en: 'OFFICER\nON DUTY' },
  officer: { id: 'PETUGAS', en: 'OFFICER' },
  selfService: { id: 'MANDIRI\n24 JAM', en: 'SELF-SERVICE\n24 HOURS' },
  infoLine: { id: 'ANTREAN · LACAK LAPORAN', en: 'QUEUE · TRACK REPORTS' },
} as const;

export function statusLabel(status: CounterStatus, lang: Lang): string {
  return status === 'on_duty' ? WORLD_LABELS.onDuty[lang] : WORLD_LABELS.selfService[lang];
}

/** A person's name as a tag or plate shows it: one line, in the sign font's characters, trimmed, at most `max` characters. */
export function nameLine(name: string, max = 24): string {
  const one = paintable(name.replace(/\s+/g, ' '));
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** A font size (m) that fits `text`, as painted, on one line of `width` metres, capped at `max`. */
export function fitFontSize(text: string, width: number, max: number): number {
  const longest = Math.max(1, ...paintable(text).split('\n').map((l) => l.length));
  return Math.min(max, width / (longest * 0.6));
}
