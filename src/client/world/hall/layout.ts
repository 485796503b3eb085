import hallJson from '../../../../scenes/hall.json';
import { checkHallAgainstAgencies, hallGeometry, HALL_FILE, parseHallLayout, type HallGeometry, type HallLayout } from '../../../shared/hall';
import type { AgencySummary } from '../../../shared/catalog';

export interface HallScene {
  layout: HallLayout;
  geom: HallGeometry;
}

let cached: { agencies: readonly AgencySummary[]; scene: HallScene } | null = null;

/**
 * Parses scenes/hall.json once per catalog and checks it places every catalog agency (throws a
 * SceneError naming the field). One geometry for every World mounted (a kiosk mounts one per
 * visitor), so caches keyed on it (the floor's path grid) are built once.
 */
export function loadHallScene(agencies: readonly AgencySummary[]): HallScene {
  if (cached?.agencies === agencies) return cached.scene;
  const layout = parseHallLayout(hallJson, HALL_FILE);
  checkHallAgainstAgencies(
    layout,
    agencies.map((a) => a.code),
  );
  const scene = { layout, geom: hallGeometry(layout) };
  cached = { agencies, scene };
  return scene;
}
