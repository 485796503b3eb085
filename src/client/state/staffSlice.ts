import type { StateCreator } from 'zustand';
import type { StaffProfile } from '../../shared/staff';
import type { AppState } from './store';

export interface StaffSlice {
  /** The staff member logged in on this device; null for citizens. */
  staff: StaffProfile | null;
  /** Whether the staff console is expanded (phones collapse it to a bar). */
  consoleOpen: boolean;
  setStaff: (staff: StaffProfile | null) => void;
  setConsoleOpen: (open: boolean) => void;
}

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
