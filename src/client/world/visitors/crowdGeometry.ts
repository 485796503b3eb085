import { type BufferGeometry, PlaneGeometry } from 'three';
import { MeshBuilder } from '../hall/meshBuilder';
import { PALETTE } from '../hall/palette';
import { addArmsSkin, addFarHair, addFarHead, addFarHijab, addHair, addHead, addHijab, addLeg, addLowerBody, addShirt } from './personGeometry';

/** The parts every crowd member is instanced from; white parts take per-instance colours. */
export interface CrowdGeometries {
  /** Torso and arms in white: the shirt colour is the instance colour. */
  shirt: BufferGeometry;
  /** Hips, belt, forearms and hands; with both legs when built with `legs: 'merged'`. */
  base: BufferGeometry;
  /** Neck and head in white: the skin tone is the instance colour. */
  head: BufferGeometry;
  hair: BufferGeometry;
  /** White: the hijab colour is the instance colour. */
  hijab: BufferGeometry;
  /** One leg hanging from the origin (the hip joint), for swinging legs; null when merged. */
  leg: BufferGeometry | null;
  /** A flat square on the floor for the blob shadow texture. */
  shadow: BufferGeometry;
  /** Head, hair and hijab with fewer triangles, for visitors far from the camera ('separate' only, like `leg`). */
  far: { head: BufferGeometry; hair: BufferGeometry; hijab: BufferGeometry } | null;
}

export const CROWD_TROUSERS = '#3b4252';

/**
 * The low-poly visitor shared by the demo crowd and the remote visitors. `merged` legs
 * are part of `base` (they only sway); `separate` gives a leg geometry to swing per instance.
 */
export function buildCrowdGeometries(legs: 'merged' | 'separate'): CrowdGeometries {
  const shirt = new MeshBuilder();
  addShirt(shirt, '#ffffff', false);
  const base = new MeshBuilder();
  addLowerBody(base, CROWD_TROUSERS, legs === 'merged');
  addArmsSkin(base, '#c48d62', false);
  const head = new MeshBuilder();
  addHead(head, '#ffffff');
  const hair = new MeshBuilder();
  addHair(hair, PALETTE.hair, true);
  const hijab = new MeshBuilder();
  addHijab(hijab, '#ffffff');
  let leg: BufferGeometry | null = null;
  let far: CrowdGeometries['far'] = null;
  if (legs === 'separate') {
    const b = new MeshBuilder();
    addLeg(b, CROWD_TROUSERS, 0, 0);
    leg = b.build();
    const parts = { head: new MeshBuilder(), hair: new MeshBuilder(), hijab: new MeshBuilder() };
    addFarHead(parts.head, '#ffffff');
    addFarHair(parts.hair, PALETTE.hair, true);
    addFarHijab(parts.hijab, '#ffffff');
    far = { head: parts.head.build(), hair: parts.hair.build(), hijab: parts.hijab.build() };
  }
  return {
    shirt: shirt.build(),
    base: base.build(),
    head: head.build(),
    hair: hair.build(),
    hijab: hijab.build(),
    leg,
    shadow: new PlaneGeometry(0.9, 0.9).rotateX(-Math.PI / 2),
    far,
  };
}

export function disposeCrowdGeometries(g: CrowdGeometries): void {
  for (const geo of [g.shirt, g.base, g.head, g.hair, g.hijab, g.leg, g.shadow, g.far?.head, g.far?.hair, g.far?.hijab]) geo?.dispose();
}
