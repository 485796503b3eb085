import { useAppStore } from '../state';
import { startWorld, worldProblem } from './worldLoader';

/**
 * "Masuk": asks for the avatar, unless this device cannot show the hall, in which case
 * the citizen lands in 2D mode with a short notice saying why. The hall starts loading while the
 * avatar is chosen.
 */
export function requestEnter3d(): void {
  const store = useAppStore.getState();
  const problem = worldProblem();
  if (problem) {
    store.setMode('2d', problem);
    return;
  }
  startWorld();
  if (store.mode !== 'welcome') store.setMode('welcome');
  useAppStore.getState().openAvatar();
}
