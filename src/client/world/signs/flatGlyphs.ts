import { BufferAttribute, type InstancedBufferGeometry } from 'three';
import { GlyphsGeometry } from 'troika-three-text';

/**
 * Every text in the hall (signs, name tags, boards) drawn as ONE plain draw call.
 *
 * troika-three-text draws a text as one quad instanced per glyph. A software rasteriser
 * (SwiftShader: Chromium without a GPU) runs an instanced draw as one draw per instance: the
 * hall's 44 texts were 443 draws a frame in Bahasa Indonesia, 615 in English. Here each glyph's quad gets its own four vertices instead, carrying the glyph's
 * attributes (bounds, atlas index, colour) as plain per-vertex attributes; troika's shader
 * reads them the same way, so the text looks the same, and a GPU draws it as fast.
 *
 * Installed once, on troika's GlyphsGeometry, when the world chunk loads: after troika lays
 * out a text (`updateGlyphs`), its instanced attributes are spread over per-glyph vertices and
 * the geometry draws one instance. troika's clip-rect shortcut (`applyClipRect`, fewer
 * instances for clipped text) would mean fewer copies of the whole text here, so it keeps one;
 * the shader still clips each glyph.
 */

const GLYPH_ATTRIBUTES = ['aTroikaGlyphBounds', 'aTroikaGlyphIndex', 'aTroikaGlyphColor'] as const;

interface Quad {
  detail: number;
  position: Float32Array;
  normal: Float32Array;
  uv: Float32Array;
  index: ArrayLike<number>;
}

type Glyphs = InstancedBufferGeometry & { detail: number; __flatQuad?: Quad };

/** The template quad troika gave this geometry (its `detail` setter puts a fresh one back). */
function quadOf(g: Glyphs): Quad {
  const held = g.__flatQuad;
  if (held && held.detail === g.detail) return held;
  const quad: Quad = {
    detail: g.detail,
    position: Float32Array.from(g.getAttribute('position').array),
    normal: Float32Array.from(g.getAttribute('normal').array),
    uv: Float32Array.from(g.getAttribute('uv').array),
    index: Array.from(g.index?.array ?? []),
  };
  g.__flatQuad = quad;
  return quad;
}

/** Spreads the per-glyph (instanced) attributes over one quad of vertices per glyph. */
export function flattenGlyphs(g: Glyphs): void {
  const glyphIndex = g.getAttribute('aTroikaGlyphIndex');
  if (!glyphIndex) return;
  const glyphs = glyphIndex.count;
  const quad = quadOf(g);
  const corners = quad.position.length / 3;
  const spread = (template: Float32Array, size: number) => {
    const out = new Float32Array(glyphs * corners * size);
    for (let k = 0; k < glyphs; k++) out.set(template, k * corners * size);
    return new BufferAttribute(out, size);
  };
  g.setAttribute('position', spread(quad.position, 3));
  g.setAttribute('normal', spread(quad.normal, 3));
  g.setAttribute('uv', spread(quad.uv, 2));
  for (const name of GLYPH_ATTRIBUTES) {
    const a = g.getAttribute(name);
    if (!a) continue;
    const size = a.itemSize;
    const src = a.array;
    const out = new (src.constructor as Float32ArrayConstructor)(glyphs * corners * size);
    for (let k = 0; k < glyphs; k++) {
      for (let c = 0; c < corners; c++) for (let i = 0; i < size; i++) out[(k * corners + c) * size + i] = src[k * size + i];
    }
    g.setAttribute(name, new BufferAttribute(out, size, a.normalized));
  }
  const total = glyphs * corners;
  const index = total > 65535 ? new Uint32Array(glyphs * quad.index.length) : new Uint16Array(glyphs * quad.index.length);
  for (let k = 0; k < glyphs; k++) for (let i = 0; i < quad.index.length; i++) index[k * quad.index.length + i] = quad.index[i] + k * corners;
  g.setIndex(new BufferAttribute(index, 1));
  // Attributes changed size: three must build new buffers and a new binding for this geometry.
  delete (g as { _maxInstanceCount?: number })._maxInstanceCount;
  g.dispose();
  g.instanceCount = glyphs > 0 ? 1 : 0;
}

let installed = false;

/** Makes every troika text drawn from now on a plain (non-instanced) draw; idempotent. */
export function installFlatGlyphs(): void {
  if (installed) return;
  installed = true;
  const proto = GlyphsGeometry.prototype as unknown as {
    updateGlyphs: (this: Glyphs, ...args: unknown[]) => void;
    applyClipRect: (this: Glyphs, clipRect: unknown) => void;
  };
  const updateGlyphs = proto.updateGlyphs;
  proto.updateGlyphs = function (this: Glyphs, ...args: unknown[]) {
    // troika writes the new glyphs into its attributes in place when the length matches: give
    // it back per-glyph sizes by dropping the spread ones first.
    for (const name of GLYPH_ATTRIBUTES) if (this.getAttribute(name)) this.deleteAttribute(name);
    updateGlyphs.apply(this, args);
    flattenGlyphs(this);
  };
  proto.applyClipRect = function (this: Glyphs) {
    this.instanceCount = this.getAttribute('aTroikaGlyphIndex')?.count ? 1 : 0;
  };
}
