import type { StateCreator } from 'zustand';
import type { AppState, Step, CounterSlice } from './types';

const initialFlow = {
  step: 'menu' as Step,
  interaction: null,
  serviceCode: null,
  prefill: '',
  viaGeneral: false,
  filed: null,
};

export const createCounterSlice: StateCreator<AppState, [], [], CounterSlice> = (set, get) => ({
  ...initialFlow,
  lastTickets: {},
  chooseInteraction: (interaction) => {
    if (interaction === 'track') {
      get().openTracker();
      return;
    }
    const panel = get().panel;
    const general = panel?.kind === 'counter' && panel.agency === 'general' && interaction === 'complain';
    set({ interaction, step: general ? 'general' : 'services', serviceCode: null, filed: null });
  },
  chooseService: (serviceCode) => set({ serviceCode, step: 'form', filed: null }),
  routeComplaint: (agency, serviceCode, text) =>
    set({
      panel: { kind: 'counter', agency },
      interaction: 'complain',
      serviceCode,
      prefill: text,
      viaGeneral: agency !== 'general',
      step: 'form',
      filed: null,
    }),
  setFiled: (filed) =>
    set((s) => ({
      filed,
      step: 'result',
      lastTickets: filed.ticket && !filed.isToken ? { ...s.lastTickets, [filed.agency]: filed.ticket } : s.lastTickets,
    })),
  back: () => {
    const { step, viaGeneral } = get();
    if (step === 'form' && viaGeneral) set({ panel: { kind: 'counter', agency: 'general' }, step: 'general', viaGeneral: false, serviceCode: null });
    else if (step === 'form') set({ step: 'services', serviceCode: null });
    else set({ ...initialFlow });
  },
  resetFlow: () => set({ ...initialFlow }),
});
