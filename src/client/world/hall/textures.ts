import { CanvasTexture, MeshBasicMaterial, SRGBColorSpace } from 'three';

/** Seeded PRNG so the floor (and the visitors) look the same on every load. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Metres covered by 2 × 2 floor tiles (floorMaterial.ts). */
export const FLOOR_TEXTURE_METRES = 2.4;

/** A soft round shadow for under avatars (no shadow maps). */
export function createBlobTexture(): CanvasTexture {
  const size = 64;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas unavailable');
  const g = ctx.createRadialGradient(size / 2, size / 2, 0, size / 2, size / 2, size / 2);
  g.addColorStop(0, 'rgba(60,40,20,0.45)');
  g.addColorStop(0.6, 'rgba(60,40,20,0.2)');
  g.addColorStop(1, 'rgba(60,40,20,0)');
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, size, size);
  const tex = new CanvasTexture(canvas);
  tex.colorSpace = SRGBColorSpace;
  return tex;
}

/** The blob shadow's material, with a texture of its own that its `dispose()` frees too. */
export function createBlobShadowMaterial(): MeshBasicMaterial {
  const map = createBlobTexture();
  const material = new MeshBasicMaterial({ map, transparent: true, depthWrite: false });
  material.addEventListener('dispose', () => map.dispose());
  return material;
}
