import type { HallGeometry, Vec2 } from '../../../shared/hall';
import { findPath } from '../../../shared/hallPath';

/** Where the player is walking to by itself (a floor tap, a desk tap, "take me to"). */
export interface WalkTarget {
  x: number;
  z: number;
  active: boolean;
  /** Desk code to open on arrival; null for a plain walk. */
  interact: string | null;
  /** Waypoints to (x, z) along the floor, the last one being (x, z); set by planWalk. */
  path: Vec2[];
  /** Index in `path` of the waypoint being walked to. */
  waypoint: number;
}

/** Close enough to a waypoint to turn to the next one, or to the destination to stop. */
const ADVANCE = 0.08;

/**
 * Plans the walk from `from` to the target around obstacles. With no floor path (the
 * target is inside an obstacle or walled in) it walks straight, as click-to-move always did.
 */
export function planWalk(geom: HallGeometry, from: Vec2, target: WalkTarget): void {
  target.path = findPath(geom, from, target) ?? [{ x: target.x, z: target.z }];
  target.waypoint = 0;
}

/**
 * Writes into `vel` the velocity towards the current waypoint (at most `speed`, never past
 * it within `dt`), moving on to the next waypoint once reached. Returns false, with a zero
 * velocity, when the last waypoint is reached. Allocation-free.
 */
export function steerAlongPath(target: WalkTarget, p: Vec2, speed: number, dt: number, vel: Vec2): boolean {
  const path = target.path;
  if (path.length === 0) {
    vel.x = 0;
    vel.z = 0;
    return false;
  }
  while (target.waypoint < path.length - 1 && Math.hypot(path[target.waypoint].x - p.x, path[target.waypoint].z - p.z) < ADVANCE) {
    target.waypoint++;
  }
  const w = path[target.waypoint];
  const dx = w.x - p.x;
  const dz = w.z - p.z;
  const dist = Math.hypot(dx, dz);
  if (target.waypoint >= path.length - 1 && dist < ADVANCE) {
    vel.x = 0;
    vel.z = 0;
    return false;
  }
  const sp = Math.min(speed, dist / dt);
  vel.x = (dx / dist) * sp;
  vel.z = (dz / dist) * sp;
  return true;
}
