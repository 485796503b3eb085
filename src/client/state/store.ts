import { create } from 'zustand';
import { createAvatarSlice } from './avatarSlice';
import { createCounterSlice } from './counterSlice';
import { createOutboxSlice } from './outboxSlice';
import { createStaffSlice } from './staffSlice';
import type { AppState } from './types';
import { createUiSlice } from './uiSlice';

export type { AppState } from './types';
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
