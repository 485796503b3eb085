import { z } from 'zod';
import './zodSetup';
import { localizedSchema } from './i18n';
import { parseSceneFile, SceneError } from './catalog';

/**
 * The hall layout (scenes/hall.json) and the pure geometry both the client and the server
 * use: walkable bounds, obstacle boxes, collision and the counters' service spots.
 * Coordinates are metres on the floor plane: x to the east, z to the south; the entrance
 * doors are in the south wall (z = +depth / 2). A desk's rotation (degrees about the up
 * axis) turns its front, the citizen side, from facing south (+z).
 */

/** The key of the information desk wherever counters are keyed by code. */
export const INFO_DESK_CODE = 'info';
export const HALL_FILE = 'scenes/hall.json';

const pointSchema = z.object({ x: z.number(), z: z.number() });

const deskBase = {
  x: z.number(),
  z: z.number(),
  /** Degrees about the up axis; 0 faces south (towards the entrance). */
  rotation: z.number().min(-360).max(360).default(0),
  /** Desk length along its front, metres. */
  width: z.number().min(1.5).max(8).default(3.6),
};

export const infoDeskSchema = z.object({
  kind: z.literal('info'),
  code: z.literal(INFO_DESK_CODE),
  label: localizedSchema,
  ...deskBase,
});

export const counterSlotSchema = z.object({
  kind: z.literal('counter'),
  /** Agency code from scenes/agencies/*.json. */
  code: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lowercase letters, digits, "-" or "_"'),
  /** The number on the sign: "Loket 1" … */
  loket: z.number().int().min(1).max(99),
  ...deskBase,
});

export const deskSchema = z.discriminatedUnion('kind', [infoDeskSchema, counterSlotSchema]);

export const benchSchema = z.object({
  x: z.number(),
  z: z.number(),
  rotation: z.number().min(-360).max(360).default(0),
  length: z.number().min(0.8).max(8).default(3),
});

export const hallLayoutSchema = z
  .object({
    name: localizedSchema,
    subtitle: localizedSchema,
    size: z.object({
      width: z.number().min(10).max(200),
      depth: z.number().min(10).max(200),
      height: z.number().min(3).max(30),
    }),
    /** Doors centred at x in the south wall. */
    entrance: z.object({ x: z.number(), width: z.number().min(1).max(20) }),
    /** Where a citizen appears, facing the hall (rotation 180 = facing north). */
    spawn: z.object({ x: z.number(), z: z.number(), rotation: z.number().default(180) }),
    /** The waiting area (carpet and benches) in the middle of the hall. */
    lobby: z.object({ x: z.number(), z: z.number(), width: z.number().positive(), depth: z.number().positive() }),
    /** How close (metres) to a service spot a citizen must be to talk to the officer. */
    approachRadius: z.number().min(0.5).max(5),
    /** The citizens' collision radius, metres. */
    playerRadius: z.number().min(0.1).max(1),
    desks: z.array(deskSchema).min(1),
    pillars: z.array(pointSchema).default([]),
    benches: z.array(benchSchema).default([]),
    plants: z.array(pointSchema).default([]),
  })
  .superRefine((h, ctx) => {
    const codes = new Set<string>();
    const lokets = new Set<number>();
    let infos = 0;
    const hw = h.size.width / 2;
    const hd = h.size.depth / 2;
    h.desks.forEach((d, i) => {
      if (codes.has(d.code)) ctx.addIssue({ code: 'custom', path: ['desks', i, 'code'], message: `duplicate desk code "${d.code}"` });
      codes.add(d.code);
      if (d.kind === 'info') infos++;
      else {
        if (lokets.has(d.loket)) ctx.addIssue({ code: 'custom', path: ['desks', i, 'loket'], message: `duplicate loket number ${d.loket}` });
        lokets.add(d.loket);
      }
      if (Math.abs(d.x) > hw || Math.abs(d.z) > hd) {
        ctx.addIssue({ code: 'custom', path: ['desks', i, 'x'], message: `desk (${d.x}, ${d.z}) lies outside the hall` });
      }
    });
    if (infos !== 1) ctx.addIssue({ code: 'custom', path: ['desks'], message: `the hall needs exactly one info desk, found ${infos}` });
    if (Math.abs(h.spawn.x) > hw || Math.abs(h.spawn.z) > hd) {
      ctx.addIssue({ code: 'custom', path: ['spawn'], message: 'spawn lies outside the hall' });
    }
  });

export type HallLayout = z.infer<typeof hallLayoutSchema>;
export type Desk = z.infer<typeof deskSchema>;
export type CounterSlot = z.infer<typeof counterSlotSchema>;
export type InfoDesk = z.infer<typeof infoDeskSchema>;

