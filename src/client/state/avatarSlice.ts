import type { StateCreator } from 'zustand';
import type { AppState, AvatarSlice } from './types';

/** Shirt colours a citizen can pick; the first is Makassar red. */
export const AVATAR_COLORS = [
  { key: 'colorRed', hex: '#c8102e' },
  { key: 'colorBlue', hex: '#1f5fbf' },
  { key: 'colorGreen', hex: '#1e8a4c' },
  { key: 'colorYellow', hex: '#e0a800' },
  { key: 'colorPurple', hex: '#7a3fb0' },
  { key: 'colorOrange', hex: '#e4662a' },
] as const;

export const createAvatarSlice: StateCreator<AppState, [], [], AvatarSlice> = (set) => ({
  avatar: { color: AVATAR_COLORS[0].hex, name: '' },
  setAvatar: (avatar) => set({ avatar: { color: avatar.color, name: avatar.name.trim().slice(0, 24) } }),
});
