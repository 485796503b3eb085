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
  role: 'officer' | 'supervisor';
  agency_code: string | null;
  /** scrypt$N$r$p$salt$hash */
  password_hash: string;
  disabled: Generated<boolean>;
  /** Demo accounts exist only while the server runs in demo mode. */
  demo: Generated<boolean>;
  created_at: Generated<Timestamp>;
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
