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

/** A person's name as a tag or plate shows it: one line, what paints nothing left out, trimmed, at most `max` characters as the eye counts them (an emoji with its joiners is one). */
export function nameLine(name: string, max = 24): string {
  const one = paintable(name.replace(/\s+/g, ' '));
  const characters = graphemes(one);
  return characters.length > max ? `${characters.slice(0, max - 1).join('').trimEnd()}…` : one;
}

/** A text split where the eye sees characters (Intl.Segmenter; by code point where it is missing). */
function graphemes(text: string): string[] {
  const Segmenter = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
  if (!Segmenter) return Array.from(text);
  return Array.from(new Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (s) => s.segment);
}

/**
 * A font size (m) that fits `text`, as painted, on one line of `width` metres, capped at `max`:
 * an estimate for Latin letters (0.6 em each); a text that still comes out wider is drawn smaller
 * by its mesh (SignFontText's maxWidth).
 */
export function fitFontSize(text: string, width: number, max: number): number {
  const longest = Math.max(1, ...paintable(text).split('\n').map((l) => l.length));
  return Math.min(max, width / (longest * 0.6));
}
