import { MeshBasicMaterial, type Material } from 'three';
import { lightPerVertex } from './lighting';

/**
 * One material per kind, shared by every mesh of that kind (fewer programs, fewer state
 * changes): lit vertex-coloured solids, unlit bright surfaces (lights, windows, lamps),
 * unlit solids with the light baked in (walls, desks).
 *
 * A renderer registers a 'dispose' listener on every material it draws, and that listener
 * holds the renderer and its canvas. Shared materials that outlived their World would keep
 * every unmounted World alive (a kiosk mounts one per visitor), so each World holds them
 * with `useSharedMaterials()` and the last one to unmount disposes them.
 */
let solid: MeshBasicMaterial | null = null;
let bright: MeshBasicMaterial | null = null;
let baked: MeshBasicMaterial | null = null;
let hit: MeshBasicMaterial | null = null;
let holders = 0;

/**
 * Lit, vertex-coloured, for what moves (people, name plates); instance colours multiply the
 * vertex colours. The hall's light is worked out per vertex (lighting.ts): what
 * MeshLambertMaterial drew per pixel, for the cost of an unlit material per pixel.
 */
export function solidMaterial(): MeshBasicMaterial {
  solid ??= lightPerVertex(new MeshBasicMaterial({ vertexColors: true }));
  return solid;
}

/** Unlit, vertex-coloured: light panels, windows, status lamps. */
export function brightMaterial(): MeshBasicMaterial {
  bright ??= new MeshBasicMaterial({ vertexColors: true, toneMapped: false });
  return bright;
}

/**
 * Unlit, vertex-coloured, for what never moves and has the hall's light baked into its
 * colours (`bakeLighting` in lighting.ts): looks as the lit material, costs as an unlit one.
 */
export function bakedMaterial(): MeshBasicMaterial {
  baked ??= new MeshBasicMaterial({ vertexColors: true });
  return baked;
}

/** For invisible click/tap targets: raycast, never drawn (material.visible = false). */
export function hitMaterial(): MeshBasicMaterial {
  hit ??= new MeshBasicMaterial({ visible: false });
  return hit;
}

/** A World mounting: the shared materials stay until every holder released them. */
export function holdSharedMaterials(): () => void {
  holders += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holders -= 1;
    if (holders > 0) return;
    const all: (Material | null)[] = [solid, bright, baked, hit];
    solid = bright = baked = hit = null;
    for (const material of all) material?.dispose();
  };
}
