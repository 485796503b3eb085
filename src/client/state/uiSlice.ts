import type { StateCreator } from 'zustand';
import type { Lang } from '../../shared/i18n';
import { initialLang, persistLang } from '../i18n/persist';
import type { AppState } from './store';

/**
 * welcome: the DOM landing page; 3d: the walkable hall; 2d: the counter list without a canvas;
 * staffLogin: the staff sign-in page (/petugas); projector: the whole hall from above for a big
 * screen (/proyektor).
 */
export type Mode = 'welcome' | '3d' | '2d' | 'staffLogin' | 'projector';

/** What is open over (3D) or beside (2D) the hall. */
export type Panel = { kind: 'counter'; agency: string } | { kind: 'tracker'; ticket?: string } | { kind: 'avatar' } | null;

/** Why 2D mode was opened for the citizen instead of 3D. */
export type Notice = 'no_webgl' | 'weak_device' | 'load_failed' | null;

export interface UiSlice {
  lang: Lang;
  mode: Mode;
  panel: Panel;
  /** The counter (agency code, or 'info' for the information desk) the avatar stands at. */
  nearCounter: string | null;
  notice: Notice;
  /** The latest message for the aria-live region; `seq` makes a repeated text be read again. */
  announcement: { text: string; seq: number };
  setLang: (lang: Lang) => void;
  setMode: (mode: Mode, notice?: Notice) => void;
  openCounter: (agency: string) => void;
  openTracker: (ticket?: string) => void;
  openAvatar: () => void;
  closePanel: () => void;
  setNearCounter: (code: string | null) => void;
  dismissNotice: () => void;
  announce: (text: string) => void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => ({
  lang: initialLang(),
  mode: 'welcome',
  panel: null,
  nearCounter: null,
  notice: null,
  announcement: { text: '', seq: 0 },
  setLang: (lang) => {
    if (get().lang === lang) return;
    persistLang(lang);
    set({ lang });
  },
  setMode: (mode, notice = null) => set({ mode, notice, panel: null, nearCounter: null }),
  openCounter: (agency) => {
    const panel = get().panel;
    if (panel?.kind === 'counter' && panel.agency === agency) return;
    set({ panel: { kind: 'counter', agency } });
    get().resetFlow();
  },
  openTracker: (ticket) => set({ panel: { kind: 'tracker', ticket } }),
  openAvatar: () => set({ panel: { kind: 'avatar' } }),
  closePanel: () => {
    if (get().panel === null) return;
    set({ panel: null });
    get().resetFlow();
  },
  setNearCounter: (nearCounter) => {
    if (get().nearCounter !== nearCounter) set({ nearCounter });
  },
  dismissNotice: () => set({ notice: null }),
  announce: (text) => set((s) => ({ announcement: { text, seq: s.announcement.seq + 1 } })),
});
