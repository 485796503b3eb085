import { create } from 'zustand';
import { createAvatarSlice, type AvatarSlice } from './avatarSlice';
import { createCounterSlice, type CounterSlice } from './counterSlice';
import { createOutboxSlice, type OutboxSlice } from './outboxSlice';
import { createStaffSlice, type StaffSlice } from './staffSlice';
import { createUiSlice, type UiSlice } from './uiSlice';

export type AppState = UiSlice & AvatarSlice & CounterSlice & OutboxSlice & StaffSlice;

/** The app's one store, assembled from slices; actions live inside it. */
export const useAppStore = create<AppState>()((...a) => ({
  ...createUiSlice(...a),
  ...createAvatarSlice(...a),
  ...createCounterSlice(...a),
  ...createOutboxSlice(...a),
  ...createStaffSlice(...a),
}));

const initialState = useAppStore.getState();

/**
 * Back to the state of a fresh page load (the kiosk's privacy reset): no panel, avatar,
 * tickets or announcements; the language from the URL, else Bahasa Indonesia.
 */
export function resetAppStore(lang: AppState['lang']): void {
  useAppStore.setState({ ...initialState, lang }, true);
}
