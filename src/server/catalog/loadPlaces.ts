import { parseSceneFile } from '../../shared/catalog';
import { buildPlaces, placesSchema, type Places } from '../../shared/places';
import { readSceneJson } from './readSceneJson';

/** Reads and validates `<scenesDir>/places/makassar.json` (kecamatan and kelurahan with Kemendagri codes). */
export async function loadPlaces(scenesDir: string): Promise<Places> {
  const { data, label } = await readSceneJson(scenesDir, 'places', 'makassar.json');
  return buildPlaces(parseSceneFile(placesSchema, label, data));
}