/** Validates parsed hall JSON; errors name the file and field. */
export function parseHallLayout(data: unknown, file: string = HALL_FILE): HallLayout {
  return parseSceneFile(hallLayoutSchema, file, data);
}

/** Throws a SceneError unless every agency code has exactly one counter slot and no slot is unknown. */
export function checkHallAgainstAgencies(layout: HallLayout, agencyCodes: readonly string[], file: string = HALL_FILE): void {
  const slots = new Set(layout.desks.filter((d) => d.kind === 'counter').map((d) => d.code));
  for (const code of agencyCodes) {
    if (code === INFO_DESK_CODE) throw new SceneError(file, 'desks', `agency code "${code}" is reserved for the info desk`);
    if (!slots.has(code)) throw new SceneError(file, 'desks', `agency "${code}" has no counter slot`);
  }
  const known = new Set(agencyCodes);
  layout.desks.forEach((d, i) => {
    if (d.kind === 'counter' && !known.has(d.code)) {
      throw new SceneError(file, `desks[${i}].code`, `no agency "${d.code}" in scenes/agencies`);
    }
  });
}

// ---------------------------------------------------------------- geometry

export interface Vec2 {
  x: number;
  z: number;
}

/** Axis-aligned box on the floor plane. */
export interface Box {
  minX: number;
  maxX: number;
  minZ: number;
  maxZ: number;
}

/** Desk body depth (front to back) and the staff area behind it that citizens cannot enter. */
export const DESK_DEPTH = 0.9;
export const STAFF_DEPTH = 1.6;
/** How far in front of the desk's centre a citizen stands to be served. */
export const SPOT_DISTANCE = DESK_DEPTH / 2 + 0.75;
/** Where the officer stands, behind the desk's centre. */
export const OFFICER_DISTANCE = DESK_DEPTH / 2 + 0.45;
export const PILLAR_SIZE = 0.9;
export const BENCH_DEPTH = 0.6;
export const PLANT_SIZE = 0.7;
/** Wall thickness is not walkable; this is the inner face of each wall. */

export interface ServiceSpot extends Vec2 {
  code: string;
  /** Unit vector from the desk towards the citizen (the desk's front). */
  frontX: number;
  frontZ: number;
  /** Position of the officer behind the desk. */
  officerX: number;
  officerZ: number;
}

export interface HallGeometry {
  /** Inner faces of the walls. */
  bounds: Box;
  /** Desks (with their staff area), pillars, benches, plants. */
  obstacles: Box[];
  /** Service spots by desk code ('info' for the info desk). */
  spots: Record<string, ServiceSpot>;
  spotList: ServiceSpot[];
  approachRadius: number;
  playerRadius: number;
}

const DEG = Math.PI / 180;

