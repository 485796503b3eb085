import type { BufferGeometry } from 'three';
import { DESK_DEPTH, STAFF_DEPTH } from '../../../shared/hall';
import { MeshBuilder } from '../hall/meshBuilder';
import { PALETTE } from '../hall/palette';

export const DESK_HEIGHT = 1.05;
/** Local z of the sign board (at the back of the staff area). */
export const SIGN_Z = -DESK_DEPTH / 2 - STAFF_DEPTH + 0.1;
export const SIGN_Y = 2.75;
export const SIGN_HEIGHT = 0.9;
/** The queue display on the desk top, towards the right end. */
export const DISPLAY_W = 0.95;
export const DISPLAY_H = 0.36;
export const displayPosition = (width: number): [number, number, number] => [width / 2 - 0.65, DESK_HEIGHT + 0.26, 0.16];
export const signWidth = (width: number) => Math.min(width - 0.3, 4.6);

export interface DeskMeshOptions {
  width: number;
  /** Signboard colour (the agency's). */
  color: string;
  /** Against a wall: a back panel behind the staff; free-standing: two sign posts. */
  againstWall: boolean;
  /** Extra red-white band on top of the sign (general counter, info desk). */
  accent: boolean;
}

/**
 * A counter (loket) in its own frame, front (citizen side) towards +z: a teak desk with a
 * cream top and an agency-coloured stripe, a queue display, the staff area and the sign.
 */
export function buildDeskMesh({ width, color, againstWall, accent }: DeskMeshOptions): BufferGeometry {
  const b = new MeshBuilder();
  const d = DESK_DEPTH;
  b.box(width, DESK_HEIGHT - 0.06, d, PALETTE.wood, { y: (DESK_HEIGHT - 0.06) / 2 });
  b.box(width + 0.08, 0.06, d + 0.1, PALETTE.deskTop, { y: DESK_HEIGHT - 0.03 });
  b.box(width - 0.3, 0.14, 0.02, color, { y: 0.78, z: d / 2 + 0.01 });
  b.box(width + 0.02, 0.1, 0.02, PALETTE.woodDark, { y: 0.05, z: d / 2 + 0.01 });
  for (let x = -width / 2 + 0.6; x < width / 2 - 0.3; x += 0.6) {
    b.box(0.03, 0.5, 0.02, PALETTE.woodDark, { x, y: 0.38, z: d / 2 + 0.01 });
  }
  // Queue display: dark LED box on a small stand, tilted towards the citizen.
  const [qx, qy, qz] = displayPosition(width);
  b.box(0.08, 0.12, 0.08, PALETTE.steel, { x: qx, y: DESK_HEIGHT + 0.06, z: qz - 0.02 });
  b.box(DISPLAY_W + 0.06, DISPLAY_H + 0.06, 0.08, '#2b2d31', { x: qx, y: qy, z: qz - 0.04, rx: -0.12 });
  b.box(DISPLAY_W, DISPLAY_H, 0.02, PALETTE.ledPanel, { x: qx, y: qy, z: qz, rx: -0.12 });
  // Staff side: a low back cabinet.
  b.box(width - 0.2, 0.75, 0.4, PALETTE.woodDark, { y: 0.375, z: -d / 2 - STAFF_DEPTH + 0.25 });

  const sw = signWidth(width);
  if (againstWall) {
    b.box(width + 0.1, 2.3, 0.08, PALETTE.wallLow, { y: 1.15, z: SIGN_Z - 0.12 });
    b.box(width + 0.1, 0.1, 0.1, PALETTE.trim, { y: 2.3, z: SIGN_Z - 0.12 });
  } else {
    for (const side of [-1, 1]) b.box(0.08, SIGN_Y, 0.08, PALETTE.steel, { x: side * (sw / 2 - 0.2), y: SIGN_Y / 2, z: SIGN_Z - 0.06 });
  }
  b.box(sw + 0.12, SIGN_HEIGHT + 0.12, 0.06, PALETTE.white, { y: SIGN_Y, z: SIGN_Z - 0.04 });
  b.box(sw, SIGN_HEIGHT, 0.08, color, { y: SIGN_Y, z: SIGN_Z });
  if (accent) {
    const top = SIGN_Y + SIGN_HEIGHT / 2 + 0.06;
    b.box(sw + 0.12, 0.1, 0.07, PALETTE.white, { y: top + 0.05, z: SIGN_Z - 0.04 });
    b.box(sw + 0.12, 0.1, 0.07, PALETTE.red, { y: top + 0.15, z: SIGN_Z - 0.04 });
  }
  return b.build();
}
