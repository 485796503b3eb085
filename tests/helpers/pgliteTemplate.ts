import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { constants, existsSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../src/server/db/database';

const ROOT = join(import.meta.dirname, '../..');

let template: Promise<string> | undefined;

/**
 * A migrated, empty PGlite database folder that test servers start from (copied), instead of
 * each running initdb and every migration: that takes seconds per server on two cores. Made
 * once per set of migrations (named by their hash, under .tmp/) with the server's own
 * openDatabase, so it is exactly what a first start creates; test files running in parallel
 * share it (the first to finish renames it into place).
 */
export function pgliteTemplate(): Promise<string> {
  template ??= (async () => {
    const hash = createHash('sha256')
      .update(await readFile(join(ROOT, 'src/server/db/migrations.ts')))
      .update(await readFile(join(ROOT, 'src/server/db/database.ts')))
      .update(await readFile(join(ROOT, 'node_modules/@electric-sql/pglite/package.json')))
      .digest('hex')
      .slice(0, 16);
    const dir = join(ROOT, '.tmp', `pglite-template-${hash}`);
    if (existsSync(join(dir, 'PG_VERSION'))) return dir;
    await mkdir(join(ROOT, '.tmp'), { recursive: true });
    const work = await mkdtemp(join(ROOT, '.tmp', 'pglite-template-new-'));
    const db = await openDatabase({ dataDir: work });
    await db.close();
    try {
      await rename(join(work, 'pglite'), dir);
    } catch (error) {
      // Another test file made it meanwhile: use theirs.
      if (!existsSync(join(dir, 'PG_VERSION'))) throw error;
    }
    await rm(work, { recursive: true, force: true });
    return dir;
  })();
  return template;
}

/** Gives `dataDir` a copy of the migrated template database, unless it already has a database. */
export async function seedPglite(dataDir: string): Promise<void> {
  const target = join(dataDir, 'pglite');
  if (existsSync(target)) return;
  // A copy-on-write clone where the file system can (btrfs, XFS), a plain copy elsewhere.
  await cp(await pgliteTemplate(), target, { recursive: true, mode: constants.COPYFILE_FICLONE });
}
