import type { HallLayout, ServiceSpot } from '../../../shared/hall';

/**
 * Camera poses for the views with no player (projector overview, kiosk tour): a look point,
 * and the camera `dist` metres from it at a yaw (0 = south of it, looking north) and pitch
 * (radians above the horizon), with a vertical field of view in degrees. Pure maths, so
 * poses can be blended between (a glide) and tested without a renderer.
 */
export interface CameraPose {
  lx: number;
  ly: number;
  lz: number;
  yaw: number;
  pitch: number;
  dist: number;
  fov: number;
}

export interface Point3 {
  x: number;
  y: number;
  z: number;
}

/** The overview looks down at the hall from the south, steep enough that no desk hides another. */
const OVERVIEW_PITCH = 1.1;
const OVERVIEW_FOV = 36;
/** Share of the half-screen left free around the hall. */
const OVERVIEW_MARGIN = 0.04;
/** Up to this height the back wall (banner, flags) is kept in view. */
const BACK_WALL_TOP = 6;

/** Desk framing: desk front to sign top (metres) must fit, seen slightly from above. */
const DESK_FRAME_HEIGHT = 3.3;
const DESK_FRAME_Y = 1.85;
const DESK_PITCH = 0.25;
/** A little further back than the follow camera's panel framing: the queue in front shows too. */
const DESK_MIN = 6.2;
/** Further back than this the lens widens instead (portrait screens). */
const DESK_MAX = 11;
const FOV_MAX = 80;

export function newPose(): CameraPose {
  return { lx: 0, ly: 0, lz: 0, yaw: 0, pitch: 0, dist: 1, fov: 50 };
}

export function copyPose(from: CameraPose, to: CameraPose): CameraPose {
  to.lx = from.lx;
  to.ly = from.ly;
  to.lz = from.lz;
  to.yaw = from.yaw;
  to.pitch = from.pitch;
  to.dist = from.dist;
  to.fov = from.fov;
  return to;
}

/** The points the overview keeps on screen: the floor's corners and the back wall up to its banner. */
export function overviewPoints(layout: HallLayout): Point3[] {
  const hw = layout.size.width / 2;
  const hd = layout.size.depth / 2;
  const top = Math.min(BACK_WALL_TOP, layout.size.height);
  return [
    { x: -hw, y: 0, z: -hd },
    { x: hw, y: 0, z: -hd },
    { x: -hw, y: 0, z: hd },
    { x: hw, y: 0, z: hd },
    { x: -hw, y: top, z: -hd },
    { x: hw, y: top, z: -hd },
  ];
}

/**
 * How far back a camera at `pose` (its distance ignored) must stand for every point to be
 * on screen with a margin, for a canvas of width/height `aspect`.
 */
function fitDistance(points: readonly Point3[], pose: CameraPose, aspect: number, margin = OVERVIEW_MARGIN): number {
  const tanV = Math.tan((pose.fov * Math.PI) / 360) * (1 - margin);
  const tanH = tanV * aspect;
  const sp = Math.sin(pose.pitch);
  const cp = Math.cos(pose.pitch);
  const sy = Math.sin(pose.yaw);
  const cy = Math.cos(pose.yaw);
  let need = 0;
  for (const p of points) {
    const rx = p.x - pose.lx;
    const ry = p.y - pose.ly;
    const rz = p.z - pose.lz;
    // Camera frame: right (cos yaw, 0, -sin yaw); up (-sin p·sin yaw, cos p, -sin p·cos yaw); back (cos p·sin yaw, sin p, cos p·cos yaw).
    const right = rx * cy - rz * sy;
    const up = -sp * sy * rx + cp * ry - sp * cy * rz;
    const back = cp * sy * rx + sp * ry + cp * cy * rz;
    need = Math.max(need, back + Math.abs(right) / tanH, back + Math.abs(up) / tanV);
  }
  return need;
}

/** Where the points' vertical extent is centred on screen (-1..1, 0 = centred), for a pose with its distance. */
function verticalCentre(points: readonly Point3[], pose: CameraPose): number {
  const tanV = Math.tan((pose.fov * Math.PI) / 360);
  const sp = Math.sin(pose.pitch);
  const cp = Math.cos(pose.pitch);
  const sy = Math.sin(pose.yaw);
  const cy = Math.cos(pose.yaw);
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of points) {
    const rx = p.x - pose.lx;
    const ry = p.y - pose.ly;
    const rz = p.z - pose.lz;
    const up = -sp * sy * rx + cp * ry - sp * cy * rz;
    const depth = pose.dist - (cp * sy * rx + sp * ry + cp * cy * rz);
    const y = up / (Math.max(1e-6, depth) * tanV);
    lo = Math.min(lo, y);
    hi = Math.max(hi, y);
  }
  return (lo + hi) / 2;
}

