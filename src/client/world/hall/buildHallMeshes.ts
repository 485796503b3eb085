import type { BufferGeometry } from 'three';
import { BENCH_DEPTH, PILLAR_SIZE, type HallLayout } from '../../../shared/hall';
import { MeshBuilder } from './meshBuilder';
import { PALETTE } from './palette';
import { mulberry32 } from './textures';

export interface HallMeshes {
  /** Lit, vertex-coloured: walls, pillars, benches, plants, carpet, banner, doors. */
  solid: BufferGeometry;
  /** Unlit: ceiling light panels, windows, glass doors. */
  bright: BufferGeometry;
}

const HALF_PI = Math.PI / 2;

/** Builds the static hall shell from the layout: two merged meshes, two draw calls. */
export function buildHallMeshes(layout: HallLayout): HallMeshes {
  const { width, depth, height } = layout.size;
  const hw = width / 2;
  const hd = depth / 2;
  const s = new MeshBuilder();
  const l = new MeshBuilder();
  const ent = layout.entrance;
  const doorH = 3.2;

  // Walls are single-sided planes facing inwards, so the camera can look in from outside.
  // wall(u0,u1) spans along the wall; `place` maps the span centre to a position.
  type Wall = { len: number; place: (u: number, y: number, inset: number) => { x: number; y: number; z: number; ry: number } };
  const north: Wall = { len: width, place: (u, y, i) => ({ x: u, y, z: -hd + i, ry: 0 }) };
  const south: Wall = { len: width, place: (u, y, i) => ({ x: -u, y, z: hd - i, ry: Math.PI }) };
  const west: Wall = { len: depth, place: (u, y, i) => ({ x: -hw + i, y, z: u, ry: HALF_PI }) };
  const east: Wall = { len: depth, place: (u, y, i) => ({ x: hw - i, y, z: -u, ry: -HALF_PI }) };
  const band = (w: Wall, u0: number, u1: number, y0: number, y1: number, color: string, inset: number, b = s) =>
    b.plane(u1 - u0, y1 - y0, color, w.place((u0 + u1) / 2, (y0 + y1) / 2, inset));

  // South wall: u runs west→east mirrored, door opening around -ent.x.
  const doorU0 = -ent.x - ent.width / 2;
  const doorU1 = -ent.x + ent.width / 2;
  const spans: [Wall, number, number][] = [
    [north, -hw, hw],
    [west, -hd, hd],
    [east, -hd, hd],
    [south, -hw, doorU0],
    [south, doorU1, hw],
  ];
  for (const [w, u0, u1] of spans) {
    band(w, u0, u1, 0, height, PALETTE.wall, 0);
    band(w, u0, u1, 0, 1.2, PALETTE.wallLow, 0.01);
    band(w, u0, u1, 1.2, 1.28, PALETTE.trim, 0.02);
    band(w, u0, u1, 0, 0.14, PALETTE.woodDark, 0.025);
    band(w, u0, u1, 6.15, 6.4, PALETTE.red, 0.02);
    band(w, u0, u1, 6.4, 6.6, PALETTE.white, 0.02);
    band(w, u0, u1, 6.08, 6.13, PALETTE.gold, 0.02);
  }
  band(south, doorU0, doorU1, doorH, height, PALETTE.wall, 0);
  band(south, doorU0, doorU1, 6.15, 6.4, PALETTE.red, 0.02);
  band(south, doorU0, doorU1, 6.4, 6.6, PALETTE.white, 0.02);
  band(south, doorU0, doorU1, 6.08, 6.13, PALETTE.gold, 0.02);

  // Entrance: glass doors (bright daylight) in a dark wood frame.
  band(south, doorU0, doorU1, 0, doorH, PALETTE.window, -0.01, l);
  for (const u of [doorU0, -ent.x, doorU1]) band(south, u - 0.09, u + 0.09, 0, doorH + 0.1, PALETTE.woodDark, 0.03);
  band(south, doorU0 - 0.09, doorU1 + 0.09, doorH, doorH + 0.22, PALETTE.woodDark, 0.03);
  band(south, doorU0, doorU1, 1.0, 1.06, PALETTE.steel, 0.04);

  // Windows: clerestory on the side walls, tall glass either side of the entrance.
  for (const w of [west, east]) {
    for (let u = -hd + 4; u <= hd - 4; u += 5) {
      band(w, u - 1.1, u + 1.1, 3.7, 5.8, PALETTE.window, 0.01, l);
      band(w, u - 1.2, u + 1.2, 3.6, 3.7, PALETTE.windowFrame, 0.02);
      band(w, u - 1.2, u + 1.2, 5.8, 5.9, PALETTE.windowFrame, 0.02);
      band(w, u - 0.04, u + 0.04, 3.7, 5.8, PALETTE.windowFrame, 0.02);
    }
  }
  for (const side of [-1, 1]) {
    for (const off of [7, 12, 17]) {
      const u = -ent.x + side * off;
      if (Math.abs(u) > hw - 1.5) continue;
      band(south, u - 1.3, u + 1.3, 1.3, 5.6, PALETTE.window, 0.01, l);
      band(south, u - 0.04, u + 0.04, 1.3, 5.6, PALETTE.windowFrame, 0.02);
      band(south, u - 1.4, u + 1.4, 1.2, 1.3, PALETTE.windowFrame, 0.02);
      band(south, u - 1.4, u + 1.4, 5.6, 5.7, PALETTE.windowFrame, 0.02);
    }
  }

  // Ceiling and its light panels.
  l.plane(width, depth, PALETTE.ceiling, { y: height, rx: HALF_PI });
  for (let x = -hw + 5; x <= hw - 5; x += 5) {
    for (let z = -hd + 5; z <= hd - 5; z += 5) {
      l.plane(1.4, 1.4, PALETTE.lightPanel, { x, y: height - 0.02, z, rx: HALF_PI });
    }
  }

  // Red carpet from the doors to the waiting area, with gold edges.
  const lobbyFront = layout.lobby.z + layout.lobby.depth / 2;
  const carpetLen = hd - 1.3 - lobbyFront;
  const carpetZ = (hd - 1.3 + lobbyFront) / 2;
  s.box(2.4, 0.012, carpetLen, PALETTE.carpet, { x: ent.x, y: 0.006, z: carpetZ });
  for (const side of [-1, 1]) s.box(0.08, 0.014, carpetLen, PALETTE.carpetBorder, { x: ent.x + side * 1.16, y: 0.007, z: carpetZ });
  // Waiting-area rug.
  s.box(layout.lobby.width, 0.01, layout.lobby.depth, '#d8c39c', { x: layout.lobby.x, y: 0.005, z: layout.lobby.z });
  s.box(layout.lobby.width - 0.4, 0.012, layout.lobby.depth - 0.4, '#e9dcc0', { x: layout.lobby.x, y: 0.006, z: layout.lobby.z });

  // Pillars with a marble base, red band and a gold capital.
  for (const p of layout.pillars) {
    s.box(PILLAR_SIZE, height, PILLAR_SIZE, PALETTE.wall, { x: p.x, y: height / 2, z: p.z });
    s.box(PILLAR_SIZE + 0.2, 0.5, PILLAR_SIZE + 0.2, PALETTE.marbleBase, { x: p.x, y: 0.25, z: p.z });
    s.box(PILLAR_SIZE + 0.02, 0.16, PILLAR_SIZE + 0.02, PALETTE.red, { x: p.x, y: 1.6, z: p.z });
    s.box(PILLAR_SIZE + 0.02, 0.16, PILLAR_SIZE + 0.02, PALETTE.white, { x: p.x, y: 1.44, z: p.z });
    s.box(PILLAR_SIZE + 0.16, 0.3, PILLAR_SIZE + 0.16, PALETTE.gold, { x: p.x, y: height - 0.25, z: p.z });
  }

  // Benches: rows of steel waiting chairs, facing +z before rotation.
  for (const b of layout.benches) {
    const seats = Math.max(1, Math.floor(b.length / 0.55));
    const pitch = b.length / seats;
    const r = (b.rotation * Math.PI) / 180;
    const cos = Math.cos(r);
    const sin = Math.sin(r);
    const at = (lx: number, y: number, lz: number) => ({ x: b.x + lx * cos + lz * sin, y, z: b.z - lx * sin + lz * cos, ry: r });
    for (let i = 0; i < seats; i++) {
      const lx = -b.length / 2 + pitch * (i + 0.5);
      s.box(pitch - 0.06, 0.06, BENCH_DEPTH - 0.12, PALETTE.seat, at(lx, 0.45, 0.02));
      s.box(pitch - 0.06, 0.4, 0.05, PALETTE.seat, at(lx, 0.72, -BENCH_DEPTH / 2 + 0.05));
    }
    s.box(b.length, 0.05, 0.06, PALETTE.steel, at(0, 0.38, 0));
    for (const side of [-1, 1]) s.box(0.05, 0.4, BENCH_DEPTH - 0.1, PALETTE.steel, at(side * (b.length / 2 - 0.12), 0.2, 0));
  }

  // Potted plants.
  const rnd = mulberry32(42);
  layout.plants.forEach((p, i) => {
    const pot = i % 2 ? PALETTE.pot : PALETTE.potLight;
    s.cylinder(0.3, 0.22, 0.55, 10, pot, { x: p.x, y: 0.275, z: p.z });
    s.cylinder(0.31, 0.31, 0.05, 10, pot, { x: p.x, y: 0.57, z: p.z });
    s.cylinder(0.28, 0.28, 0.02, 10, '#5a3d26', { x: p.x, y: 0.56, z: p.z });
    s.cylinder(0.03, 0.04, 0.7, 5, '#6b4a2b', { x: p.x, y: 0.9, z: p.z });
    for (let k = 0; k < 5; k++) {
      const a = rnd() * Math.PI * 2;
      const rr = k === 0 ? 0 : 0.18 + rnd() * 0.12;
      s.blob(0.26 + rnd() * 0.14, PALETTE.leaf[k % 3], {
        x: p.x + Math.cos(a) * rr,
        y: 1.05 + (k === 0 ? 0.45 : rnd() * 0.4),
        z: p.z + Math.sin(a) * rr,
        sy: 1.2,
        ry: rnd() * 3,
      });
    }
  });

  // The city banner above the back counters: dark red board, gold trim, a round emblem
  // (a phinisi sailing ship, Makassar's symbol) and Indonesian flags either side.
  const bz = -hd + 0.06;
  s.box(13.2, 2.0, 0.08, PALETTE.gold, { y: 4.95, z: bz });
  s.box(13.0, 1.8, 0.1, '#8e1b22', { y: 4.95, z: bz + 0.01 });
  const ex = -5.3;
  const ey = 4.95;
  s.cylinder(0.78, 0.78, 0.04, 24, PALETTE.gold, { x: ex, y: ey, z: bz + 0.1, rx: HALF_PI });
  s.cylinder(0.68, 0.68, 0.04, 24, PALETTE.white, { x: ex, y: ey, z: bz + 0.12, rx: HALF_PI });
  s.cylinder(0.56, 0.56, 0.04, 24, '#1f5f99', { x: ex, y: ey, z: bz + 0.14, rx: HALF_PI });
  s.box(0.8, 0.12, 0.03, '#6b3b1f', { x: ex, y: ey - 0.25, z: bz + 0.17 });
  s.box(0.56, 0.08, 0.03, '#6b3b1f', { x: ex, y: ey - 0.33, z: bz + 0.17 });
  for (const [dx, hgt] of [[-0.22, 0.38], [0, 0.5], [0.22, 0.34]] as const) {
    s.cylinder(0, 0.11, hgt, 3, PALETTE.white, { x: ex + dx, y: ey - 0.18 + hgt / 2, z: bz + 0.17, sz: 0.2 });
  }
  s.box(1.1, 0.05, 0.03, '#7fb3e0', { x: ex, y: ey - 0.42, z: bz + 0.17 });
  for (const side of [-1, 1]) {
    const fx = side * 7.9;
    s.cylinder(0.03, 0.03, 1.9, 6, PALETTE.gold, { x: fx - side * 0.8, y: 4.75, z: bz + 0.1 });
    s.box(1.5, 0.5, 0.03, PALETTE.red, { x: fx, y: 5.35, z: bz + 0.08 });
    s.box(1.5, 0.5, 0.03, PALETTE.white, { x: fx, y: 4.85, z: bz + 0.08 });
  }

  return { solid: s.build(), bright: l.build() };
}
