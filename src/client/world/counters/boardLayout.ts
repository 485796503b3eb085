import { DESK_DEPTH, PILLAR_SIZE, type Desk, type Vec2 } from '../../../shared/hall';
import { paintable } from '../signs/paintable';

/** Board size (metres), west–east and north–south: it reads from the south whichever way its desk faces. */
export const BOARD_W = 4.5;
export const BOARD_D = 2.1;
/** Free floor between a desk's front and its board: the citizen's spot. */
const BOARD_GAP = 1.0;
/**
 * Where a pillar stands or its (cut) stub hides the floor, seen from the south and above:
 * north of it, and leaning out towards its side wall.
 */
const PILLAR_NORTH = 1.45;
const PILLAR_LEAN = 1.0;
/** The board's margin that may lie under a pillar's shadow: frame, no text. */
const BOARD_MARGIN = 0.5;
const STEP = 0.1;
/** How much further out a board may go, and how much that costs against sliding sideways. */
const MAX_PUSH = 4;
const PUSH_COST = 1.5;

/** What one desk's board says: a title (which counter) and a detail (queue, status). */
export interface DeskBoard {
  title: string;
  detail: string;
}

/** Titles longer than this break onto two lines (at the space nearest the middle). */
const TITLE_WRAP = 13;

/** The board's lines: the title (on two lines if long), then the detail from line `detailLine` on. */
export function boardText(b: DeskBoard): { text: string; lines: number; detailLine: number } {
  let title = paintable(b.title);
  if (title.length > TITLE_WRAP) {
    const mid = title.length / 2;
    let best = -1;
    for (let i = 0; i < title.length; i++) if (title[i] === ' ' && (best < 0 || Math.abs(i - mid) < Math.abs(best - mid))) best = i;
    if (best > 0) title = `${title.slice(0, best)}\n${title.slice(best + 1)}`;
  }
  const detail = paintable(b.detail);
  // A title with nothing paintable left: the detail alone (no empty line above it).
  const text = title ? `${title}\n${detail}` : detail;
  return { text, lines: text.split('\n').length, detailLine: title ? title.split('\n').length : 0 };
}

interface Rect {
  minX: number;
  maxX: number;
  minZ: number;
  maxZ: number;
}

const overlaps = (a: Rect, b: Rect) => a.minX < b.maxX && a.maxX > b.minX && a.minZ < b.maxZ && a.maxZ > b.minZ;

function around(x: number, z: number, w: number, d: number): Rect {
  return { minX: x - w / 2, maxX: x + w / 2, minZ: z - d / 2, maxZ: z + d / 2 };
}

/**
 * Where each desk's floor board lies (centre x, z): in front of the desk beyond the
 * citizen's spot; where a pillar would stand on its text or hide it, or another board
 * is in the way, the nearest clear place — slid sideways (at most half the desk's width,
 * so it stays in front of its desk) or pushed further out.
 */
export function boardPlacements(desks: readonly Desk[], pillars: readonly Vec2[]): Record<string, [number, number]> {
  const keepOut: Rect[] = pillars.map((p) => ({
    minX: p.x - PILLAR_SIZE / 2 - (p.x < 0 ? PILLAR_LEAN : 0),
    maxX: p.x + PILLAR_SIZE / 2 + (p.x > 0 ? PILLAR_LEAN : 0),
    minZ: p.z - PILLAR_SIZE / 2 - PILLAR_NORTH,
    maxZ: p.z + PILLAR_SIZE / 2,
  }));
  const placed: Rect[] = [];
  const out: Record<string, [number, number]> = {};
  for (const d of desks) {
    const r = (d.rotation * Math.PI) / 180;
    const fx = Math.round(Math.sin(r) * 1e6) / 1e6;
    const fz = Math.round(Math.cos(r) * 1e6) / 1e6;
    const base = DESK_DEPTH / 2 + BOARD_GAP + (Math.abs(fx) * BOARD_W + Math.abs(fz) * BOARD_D) / 2;
    let best: [number, number] | null = null;
    let bestCost = Infinity;
    for (let push = 0; push <= MAX_PUSH + 1e-9; push += STEP) {
      if (push * PUSH_COST >= bestCost) break;
      for (let slide = 0; slide <= d.width / 2 + 1e-9; slide += STEP) {
        const cost = push * PUSH_COST + slide;
        if (cost >= bestCost) break;
        for (const side of slide === 0 ? [1] : [-1, 1]) {
          // Sideways is along the desk: (fz, -fx) is its right-hand direction.
          const x = d.x + fx * (base + push) + fz * slide * side;
          const z = d.z + fz * (base + push) - fx * slide * side;
          const text = around(x, z, BOARD_W - BOARD_MARGIN * 2, BOARD_D - BOARD_MARGIN * 2);
          const whole = around(x, z, BOARD_W, BOARD_D);
          if (keepOut.some((k) => overlaps(text, k)) || placed.some((p) => overlaps(whole, p))) continue;
          best = [x, z];
          bestCost = cost;
          break;
        }
      }
    }
    best ??= [d.x + fx * base, d.z + fz * base];
    placed.push(around(best[0], best[1], BOARD_W, BOARD_D));
    out[d.code] = best;
  }
  return out;
}
