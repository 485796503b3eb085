import { useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { useHall } from '../../net/hallStore';
import type { HallGeometry } from '../../../shared/hall';
import type { WorldRuntime } from '../runtime';

export interface NetworkSyncProps {
  /** The player's position and heading are read from here every frame. */
  runtime: WorldRuntime;
  /** The hall's service spots: an officer on duty stands at their counter's. */
  geom: HallGeometry;
}

/** After the last change, keep offering the pose this long so a throttled send still goes out. */
const SETTLE_MS = 300;
const WALKING_SPEED = 0.05;

/**
 * Sends the player's pose to the hall room while connected as a citizen or supervisor
 * (officers stand at their counter). `sendMove` throttles to 10 Hz itself; this only skips
 * the calls while the player stands still, once the final pose has had time to go out.
 * Renders nothing.
 */
export function NetworkSync({ runtime, geom }: NetworkSyncProps) {
  const last = useRef({ x: Number.NaN, z: 0, heading: 0, moving: false, session: '', until: 0 });
  useFrame(() => {
    const hall = useHall.getState();
    if (hall.status === 'connected' && hall.role === 'officer') {
      // The server seats an officer on duty behind their counter: the own avatar stays there too.
      for (const code in hall.counters) {
        const spot = hall.counters[code].officerSessionId === hall.sessionId ? geom.spots[code] : undefined;
        if (!spot) continue;
        const p = runtime.player;
        p.x = spot.officerX;
        p.z = spot.officerZ;
        p.heading = Math.atan2(spot.frontX, spot.frontZ);
        p.speed = 0;
        break;
      }
      return;
    }
    if (hall.status !== 'connected' || (hall.role !== 'citizen' && hall.role !== 'supervisor')) return;
    const p = runtime.player;
    const moving = p.speed > WALKING_SPEED;
    const l = last.current;
    const now = performance.now();
    if (l.session !== hall.sessionId || l.x !== p.x || l.z !== p.z || l.heading !== p.heading || l.moving !== moving) {
      l.session = hall.sessionId;
      l.x = p.x;
      l.z = p.z;
      l.heading = p.heading;
      l.moving = moving;
      l.until = now + SETTLE_MS;
    }
    if (now <= l.until) hall.sendMove(p.x, p.z, p.heading, moving);
  });
  return null;
}
