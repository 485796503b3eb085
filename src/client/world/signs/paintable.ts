const SPACE = /\s/;
/**
 * What draws nothing or something misleading: controls, private-use and unassigned code points,
 * lone surrogates, and the bidi embeddings, overrides and isolates (a name must not reorder the
 * text around it). Joiners stay: Arabic, Indic scripts and emoji sequences need them.
 */
const DROPPED = /[\p{Cc}\p{Co}\p{Cn}\p{Cs}\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;

/**
 * A text as the hall paints it: one canvas per text in the browser's own text engine (signs/
 * paintText.ts), so every script the device has a font for is drawn, in the sign font where it
 * has the letter and in the system's font where not, right-to-left where it should be. Left out:
 * what DROPPED lists; other spaces become plain ones, spaces left double are closed up, and no
 * line is left empty at either end.
 */
export function paintable(text: string): string {
  let kept = '';
  for (const ch of text) {
    if (ch === '\n' || ch === ' ') kept += ch;
    else if (SPACE.test(ch)) kept += ' ';
    else if (!DROPPED.test(ch)) kept += ch;
  }
  return kept
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}
