import { sql, type Kysely } from 'kysely';
import { decryptPersonal, encryptPersonal } from '../auth/pii';
import { setStage, type RequestRow } from '../db/requestStore';
import type { Database } from '../db/schema';
import { CaseError } from './caseActions';
import { emailHash } from './followers';
import { addEntry } from './timeline';

/**
 * Merges a duplicate case into the one that is kept (issue 13): the duplicate is archived and
 * points to the kept case, tells its reporter and followers so (one mailed entry), then its
 * followers — and its reporter, when they gave an address — follow the kept case, which counts
 * everyone affected. One transaction; the caller checks the staff member may act on both.
 */
export async function mergeCases(
  db: Kysely<Database>,
  piiKey: Buffer,
  fromId: string,
  intoId: string,
  who: { username: string; staffId: string },
  reason: string | null,
  now = new Date(),
): Promise<RequestRow> {
  if (fromId === intoId) throw new CaseError(409, 'into: a case cannot be merged into itself');
  return db.transaction().execute(async (tx) => {
    // Both rows locked in one order, so two merges the other way round cannot deadlock.
    const rows = await tx.selectFrom('service_requests').selectAll().where('service_request_id', 'in', [fromId, intoId]).orderBy('service_request_id').forUpdate().execute();
    const from = rows.find((r) => r.service_request_id === fromId);
    const into = rows.find((r) => r.service_request_id === intoId);
    if (!from || !into) throw new CaseError(404, 'into: no such case');
    if (from.merged_into) throw new CaseError(409, `case: already merged into ${from.merged_into}`);
    if (into.merged_into) throw new CaseError(409, `into: that case was merged into ${into.merged_into}; merge into that one`);
    if (from.status !== 'open') throw new CaseError(409, 'case: it is closed');
    if (into.status !== 'open') throw new CaseError(409, 'into: that case is closed');

    // The duplicate's reporter and followers hear of it on the duplicate itself first.
    await setStage(tx, fromId, 'rejected', now);
    await tx.updateTable('service_requests').set({ merged_into: intoId }).where('service_request_id', '=', fromId).execute();
    await addEntry(tx, { id: fromId, kind: 'merge', text: reason, author: who.username, staffId: who.staffId, detail: { into: intoId }, now });
    await addEntry(tx, { id: intoId, kind: 'merge', text: null, author: who.username, staffId: who.staffId, detail: { from: fromId }, now, mail: false });

    // Followers move over; one already following the kept case (same address) is not doubled.
    await sql`
      delete from case_followers f where f.service_request_id = ${fromId} and f.email_hash is not null
      and exists (select 1 from case_followers k where k.service_request_id = ${intoId} and k.email_hash = f.email_hash)`.execute(tx);
    await tx.updateTable('case_followers').set({ service_request_id: intoId }).where('service_request_id', '=', fromId).execute();
    const email = from.mail_enabled && from.personal_data ? decryptPersonal(piiKey, from.personal_data).contact.email : null;
    if (email) {
      const sealed = encryptPersonal(piiKey, { contact: { first_name: null, last_name: null, email, phone: null }, private_attributes: {} });
      await tx
        .insertInto('case_followers')
        .values({ service_request_id: intoId, personal_data: sealed, email_hash: emailHash(piiKey, email), lang: from.lang, mail_enabled: true, source: 'merge', created_at: now })
        .onConflict((oc) => oc.columns(['service_request_id', 'email_hash']).where('email_hash', 'is not', null).doNothing())
        .execute();
    }
    return tx
      .updateTable('service_requests')
      .set((eb) => ({ people_affected: eb('people_affected', '+', from.people_affected), updated_at: now }))
      .where('service_request_id', '=', intoId)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}
