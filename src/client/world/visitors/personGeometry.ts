import { CylinderGeometry, SphereGeometry } from 'three';
import type { MeshBuilder } from '../hall/meshBuilder';
import { PALETTE } from '../hall/palette';

/**
 * A low-poly person, 1.7 m tall, feet at the origin, facing +z. Parts are added to a
 * MeshBuilder so callers choose what to merge and what to instance separately
 * (the head turns, hijab colours vary per instance).
 */

/** Height of the hip joint; legs hang from here. */
export const HIP_Y = 0.9;

/** Shirt: torso and arms. `uniform` adds the PNS details: long sleeves, epaulettes, name tag, Korpri pin. */
export function addShirt(b: MeshBuilder, color: string, uniform: boolean): void {
  b.cylinder(0.2, 0.17, 0.54, 8, color, { y: 1.24, sz: 0.62 });
  b.box(0.36, 0.08, 0.2, color, { y: 1.47 });
  // collar
  b.box(0.16, 0.05, 0.05, uniform ? PALETTE.khakiDark : color, { y: 1.5, z: 0.09 });
  for (const side of [-1, 1]) {
    b.box(0.1, 0.34, 0.12, color, { x: side * 0.245, y: 1.33, rz: side * 0.1 });
    if (uniform) {
      b.box(0.09, 0.3, 0.1, color, { x: side * 0.275, y: 1.04, rz: side * 0.05 });
      b.box(0.11, 0.025, 0.14, PALETTE.khakiDark, { x: side * 0.15, y: 1.51 });
    }
  }
  if (uniform) {
    b.box(0.09, 0.028, 0.012, PALETTE.black, { x: 0.1, y: 1.36, z: 0.118 });
    b.box(0.04, 0.04, 0.012, PALETTE.gold, { x: -0.1, y: 1.37, z: 0.118 });
    b.box(0.012, 0.46, 0.012, PALETTE.khakiDark, { y: 1.24, z: 0.122 });
  }
}

/** Forearms and hands in skin (for short sleeves) and the hands only for long ones. */
export function addArmsSkin(b: MeshBuilder, skin: string, longSleeves: boolean): void {
  for (const side of [-1, 1]) {
    if (!longSleeves) b.box(0.08, 0.3, 0.09, skin, { x: side * 0.275, y: 1.03, rz: side * 0.05 });
    b.box(0.08, 0.09, 0.09, skin, { x: side * 0.285, y: 0.84 });
  }
}

/** Hips, belt, and (optionally) both legs with shoes. */
export function addLowerBody(b: MeshBuilder, trousers: string, withLegs: boolean): void {
  b.box(0.35, 0.16, 0.2, trousers, { y: 0.92 });
  b.box(0.36, 0.045, 0.21, PALETTE.black, { y: 0.99 });
  if (withLegs) for (const side of [-1, 1]) addLeg(b, trousers, side * 0.09, HIP_Y);
}

/** One leg hanging from (x, hipY): trouser leg and shoe. */
export function addLeg(b: MeshBuilder, trousers: string, x: number, hipY: number): void {
  b.box(0.14, 0.8, 0.16, trousers, { x, y: hipY - 0.4 });
  b.box(0.13, 0.07, 0.24, PALETTE.black, { x, y: hipY - 0.865, z: 0.035 });
}

/** Neck, head and eyes, centred on the vertical axis so a yaw turns it in place. */
export function addHead(b: MeshBuilder, skin: string): void {
  b.cylinder(0.06, 0.07, 0.1, 8, skin, { y: 1.53 });
  b.blob(0.125, skin, { y: 1.67, sy: 1.12 }, 1);
  for (const side of [-1, 1]) {
    b.box(0.028, 0.032, 0.02, '#2a1d16', { x: side * 0.045, y: 1.69, z: 0.112 });
  }
  b.box(0.05, 0.012, 0.012, '#9c5a48', { y: 1.6, z: 0.115 });
}

export function addHair(b: MeshBuilder, color: string, long: boolean): void {
  b.add(new SphereGeometry(0.137, 10, 5, 0, Math.PI * 2, 0, Math.PI * 0.5), color, { y: 1.69, z: -0.01, sy: 1.05 });
  b.box(0.24, long ? 0.3 : 0.12, 0.08, color, { y: long ? 1.55 : 1.66, z: -0.1 });
}

/** A hijab: a hood open at the face and a drape over the shoulders. */
export function addHijab(b: MeshBuilder, color: string): void {
  const open = 1.05;
  b.add(new SphereGeometry(0.152, 12, 8, Math.PI / 2 + open, Math.PI * 2 - open * 2), color, { y: 1.67, sy: 1.1 });
  b.add(new CylinderGeometry(0.15, 0.27, 0.26, 12, 1, true), color, { y: 1.43 });
  b.add(new CylinderGeometry(0.155, 0.155, 0.06, 12, 1, true), color, { y: 1.57 });
}

/** The black peci (songkok) many male civil servants wear. */
export function addPeci(b: MeshBuilder): void {
  b.cylinder(0.122, 0.128, 0.09, 12, PALETTE.black, { y: 1.78 });
}

/**
 * The head, hair and hijab as seen from afar (see FAR_METRES in RemoteVisitors.tsx), where they
 * are a few pixels: a coarser ball, no eyes or mouth, fewer segments. About a fifth of the
 * near head's triangles, two fifths of the hair's and hijab's.
 */
export function addFarHead(b: MeshBuilder, skin: string): void {
  b.add(new CylinderGeometry(0.06, 0.07, 0.1, 4, 1, true), skin, { y: 1.53 });
  b.blob(0.125, skin, { y: 1.67, sy: 1.12 }, 0);
}

export function addFarHair(b: MeshBuilder, color: string, long: boolean): void {
  b.add(new SphereGeometry(0.137, 6, 3, 0, Math.PI * 2, 0, Math.PI * 0.5), color, { y: 1.69, z: -0.01, sy: 1.05 });
  b.box(0.24, long ? 0.3 : 0.12, 0.08, color, { y: long ? 1.55 : 1.66, z: -0.1 });
}

export function addFarHijab(b: MeshBuilder, color: string): void {
  const open = 1.05;
  b.add(new SphereGeometry(0.152, 8, 5, Math.PI / 2 + open, Math.PI * 2 - open * 2), color, { y: 1.67, sy: 1.1 });
  b.add(new CylinderGeometry(0.15, 0.27, 0.26, 8, 1, true), color, { y: 1.43 });
  b.add(new CylinderGeometry(0.155, 0.155, 0.06, 8, 1, true), color, { y: 1.57 });
}
