import type { StaffProfile } from '../../shared/staff';
import { useAppStore } from '../state';
import { urlWants2d } from '../shell/capability';
import { worldProblem } from '../shell/worldLoader';

/** After signing in: into the hall (3D where the device can, 2D otherwise or when asked), where the server seats the officer. */
export function enterHallAsStaff(staff: StaffProfile): void {
  const store = useAppStore.getState();
  store.setStaff(staff);
  const problem = urlWants2d() ? null : worldProblem();
  if (urlWants2d()) store.setMode('2d');
  else if (problem) store.setMode('2d', problem);
  else store.setMode('3d');
}
