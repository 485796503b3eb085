import type { StateCreator } from 'zustand';
import type { AppState, OutboxSlice } from './types';

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
