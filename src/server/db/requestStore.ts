import { createHash } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Agency, Catalog, Service } from '../../shared/catalog';
import { addWorkingDays } from '../../shared/datetime';
import { STAGE_INFO, type Stage } from '../../shared/stages';
import type { Submission } from '../../shared/submission';
import type { TranscriptLine } from '../../shared/messages';
import { encryptPersonal, hasPersonal } from '../auth/pii';
import { followupHash, followupKey, followupSecret } from '../cases/followupLink';
import { ENTRY_VISIBILITY } from '../../shared/caseLoop';
import { isUniqueViolation } from './database';
import { newToken, newTrackingNumber } from './ids';
import type { Database, RequestNotesTable, ServiceRequestsTable } from './schema';

export type RequestRow = Selectable<ServiceRequestsTable>;
export type NoteRow = Selectable<RequestNotesTable>;

/** JSON with every object's keys sorted: a jsonb column gives keys back in its own order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/**
 * Makes the services table match the catalog: new services added, changed ones updated, gone
 * ones inactive. One read when nothing changed (the usual start): no writes, no transaction.
 */
export async function syncServices(db: Kysely<Database>, catalog: Catalog): Promise<void> {
  const stored = new Map((await db.selectFrom('services').select(['service_code', 'agency_code', 'kind', 'definition', 'active']).execute()).map((r) => [r.service_code, r]));
  const changed = [...catalog.services.values()].filter(({ service, agency }) => {
    const row = stored.get(service.code);
    return !row || !row.active || row.agency_code !== agency.code || row.kind !== service.kind || canonicalJson(row.definition) !== canonicalJson(service);
  });
  const gone = [...stored.values()].some((r) => r.active && !catalog.services.has(r.service_code));
  if (changed.length === 0 && !gone) return;
  await db.transaction().execute(async (tx) => {
    const now = new Date();
    for (const { service, agency } of changed) {
      const row = {
        service_code: service.code,
        agency_code: agency.code,
        kind: service.kind,
        definition: JSON.stringify(service),
        active: true,
        updated_at: now,
      };
      await tx
        .insertInto('services')
        .values(row)
        .onConflict((oc) => oc.column('service_code').doUpdateSet({ ...row }))
        .execute();
    }
    await tx
      .updateTable('services')
      .set({ active: false })
      .where('service_code', 'not in', [...catalog.services.keys()])
      .execute();
  });
}

export class IdempotencyConflict extends Error {
  constructor() {
    super('Idempotency-Key was already used with a different request');
  }
}

export interface CreateRequestInput {
  submission: Submission;
  service: Service;
  agency: Agency;
  apiClient: string;
  piiKey: Buffer;
  idempotencyKey?: string;
  now?: Date;
  /** Non-working days (WITA dates) for the due date; see scenes/holidays.json. */
  holidays?: ReadonlySet<string>;
  /** The citizen's language, for mails. */
  lang?: string;
}

/** Hash of a validated submission, to tell a retry from a different request under the same key. */
function submissionHash(submission: Submission): string {
  return createHash('sha256').update(JSON.stringify(submission)).digest('base64url');
}

/**
 * Stores a new request with its first note (and its Idempotency-Key) in one statement, so
 * it is atomic and costs one round trip; the caller answers only after it committed. With
 * an Idempotency-Key a retry returns the request stored the first time.
 */
export async function createRequest(db: Kysely<Database>, input: CreateRequestInput): Promise<{ request: RequestRow; replay: boolean }> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return { request: await insertRequest(db, input), replay: false };
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
      // Either this key was used before (a retry, or a concurrent twin that committed
      // first), or the random tracking number collided: look, then answer or try again.
      const replay = await findReplay(db, input);
      if (replay) return { request: replay, replay: true };
    }
  }
}

async function findReplay(db: Kysely<Database>, input: CreateRequestInput): Promise<RequestRow | undefined> {
  if (!input.idempotencyKey) return undefined;
  const seen = await db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('api_client', '=', input.apiClient)
    .where('key', '=', input.idempotencyKey)
    .executeTakeFirst();
  if (!seen) return undefined;
  if (seen.body_hash !== submissionHash(input.submission)) throw new IdempotencyConflict();
  return db.selectFrom('service_requests').selectAll().where('service_request_id', '=', seen.service_request_id).executeTakeFirstOrThrow();
}