/** The direction a rotation (degrees) turns the local +z axis to. */
export function facing(rotationDeg: number): Vec2 {
  const r = rotationDeg * DEG;
  return { x: round6(Math.sin(r)), z: round6(Math.cos(r)) };
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** AABB of a local rectangle [x0,x1]×[z0,z1] rotated by `rotationDeg` and moved to (cx, cz). */
export function rotatedBox(cx: number, cz: number, rotationDeg: number, x0: number, x1: number, z0: number, z1: number): Box {
  const r = rotationDeg * DEG;
  const c = round6(Math.cos(r));
  const s = round6(Math.sin(r));
  const box: Box = { minX: Infinity, maxX: -Infinity, minZ: Infinity, maxZ: -Infinity };
  for (const lx of [x0, x1]) {
    for (const lz of [z0, z1]) {
      const wx = cx + lx * c + lz * s;
      const wz = cz - lx * s + lz * c;
      box.minX = Math.min(box.minX, wx);
      box.maxX = Math.max(box.maxX, wx);
      box.minZ = Math.min(box.minZ, wz);
      box.maxZ = Math.max(box.maxZ, wz);
    }
  }
  return box;
}

/** The footprint a desk blocks: the desk itself plus the staff area behind it. */
export function deskBox(d: Desk): Box {
  return rotatedBox(d.x, d.z, d.rotation, -d.width / 2, d.width / 2, -DESK_DEPTH / 2 - STAFF_DEPTH, DESK_DEPTH / 2);
}

export function serviceSpot(d: Desk): ServiceSpot {
  const f = facing(d.rotation);
  return {
    code: d.code,
    x: d.x + f.x * SPOT_DISTANCE,
    z: d.z + f.z * SPOT_DISTANCE,
    frontX: f.x,
    frontZ: f.z,
    officerX: d.x - f.x * OFFICER_DISTANCE,
    officerZ: d.z - f.z * OFFICER_DISTANCE,
  };
}

/** Precomputes everything collision and proximity need; call once per layout. */
export function hallGeometry(layout: HallLayout): HallGeometry {
  const hw = layout.size.width / 2;
  const hd = layout.size.depth / 2;
  const obstacles: Box[] = layout.desks.map(deskBox);
  for (const p of layout.pillars) {
    obstacles.push({ minX: p.x - PILLAR_SIZE / 2, maxX: p.x + PILLAR_SIZE / 2, minZ: p.z - PILLAR_SIZE / 2, maxZ: p.z + PILLAR_SIZE / 2 });
  }
  for (const b of layout.benches) {
    obstacles.push(rotatedBox(b.x, b.z, b.rotation, -b.length / 2, b.length / 2, -BENCH_DEPTH / 2, BENCH_DEPTH / 2));
  }
  for (const p of layout.plants) {
    obstacles.push({ minX: p.x - PLANT_SIZE / 2, maxX: p.x + PLANT_SIZE / 2, minZ: p.z - PLANT_SIZE / 2, maxZ: p.z + PLANT_SIZE / 2 });
  }
  const spotList = layout.desks.map(serviceSpot);
  return {
    bounds: { minX: -hw, maxX: hw, minZ: -hd, maxZ: hd },
    obstacles,
    spots: Object.fromEntries(spotList.map((s) => [s.code, s])),
    spotList,
    approachRadius: layout.approachRadius,
    playerRadius: layout.playerRadius,
  };
}

/** Clamps a point into the walls' inner bounds, `radius` away from them. Writes into `out` if given. */
export function clampToWalkable(geom: HallGeometry, x: number, z: number, radius: number = geom.playerRadius, out: Vec2 = { x: 0, z: 0 }): Vec2 {
  const b = geom.bounds;
  out.x = Math.min(b.maxX - radius, Math.max(b.minX + radius, x));
  out.z = Math.min(b.maxZ - radius, Math.max(b.minZ + radius, z));
  return out;
}

const EPS = 1e-4;

/** Touching a face is not overlapping (a body slid against a desk stays walkable). */
function overlaps(o: Box, x: number, z: number, r: number): boolean {
  const e = r - EPS;
  return x + e > o.minX && x - e < o.maxX && z + e > o.minZ && z - e < o.maxZ;
}

/** Whether a circle-ish body (a square of half-size `radius`) at (x, z) is free of walls and obstacles. */
export function isWalkable(geom: HallGeometry, x: number, z: number, radius: number = geom.playerRadius): boolean {
  const b = geom.bounds;
  const e = radius - EPS;
  if (x - e < b.minX || x + e > b.maxX || z - e < b.minZ || z + e > b.maxZ) return false;
  for (const o of geom.obstacles) if (overlaps(o, x, z, radius)) return false;
  return true;
}

/**
 * Moves from `from` towards `to`, sliding along walls and obstacles: the x step and the z
 * step are resolved separately, each stopped at the first box face it would cross.
 * Allocation-free when `out` is given (safe to call every frame).
 */
export function resolveMove(geom: HallGeometry, from: Vec2, to: Vec2, radius: number = geom.playerRadius, out: Vec2 = { x: 0, z: 0 }): Vec2 {
  let x = from.x;
  let z = from.z;
  // x axis
  let nx = to.x;
  for (const o of geom.obstacles) {
    if (z + radius <= o.minZ || z - radius >= o.maxZ) continue;
    if (nx > x && x + radius <= o.minX + EPS && nx + radius > o.minX) nx = o.minX - radius;
    else if (nx < x && x - radius >= o.maxX - EPS && nx - radius < o.maxX) nx = o.maxX + radius;
  }
  x = nx;
  // z axis
  let nz = to.z;
  for (const o of geom.obstacles) {
    if (x + radius <= o.minX || x - radius >= o.maxX) continue;
    if (nz > z && z + radius <= o.minZ + EPS && nz + radius > o.minZ) nz = o.minZ - radius;
    else if (nz < z && z - radius >= o.maxZ - EPS && nz - radius < o.maxZ) nz = o.maxZ + radius;
  }
  z = nz;
  return clampToWalkable(geom, x, z, radius, out);
}

/** The code of the service spot within the approach radius of (x, z), nearest first; null if none. */
export function nearestSpot(geom: HallGeometry, x: number, z: number): string | null {
  let best: string | null = null;
  let bestD = geom.approachRadius * geom.approachRadius;
  for (const s of geom.spotList) {
    const dx = s.x - x;
    const dz = s.z - z;
    const d = dx * dx + dz * dz;
    if (d <= bestD) {
      bestD = d;
      best = s.code;
    }
  }
  return best;
}
