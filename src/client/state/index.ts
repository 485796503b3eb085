export { resetAppStore, useAppStore } from './store';
export { AVATAR_COLORS } from './avatarSlice';
export type { AppState, Avatar, Filed, Mode, Notice, Panel, Step } from './types';
