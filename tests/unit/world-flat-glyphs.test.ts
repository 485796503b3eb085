import { describe, expect, it } from 'vitest';
import type { BufferAttribute } from 'three';
import { GlyphsGeometry } from 'troika-three-text';
import { installFlatGlyphs } from '../../src/client/world/signs/flatGlyphs';

type Laid = GlyphsGeometry & { updateGlyphs(bounds: Float32Array, indices: Float32Array, block: number[], chunks?: unknown, colors?: Uint8Array): void; applyClipRect(rect: unknown): void };

describe('troika texts drawn without instancing', () => {
  installFlatGlyphs();

  it('gives each glyph its own quad carrying its bounds, atlas index and colour', () => {
    const g = new GlyphsGeometry() as Laid;
    const bounds = new Float32Array([0, 0, 1, 1, 1, 0, 2.5, 1.2, 3, -0.2, 4, 1]);
    const indices = new Float32Array([7, 3, 11]);
    const colors = new Uint8Array([255, 0, 0, 0, 255, 0, 0, 0, 255]);
    g.updateGlyphs(bounds, indices, [0, -0.2, 4, 1.2], undefined, colors);
    const position = g.getAttribute('position') as BufferAttribute;
    expect(position.count).toBe(3 * 4);
    expect((g.index as BufferAttribute).count).toBe(3 * 6);
    expect(g.instanceCount).toBe(1);
    const glyphIndex = g.getAttribute('aTroikaGlyphIndex') as BufferAttribute;
    const glyphBounds = g.getAttribute('aTroikaGlyphBounds') as BufferAttribute;
    const glyphColor = g.getAttribute('aTroikaGlyphColor') as BufferAttribute;
    for (let k = 0; k < 3; k++) {
      for (let c = 0; c < 4; c++) {
        const v = k * 4 + c;
        expect(glyphIndex.getX(v)).toBe(indices[k]);
        expect([glyphBounds.getX(v), glyphBounds.getY(v), glyphBounds.getZ(v), glyphBounds.getW(v)]).toEqual(Array.from(bounds.slice(k * 4, k * 4 + 4)));
        expect(glyphColor.getX(v)).toBe(colors[k * 3]);
        // The corners are the template quad's, the same for every glyph.
        expect([position.getX(v), position.getY(v)]).toEqual([position.getX(c), position.getY(c)]);
      }
      // Each glyph's two triangles use its own four vertices.
      for (let i = 0; i < 6; i++) expect(Math.floor((g.index as BufferAttribute).getX(k * 6 + i) / 4)).toBe(k);
    }
    for (const name of ['aTroikaGlyphIndex', 'aTroikaGlyphBounds', 'aTroikaGlyphColor']) expect((g.getAttribute(name) as { isInstancedBufferAttribute?: boolean }).isInstancedBufferAttribute).toBeFalsy();
  });

  it('lays out a new text of another length, keeps one instance when clipped, and draws nothing for an empty text', () => {
    const g = new GlyphsGeometry() as Laid;
    g.updateGlyphs(new Float32Array([0, 0, 1, 1, 1, 0, 2, 1]), new Float32Array([1, 2]), [0, 0, 2, 1]);
    g.updateGlyphs(new Float32Array([0, 0, 1, 1]), new Float32Array([5]), [0, 0, 1, 1]);
    expect(g.getAttribute('position').count).toBe(4);
    expect((g.getAttribute('aTroikaGlyphIndex') as BufferAttribute).getX(3)).toBe(5);
    expect(g.getAttribute('aTroikaGlyphColor')).toBeUndefined();
    g.applyClipRect({ x: 0, y: 0, z: 0.1, w: 0.1 });
    expect(g.instanceCount).toBe(1);
    g.updateGlyphs(new Float32Array([]), new Float32Array([]), [0, 0, 0, 0]);
    expect(g.instanceCount).toBe(0);
  });
});
