import type { StateCreator } from 'zustand';
import { initialLang, persistLang } from '../i18n/persist';
import type { AppState, UiSlice } from './types';

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
