import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseSceneFile, SceneError } from '../../shared/catalog';
import { routingWordsSchema, type RoutingWords } from '../../shared/routing';

/** Reads and validates `<scenesDir>/routing/words.json`; the error names the file and field. */
export async function loadRoutingWords(scenesDir: string): Promise<RoutingWords> {
  const path = join(scenesDir, 'routing', 'words.json');
  const label = relative(process.cwd(), path) || path;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new SceneError(label, '', 'file not found');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new SceneError(label, '', `not valid JSON: ${(error as Error).message}`);
  }
  return parseSceneFile(routingWordsSchema, label, data);
}
