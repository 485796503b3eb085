import { CanvasTexture, LinearMipmapLinearFilter, RepeatWrapping, SRGBColorSpace } from 'three';
import { softwareRenderer } from '../glOptions';

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

/** Metres covered by one repeat of the floor texture (2 × 2 tiles). */
export const FLOOR_TEXTURE_METRES = 2.4;

/** Polished cream marble tiles with soft veins and thin grout lines, drawn once on a canvas. */
export function createFloorTexture(): CanvasTexture {
  const size = 512;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas unavailable');
  const rnd = mulberry32(7);
  const tile = size / 2;
  const tints = ['#f3ead9', '#efe4d0', '#f6eedf', '#ede1cb'];
  for (let ty = 0; ty < 2; ty++) {
    for (let tx = 0; tx < 2; tx++) {
      ctx.fillStyle = tints[(tx + ty * 2) % tints.length];
      ctx.fillRect(tx * tile, ty * tile, tile, tile);
      // veins
      for (let v = 0; v < 5; v++) {
        ctx.strokeStyle = `rgba(${170 + rnd() * 30},${150 + rnd() * 30},${120 + rnd() * 30},${0.12 + rnd() * 0.12})`;
        ctx.lineWidth = 0.8 + rnd() * 1.6;
        ctx.beginPath();
        let x = tx * tile + rnd() * tile;
        let y = ty * tile + rnd() * tile;
        ctx.moveTo(x, y);
        for (let k = 0; k < 6; k++) {
          x += (rnd() - 0.5) * 70;
          y += (rnd() - 0.3) * 50;
          ctx.lineTo(Math.min(tx * tile + tile, Math.max(tx * tile, x)), Math.min(ty * tile + tile, Math.max(ty * tile, y)));
        }
        ctx.stroke();
      }
      // soft sheen
      const g = ctx.createLinearGradient(tx * tile, ty * tile, tx * tile + tile, ty * tile + tile);
      g.addColorStop(0, 'rgba(255,255,255,0.18)');
      g.addColorStop(0.5, 'rgba(255,255,255,0)');
      g.addColorStop(1, 'rgba(120,100,70,0.05)');
      ctx.fillStyle = g;
      ctx.fillRect(tx * tile, ty * tile, tile, tile);
    }
  }
  ctx.strokeStyle = '#cbbb9f';
  ctx.lineWidth = 3;
  for (let i = 0; i <= 2; i++) {
    ctx.beginPath();
    ctx.moveTo(i * tile, 0);
    ctx.lineTo(i * tile, size);
    ctx.moveTo(0, i * tile);
    ctx.lineTo(size, i * tile);
    ctx.stroke();
  }
  const tex = new CanvasTexture(canvas);
  tex.colorSpace = SRGBColorSpace;
  tex.wrapS = tex.wrapT = RepeatWrapping;
  tex.minFilter = LinearMipmapLinearFilter;
  // A software rasteriser takes every anisotropic sample on the CPU (the floor cost a third of
  // the frame in the world bench); there, trilinear mipmaps only.
  tex.anisotropy = softwareRenderer() ? 1 : 4;
  return tex;
}

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
