import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildCatalog, type Catalog } from '../../src/shared/catalog';

const dir = resolve(import.meta.dirname, '../../scenes/agencies');

function raw(): Record<string, unknown> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => [`scenes/agencies/${f}`, JSON.parse(readFileSync(join(dir, f), 'utf8'))]),
  );
}

/** The catalog as the scene files on disk define it. */
export function catalogFromDisk(): Catalog {
  return buildCatalog(raw());
}
catalogFromDisk.raw = raw;
