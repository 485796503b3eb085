import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseSceneFile, SceneError } from '../../shared/catalog';
import { buildPlaces, placesSchema, type Places } from '../../shared/places';

/** Reads and validates `<scenesDir>/places/makassar.json` (kecamatan and kelurahan with Kemendagri codes). */
export async function loadPlaces(scenesDir: string): Promise<Places> {
  const path = join(scenesDir, 'places', 'makassar.json');
  const label = relative(process.cwd(), path) || path;
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new SceneError(label, '', (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : `not valid JSON: ${(error as Error).message}`);
  }
  return buildPlaces(parseSceneFile(placesSchema, label, data));
}