function insertRequest(db: Kysely<Database>, input: CreateRequestInput): Promise<RequestRow> {
  const { submission, service, agency, apiClient, idempotencyKey } = input;
  const now = input.now ?? new Date();
  const stage: Stage = 'received';
  const id = newTrackingNumber();
  const personal = { contact: submission.contact, private_attributes: submission.private_attributes };
  const mail = Boolean(submission.contact.email);
  const withRequest = db.with('request', (q) =>
    q
      .insertInto('service_requests')
      .values({
        service_request_id: id,
        token: service.type === 'batch' ? newToken() : null,
        service_code: service.code,
        agency_code: agency.code,
        stage,
        status: STAGE_INFO[stage].status,
        description: submission.description,
        lat: submission.lat,
        long: submission.long,
        address_string: submission.address_string,
        address_id: submission.address_id,
        zipcode: submission.zipcode,
        media_url: submission.media_url,
        attributes: JSON.stringify(submission.attributes),
        personal_data: hasPersonal(personal) ? encryptPersonal(input.piiKey, personal) : null,
        device_id: submission.device_id,
        account_id: submission.account_id,
        api_client: apiClient,
        requested_at: now,
        updated_at: now,
        expected_at: addWorkingDays(now, service.sla_working_days, input.holidays),
        followup_hash: followupHash(followupSecret(followupKey(input.piiKey), id, 1)),
        lang: input.lang ?? 'id',
        mail_enabled: mail,
      })
      .returningAll(),
  );
  const withFirstNote = withRequest.with('note', (q) =>
    q.insertInto('request_notes').values({ service_request_id: id, created_at: now, type: 'status', stage, description: null, author: 'system' }),
  );
  // The confirmation mail is queued in the same statement: a stored case with an address always has its mail.
  const withNote = withFirstNote.with('mail', (q) =>
    q
      .insertInto('mail_outbox')
      .columns(['event_key', 'service_request_id', 'kind', 'not_before', 'created_at'])
      .expression((eb) =>
        eb
          .selectFrom('request')
          .select([sql<string>`${`created:${id}`}::text`.as('event_key'), 'request.service_request_id', sql<string>`'created'`.as('kind'), sql<Date>`${now}::timestamptz`.as('not_before'), sql<Date>`${now}::timestamptz`.as('created_at')])
          .where('request.mail_enabled', '=', true),
      ),
  );
  if (!idempotencyKey) return withNote.selectFrom('request').selectAll().executeTakeFirstOrThrow();
  return withNote
    .with('idem', (q) =>
      q.insertInto('idempotency_keys').values({ api_client: apiClient, key: idempotencyKey, body_hash: submissionHash(submission), service_request_id: id, created_at: now }),
    )
    .selectFrom('request')
    .selectAll()
    .executeTakeFirstOrThrow();
}

export interface RequestFilter {
  ids?: string[];
  serviceCodes?: string[];
  statuses?: ('open' | 'closed')[];
  start?: Date;
  end?: Date;
  /** Kemendagri codes: requests whose address_id is one of these kelurahan, or in one of these kecamatan. */
  kelurahan?: string[];
  kecamatan?: string[];
  limit: number;
  offset: number;
}

/** Requests newest first; a list of ids overrides every other filter, as the spec says. */
export async function findRequests(db: Kysely<Database>, filter: RequestFilter): Promise<RequestRow[]> {
  let query = db.selectFrom('service_requests').selectAll();
  if (filter.ids) {
    query = query.where('service_request_id', 'in', filter.ids);
  } else {
    if (filter.serviceCodes?.length) query = query.where('service_code', 'in', filter.serviceCodes);
    if (filter.statuses?.length) query = query.where('status', 'in', filter.statuses);
    if (filter.start) query = query.where('requested_at', '>=', filter.start);
    if (filter.end) query = query.where('requested_at', '<=', filter.end);
    const { kelurahan, kecamatan } = filter;
    if (kelurahan?.length || kecamatan?.length) {
      query = query.where((eb) =>
        eb.or([
          ...(kelurahan?.length ? [eb('address_id', 'in', kelurahan)] : []),
          ...(kecamatan ?? []).map((k) => eb('address_id', 'like', `${k}.%`)),
        ]),
      );
    }
  }
  return query.orderBy('requested_at', 'desc').orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute();
}

export function findRequestByToken(db: Kysely<Database>, token: string): Promise<RequestRow | undefined> {
  return db.selectFrom('service_requests').selectAll().where('token', '=', token).executeTakeFirst();
}

/** Notes of the given requests, oldest first, grouped by request. */
export async function notesFor(db: Kysely<Database>, ids: string[]): Promise<Map<string, NoteRow[]>> {
  const map = new Map<string, NoteRow[]>();
  if (ids.length === 0) return map;
  const rows = await db.selectFrom('request_notes').selectAll().where('service_request_id', 'in', ids).orderBy('created_at').orderBy('id').execute();
  for (const row of rows) {
    const list = map.get(row.service_request_id) ?? [];
    list.push(row);
    map.set(row.service_request_id, list);
  }
  return map;
}

/** Sets a case's stage (and the Open311 status that goes with it); one statement inside the caller's transaction. */
export function setStage(tx: Kysely<Database>, id: string, stage: Stage, now: Date): Promise<RequestRow> {
  return tx
    .updateTable('service_requests')
    .set({ stage, status: STAGE_INFO[stage].status, updated_at: now })
    .where('service_request_id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Moves a case to another stage with a note the citizen will read; the caller checks it is allowed. */
export async function changeStage(
  db: Kysely<Database>,
  id: string,
  stage: Stage,
  note: string | null,
  author: string,
  now = new Date(),
): Promise<RequestRow> {
  return db.transaction().execute(async (tx) => {
    const request = await setStage(tx, id, stage, now);
    await tx.insertInto('request_notes').values({ service_request_id: id, created_at: now, type: 'status', stage, description: note, author }).execute();
    return request;
  });
}

/** Adds a note to a case without changing its stage; `transcript` notes are for staff only. */
export async function addNote(db: Kysely<Database>, id: string, type: 'note' | 'transcript', description: string, author: string, now = new Date(), lines?: TranscriptLine[]): Promise<void> {
  await db.transaction().execute(async (tx) => {
    // A transcript is for staff only (issue 12: visibility decides who reads an entry); its lines are structured (issue 11).
    await tx.insertInto('request_notes').values({ service_request_id: id, created_at: now, type, stage: null, description, author, visibility: ENTRY_VISIBILITY[type], lines: lines ? JSON.stringify(lines) : null }).execute();
    await tx.updateTable('service_requests').set({ updated_at: now }).where('service_request_id', '=', id).execute();
  });
}
