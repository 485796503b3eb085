/**
 * The kiosk's idle clock: wall time, which a test can move forward or hold still through
 * `window.__makaverseKiosk.idle`, so an idle reset never races a slow machine's clicks.
 * Moving it forward only brings a reset nearer; nothing a visitor keeps can be read with it.
 */
let skewMs = 0;
let heldAt: number | null = null;

export function idleNow(): number {
  return heldAt ?? performance.now() + skewMs;
}

export const idleClock = {
  /** Moves the idle clock forward by `seconds`. */
  advance(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds <= 0) return;
    if (heldAt !== null) heldAt += seconds * 1000;
    else skewMs += seconds * 1000;
  },
  /** Holds the clock still (true) or lets it run again from where it stood (false). */
  hold(on: boolean): void {
    if (on && heldAt === null) heldAt = idleNow();
    else if (!on && heldAt !== null) {
      skewMs = heldAt - performance.now();
      heldAt = null;
    }
  },
};

declare global {
  interface Window {
    __makaverseKiosk?: { idle: typeof idleClock };
  }
}

if (typeof window !== 'undefined') window.__makaverseKiosk = { idle: idleClock };
