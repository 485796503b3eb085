import type { StateCreator } from 'zustand';
import type { Interaction } from '../api';
import type { AppState } from './store';

/** Where the citizen is in a counter's conversation. */
export type Step = 'menu' | 'services' | 'general' | 'form' | 'result';

/** A filed report: pending while the outbox waits for a connection, sent with its ticket. */
export interface Filed {
  /** The outbox entry (and Idempotency-Key). */
  entryId: string;
  agency: string;
  serviceCode: string;
  state: 'pending' | 'sent';
  /** service_request_id, or the token of a batch service until it has an id. */
  ticket?: string;
  isToken?: boolean;
  notice?: string;
}

export interface CounterSlice {
  step: Step;
  interaction: Interaction | null;
  serviceCode: string | null;
  /** Description carried over from the general counter's free text. */
  prefill: string;
  /** True when the form was reached through the general counter (Back returns there). */
  viaGeneral: boolean;
  filed: Filed | null;
  /** The last ticket per counter, for its queue display. */
  lastTickets: Record<string, string>;
  chooseInteraction: (interaction: Interaction) => void;
  chooseService: (serviceCode: string) => void;
  /** The general counter hands the complaint over to an agency's complaint form. */
  routeComplaint: (agency: string, serviceCode: string, text: string) => void;
  setFiled: (filed: Filed) => void;
  back: () => void;
  resetFlow: () => void;
}

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
