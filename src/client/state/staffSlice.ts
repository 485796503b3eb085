import type { StateCreator } from 'zustand';
import type { AppState, StaffSlice } from './types';

export const createStaffSlice: StateCreator<AppState, [], [], StaffSlice> = (set, get) => ({
  staff: null,
  consoleOpen: true,
  setStaff: (staff) => {
    if (get().staff !== staff) set({ staff });
  },
  setConsoleOpen: (consoleOpen) => {
    if (get().consoleOpen !== consoleOpen) set({ consoleOpen });
  },
});
