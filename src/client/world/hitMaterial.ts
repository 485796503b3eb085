import { MeshBasicMaterial } from 'three';

let hit: MeshBasicMaterial | null = null;

/** For invisible click/tap targets: raycast, never drawn (material.visible = false). */
export function hitMaterial(): MeshBasicMaterial {
  hit ??= new MeshBasicMaterial({ visible: false });
  return hit;
}
