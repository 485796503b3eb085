import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { TranscriptLine } from '../../shared/messages';

/** The tables as Kysely sees them; migrations.ts creates them. */
export interface Database {
  services: ServicesTable;
  service_requests: ServiceRequestsTable;
  request_notes: RequestNotesTable;
  idempotency_keys: IdempotencyKeysTable;
  staff: StaffTable;
  staff_sessions: StaffSessionsTable;
  audit_log: AuditLogTable;
  hall_events: HallEventsTable;
  request_photos: RequestPhotosTable;
  case_support: CaseSupportTable;
  mail_outbox: MailOutboxTable;
  case_escalations: CaseEscalationsTable;
  case_followers: CaseFollowersTable;
  calls: CallsTable;
}

/** Issue 14: a voice call at a counter (figures only: no person, no recording). */
export interface CallsTable {
  id: string;
  counter: string;
  caller: string;
  started_at: Timestamp;
  accepted_at: Timestamp | null;
  connected_at: Timestamp | null;
  ended_at: Timestamp;
  seconds: number;
  end_reason: string;
  ended_by: string;
}

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface ServicesTable {
  service_code: string;
  agency_code: string;
  kind: string;
  definition: JSONColumnType<object>;
  active: boolean;
  updated_at: Timestamp;
}

export interface ServiceRequestsTable {
  id: Generated<string>;
  service_request_id: string;
  token: string | null;
  service_code: string;
  agency_code: string;
  stage: string;
  status: 'open' | 'closed';
  description: string | null;
  lat: number | null;
  long: number | null;
  address_string: string | null;
  address_id: string | null;
  zipcode: string | null;
  media_url: string | null;
  attributes: JSONColumnType<Record<string, unknown>>;
  /** AES-256-GCM sealed contact and private attributes; null when none were given. */
  personal_data: string | null;
  device_id: string | null;
  account_id: string | null;
  /** Which API key filed it (the client application, not the person). */
  api_client: string;
  requested_at: Timestamp;
  updated_at: Timestamp;
  expected_at: Timestamp | null;
  // --- issue 12: the case loop ---
  /** SHA-256 of the private follow-up secret (the secret itself is never stored). */
  followup_hash: string | null;
  /** Bumped to revoke a private link; the secret is derived from it. */
  followup_version: Generated<number>;
  /** The citizen's language for mails (id or en). */
  lang: Generated<string>;
  /** Whether the citizen gave an e-mail address and has not unsubscribed. */
  mail_enabled: Generated<boolean>;
  /** Set when the citizen answered "Belum beres"; stays set (the console's "Dibuka kembali"). */
  reopened: Generated<boolean>;
  /** The officer a supervisor assigned the case to. */
  assigned_to: string | null;
  // --- issue 13, point 4 (014_nearby_followers) ---
  /** The reporter plus everyone who said "Saya juga mengalami ini" (and those of merged cases). */
  people_affected: Generated<number>;
  /** Set when staff merged this case into another: that one's tracking number. */
  merged_into: string | null;
}

export interface RequestNotesTable {
  id: Generated<string>;
  service_request_id: string;
  created_at: Timestamp;
  /** `status` when the stage changed, `note` otherwise. */
  type: string;
  stage: string | null;
  /** Null for system notes, which are worded from the stage in the reader's language. */
  description: string | null;
  author: string;
  /** public: anyone with the number; private: the citizen's link and staff; internal: staff only. */
  visibility: Generated<string>;
  /** The staff member who wrote it, when one did. */
  staff_id: string | null;
  /** Kind-specific facts: transfer {from, to}, rating {rating}, assign {staff}, … */
  detail: ColumnType<Record<string, unknown>, string | undefined, string>;
  /** Issue 11 (011_transcript_lines): a transcript's structured lines; null for other notes. */
  lines: ColumnType<TranscriptLine[] | null, string | null | undefined, string | null>;
}

export interface IdempotencyKeysTable {
  api_client: string;
  key: string;
  body_hash: string;
  service_request_id: string;
  created_at: Timestamp;
}

export interface StaffTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  role: 'officer' | 'supervisor' | 'area';
  agency_code: string | null;
  /** Issue 13: an area officer's kecamatan (73.71.14) or kelurahan (73.71.14.1003) code; null for others. */
  area_code: string | null;
  /** scrypt$N$r$p$salt$hash */
  password_hash: string;
  disabled: Generated<boolean>;
  /** Demo accounts exist only while the server runs in demo mode. */
  demo: Generated<boolean>;
  created_at: Generated<Timestamp>;
  /** Optional; supervisors with one get escalation mails. */
  email: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface StaffSessionsTable {
  /** SHA-256 of the session token: a leaked table does not give sessions away. */
  token_hash: string;
  staff_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  staff_id: string | null;
  /** login, login_failed, logout, view_personal, change_stage, file_on_behalf, call_next, chat_attach, moderate, … */
  action: string;
  target: string | null;
  detail: JSONColumnType<Record<string, unknown>>;
}

/** Kinds of hall events (see HALL_EVENT_KINDS in src/shared/figures.ts). */
export interface HallEventsTable {
  id: Generated<string>;
  at: Timestamp;
  kind: string;
  /** Agency code of the counter, null for hall-wide events (a visit). */
  counter: string | null;
  /** queue_called: seconds from taking the number to being called. */
  wait_seconds: number | null;
}

// Issue 13: photos of a request, re-encoded without metadata; private until an officer publishes one.
export interface RequestPhotosTable {
  id: Generated<string>;
  photo_id: string;
  service_request_id: string;
  position: number;
  width: number;
  height: number;
  jpeg: Buffer;
  thumb: Buffer;
  published: boolean;
  created_at: Timestamp;
  /** Issue 13: the citizen's reply (timeline entry) it came with; null for the report's own photos. */
  note_id: string | null;
}
// --- issue 12: the case loop ---

/** Agencies asked to help with a case they do not lead. */
export interface CaseSupportTable {
  service_request_id: string;
  agency_code: string;
  created_at: Timestamp;
}

/** Mails to citizens: a row first, then sent by the worker (src/server/mail/worker.ts). */
export interface MailOutboxTable {
  id: Generated<string>;
  /** Unique per event (created:<id>, note:<note id>, fixed_question:<note id>). */
  event_key: string;
  service_request_id: string;
  kind: string;
  /** The timeline entry the mail tells about, when there is one. */
  note_id: string | null;
  /** queued, sent, skipped (unsubscribed / no longer relevant), failed (gave up). */
  state: Generated<string>;
  attempts: Generated<number>;
  not_before: Timestamp;
  /** A worker that claimed the row owns it until then; after a crash another takes it. */
  lease_until: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  /** Issue 13: a mail to a follower of the case (case_followers.id), not to its reporter. */
  follower_id: string | null;
  /** A mail to a staff member (an escalation to a supervisor), not to the citizen. */
  staff_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** One row per overdue case that was escalated to the supervisors. */
export interface CaseEscalationsTable {
  service_request_id: string;
  agency_code: string;
  due_at: Timestamp;
  escalated_at: Timestamp;
}

/** Issue 13: people following a case they also experience ("Saya juga mengalami ini"). */
export interface CaseFollowersTable {
  id: Generated<string>;
  service_request_id: string;
  /** AES-256-GCM sealed e-mail (PersonalData shape); null when none was given. */
  personal_data: string | null;
  /** HMAC-SHA256 of the lower-cased address; one follower per address and case. */
  email_hash: string | null;
  lang: Generated<string>;
  mail_enabled: Generated<boolean>;
  /** nearby | merge */
  source: string;
  created_at: Timestamp;
}
