import { MeshBasicMaterial, MeshLambertMaterial } from 'three';

/**
 * One material per kind, shared by every mesh of that kind (fewer programs, fewer state
 * changes): lit vertex-coloured solids, unlit bright surfaces (lights, windows, lamps).
 */
let solid: MeshLambertMaterial | null = null;
let bright: MeshBasicMaterial | null = null;

/** Lit, vertex-coloured; instance colours multiply the vertex colours. */
export function solidMaterial(): MeshLambertMaterial {
  solid ??= new MeshLambertMaterial({ vertexColors: true });
  return solid;
}

/** Unlit, vertex-coloured: light panels, windows, status lamps. */
export function brightMaterial(): MeshBasicMaterial {
  bright ??= new MeshBasicMaterial({ vertexColors: true, toneMapped: false });
  return bright;
}

let hit: MeshBasicMaterial | null = null;

/** For invisible click/tap targets: raycast, never drawn (material.visible = false). */
export function hitMaterial(): MeshBasicMaterial {
  hit ??= new MeshBasicMaterial({ visible: false });
  return hit;
}
