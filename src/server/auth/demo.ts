import type { Kysely } from 'kysely';
import type { Catalog } from '../../shared/catalog';
import type { Database } from '../db/schema';
import { addStaff } from './staffStore';

export interface DemoAccount {
  username: string;
  password: string;
  role: 'officer' | 'supervisor';
  agency_code: string | null;
}

/** The demo password; demo accounts exist only in demo mode, so it guards nothing real. */
export const DEMO_PASSWORD = 'makaverse-demo';

/**
 * In demo mode: one officer per agency (`petugas.<code>`) and a supervisor (`supervisor`),
 * created if missing and enabled. Outside demo mode every demo account is disabled.
 */
export async function syncDemoAccounts(db: Kysely<Database>, catalog: Catalog, demo: boolean): Promise<DemoAccount[]> {
  if (!demo) {
    await db.updateTable('staff').set({ disabled: true }).where('demo', '=', true).execute();
    await db.deleteFrom('staff_sessions').where('staff_id', 'in', db.selectFrom('staff').select('id').where('demo', '=', true)).execute();
    return [];
  }
  const wanted: (DemoAccount & { display_name: string })[] = [
    { username: 'supervisor', password: DEMO_PASSWORD, role: 'supervisor', agency_code: null, display_name: 'Supervisor Demo' },
    ...catalog.agencies.map((a) => ({
      username: `petugas.${a.code}`,
      password: DEMO_PASSWORD,
      role: 'officer' as const,
      agency_code: a.code,
      display_name: `Petugas ${a.short_name.id}`,
    })),
  ];
  const existing = new Set((await db.selectFrom('staff').select('username').execute()).map((r) => r.username));
  for (const account of wanted) {
    if (!existing.has(account.username)) await addStaff(db, { ...account, demo: true });
  }
  await db.updateTable('staff').set({ disabled: false }).where('demo', '=', true).execute();
  return wanted.map(({ display_name: _, ...a }) => a);
}
