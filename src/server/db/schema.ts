import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** The tables as Kysely sees them; migrations.ts creates them. */
export interface Database {
  services: ServicesTable;
  service_requests: ServiceRequestsTable;
  request_notes: RequestNotesTable;
  idempotency_keys: IdempotencyKeysTable;
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
}

export interface IdempotencyKeysTable {
  api_client: string;
  key: string;
  body_hash: string;
  service_request_id: string;
  created_at: Timestamp;
}
