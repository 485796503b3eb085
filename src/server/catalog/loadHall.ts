import type { Catalog } from '../../shared/catalog';
import { checkHallAgainstAgencies, parseHallLayout, type HallLayout } from '../../shared/hall';
import { readSceneJson } from './readSceneJson';

/** Reads scenes/hall.json and checks that every agency has its counter. */
export async function loadHall(scenesDir: string, catalog: Catalog): Promise<HallLayout> {
  const { data, label } = await readSceneJson(scenesDir, 'hall.json');
  const layout = parseHallLayout(data, label);
  checkHallAgainstAgencies(layout, catalog.agencies.map((a) => a.code), label);
  return layout;
}
