import coverage from '../../../../scenes/fonts/sign-font.json';

/** The code points the sign font draws, as sorted [first, last] ranges (scripts/signFontCoverage.ts). */
const ranges = coverage.ranges as [number, number][];

const SPACE = /\s/;
/** Controls and invisible format marks (joiners, bidi overrides): they draw nothing and may reorder. */
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

function drawable(codePoint: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [first, last] = ranges[mid];
    if (codePoint < first) hi = mid - 1;
    else if (codePoint > last) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * A text as the hall can paint it: the characters the sign font lacks, and controls and format
 * marks, are left out, other spaces become plain ones (the DOM,
 * with the system's fonts, still shows the whole name), then spaces left double are closed
 * up. troika would otherwise fetch a fallback font for them from a CDN: refused by the
 * Content-Security-Policy (and offline there is none), the text was never laid out, and one
 * visitor named "محمد 😀" held every other citizen's hall behind its loading card for 20 s.
 */
export function paintable(text: string): string {
  let kept = '';
  for (const ch of text) {
    if (ch === '\n' || ch === ' ') kept += ch;
    else if (SPACE.test(ch)) kept += ' ';
    else if (!INVISIBLE.test(ch) && drawable(ch.codePointAt(0)!)) kept += ch;
  }
  // No line left empty at either end: troika looks a newline at a text's start up in the font
  // (it passes over whitespace only after the first character), and the font has none.
  return kept
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}
