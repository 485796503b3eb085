import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Catalog } from '../../shared/catalog';
import type { Database } from '../db/schema';
import { addStaff } from './staffStore';
import { hashPassword } from './password';

export interface DemoAccount {
  username: string;
  password: string;
  role: 'officer' | 'supervisor';
  agency_code: string | null;
}

/** A fresh demo password: nobody who read the source knows it. */
export function newDemoPassword(): string {
  return `demo-${randomBytes(9).toString('base64url')}`;
}

/**
 * In demo mode: one officer per agency (`petugas.<code>`) and a supervisor (`supervisor`),
 * created if missing and enabled, all with this start's password (random unless DEMO_PASSWORD
 * is set; printed once at start), their old sessions ended. Demo accounts never see
 * complainants' personal data (http/staff/cases.ts). Outside demo mode they are disabled.
 */
export async function syncDemoAccounts(db: Kysely<Database>, catalog: Catalog, demo: boolean, password = newDemoPassword()): Promise<DemoAccount[]> {
  const demoIds = db.selectFrom('staff').select('id').where('demo', '=', true);
  await db.deleteFrom('staff_sessions').where('staff_id', 'in', demoIds).execute();
  if (!demo) {
    // Only rows still enabled: a usual start then writes nothing.
    await db.updateTable('staff').set({ disabled: true }).where('demo', '=', true).where('disabled', '=', false).execute();
    return [];
  }
  const wanted: (DemoAccount & { display_name: string })[] = [
    { username: 'supervisor', password, role: 'supervisor', agency_code: null, display_name: 'Supervisor Demo' },
    ...catalog.agencies.map((a) => ({
      username: `petugas.${a.code}`,
      password,
      role: 'officer' as const,
      agency_code: a.code,
      display_name: `Petugas ${a.short_name.id}`,
    })),
  ];
  const existing = new Set((await db.selectFrom('staff').select('username').execute()).map((r) => r.username));
  for (const account of wanted) {
    if (!existing.has(account.username)) await addStaff(db, { ...account, demo: true });
  }
  // One hash for all: scrypt is slow on purpose, and every demo account shares this start's password.
  await db.updateTable('staff').set({ disabled: false, password_hash: await hashPassword(password) }).where('demo', '=', true).execute();
  return wanted.map(({ display_name: _, ...a }) => a);
}
