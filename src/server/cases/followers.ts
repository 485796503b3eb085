import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Lang } from '../../shared/i18n';
import { encryptPersonal } from '../auth/pii';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Followers of a case (issue 13, point 4): people who said "Saya juga mengalami ini", and the
 * reporters of cases merged into it. They count as people affected and, when they gave an
 * address, get the case's public updates through the same mail outbox — never the reporter's
 * private link. Their unsubscribe link is derived from a server key and the follower's id.
 */
function followerKey(piiKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', piiKey, Buffer.alloc(0), 'makaverse follower v1', 32));
}

/** HMAC of an address: finds the same follower again without keeping the address in clear. */
export function emailHash(piiKey: Buffer, email: string): string {
  return createHmac('sha256', followerKey(piiKey)).update(`email:${email.trim().toLowerCase()}`).digest('base64url');
}

/** The secret in a follower's unsubscribe link. */
export function followerSecret(piiKey: Buffer, followerId: string): string {
  return createHmac('sha256', followerKey(piiKey)).update(`unfollow:${followerId}`).digest('base64url');
}

export function followerSecretMatches(piiKey: Buffer, followerId: string, given: string): boolean {
  const expected = Buffer.from(followerSecret(piiKey, followerId));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export interface NewFollower {
  id: string;
  email: string | null;
  lang: Lang;
  source: 'nearby' | 'merge';
  now: Date;
}

/**
 * Adds a follower and counts one more person affected; an address already following the case
 * is not counted twice. Returns the follower's id when one was added (its confirmation mail is queued).
 */
export async function addFollower(tx: Db, piiKey: Buffer, f: NewFollower): Promise<string | null> {
  const personal = f.email ? encryptPersonal(piiKey, { contact: { first_name: null, last_name: null, email: f.email, phone: null }, private_attributes: {} }) : null;
  const hash = f.email ? emailHash(piiKey, f.email) : null;
  const row = await tx
    .insertInto('case_followers')
    .values({ service_request_id: f.id, personal_data: personal, email_hash: hash, lang: f.lang, mail_enabled: f.email !== null, source: f.source, created_at: f.now })
    .onConflict((oc) => oc.columns(['service_request_id', 'email_hash']).where('email_hash', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return null;
  await tx.updateTable('service_requests').set((eb) => ({ people_affected: eb('people_affected', '+', 1), updated_at: f.now })).where('service_request_id', '=', f.id).execute();
  if (f.email) await enqueueFollowerMail(tx, { id: f.id, followerId: String(row.id), kind: 'followed', eventKey: `followed:${row.id}`, now: f.now });
  return String(row.id);
}

/** Queues one mail for one follower (who still wants mails); the event key makes it once only. */
async function enqueueFollowerMail(tx: Db, mail: { id: string; followerId: string; kind: string; eventKey: string; noteId?: string | null; now: Date }): Promise<void> {
  await sql`
    insert into mail_outbox (event_key, service_request_id, kind, note_id, not_before, created_at, follower_id)
    select ${mail.eventKey}, service_request_id, ${mail.kind}, ${mail.noteId ?? null}, ${mail.now}, ${mail.now}, id
    from case_followers where id = ${mail.followerId} and mail_enabled
    on conflict (event_key) do nothing`.execute(tx);
}

/** Queues a case's public update for every follower who wants mails (one row each, `<event>:f<id>`). */
export async function enqueueFollowersMail(tx: Db, mail: { id: string; kind: string; eventKey: string; noteId?: string | null; now: Date }): Promise<void> {
  await sql`
    insert into mail_outbox (event_key, service_request_id, kind, note_id, not_before, created_at, follower_id)
    select ${mail.eventKey} || ':f' || id, service_request_id, ${mail.kind}, ${mail.noteId ?? null}, ${mail.now}, ${mail.now}, id
    from case_followers where service_request_id = ${mail.id} and mail_enabled
    on conflict (event_key) do nothing`.execute(tx);
}
