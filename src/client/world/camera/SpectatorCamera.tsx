import { useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { type PerspectiveCamera, Vector3 } from 'three';
import type { ViewInsets } from './panelFraming';
import type { HallGeometry, HallLayout } from '../../../shared/hall';
import { blendPose, copyPose, deskPose, ease, glidePlan, newPose, overviewPoints, overviewPose, poseEye, type CameraPose } from './spectatorFraming';

/** Where the spectator camera is looking, for the name tags (written every frame). */
export interface SpectatorFocus {
  x: number;
  z: number;
  /** The desk being framed, whose officer tags must not cover; null in the overview. */
  desk: string | null;
}

export interface SpectatorCameraProps {
  /** 'overhead': the whole hall from above; 'tour': the desk `tourDesk` head-on (the overview while it is null). */
  view: 'overhead' | 'tour';
  /** Desk code ('info' or an agency) framed in the tour; null or unknown = the overview. */
  tourDesk: string | null;
  layout: HallLayout;
  geom: HallGeometry;
  /** Desk widths by code, to fit a desk on screen; default 5 m each. */
  deskWidths?: Record<string, number>;
  /** Written every frame: the point the tags gather round, and the framed desk. */
  focus: SpectatorFocus;
  /** Pixels of the canvas covered by DOM (a caption): the tour frames its desk in the rest; default none. */
  insets?: ViewInsets;
}

const NEAR = 0.3;
const FAR = 200;
const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';
/** A world older than this already showed something (the follow view): glide from it rather than cut. */
const FRESH_SECONDS = 1;
const forward = new Vector3();

/** The pose a camera has now, looking at a point `dist` metres ahead. */
function poseOfCamera(camera: PerspectiveCamera, out: CameraPose, dist = 8): CameraPose {
  camera.getWorldDirection(forward);
  out.lx = camera.position.x + forward.x * dist;
  out.ly = camera.position.y + forward.y * dist;
  out.lz = camera.position.z + forward.z * dist;
  out.yaw = Math.atan2(-forward.x, -forward.z);
  out.pitch = Math.asin(Math.max(-1, Math.min(1, -forward.y)));
  out.dist = dist;
  out.fov = camera.fov;
  return out;
}

/**
 * The camera when no one walks: fitted to the whole hall, or framing one desk. A change of
 * target glides there (eased, rising over the hall mid-way) in one to three seconds; with
 * reduced motion asked for, it cuts. One lookAt a frame and no allocation.
 */
export function SpectatorCamera({ view, tourDesk, layout, geom, deskWidths, focus, insets }: SpectatorCameraProps) {
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const points = useMemo(() => overviewPoints(layout), [layout]);
  const st = useMemo(
    () => ({
      cur: newPose(),
      from: newPose(),
      to: newPose(),
      eye: { x: 0, y: 0, z: 0 },
      key: '\u0000',
      t: 1,
      seconds: 1,
      lift: 0,
      started: false,
      fov: 0,
      overviewAspect: 0,
      overview: newPose(),
      offX: 0,
      offY: 0,
      viewW: 0,
      viewH: 0,
    }),
    [],
  );
  const reduced = useRef(false);

  useEffect(() => {
    const query = typeof matchMedia === 'function' ? matchMedia(REDUCED_MOTION) : null;
    reduced.current = query?.matches ?? false;
    const on = () => (reduced.current = query?.matches ?? false);
    query?.addEventListener('change', on);
    // A wider depth range: the overview stands tens of metres away. Restored for the follow camera.
    const near = camera.near;
    const far = camera.far;
    camera.near = NEAR;
    camera.far = FAR;
    if (camera.view?.enabled) camera.clearViewOffset();
    camera.updateProjectionMatrix();
    return () => {
      query?.removeEventListener('change', on);
      camera.near = near;
      camera.far = far;
      if (camera.view?.enabled) camera.clearViewOffset();
      camera.updateProjectionMatrix();
    };
  }, [camera]);

  useFrame((state, delta) => {
    const tourInsets = view === 'tour' ? insets : undefined;
    // A tour desk must fit the part of the canvas the DOM leaves uncovered.
    const aspect = Math.max(1, state.size.width - (tourInsets?.left ?? 0) - (tourInsets?.right ?? 0)) / Math.max(1, state.size.height);
    const spot = view === 'tour' && tourDesk !== null ? geom.spots[tourDesk] : undefined;
    const key = spot ? spot.code : '';
    let target: CameraPose;
    if (spot) target = deskPose(spot, deskWidths?.[spot.code] ?? 5, aspect, st.to);
    else {
      if (aspect !== st.overviewAspect) {
        st.overviewAspect = aspect;
        overviewPose(points, aspect, st.overview);
      }
      target = st.overview;
    }

    if (!st.started) {
      st.started = true;
      st.key = key;
      if (state.clock.elapsedTime < FRESH_SECONDS) copyPose(target, st.cur);
      else {
        poseOfCamera(camera, st.from);
        copyPose(st.from, st.cur);
        st.key = '\u0000';
      }
    }
    if (key !== st.key) {
      st.key = key;
      copyPose(st.cur, st.from);
      const plan = glidePlan(st.from, target);
      st.lift = plan.lift;
      st.seconds = plan.seconds;
      st.t = reduced.current ? 1 : 0;
    }
    if (st.t < 1) {
      st.t = Math.min(1, st.t + Math.min(delta, 0.1) / st.seconds);
      blendPose(st.from, target, ease(st.t), st.lift, st.cur);
    } else copyPose(target, st.cur);

    const pose = st.cur;
    if (Math.abs(pose.fov - st.fov) > 0.01) {
      st.fov = pose.fov;
      camera.fov = pose.fov;
      camera.updateProjectionMatrix();
    }
    // The tour's desk sits in the middle of what the DOM leaves uncovered (an off-centre projection).
    const W = state.size.width;
    const H = state.size.height;
    const ins = tourInsets;
    const offX = ins ? W / 2 - ((ins.left ?? 0) + W - (ins.right ?? 0)) / 2 : 0;
    const offY = ins ? H / 2 - ((ins.top ?? 0) + H - (ins.bottom ?? 0)) / 2 : 0;
    if (offX !== st.offX || offY !== st.offY || W !== st.viewW || H !== st.viewH) {
      st.offX = offX;
      st.offY = offY;
      st.viewW = W;
      st.viewH = H;
      if (offX === 0 && offY === 0) camera.clearViewOffset();
      else camera.setViewOffset(W, H, offX, offY, W, H);
    }
    const eye = poseEye(pose, st.eye);
    camera.position.set(eye.x, eye.y, eye.z);
    camera.lookAt(pose.lx, pose.ly, pose.lz);

    // Tags gather between the camera and what it looks at (the whole hall seen from above).
    focus.x = spot ? (eye.x + pose.lx) / 2 : pose.lx;
    focus.z = spot ? (eye.z + pose.lz) / 2 : pose.lz;
    focus.desk = spot && st.t >= 1 ? spot.code : null;
  });
  return null;
}