/**
 * The whole hall from above, fitted to the canvas: looking north from the south at
 * OVERVIEW_PITCH, the look point moved north/south until the hall sits centred on screen,
 * then the camera as close as lets every point in, whatever the aspect ratio.
 */
export function overviewPose(points: readonly Point3[], aspect: number, out: CameraPose = newPose()): CameraPose {
  out.yaw = 0;
  out.pitch = OVERVIEW_PITCH;
  out.fov = OVERVIEW_FOV;
  let minX = Infinity;
  let maxX = -Infinity;
  let minZ = Infinity;
  let maxZ = -Infinity;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minZ = Math.min(minZ, p.z);
    maxZ = Math.max(maxZ, p.z);
  }
  out.lx = (minX + maxX) / 2;
  out.ly = 0;
  // Moving the look point south moves the hall up the screen: bisect for the centred spot.
  let lo = minZ - (maxZ - minZ);
  let hi = maxZ + (maxZ - minZ);
  for (let i = 0; i < 40; i++) {
    out.lz = (lo + hi) / 2;
    out.dist = fitDistance(points, out, aspect);
    if (verticalCentre(points, out) > 0) hi = out.lz;
    else lo = out.lz;
  }
  out.lz = (lo + hi) / 2;
  out.dist = fitDistance(points, out, aspect);
  return out;
}

/**
 * A desk seen head-on from its citizens' side: the desk front, the officer and the sign
 * fill the screen's height (or its width, on portrait screens, from further back or with a
 * wider lens).
 */
export function deskPose(spot: ServiceSpot, deskWidth: number, aspect: number, out: CameraPose = newPose()): CameraPose {
  const baseFov = aspect < 0.9 ? 62 : 50;
  const need = Math.max(DESK_FRAME_HEIGHT, (deskWidth + 0.8) / Math.max(0.2, aspect));
  let t2 = 2 * Math.tan((baseFov * Math.PI) / 360);
  let fov = baseFov;
  if (need / t2 > DESK_MAX) {
    t2 = Math.min(2 * Math.tan((FOV_MAX * Math.PI) / 360), need / DESK_MAX);
    fov = (Math.atan(t2 / 2) * 360) / Math.PI;
  }
  out.lx = spot.officerX + spot.frontX * 0.45;
  out.ly = DESK_FRAME_Y;
  out.lz = spot.officerZ + spot.frontZ * 0.45;
  out.yaw = Math.atan2(spot.frontX, spot.frontZ);
  out.pitch = DESK_PITCH;
  out.dist = Math.min(DESK_MAX, Math.max(DESK_MIN, need / t2));
  out.fov = fov;
  return out;
}

/** The camera's position for a pose, written into `out`. */
export function poseEye(pose: CameraPose, out: Point3): Point3 {
  const c = Math.cos(pose.pitch) * pose.dist;
  out.x = pose.lx + Math.sin(pose.yaw) * c;
  out.y = pose.ly + Math.sin(pose.pitch) * pose.dist;
  out.z = pose.lz + Math.cos(pose.yaw) * c;
  return out;
}

/** Smootherstep: starts and ends at rest, so a glide never jolts. */
export function ease(t: number): number {
  const x = Math.min(1, Math.max(0, t));
  return x * x * x * (x * (x * 6 - 15) + 10);
}

/**
 * A point along a glide from `a` to `b` (eased progress `e`, 0..1), written into `out`: the
 * look point moves straight, the camera turns the short way round, and it rises and pulls
 * back mid-way by `lift` (0..1) so it passes over people and pillars rather than through them.
 */
export function blendPose(a: CameraPose, b: CameraPose, e: number, lift: number, out: CameraPose): CameraPose {
  const turn = Math.atan2(Math.sin(b.yaw - a.yaw), Math.cos(b.yaw - a.yaw));
  const arc = Math.sin(Math.PI * e) * lift;
  out.lx = a.lx + (b.lx - a.lx) * e;
  out.ly = a.ly + (b.ly - a.ly) * e;
  out.lz = a.lz + (b.lz - a.lz) * e;
  out.yaw = a.yaw + turn * e;
  out.pitch = Math.min(1.35, a.pitch + (b.pitch - a.pitch) * e + arc * 0.45);
  out.dist = a.dist + (b.dist - a.dist) * e + arc * 6;
  out.fov = a.fov + (b.fov - a.fov) * e;
  return out;
}

/** How much a glide between two poses should rise (0..1) and how long it takes (seconds). */
export function glidePlan(a: CameraPose, b: CameraPose): { lift: number; seconds: number } {
  const travel = Math.hypot(b.lx - a.lx, b.lz - a.lz);
  const turn = Math.abs(Math.atan2(Math.sin(b.yaw - a.yaw), Math.cos(b.yaw - a.yaw)));
  return {
    lift: Math.min(1, travel / 20 + turn / 3),
    seconds: Math.min(3.2, Math.max(1.4, 1.2 + travel * 0.06 + turn * 0.4)),
  };
}
