import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { buildCatalog, SceneError, type Catalog } from '../../shared/catalog';

/** Reads and validates every agency file under `<scenesDir>/agencies`; the error names the file and field. */
export async function loadCatalog(scenesDir: string): Promise<Catalog> {
  const dir = join(scenesDir, 'agencies');
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json'));
  } catch {
    throw new SceneError(dir, '', 'folder not found');
  }
  const files: Record<string, unknown> = {};
  for (const name of names) {
    const path = join(dir, name);
    const label = relative(process.cwd(), path) || path;
    const text = await readFile(path, 'utf8');
    try {
      files[label] = JSON.parse(text);
    } catch (error) {
      throw new SceneError(label, '', `not valid JSON: ${(error as Error).message}`);
    }
  }
  return buildCatalog(files);
}
