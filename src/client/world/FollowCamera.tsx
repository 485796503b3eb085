import { useFrame, useThree } from '@react-three/fiber';
import type { PerspectiveCamera } from 'three';
import type { HallGeometry } from '../../shared/hall';
import type { WorldRuntime } from './runtime';

export interface FollowCameraProps {
  /** The player's position is read from here; the yaw is written back (movement is camera-relative). */
  runtime: WorldRuntime;
  /** Desks and bounds, from hallGeometry(). */
  geom: HallGeometry;
  /** Metres from a service spot within which the camera turns to face that desk; default 4. */
  turnRadius?: number;
}

/**
 * Third-person camera behind and above the player. It looks north by default and turns
 * to face a desk when the player walks up to it, so every counter is seen head-on.
 * Portrait screens get a wider view from further back.
 */
export function FollowCamera({ runtime, geom, turnRadius = 4 }: FollowCameraProps) {
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  useFrame((state, delta) => {
    const dt = Math.min(delta, 0.1);
    const p = runtime.player;
    const aspect = state.size.width / Math.max(1, state.size.height);
    const portrait = aspect < 0.9;
    const fov = portrait ? 62 : 50;
    if (camera.fov !== fov) {
      camera.fov = fov;
      camera.updateProjectionMatrix();
    }
    let wantYaw = 0;
    let best = turnRadius * turnRadius;
    for (const s of geom.spotList) {
      const d = (s.x - p.x) ** 2 + (s.z - p.z) ** 2;
      if (d < best) {
        best = d;
        wantYaw = Math.atan2(s.frontX, s.frontZ);
      }
    }
    const diff = Math.atan2(Math.sin(wantYaw - runtime.cameraYaw), Math.cos(wantYaw - runtime.cameraYaw));
    runtime.cameraYaw += diff * (1 - Math.exp(-dt * 2.2));

    const dist = portrait ? 7.2 : 6.2;
    const height = portrait ? 4.6 : 3.9;
    const tx = p.x + Math.sin(runtime.cameraYaw) * dist;
    const tz = p.z + Math.cos(runtime.cameraYaw) * dist;
    const k = 1 - Math.exp(-dt * 5);
    if (runtime.frames <= 1) camera.position.set(tx, height, tz);
    else {
      camera.position.x += (tx - camera.position.x) * k;
      camera.position.y += (height - camera.position.y) * k;
      camera.position.z += (tz - camera.position.z) * k;
    }
    camera.lookAt(p.x - Math.sin(runtime.cameraYaw) * 1.5, 1.25, p.z - Math.cos(runtime.cameraYaw) * 1.5);
  });
  return null;
}
