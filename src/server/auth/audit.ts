import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Writes one line of the audit trail (UU PDP: access to personal data must be traceable).
 * `detail` never holds personal data itself, only what was touched.
 */
export async function audit(
  db: Kysely<Database>,
  staffId: string | null,
  action: string,
  target: string | null,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await db.insertInto('audit_log').values({ at: new Date(), staff_id: staffId, action, target, detail: JSON.stringify(detail) }).execute();
}
