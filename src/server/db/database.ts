import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import { migrationProvider } from './migrations';
import type { Database } from './schema';

export interface OpenedDatabase {
  db: Kysely<Database>;
  /** `pglite` (embedded, the default) or `postgres`. */
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

/**
 * Opens the database and brings it up to the latest migration: PostgreSQL when a URL is
 * given, otherwise PGlite stored in `<dataDir>/pglite`, created on first start.
 */
export async function openDatabase(options: { dataDir: string; databaseUrl?: string; schema?: string }): Promise<OpenedDatabase> {
  let opened: OpenedDatabase;
  if (options.databaseUrl) {
    // Loaded only for the database in use: each driver costs start time and memory.
    const { default: pg } = await import('pg');
    const schema = options.schema;
    if (schema) {
      const admin = new pg.Client({ connectionString: options.databaseUrl });
      await admin.connect();
      await admin.query(`create schema if not exists "${schema}"`);
      await admin.end();
    }
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      ...(schema ? { options: `-c search_path="${schema}"` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    opened = { db, kind: 'postgres', close: () => db.destroy() };
  } else {
    opened = await openPglite(join(options.dataDir, 'pglite'));
  }
  let migrated: boolean;
  try {
    migrated = await migrate(opened.db, options.schema);
  } catch (error) {
    await opened.close();
    throw error;
  }
  if (migrated && opened.kind === 'pglite') {
    // Creating and migrating a database grows PGlite's WebAssembly memory, which never shrinks
    // (about 120 MB more resident than a later start): a fresh instance leaves that behind.
    await opened.close();
    opened = await openPglite(join(options.dataDir, 'pglite'));
  }
  return opened;
}

/** PGlite stored in `dir`, created when missing. */
async function openPglite(dir: string): Promise<OpenedDatabase> {
  await mkdir(dir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGliteDialect } = await import('kysely-pglite-dialect');
  const client = await PGlite.create(dir, { startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS] });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      if (!client.closed) await client.close();
    },
  };
}

/**
 * PostgreSQL's defaults are for a server with memory to spare; PGlite keeps shared buffers in
 * its own process, so 128 MB of them is 128 MB more resident memory. A city hall's data fits in
 * far less, and the files behind it stay in the operating system's cache.
 */
const PGLITE_SETTINGS = ['-c', 'shared_buffers=16MB', '-c', 'work_mem=2MB', '-c', 'maintenance_work_mem=16MB', '-c', 'temp_buffers=2MB'];

/** True when every known migration is already recorded: a start then skips the migrator's locking. */
async function upToDate(db: Kysely<Database>, schema?: string): Promise<boolean> {
  try {
    const names = Object.keys(await migrationProvider.getMigrations());
    const table = schema ? sql.table(`${schema}.kysely_migration`) : sql.table('kysely_migration');
    const { rows } = await sql<{ name: string }>`select name from ${table}`.execute(db);
    const applied = new Set(rows.map((r) => r.name));
    // Names the code does not know go through the migrator, which reports them.
    return applied.size === names.length && names.every((name) => applied.has(name));
  } catch {
    return false;
  }
}

/** Brings the database to the latest migration; false when it already was. */
async function migrate(db: Kysely<Database>, schema?: string): Promise<boolean> {
  if (await upToDate(db, schema)) return false;
  const migrator = new Migrator({ db, provider: migrationProvider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return true;
}

/** True when the error is a unique-constraint violation (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}

export { sql };
