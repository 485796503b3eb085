import type { Color, Matrix4 } from 'three';
import type { PackedMesh } from '../packedMesh';

/**
 * A part of the visitors (head, hair, hijab) in two levels of detail: each frame the visitors
 * near the camera are written to the first copies of `near`, the far ones to the first of
 * `far`, and each mesh draws only those. A copy is tinted again only when another visitor
 * takes it (its vertex colours are rewritten then).
 */
export interface TieredPart {
  near: PackedMesh;
  far: PackedMesh;
  /** Copies written this frame. */
  nearCount: number;
  farCount: number;
  /** The visitor (slot) each copy was last tinted for; -1: none. */
  nearTint: Int32Array;
  farTint: Int32Array;
}

export function createTieredPart(near: PackedMesh, far: PackedMesh): TieredPart {
  return { near, far, nearCount: 0, farCount: 0, nearTint: new Int32Array(near.capacity).fill(-1), farTint: new Int32Array(far.capacity).fill(-1) };
}

/** Starts a frame; `retint` after the slots were rebuilt (a slot may be someone else now). */
export function beginTiered(part: TieredPart, retint: boolean): void {
  part.nearCount = 0;
  part.farCount = 0;
  if (retint) {
    part.nearTint.fill(-1);
    part.farTint.fill(-1);
  }
}

/** Writes visitor `slot`'s copy, placed by `matrix`, tinted `tint` (null: its own colours). */
export function placeTiered(part: TieredPart, slot: number, far: boolean, matrix: Matrix4, tint: Color | null): void {
  const mesh = far ? part.far : part.near;
  const tinted = far ? part.farTint : part.nearTint;
  const k = far ? part.farCount++ : part.nearCount++;
  if (k >= mesh.capacity) return;
  if (tint && tinted[k] !== slot) {
    tinted[k] = slot;
    mesh.setColorAt(k, tint);
  }
  mesh.setMatrixAt(k, matrix);
}

/** Ends a frame: each mesh draws the copies written. */
export function endTiered(part: TieredPart): void {
  part.near.copies = part.nearCount;
  part.far.copies = part.farCount;
}
