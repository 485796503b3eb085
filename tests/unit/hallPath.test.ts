import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hallGeometry, isWalkable, nearestSpot, parseHallLayout, resolveMove, type HallGeometry, type Vec2 } from '../../src/shared/hall';
import { findPath, segmentWalkable } from '../../src/shared/hallPath';
import { planWalk, steerAlongPath, type WalkTarget } from '../../src/client/world/movement/followPath';

const root = join(import.meta.dirname, '..', '..');
const layout = parseHallLayout(JSON.parse(readFileSync(join(root, 'scenes/hall.json'), 'utf8')));
const geom = hallGeometry(layout);
const spawn: Vec2 = { x: layout.spawn.x, z: layout.spawn.z };

/** Every 5 cm of every leg, from `from` through the waypoints, is walkable. */
function unwalkableSamples(from: Vec2, path: Vec2[], g: HallGeometry = geom): string[] {
  const bad: string[] = [];
  let a = from;
  for (const b of path) {
    const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.z - a.z) / 0.05));
    for (let i = 0; i <= steps; i++) {
      const x = a.x + ((b.x - a.x) * i) / steps;
      const z = a.z + ((b.z - a.z) * i) / steps;
      if (!isWalkable(g, x, z)) bad.push(`(${x.toFixed(2)}, ${z.toFixed(2)})`);
    }
    a = b;
  }
  return bad;
}

const starts: Record<string, Vec2> = {
  spawn,
  'lobby north-west': { x: -10, z: -7.5 },
  'between benches': { x: -5, z: -1.75 },
  'east aisle': { x: 14, z: 3 },
  'back row': { x: 0, z: -10 },
};

describe('findPath on scenes/hall.json', () => {
  for (const [name, from] of Object.entries(starts)) {
    it(`walks from the ${name} to every desk's service spot`, () => {
      expect(isWalkable(geom, from.x, from.z)).toBe(true);
      for (const spot of geom.spotList) {
        const path = findPath(geom, from, spot);
        expect(path, `no path to ${spot.code}`).not.toBeNull();
        expect(path!.at(-1)).toEqual({ x: spot.x, z: spot.z });
        expect(unwalkableSamples(from, path!), `path to ${spot.code}`).toEqual([]);
      }
    });
  }

  it('goes around the lobby benches where the straight line is blocked', () => {
    const spot = geom.spots.dishub;
    expect(segmentWalkable(geom, spawn, spot)).toBe(false);
    const path = findPath(geom, spawn, spot)!;
    expect(path.length).toBeGreaterThan(1);
    // String-pulled: a few corners, not a staircase of grid cells.
    expect(path.length).toBeLessThan(8);
    const length = path.reduce((sum, p, i) => sum + Math.hypot(p.x - (i ? path[i - 1] : spawn).x, p.z - (i ? path[i - 1] : spawn).z), 0);
    expect(length).toBeLessThan(Math.hypot(spot.x - spawn.x, spot.z - spawn.z) * 1.3 + 2);
  });

  it('is one straight leg when nothing is in the way', () => {
    const to = { x: 0, z: 4 };
    expect(findPath(geom, spawn, to)).toEqual([to]);
  });

  it('returns null for a target inside an obstacle', () => {
    const bench = layout.benches[0];
    expect(findPath(geom, spawn, { x: bench.x, z: bench.z })).toBeNull();
    const desk = layout.desks.find((d) => d.code === 'pu')!;
    expect(findPath(geom, spawn, { x: desk.x, z: desk.z - 1 })).toBeNull();
  });

  it('returns null for a walkable target walled in', () => {
    // A closed ring of boxes around (5, 5) in an otherwise empty room.
    const ring = { ...geom, obstacles: [
      { minX: 3, maxX: 7, minZ: 3, maxZ: 3.5 },
      { minX: 3, maxX: 7, minZ: 6.5, maxZ: 7 },
      { minX: 3, maxX: 3.5, minZ: 3, maxZ: 7 },
      { minX: 6.5, maxX: 7, minZ: 3, maxZ: 7 },
    ] };
    expect(isWalkable(ring, 5, 5)).toBe(true);
    expect(findPath(ring, { x: -5, z: -5 }, { x: 5, z: 5 })).toBeNull();
    expect(findPath(ring, { x: -5, z: -5 }, { x: 10, z: 10 })).not.toBeNull();
  });

  it('steps out of an obstacle when the start is inside one', () => {
    const bench = layout.benches[5];
    const from = { x: bench.x, z: bench.z };
    expect(isWalkable(geom, from.x, from.z)).toBe(false);
    const spot = geom.spots.pu;
    const path = findPath(geom, from, spot)!;
    expect(path).not.toBeNull();
    expect(path.at(-1)).toEqual({ x: spot.x, z: spot.z });
    expect(isWalkable(geom, path[0].x, path[0].z)).toBe(true);
    expect(unwalkableSamples(path[0], path.slice(1))).toEqual([]);
  });
});

describe('segmentWalkable', () => {
  it('agrees with isWalkable sampled along the segment', () => {
    const a = { x: -12, z: -2 };
    for (let i = 0; i < 200; i++) {
      const b = { x: -18 + ((i * 7.3) % 36), z: -13 + ((i * 5.1) % 26) };
      if (!isWalkable(geom, b.x, b.z)) continue;
      const sampled = unwalkableSamples(a, [b]).length === 0;
      // Sampling can miss a corner clipped between samples; never the other way round.
      if (!sampled) expect(segmentWalkable(geom, a, b)).toBe(false);
    }
  });
});

describe('walking a planned path with collision', () => {
  /** Steps the player like PlayerController does (dt capped at 0.1 s) until the walk ends. */
  function walk(from: Vec2, to: Vec2): { at: Vec2; frames: number } {
    const p = { ...from };
    const target: WalkTarget = { x: to.x, z: to.z, active: true, interact: null, path: [], waypoint: 0 };
    planWalk(geom, p, target);
    const vel = { x: 0, z: 0 };
    let frames = 0;
    while (frames < 2000 && steerAlongPath(target, p, 3.4, 0.1, vel)) {
      resolveMove(geom, p, { x: p.x + vel.x * 0.1, z: p.z + vel.z * 0.1 }, geom.playerRadius, p);
      frames++;
    }
    return { at: p, frames };
  }

  it('reaches every desk from the spawn without getting stuck', () => {
    for (const spot of geom.spotList) {
      const { at, frames } = walk(spawn, spot);
      expect(frames, spot.code).toBeLessThan(2000);
      expect(Math.hypot(at.x - spot.x, at.z - spot.z), spot.code).toBeLessThan(0.1);
      expect(nearestSpot(geom, at.x, at.z)).toBe(spot.code);
    }
  });
});
