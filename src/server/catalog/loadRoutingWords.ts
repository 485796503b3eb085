import { parseSceneFile } from '../../shared/catalog';
import { routingWordsSchema, type RoutingWords } from '../../shared/routing';
import { readSceneJson } from './readSceneJson';

/** Reads and validates `<scenesDir>/routing/words.json`; the error names the file and field. */
export async function loadRoutingWords(scenesDir: string): Promise<RoutingWords> {
  const { data, label } = await readSceneJson(scenesDir, 'routing', 'words.json');
  return parseSceneFile(routingWordsSchema, label, data);
}
