import { useEffect } from 'react';
import type { HallGeometry } from '../../../shared/hall';
import type { WorldRuntime } from '../runtime';

/** A request to walk to a desk; a new `seq` starts a new walk, even to the same desk. */
export interface WalkToRequest {
  /** Agency code, or 'info' for the information desk. */
  code: string;
  seq: number;
}

/**
 * "Take me to…": sends the avatar along the floor to the desk's service spot; the
 * PlayerController plans the path and opens the desk on arrival (`target.interact`).
 */
export function useWalkTo(runtime: WorldRuntime, geom: HallGeometry, request: WalkToRequest | null | undefined): void {
  const code = request?.code;
  const seq = request?.seq;
  useEffect(() => {
    if (code === undefined) return;
    const spot = geom.spots[code];
    if (!spot) return;
    const t = runtime.target;
    t.x = spot.x;
    t.z = spot.z;
    t.active = true;
    t.interact = code;
  }, [runtime, geom, code, seq]);
}
