const SPACE = /\s/;
/**
 * What draws nothing or something misleading: controls, private-use code points, lone
 * surrogates, noncharacters, the invisible format characters (bidi embeddings, overrides and
 * isolates among them: a name must not reorder the text around it; zero-width spaces, which
 * would make look-alike names) and the Hangul fillers that draw as blanks. Kept: the zero-width
 * joiner and non-joiner, and tag characters (Arabic, Indic scripts, emoji and flag sequences need
 * them). Unassigned code points are kept: a device whose JavaScript knows an older Unicode would
 * otherwise drop new emoji.
 */
const DROPPED = /(?![\u200C\u200D\u{E0020}-\u{E007F}])[\p{Cc}\p{Cf}\p{Co}\p{Cs}\uFDD0-\uFDEF\uFFFE\uFFFF\u115F\u1160\u3164\uFFA0]/u;

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
