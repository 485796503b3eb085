import type { HallLayout } from '../../shared/hall';
import type { WalkTarget } from './movement/followPath';
import type { Pace } from './pacing';

/**
 * The world's fast-changing values, mutated in place every frame and never put in React
 * state: the player's position, input, the click target, and the numbers the bench reads.
 */
export interface WorldRuntime extends Pace {
  player: { x: number; z: number; heading: number; speed: number };
  keys: { up: boolean; down: boolean; left: boolean; right: boolean };
  /** Touch joystick deflection, -1..1 each; y up = forward. */
  joystick: { x: number; y: number; active: boolean };
  /**
   * Click/tap-to-move or "take me to" destination; `interact` is a desk to talk to on arrival.
   * Writers set x, z, active and interact; the PlayerController plans `path` along the floor.
   */
  target: WalkTarget;
  /** Desk whose approach radius the player is in ('info' for the info desk). */
  near: string | null;
  /** Camera yaw, radians; 0 looks north from the south. */
  cameraYaw: number;
  controlsEnabled: boolean;
  /** Remote visitors drawn last frame (on-duty officers at their desks not counted). */
  remoteDrawn: number;
  frames: number;
  stats: { calls: number; triangles: number; geometries: number; textures: number };
  /** Each counter sign as the camera sees it (signs/SignLabels.tsx), for the tests' probe. */
  signs: Record<string, SignReading>;
}

/** A counter sign seen from the camera: its painted name's height, and whether a DOM label stands in for it. */
export interface SignReading {
  /** Height of the painted name's em box, CSS px. */
  textPx: number;
  /** Whether the sign faces the camera. */
  facing: boolean;
  onScreen: boolean;
  /** Whether a DOM label names the counter over the sign. */
  label: boolean;
  /** The painted name's centre on the page, CSS px. */
  x: number;
  y: number;
}

export function createWorldRuntime(layout: HallLayout): WorldRuntime {
  return {
    player: { x: layout.spawn.x, z: layout.spawn.z, heading: (layout.spawn.rotation * Math.PI) / 180, speed: 0 },
    keys: { up: false, down: false, left: false, right: false },
    joystick: { x: 0, y: 0, active: false },
    target: { x: 0, z: 0, active: false, interact: null, path: [], waypoint: 0 },
    near: null,
    cameraYaw: 0,
    controlsEnabled: true,
    remoteDrawn: 0,
    frames: 0,
    stats: { calls: 0, triangles: 0, geometries: 0, textures: 0 },
    signs: {},
    awakeUntil: 0,
  };
}
