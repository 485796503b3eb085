import hallJson from '../../../scenes/hall.json';
import { checkHallAgainstAgencies, hallGeometry, HALL_FILE, parseHallLayout, type HallGeometry, type HallLayout } from '../../shared/hall';
import type { Agency } from '../../shared/catalog';

export interface HallScene {
  layout: HallLayout;
  geom: HallGeometry;
}

/** Parses scenes/hall.json and checks it places every catalog agency (throws a SceneError naming the field). */
export function loadHallScene(agencies: readonly Agency[]): HallScene {
  const layout = parseHallLayout(hallJson, HALL_FILE);
  checkHallAgainstAgencies(
    layout,
    agencies.map((a) => a.code),
  );
  return { layout, geom: hallGeometry(layout) };
}
