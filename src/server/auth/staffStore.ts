import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { SESSION_HOURS, type Role, type StaffProfile } from '../../shared/staff';
import type { Database, StaffTable } from '../db/schema';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password';

export type StaffRow = Selectable<StaffTable>;

export function profileOf(row: StaffRow): StaffProfile {
  return { id: String(row.id), username: row.username, display_name: row.display_name, role: row.role, agency_code: row.agency_code, area_code: row.area_code };
}

export interface NewStaff {
  username: string;
  display_name: string;
  role: Role;
  agency_code: string | null;
  /** Issue 13: an area officer's kecamatan or kelurahan code. */
  area_code?: string | null;
  password: string;
  demo?: boolean;
  /** Optional address for staff mails (escalations to supervisors); checked by staffEmailSchema. */
  email?: string | null;
}

export async function addStaff(db: Kysely<Database>, staff: NewStaff): Promise<StaffRow> {
  const { password, ...rest } = staff;
  return db
    .insertInto('staff')
    .values({ ...rest, area_code: staff.area_code ?? null, demo: staff.demo ?? false, password_hash: await hashPassword(password) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Disables an account and ends its sessions. */
export async function setStaffDisabled(db: Kysely<Database>, username: string, disabled: boolean): Promise<boolean> {
  const row = await db.updateTable('staff').set({ disabled }).where('username', '=', username).returning('id').executeTakeFirst();
  if (row && disabled) await db.deleteFrom('staff_sessions').where('staff_id', '=', row.id).execute();
  return Boolean(row);
}

export function listStaff(db: Kysely<Database>): Promise<StaffRow[]> {
  return db.selectFrom('staff').selectAll().orderBy('username').execute();
}

/** The account for a username and password, or null; disabled accounts never log in. */
export async function checkLogin(db: Kysely<Database>, username: string, password: string): Promise<StaffRow | null> {
  const row = await db.selectFrom('staff').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
  const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
  return ok && row && !row.disabled ? row : null;
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A new random session token; only its hash is stored. */
export async function createSession(db: Kysely<Database>, staffId: string, now = new Date()): Promise<{ token: string; expires: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await db.insertInto('staff_sessions').values({ token_hash: tokenHash(token), staff_id: staffId, created_at: now, expires_at: expires }).execute();
  return { token, expires };
}

/** The staff member behind a session token, when the session is live and the account enabled. */
export async function staffForToken(db: Kysely<Database>, token: string | undefined): Promise<StaffRow | null> {
  if (!token || token.length > 100) return null;
  const row = await db
    .selectFrom('staff_sessions')
    .innerJoin('staff', 'staff.id', 'staff_sessions.staff_id')
    .selectAll('staff')
    .where('staff_sessions.token_hash', '=', tokenHash(token))
    .where('staff_sessions.expires_at', '>', new Date())
    .where('staff.disabled', '=', false)
    .executeTakeFirst();
  return row ?? null;
}

export async function endSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash(token)).execute();
}
