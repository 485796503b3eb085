import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { SceneError } from '../../shared/catalog';

/** Reads a JSON scene file under scenesDir; returns its data and the label errors name it by. */
export async function readSceneJson(scenesDir: string, ...path: string[]): Promise<{ data: unknown; label: string }> {
  const full = join(scenesDir, ...path);
  const label = relative(process.cwd(), full) || full;
  try {
    return { data: JSON.parse(await readFile(full, 'utf8')), label };
  } catch (error) {
    throw new SceneError(label, '', (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : `not valid JSON: ${(error as Error).message}`);
  }
}
