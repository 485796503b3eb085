import type { StateCreator } from 'zustand';
import type { AppState } from './store';

export interface OutboxSlice {
  /** Reports kept on this device that the server has not stored yet. */
  pendingCount: number;
  /** Tickets of reports sent in the background (filed offline earlier), not yet acknowledged. */
  delivered: string[];
  setPendingCount: (count: number) => void;
  addDelivered: (ticket: string) => void;
  dismissDelivered: () => void;
}

export const createOutboxSlice: StateCreator<AppState, [], [], OutboxSlice> = (set, get) => ({
  pendingCount: 0,
  delivered: [],
  setPendingCount: (pendingCount) => {
    if (get().pendingCount !== pendingCount) set({ pendingCount });
  },
  addDelivered: (ticket) => {
    if (!get().delivered.includes(ticket)) set((s) => ({ delivered: [...s.delivered, ticket] }));
  },
  dismissDelivered: () => set({ delivered: [] }),
});
