import { useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import type { PerspectiveCamera } from 'three';
import type { HallGeometry } from '../../../shared/hall';
import { panelInsets, type PanelSide, type ViewInsets } from './panelFraming';
import type { WorldRuntime } from '../runtime';

export interface FollowCameraProps {
  /** The player's position is read from here; the yaw is written back (movement is camera-relative). */
  runtime: WorldRuntime;
  /** Desks and bounds, from hallGeometry(). */
  geom: HallGeometry;
  /** Metres from a service spot within which the camera turns to face that desk; default 4. */
  turnRadius?: number;
  /** A DOM panel covering the canvas: the view is framed in the part left uncovered; default null. */
  panelOpen?: PanelSide | null;
  /** Pixels of the canvas the open panel (and header) cover; default: the app's panel sizes (see panelInsets). */
  viewInsets?: ViewInsets;
  /** Desk widths by code, to fit the whole desk in view while a panel is open; default 5 m each. */
  deskWidths?: Record<string, number>;
}

/** What must stay in view of a desk while a panel is open: desk front to sign top, metres. */
const FRAME_HEIGHT = 3.3;
const FRAME_Y = 1.95;
const FRAME_PITCH = 0.2;
const FRAME_MIN = 5;
/** Further back than this the camera widens its lens instead (small phone windows above a sheet). */
const FRAME_MAX = 12;
const FOV_MAX = 80;

/**
 * Third-person camera behind and above the player. It looks north by default and turns
 * to face a desk when the player walks up to it, so every counter is seen head-on.
 * Portrait screens get a wider view from further back. While a panel is open at a desk,
 * it frames the desk, officer and sign in the uncovered part of the screen (an off-centre
 * projection, so nothing hides under the panel).
 */
export function FollowCamera({ runtime, geom, turnRadius = 4, panelOpen = null, viewInsets, deskWidths }: FollowCameraProps) {
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const st = useRef({ blend: 0, offX: 0, offY: 0, viewW: 0, viewH: 0, fov: 0 });
  useFrame((state, delta) => {
    const dt = Math.min(delta, 0.1);
    const p = runtime.player;
    const W = state.size.width;
    const H = Math.max(1, state.size.height);
    const aspect = W / H;
    const portrait = aspect < 0.9;
    const baseFov = portrait ? 62 : 50;
    const desk = panelOpen && runtime.near !== null ? geom.spots[runtime.near] : undefined;
    let wantYaw = 0;
    if (desk) wantYaw = Math.atan2(desk.frontX, desk.frontZ);
    else {
      let best = turnRadius * turnRadius;
      for (const s of geom.spotList) {
        const d = (s.x - p.x) ** 2 + (s.z - p.z) ** 2;
        if (d < best) {
          best = d;
          wantYaw = Math.atan2(s.frontX, s.frontZ);
        }
      }
    }
    const diff = Math.atan2(Math.sin(wantYaw - runtime.cameraYaw), Math.cos(wantYaw - runtime.cameraYaw));
    runtime.cameraYaw += diff * (1 - Math.exp(-dt * 2.2));
    const sinY = Math.sin(runtime.cameraYaw);
    const cosY = Math.cos(runtime.cameraYaw);

    // Follow framing: behind the player, looking a little ahead.
    const dist = portrait ? 7.2 : 6.2;
    let tx = p.x + sinY * dist;
    let ty = portrait ? 4.6 : 3.9;
    let tz = p.z + cosY * dist;
    let lx = p.x - sinY * 1.5;
    let ly = 1.25;
    let lz = p.z - cosY * 1.5;

    // Panel framing: the uncovered rectangle, and how far back the desk fits in it.
    const ins = panelOpen ? (viewInsets ?? panelInsets(panelOpen, W, H)) : null;
    const top = ins?.top ?? 0;
    const right = ins?.right ?? 0;
    const bottom = ins?.bottom ?? 0;
    const left = ins?.left ?? 0;
    const st0 = st.current;
    const k = 1 - Math.exp(-dt * 5);
    st0.blend += ((desk ? 1 : 0) - st0.blend) * (runtime.frames <= 1 ? 1 : k);
    let fov = baseFov;
    if (st0.blend > 0.001 && desk && runtime.near !== null) {
      const visW = Math.max(0.2, (W - left - right) / H);
      const visH = Math.max(0.15, (H - top - bottom) / H);
      const width = (deskWidths?.[runtime.near] ?? 5) + 0.8;
      // Lens "size" (2·tan(fov/2)·distance) the desk needs in the uncovered rectangle.
      const need = Math.max(FRAME_HEIGHT / visH, width / visW);
      let t2 = 2 * Math.tan((baseFov * Math.PI) / 360);
      if (need / t2 > FRAME_MAX) {
        t2 = Math.min(2 * Math.tan((FOV_MAX * Math.PI) / 360), need / FRAME_MAX);
        fov = baseFov + ((Math.atan(t2 / 2) * 360) / Math.PI - baseFov) * st0.blend;
      }
      const d = Math.min(FRAME_MAX, Math.max(FRAME_MIN, need / t2));
      const fx = desk.officerX + desk.frontX * 0.45;
      const fz = desk.officerZ + desk.frontZ * 0.45;
      const b = st0.blend;
      tx += (fx + sinY * d * Math.cos(FRAME_PITCH) - tx) * b;
      ty += (FRAME_Y + d * Math.sin(FRAME_PITCH) - ty) * b;
      tz += (fz + cosY * d * Math.cos(FRAME_PITCH) - tz) * b;
      lx += (fx - lx) * b;
      ly += (FRAME_Y - ly) * b;
      lz += (fz - lz) * b;
    }

    if (Math.abs(fov - st0.fov) > 0.01) {
      st0.fov = fov;
      camera.fov = fov;
      camera.updateProjectionMatrix();
    }
    if (runtime.frames <= 1) camera.position.set(tx, ty, tz);
    else {
      camera.position.x += (tx - camera.position.x) * k;
      camera.position.y += (ty - camera.position.y) * k;
      camera.position.z += (tz - camera.position.z) * k;
    }
    camera.lookAt(lx, ly, lz);

    // Shift the projection so the look point sits in the middle of the uncovered rectangle.
    const wantX = W / 2 - (left + W - right) / 2;
    const wantY = H / 2 - (top + H - bottom) / 2;
    const kv = runtime.frames <= 1 ? 1 : 1 - Math.exp(-dt * 6);
    st0.offX = Math.abs(wantX - st0.offX) < 0.25 ? wantX : st0.offX + (wantX - st0.offX) * kv;
    st0.offY = Math.abs(wantY - st0.offY) < 0.25 ? wantY : st0.offY + (wantY - st0.offY) * kv;
    if (st0.offX === 0 && st0.offY === 0) {
      if (camera.view?.enabled) camera.clearViewOffset();
    } else if (!camera.view?.enabled || camera.view.offsetX !== st0.offX || camera.view.offsetY !== st0.offY || st0.viewW !== W || st0.viewH !== H) {
      st0.viewW = W;
      st0.viewH = H;
      camera.setViewOffset(W, H, st0.offX, st0.offY, W, H);
    }
  });
  return null;
}
