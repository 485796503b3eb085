import { useEffect, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { nearestSpot, resolveMove, type HallGeometry, type Vec2 } from '../../../shared/hall';
import { prepareFloorPaths } from '../../../shared/hallPath';
import { planWalk, steerAlongPath } from './followPath';
import type { WorldRuntime } from '../runtime';

export interface PlayerControllerProps {
  /** Input, position and target live here; mutated every frame. */
  runtime: WorldRuntime;
  /** Collision and service spots, from hallGeometry(). */
  geom: HallGeometry;
  /** Fired when the player enters or leaves a desk's approach radius; only on change. */
  onNearCounter(code: string | null): void;
  /** Fired on arrival after a tap on a desk or "take me to" (the walk ends within its approach radius). */
  onInteract(code: string): void;
}

const WALK_SPEED = 3.4;
const from: Vec2 = { x: 0, z: 0 };
const to: Vec2 = { x: 0, z: 0 };
const out: Vec2 = { x: 0, z: 0 };
const vel: Vec2 = { x: 0, z: 0 };

/**
 * Moves the player from keyboard, joystick or click-to-move input, with collision from
 * src/shared/hall.ts; a new target is walked to along a floor path around obstacles
 * (src/shared/hallPath.ts). Reports the desk the player is near. Renders nothing.
 */
export function PlayerController({ runtime, geom, onNearCounter, onInteract }: PlayerControllerProps) {
  const callbacks = useRef({ onNearCounter, onInteract });
  callbacks.current.onNearCounter = onNearCounter;
  callbacks.current.onInteract = onInteract;
  const stuck = useRef(0);
  // The destination the current path was planned for: a new or moved target is replanned.
  const planned = useRef({ active: false, x: 0, z: 0 });

  // Build the path grid while the citizen looks around, not on the first tap.
  useEffect(() => {
    const id = setTimeout(() => prepareFloorPaths(geom), 1500);
    return () => clearTimeout(id);
  }, [geom]);

  useFrame((_, delta) => {
    const dt = Math.min(delta, 0.1);
    const p = runtime.player;
    const { keys, joystick, target } = runtime;
    let ix = 0;
    let iy = 0;
    if (runtime.controlsEnabled) {
      ix = (keys.right ? 1 : 0) - (keys.left ? 1 : 0) + joystick.x;
      iy = (keys.up ? 1 : 0) - (keys.down ? 1 : 0) + joystick.y;
    }
    const mag = Math.hypot(ix, iy);
    let vx = 0;
    let vz = 0;
    if (mag > 0.12) {
      target.active = false;
      target.interact = null;
      const s = Math.min(1, mag) / mag;
      // Camera-relative: forward is away from the camera.
      const sin = Math.sin(runtime.cameraYaw);
      const cos = Math.cos(runtime.cameraYaw);
      vx = (ix * cos - iy * sin) * s * WALK_SPEED;
      vz = (-ix * sin - iy * cos) * s * WALK_SPEED;
    } else if (target.active) {
      const plan = planned.current;
      if (!plan.active || plan.x !== target.x || plan.z !== target.z) {
        planWalk(geom, p, target);
        plan.x = target.x;
        plan.z = target.z;
        stuck.current = 0;
      }
      if (steerAlongPath(target, p, WALK_SPEED, dt, vel)) {
        vx = vel.x;
        vz = vel.z;
      } else {
        target.active = false;
      }
    }

    if (vx !== 0 || vz !== 0) {
      from.x = p.x;
      from.z = p.z;
      to.x = p.x + vx * dt;
      to.z = p.z + vz * dt;
      resolveMove(geom, from, to, geom.playerRadius, out);
      const moved = Math.hypot(out.x - p.x, out.z - p.z);
      p.speed = moved / dt;
      if (moved > 1e-4) {
        const want = Math.atan2(out.x - p.x, out.z - p.z);
        const diff = Math.atan2(Math.sin(want - p.heading), Math.cos(want - p.heading));
        p.heading += diff * (1 - Math.exp(-dt * 12));
      }
      p.x = out.x;
      p.z = out.z;
      // A target with no floor path (inside an obstacle): give up once we stop making progress.
      if (target.active) {
        stuck.current = moved < Math.hypot(vx, vz) * dt * 0.2 ? stuck.current + dt : 0;
        if (stuck.current > 0.4) target.active = false;
      }
    } else {
      p.speed = 0;
    }

    planned.current.active = target.active;

    const near = nearestSpot(geom, p.x, p.z);
    if (near !== runtime.near) {
      runtime.near = near;
      callbacks.current.onNearCounter(near);
    }
    if (!target.active && target.interact !== null) {
      const code = target.interact;
      target.interact = null;
      if (near === code && runtime.controlsEnabled) {
        // Face the officer, then open the counter.
        const spot = geom.spots[code];
        p.heading = Math.atan2(-spot.frontX, -spot.frontZ);
        callbacks.current.onInteract(code);
      }
    }
  });
  return null;
}
