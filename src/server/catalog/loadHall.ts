import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Catalog } from '../../shared/catalog';
import { SceneError } from '../../shared/catalog';
import { checkHallAgainstAgencies, parseHallLayout, type HallLayout } from '../../shared/hall';

/** Reads scenes/hall.json and checks that every agency has its counter. */
export async function loadHall(scenesDir: string, catalog: Catalog): Promise<HallLayout> {
  const path = join(scenesDir, 'hall.json');
  const label = relative(process.cwd(), path) || path;
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new SceneError(label, '', (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : `not valid JSON: ${(error as Error).message}`);
  }
  const layout = parseHallLayout(data, label);
  checkHallAgainstAgencies(layout, catalog.agencies.map((a) => a.code), label);
  return layout;
}
