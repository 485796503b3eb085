import createGraph, { type Graph } from 'ngraph.graph';
import { aStar, type PathFinder } from 'ngraph.path';
import { isWalkable, type HallGeometry, type Vec2 } from './hall';

/**
 * Paths along the hall floor around desks, pillars, benches and plants: A* (ngraph.path)
 * over a grid of walkable cells, then string-pulled so the avatar walks straight lines
 * between corners. Pure geometry, shared by the client and the tests.
 */

/** Grid cell size, metres: fine enough to find the 1.25 m gaps between the lobby benches. */
const PATH_CELL = 0.25;
/** Extra room kept from obstacles by grid cells (and half of it by straightened segments). */
const CLEARANCE = 0.05;
/** How far (metres) from the target the last grid cell may be. */
const GOAL_REACH = 1.5;
const EPS = 1e-4;

interface Grid {
  cols: number;
  rows: number;
  minX: number;
  minZ: number;
  /** 1 where a body (radius + clearance) fits at the cell's centre. */
  free: Uint8Array;
  finder: PathFinder<Vec2>;
}

const grids = new WeakMap<HallGeometry, Map<number, Grid>>();

function gridFor(geom: HallGeometry, radius: number): Grid {
  let byRadius = grids.get(geom);
  if (!byRadius) grids.set(geom, (byRadius = new Map()));
  let grid = byRadius.get(radius);
  if (!grid) byRadius.set(radius, (grid = buildGrid(geom, radius)));
  return grid;
}

function buildGrid(geom: HallGeometry, radius: number): Grid {
  const b = geom.bounds;
  const cols = Math.floor((b.maxX - b.minX) / PATH_CELL);
  const rows = Math.floor((b.maxZ - b.minZ) / PATH_CELL);
  // Cell centres, so the grid sits symmetrically inside the walls.
  const minX = b.minX + ((b.maxX - b.minX) - (cols - 1) * PATH_CELL) / 2;
  const minZ = b.minZ + ((b.maxZ - b.minZ) - (rows - 1) * PATH_CELL) / 2;
  const free = new Uint8Array(cols * rows);
  const graph: Graph<Vec2, number> = createGraph();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const x = minX + c * PATH_CELL;
      const z = minZ + r * PATH_CELL;
      if (!isWalkable(geom, x, z, radius + CLEARANCE)) continue;
      free[r * cols + c] = 1;
      graph.addNode(r * cols + c, { x, z });
    }
  }
  const isFree = (c: number, r: number) => c >= 0 && r >= 0 && c < cols && r < rows && free[r * cols + c] === 1;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (!isFree(c, r)) continue;
      const id = r * cols + c;
      if (isFree(c + 1, r)) graph.addLink(id, id + 1, 1);
      if (isFree(c, r + 1)) graph.addLink(id, id + cols, 1);
      // Diagonals only where both side cells are free: no cutting an obstacle's corner.
      if (isFree(c + 1, r + 1) && isFree(c + 1, r) && isFree(c, r + 1)) graph.addLink(id, id + cols + 1, Math.SQRT2);
      if (isFree(c - 1, r + 1) && isFree(c - 1, r) && isFree(c, r + 1)) graph.addLink(id, id + cols - 1, Math.SQRT2);
    }
  }
  const finder = aStar<Vec2, number>(graph, {
    distance: (_a, _b, link) => link.data,
    heuristic: (a, b) => Math.hypot(a.data.x - b.data.x, a.data.z - b.data.z) / PATH_CELL,
  });
  return { cols, rows, minX, minZ, free, finder };
}

/** Builds the grid for a geometry ahead of the first walk (it takes a moment on a slow phone). */
export function prepareFloorPaths(geom: HallGeometry, radius: number = geom.playerRadius): void {
  gridFor(geom, radius);
}

/**
 * Whether a body of half-size `radius` can slide from `a` to `b` in a straight line: every
 * point of the segment is walkable in the sense of isWalkable (exact, not sampled).
 */
