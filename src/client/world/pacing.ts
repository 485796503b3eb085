/**
 * When the hall draws a frame (world/FramePacer.tsx): every display frame while something
 * moves (the player, the camera, another visitor), a slow beat while it stands still. A hall
 * that stands still costs a cheap phone's battery (and a software rasteriser a whole core) as
 * much as one that moves, at the display's rate; at the beat the officers still breathe and
 * changes that come from React (a lamp, a board, a sign's text) show within a tenth of a second.
 * Where a frame is dear, the beat slows so that standing still costs about a fifth of the time.
 */

/** The beat while nothing moves, ms between frames, where a frame is cheap. */
export const IDLE_FRAME_MS = 100;
/** Where a frame is dear (a software rasteriser, an old phone), the beat spends at most about a fifth of the time drawing; at most a second apart. */
const IDLE_COST_SHARE = 5;
const IDLE_FRAME_MAX_MS = 1000;
/** After the last movement (or key, touch, pointer, resize), frames go on this long, ms. */
export const WAKE_MS = 500;

export interface Pace {
  /** Until when (performance.now()) every display frame is drawn. */
  awakeUntil: number;
}

/** Draws every frame for the next `ms` (from `now`). */
export function keepAwake(pace: Pace, now = performance.now(), ms = WAKE_MS): void {
  if (now + ms > pace.awakeUntil) pace.awakeUntil = now + ms;
}

/** The idle beat for frames that take `frameMs` each (measured: the time until the display frame after one drawn). */
export function idleBeatMs(frameMs: number): number {
  return Math.min(IDLE_FRAME_MAX_MS, Math.max(IDLE_FRAME_MS, frameMs * IDLE_COST_SHARE));
}

/** Whether the display frame at `now` is drawn: awake, or the idle beat is due (a frame's jitter early is on time). */
export function frameDue(pace: Pace, now: number, lastFrameAt: number, moving: boolean, beatMs = IDLE_FRAME_MS): boolean {
  return moving || now < pace.awakeUntil || now - lastFrameAt >= beatMs - 4;
}

/** Whether two matrices' elements differ by more than `epsilon` (a camera easing into place stops counting as moving). */
export function matricesDiffer(a: ArrayLike<number>, b: ArrayLike<number>, epsilon = 1e-4): boolean {
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i] - b[i]) > epsilon) return true;
  return false;
}

export type RateVerdict = 'decline' | 'incline' | 'fallback' | null;

export interface FrameRateWatchOptions {
  /** Length of one measuring window, ms of back-to-back frames; default 250. */
  windowMs?: number;
  /** Windows per verdict; default 10. */
  windows?: number;
  /** Share of windows that must agree; default 0.75. */
  threshold?: number;
  /** Below this many frames per second a window is slow, at or above `fast` it is fast; default 40 and 58. */
  slow?: number;
  fast?: number;
  /** After this many verdicts the watch says 'fallback' once (stay at the cheapest) and then nothing; default 3. */
  flipflops?: number;
}

/**
 * The frame rate the hall reaches while it moves, for choosing the pixel ratio: only the
 * intervals between frames drawn back to back count (the idle beat is not slowness). Every
 * `windows` windows it says 'decline' when most were slow, 'incline' when most were fast; a
 * hall that keeps flipping between the two settles on the cheapest ('fallback').
 */
export function createFrameRateWatch({ windowMs = 250, windows = 10, threshold = 0.75, slow = 40, fast = 58, flipflops = 3 }: FrameRateWatchOptions = {}) {
  let flips = 0;
  let frames = 0;
  let spent = 0;
  const rates: number[] = [];
  return {
    /** One interval between two frames drawn on consecutive display frames, ms. */
    add(intervalMs: number): RateVerdict {
      if (!(intervalMs > 0) || flips > flipflops) return null;
      frames += 1;
      spent += intervalMs;
      if (spent < windowMs) return null;
      rates.push((frames / spent) * 1000);
      frames = 0;
      spent = 0;
      if (rates.length < windows) return null;
      const slowShare = rates.filter((r) => r < slow).length / rates.length;
      const fastShare = rates.filter((r) => r >= fast).length / rates.length;
      rates.length = 0;
      const verdict = slowShare > threshold ? 'decline' : fastShare > threshold ? 'incline' : null;
      if (verdict) flips += 1;
      return flips > flipflops ? 'fallback' : verdict;
    },
  };
}
