/**
 * Other visitors' avatars as the network last reported them, mutated in place from the
 * room's state callbacks and read by the world in useFrame (never React state). Metres and
 * radians; `version` changes when someone joins or leaves, so the world can re-slot.
 */
export interface RemoteVisitor {
  name: string;
  color: string;
  role: string;
  /** Latest reported position and heading. */
  x: number;
  z: number;
  h: number;
  anim: string;
  /** Muted by a supervisor (the room's state, so every supervisor sees the same). */
  muted: boolean;
  /** performance.now() of the latest report, for interpolation. */
  at: number;
}

export const remoteVisitors = {
  byId: new Map<string, RemoteVisitor>(),
  version: 0,
};

export function clearRemoteVisitors(): void {
  remoteVisitors.byId.clear();
  remoteVisitors.version += 1;
}
