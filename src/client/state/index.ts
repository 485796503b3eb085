export { resetAppStore, useAppStore, type AppState } from './store';
export { AVATAR_COLORS, type Avatar } from './avatarSlice';
export type { Filed, Step } from './counterSlice';
export type { Mode, Notice, Panel } from './uiSlice';