export function segmentWalkable(geom: HallGeometry, a: Vec2, b: Vec2, radius: number = geom.playerRadius): boolean {
  if (!isWalkable(geom, a.x, a.z, radius) || !isWalkable(geom, b.x, b.z, radius)) return false;
  const e = radius - EPS;
  const dx = b.x - a.x;
  const dz = b.z - a.z;
  for (const o of geom.obstacles) {
    // Slab test against the box grown by the body; touching a face is not overlapping.
    let t0 = 0;
    let t1 = 1;
    const slabs: [number, number, number, number][] = [
      [a.x, dx, o.minX - e, o.maxX + e],
      [a.z, dz, o.minZ - e, o.maxZ + e],
    ];
    let hit = true;
    for (const [p, d, lo, hi] of slabs) {
      if (Math.abs(d) < 1e-12) {
        if (p <= lo || p >= hi) hit = false;
      } else {
        let ta = (lo - p) / d;
        let tb = (hi - p) / d;
        if (ta > tb) [ta, tb] = [tb, ta];
        t0 = Math.max(t0, ta);
        t1 = Math.min(t1, tb);
        if (t0 >= t1) hit = false;
      }
      if (!hit) break;
    }
    if (hit) return false;
  }
  return true;
}

function cellOf(grid: Grid, p: Vec2): [number, number] {
  const c = Math.min(grid.cols - 1, Math.max(0, Math.round((p.x - grid.minX) / PATH_CELL)));
  const r = Math.min(grid.rows - 1, Math.max(0, Math.round((p.z - grid.minZ) / PATH_CELL)));
  return [c, r];
}

function centre(grid: Grid, id: number): Vec2 {
  return { x: grid.minX + (id % grid.cols) * PATH_CELL, z: grid.minZ + Math.floor(id / grid.cols) * PATH_CELL };
}

/** Free cells within `reach` metres of `p`, nearest first, optionally only those `accept`s. */
function nearestFreeCell(grid: Grid, p: Vec2, reach: number, accept: (cell: Vec2) => boolean = () => true): number | null {
  const [pc, pr] = cellOf(grid, p);
  const span = Math.ceil(reach / PATH_CELL) + 1;
  let best: number | null = null;
  let bestD = reach * reach;
  for (let r = Math.max(0, pr - span); r <= Math.min(grid.rows - 1, pr + span); r++) {
    for (let c = Math.max(0, pc - span); c <= Math.min(grid.cols - 1, pc + span); c++) {
      const id = r * grid.cols + c;
      if (!grid.free[id]) continue;
      const q = centre(grid, id);
      const d = (q.x - p.x) ** 2 + (q.z - p.z) ** 2;
      if (d < bestD && accept(q)) {
        bestD = d;
        best = id;
      }
    }
  }
  return best;
}

/**
 * A walking route over the floor from `from` to `to` for a body of half-size `radius`:
 * the waypoints after `from`, ending exactly at `to`; straight segments between them are
 * walkable. A start inside an obstacle first steps out to the nearest free cell. Null when
 * `to` is not walkable or cannot be reached. The grid is built once per geometry and radius.
 */
export function findPath(geom: HallGeometry, from: Vec2, to: Vec2, radius: number = geom.playerRadius): Vec2[] | null {
  if (!isWalkable(geom, to.x, to.z, radius)) return null;
  const goal = { x: to.x, z: to.z };
  const straight = radius + CLEARANCE / 2;
  if (segmentWalkable(geom, from, to, straight)) return [goal];
  const grid = gridFor(geom, radius);
  const startId = nearestFreeCell(grid, from, Math.max(grid.cols, grid.rows) * PATH_CELL);
  const goalId = nearestFreeCell(grid, to, GOAL_REACH, (q) => segmentWalkable(geom, q, to, radius));
  if (startId === null || goalId === null) return null;
  let cells: number[];
  if (startId === goalId) cells = [startId];
  else {
    const nodes = grid.finder.find(startId, goalId);
    if (nodes.length === 0) return null;
    cells = nodes.map((n) => n.id as number);
    // ngraph.path lists the path from the end back to the start.
    if (cells[0] !== startId) cells.reverse();
  }
  const points: Vec2[] = [{ x: from.x, z: from.z }, ...cells.map((id) => centre(grid, id)), goal];
  return stringPull(geom, points, straight).slice(1);
}

/**
 * Keeps only the corners: from each kept point, the farthest next point still in straight
 * sight. The very next point is always kept (stepping out of an obstacle, the last step to
 * the target), as the grid or the caller already checked that step.
 */
function stringPull(geom: HallGeometry, points: Vec2[], radius: number): Vec2[] {
  const out = [points[0]];
  let i = 0;
  while (i < points.length - 1) {
    let j = i + 1;
    while (j + 1 < points.length && segmentWalkable(geom, points[i], points[j + 1], radius)) j++;
    out.push(points[j]);
    i = j;
  }
  return out;
}
