import { create } from 'zustand';
import { clientConfig } from '../api';

/** attract: the idle screen touring the counters; visit: someone is using the kiosk. */
export type KioskPhase = 'attract' | 'visit';

interface KioskState {
  active: boolean;
  idleSeconds: number;
  phase: KioskPhase;
  /** Bumped by every privacy reset: the app is mounted afresh under a new key. */
  generation: number;
  activate(idleSeconds: number): void;
  startVisit(): void;
  /** After the privacy reset: a fresh app, back to the attract loop. */
  finishReset(): void;
}

const DEFAULT_IDLE_SECONDS = 90;

/** Kiosk mode's state; tiny, so the shell can key the app on `generation` (the rest of kiosk mode is a lazy chunk). */
export const useKiosk = create<KioskState>()((set) => ({
  active: false,
  idleSeconds: DEFAULT_IDLE_SECONDS,
  phase: 'attract',
  generation: 0,
  activate: (idleSeconds) => set((s) => (s.active ? { idleSeconds } : { active: true, idleSeconds, phase: 'attract' })),
  startVisit: () => set({ phase: 'visit' }),
  finishReset: () => set((s) => ({ phase: 'attract', generation: s.generation + 1 })),
}));

/** `?kiosk=1` turns a page into a kiosk; `&idle=N` (seconds, at least 10) sets its idle timeout. */
export function urlKiosk(search: string = location.search): { kiosk: boolean; idle: number | null } {
  const params = new URLSearchParams(search);
  const kiosk = params.get('kiosk') === '1' || params.get('kiosk') === 'true';
  const idle = Number(params.get('idle'));
  return { kiosk, idle: Number.isFinite(idle) && idle >= 10 ? Math.min(3600, Math.round(idle)) : null };
}

/** Turns kiosk mode on from the URL at once, or from the server's KIOSK setting when it answers. */
export function detectKiosk(): void {
  const url = urlKiosk();
  if (url.kiosk) useKiosk.getState().activate(url.idle ?? DEFAULT_IDLE_SECONDS);
  clientConfig()
    .then((c) => {
      if (url.kiosk || c.kiosk) useKiosk.getState().activate(url.idle ?? c.kiosk_idle_seconds);
    })
    .catch(() => undefined);
}
