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
