/**
 * The kiosk's idle clock: wall time that stands still while the app itself is busy (the hall
 * loading, the avatar walking) and that a test can move forward or hold through
 * `window.__makaverseKiosk.idle`, so an idle reset never races a slow machine's clicks.
 */
let skewMs = 0;
let heldAt: number | null = null;
const holds = new Set<string>();

export function idleNow(): number {
  return heldAt ?? performance.now() + skewMs;
}

/** Holds the clock while any reason holds it; it runs on from where it stood. */
export function holdIdle(reason: string, on: boolean): void {
  if (on) {
    if (holds.size === 0) heldAt = idleNow();
    holds.add(reason);
    return;
  }
  if (!holds.delete(reason) || holds.size > 0 || heldAt === null) return;
  skewMs = heldAt - performance.now();
  heldAt = null;
}

export const idleClock = {
  /** Moves the idle clock forward by `seconds`. */
  advance(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds <= 0) return;
    if (heldAt !== null) heldAt += seconds * 1000;
    else skewMs += seconds * 1000;
  },
  /** Holds the clock still (true) or lets it run again (false), for a test. */
  hold(on: boolean): void {
    holdIdle('test', on);
  },
};

declare global {
  interface Window {
    __makaverseKiosk?: { idle: typeof idleClock };
  }
}

if (typeof window !== 'undefined') window.__makaverseKiosk = { idle: idleClock };
