/** What of troika-three-text the app uses itself (drei's <Text> wraps the rest); the package ships no types. */
declare module 'troika-three-text' {
  import type { InstancedBufferGeometry } from 'three';
  export function getTextRenderInfo(args: { font?: string; text: string; sdfGlyphSize?: number; gpuAccelerateSDF?: boolean }, callback: () => void): void;
  export function preloadFont(options: { font?: string; characters?: string | string[]; sdfGlyphSize?: number }, callback: () => void): void;
  /** The geometry of every troika text: one quad instanced per glyph (signs/flatGlyphs.ts changes that). */
  export class GlyphsGeometry extends InstancedBufferGeometry {
    detail: number;
  }
}
