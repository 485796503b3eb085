/**
 * A text of the hall painted into a canvas by the browser's own text engine: the sign font
 * (loaded as a FontFace, signs/signFont.ts), the system's fonts for letters it lacks,
 * right-to-left scripts and ligatures as the DOM does them. The canvas becomes one texture on
 * one quad (signs/SignTextMesh.ts).
 */

export interface TextStyle {
  /** Em size, metres. */
  fontSize: number;
  /** CSS colour of every line but those in `lineColors`. */
  color: string;
  /** Colour by line index (0 = first line); other lines take `color`. */
  lineColors?: Readonly<Record<number, string>>;
  /** Extra space between letters, ems. */
  letterSpacing: number;
  /** Line distance, in ems. */
  lineHeight: number;
  /** The widest the text may be drawn, metres (SignTextMesh draws a wider one smaller); none if absent. */
  maxWidth?: number;
}

/** The box a painted text covers, metres, with the padding painted around it; the lines are centred in it. */
export interface PaintedSize {
  width: number;
  height: number;
  /** The transparent margin on each side, included in width and height. */
  pad: number;
}

/** The largest side of a text's canvas, texels: a longer or taller text is painted with fewer texels per em. */
const MAX_SIDE = 2048;
/** No sign in the hall has more lines; any after these are left out. */
const MAX_LINES = 8;
/** Transparent texels around the letters: the linear filter and the mipmaps never reach across the quad's edge. */
const PAD_EM = 0.15;

/** The canvas font for an em of `px` pixels in `family` (bold, as the signs are painted), with the system's sans-serif after it. */
export function canvasFont(family: string, px: number): string {
  return `700 ${px}px "${family}", sans-serif`;
}

/**
 * Paints `text` into `canvas` (resized to fit) at `pxPerEm` texels per em and returns the
 * size it stands for in metres. Premultiplied-alpha texels (the canvas' own), text in its
 * colours on transparency.
 */
export function paintText(canvas: HTMLCanvasElement, text: string, style: TextStyle, family: string, pxPerEm: number): PaintedSize {
  const ctx = canvas.getContext('2d');
  if (!ctx) return { width: 0, height: 0, pad: 0 };
  const setFont = (px: number) => {
    ctx.font = canvasFont(family, px);
    // Chromium 99+, Firefox 115+, Safari 18+; elsewhere the letters stand at the font's own spacing.
    (ctx as { letterSpacing?: string }).letterSpacing = `${style.letterSpacing * px}px`;
  };
  setFont(pxPerEm);
  const lines = text.split('\n').slice(0, MAX_LINES);
  const widestLine = () => lines.reduce((most, l) => Math.max(most, ctx.measureText(l).width), 0);
  let widest = widestLine();
  let px = pxPerEm;
  const pad = () => Math.ceil(px * PAD_EM);
  const tall = style.lineHeight * lines.length;
  if (widest + pad() * 2 > MAX_SIDE || tall * px + pad() * 2 > MAX_SIDE) {
    // A long or tall text: fewer texels per em, the same size in metres.
    const room = MAX_SIDE - Math.ceil(pxPerEm * PAD_EM) * 2;
    px = Math.max(1, Math.floor(Math.min((pxPerEm * room) / Math.max(1, widest), room / tall)));
    setFont(px);
    widest = widestLine();
  }
  const linePx = style.lineHeight * px;
  const w = Math.min(MAX_SIDE, Math.ceil(widest) + pad() * 2);
  const h = Math.min(MAX_SIDE, Math.ceil(linePx * lines.length) + pad() * 2);
  // Resizing clears the canvas and its state: the font is set again after.
  canvas.width = w;
  canvas.height = h;
  setFont(px);
  ctx.clearRect(0, 0, w, h);
  const metrics = ctx.measureText('Hg');
  const ascent = metrics.fontBoundingBoxAscent ?? px * 0.8;
  const descent = metrics.fontBoundingBoxDescent ?? px * 0.2;
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'center';
  lines.forEach((line, i) => {
    ctx.fillStyle = style.lineColors?.[i] ?? style.color;
    // Each line's ascent and descent centred in its line box.
    const baseline = pad() + i * linePx + (linePx - (ascent + descent)) / 2 + ascent;
    ctx.fillText(line, w / 2, baseline);
  });
  const metresPerPx = style.fontSize / px;
  return { width: w * metresPerPx, height: h * metresPerPx, pad: pad() * metresPerPx };
}
