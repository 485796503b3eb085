import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

/** Every schema change, in order; run at start on PGlite and PostgreSQL alike. */
const migrations: Record<string, Migration> = {
  '001_open311': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('services')
        .addColumn('service_code', 'text', (c) => c.primaryKey())
        .addColumn('agency_code', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('definition', 'jsonb', (c) => c.notNull())
        .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema
        .createTable('service_requests')
        .addColumn('id', 'bigserial', (c) => c.primaryKey())
        .addColumn('service_request_id', 'text', (c) => c.notNull().unique())
        .addColumn('token', 'text', (c) => c.unique())
        .addColumn('service_code', 'text', (c) => c.notNull().references('services.service_code'))
        .addColumn('agency_code', 'text', (c) => c.notNull())
        .addColumn('stage', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('lat', 'double precision')
        .addColumn('long', 'double precision')
        .addColumn('address_string', 'text')
        .addColumn('address_id', 'text')
        .addColumn('zipcode', 'text')
        .addColumn('media_url', 'text')
        .addColumn('attributes', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
        .addColumn('personal_data', 'text')
        .addColumn('device_id', 'text')
        .addColumn('account_id', 'text')
        .addColumn('api_client', 'text', (c) => c.notNull())
        .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
        .addColumn('expected_at', 'timestamptz')
        .execute();
      await db.schema.createIndex('service_requests_requested_at').on('service_requests').column('requested_at').execute();
      await db.schema
        .createIndex('service_requests_service_requested')
        .on('service_requests')
        .columns(['service_code', 'requested_at'])
        .execute();
      await db.schema
        .createTable('request_notes')
        .addColumn('id', 'bigserial', (c) => c.primaryKey())
        .addColumn('service_request_id', 'text', (c) => c.notNull().references('service_requests.service_request_id'))
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('stage', 'text')
        .addColumn('description', 'text')
        .addColumn('author', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('request_notes_request').on('request_notes').column('service_request_id').execute();
      await db.schema
        .createTable('idempotency_keys')
        .addColumn('api_client', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('body_hash', 'text', (c) => c.notNull())
        .addColumn('service_request_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['api_client', 'key'])
        .execute();
    },
  },
  '002_staff': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('staff')
        .addColumn('id', 'bigserial', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('agency_code', 'text')
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('disabled', 'boolean', (c) => c.notNull().defaultTo(false))
        .addColumn('demo', 'boolean', (c) => c.notNull().defaultTo(false))
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema
        .createTable('staff_sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('staff_id', 'bigint', (c) => c.notNull().references('staff.id'))
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'bigserial', (c) => c.primaryKey())
        .addColumn('at', 'timestamptz', (c) => c.notNull())
        .addColumn('staff_id', 'bigint')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target', 'text')
        .addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
        .execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
      await db.schema.createIndex('service_requests_agency_stage').on('service_requests').columns(['agency_code', 'stage']).execute();
    },
  },
  '003_hall_events': {
    async up(db: Kysely<unknown>) {
      // What happens at the counters, for the supervisors' figures: no person is named here.
      await db.schema
        .createTable('hall_events')
        .addColumn('id', 'bigserial', (c) => c.primaryKey())
        .addColumn('at', 'timestamptz', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('counter', 'text')
        .addColumn('wait_seconds', 'integer')
        .execute();
      await db.schema.createIndex('hall_events_at').on('hall_events').columns(['at', 'kind']).execute();
    },
  },
  '011_transcript_lines': {
    async up(db: Kysely<unknown>) {
      // Issue 11: a transcript is stored line by line (speaker, time, text), so a chat line
      // with a newline can never pose as a line the officer said.
      await db.schema.alterTable('request_notes').addColumn('lines', 'jsonb').execute();
    },
  },
  '012_case_loop': {
    async up(db: Kysely<unknown>) {
      // One timeline per case: request_notes gains who (staff id), to whom it is visible, and details.
      await db.schema
        .alterTable('request_notes')
        .addColumn('visibility', 'text', (c) => c.notNull().defaultTo('public'))
        .execute();
      await db.schema.alterTable('request_notes').addColumn('staff_id', 'bigint').execute();
      await db.schema.alterTable('request_notes').addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`)).execute();
      await sql`update request_notes set visibility = 'internal' where type = 'transcript'`.execute(db);
      await db.schema.createIndex('request_notes_public_created').on('request_notes').columns(['created_at', 'id']).where(sql.ref('visibility'), '=', 'public').execute();
      await db.schema.alterTable('service_requests').addColumn('followup_hash', 'text').execute();
      await db.schema.alterTable('service_requests').addColumn('followup_version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
      await db.schema.alterTable('service_requests').addColumn('lang', 'text', (c) => c.notNull().defaultTo('id')).execute();
      await db.schema.alterTable('service_requests').addColumn('mail_enabled', 'boolean', (c) => c.notNull().defaultTo(false)).execute();
      await db.schema.alterTable('service_requests').addColumn('reopened', 'boolean', (c) => c.notNull().defaultTo(false)).execute();
      await db.schema.alterTable('service_requests').addColumn('assigned_to', 'bigint').execute();
      await db.schema.createIndex('service_requests_followup').on('service_requests').column('followup_hash').unique().execute();
      // The overdue scan reads only open cases by due date.
      await db.schema.createIndex('service_requests_open_due').on('service_requests').column('expected_at').where(sql.ref('status'), '=', 'open').execute();
      await db.schema.createIndex('service_requests_assigned').on('service_requests').columns(['assigned_to', 'requested_at']).execute();
      await db.schema
        .createTable('case_support')
        .addColumn('service_request_id', 'text', (c) => c.notNull().references('service_requests.service_request_id'))
        .addColumn('agency_code', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .addPrimaryKeyConstraint('case_support_pk', ['service_request_id', 'agency_code'])
        .execute();
      await db.schema.createIndex('case_support_agency').on('case_support').column('agency_code').execute();
      await db.schema
        .createTable('mail_outbox')
        .addColumn('id', 'bigserial', (c) => c.primaryKey())
        // One mail per event, ever: a retry or a second process cannot queue it twice.
        .addColumn('event_key', 'text', (c) => c.notNull().unique())
        .addColumn('service_request_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('note_id', 'bigint')
        .addColumn('state', 'text', (c) => c.notNull().defaultTo('queued'))
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('not_before', 'timestamptz', (c) => c.notNull())
        .addColumn('lease_until', 'timestamptz')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .addColumn('sent_at', 'timestamptz')
        .execute();
      await db.schema.createIndex('mail_outbox_due').on('mail_outbox').columns(['not_before', 'id']).where(sql.ref('state'), '=', 'queued').execute();
      await db.schema
        .createTable('case_escalations')
        // The primary key makes an escalation happen once per case, whatever the number of processes.
        .addColumn('service_request_id', 'text', (c) => c.primaryKey().references('service_requests.service_request_id'))
        .addColumn('agency_code', 'text', (c) => c.notNull())
        .addColumn('due_at', 'timestamptz', (c) => c.notNull())
        .addColumn('escalated_at', 'timestamptz', (c) => c.notNull())
        .execute();
    },
  },
  '013_request_photos': {
    async up(db: Kysely<unknown>) {
      // Photos live in the database so that every server process serves them; private until published.
      await db.schema
        .createTable('request_photos')
        .addColumn('id', 'bigserial', (c) => c.primaryKey())
        .addColumn('photo_id', 'text', (c) => c.notNull().unique())
        .addColumn('service_request_id', 'text', (c) => c.notNull().references('service_requests.service_request_id'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('width', 'integer', (c) => c.notNull())
        .addColumn('height', 'integer', (c) => c.notNull())
        .addColumn('jpeg', 'bytea', (c) => c.notNull())
        .addColumn('thumb', 'bytea', (c) => c.notNull())
        .addColumn('published', 'boolean', (c) => c.notNull().defaultTo(false))
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('request_photos_request').on('request_photos').column('service_request_id').execute();
    },
  },
  '014_nearby_followers': {
    async up(db: Kysely<unknown>) {
      // Issue 13, point 4: people who said "Saya juga mengalami ini" follow a case; staff merge duplicates.
      await db.schema.alterTable('service_requests').addColumn('people_affected', 'integer', (c) => c.notNull().defaultTo(1)).execute();
      await db.schema.alterTable('service_requests').addColumn('merged_into', 'text').execute();
      await db.schema
        .createTable('case_followers')
        .addColumn('id', 'bigserial', (c) => c.primaryKey())
        .addColumn('service_request_id', 'text', (c) => c.notNull().references('service_requests.service_request_id'))
        // The follower's e-mail, sealed like a reporter's contact; null when none was given.
        .addColumn('personal_data', 'text')
        // HMAC of the address: one follower per address and case, without storing the address in clear.
        .addColumn('email_hash', 'text')
        .addColumn('lang', 'text', (c) => c.notNull().defaultTo('id'))
        .addColumn('mail_enabled', 'boolean', (c) => c.notNull().defaultTo(false))
        // nearby: "Saya juga mengalami ini"; merge: the reporter of a case merged into this one.
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('case_followers_request').on('case_followers').column('service_request_id').execute();
      await db.schema.createIndex('case_followers_email').on('case_followers').columns(['service_request_id', 'email_hash']).unique().where(sql.ref('email_hash'), 'is not', null).execute();
      // A follower's mail: the same outbox, one row per follower and event.
      await db.schema.alterTable('mail_outbox').addColumn('follower_id', 'bigint').execute();
      // Nearby reports read open cases of one service by kelurahan.
      await db.schema.createIndex('service_requests_nearby').on('service_requests').columns(['service_code', 'address_id', 'requested_at']).where(sql.ref('status'), '=', 'open').execute();
    },
  },
  '014_staff_areas': {
    async up(db: Kysely<unknown>) {
      // Issue 13, point 3: an area officer (camat, lurah) is scoped to a kecamatan or kelurahan code.
      await db.schema.alterTable('staff').addColumn('area_code', 'text').execute();
    },
  },
  '016_calls': {
    async up(db: Kysely<unknown>) {
      // Issue 14: one row per voice call at a counter, for the figures. No person, no recording.
      await db.schema
        .createTable('calls')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('counter', 'text', (c) => c.notNull())
        .addColumn('caller', 'text', (c) => c.notNull())
        .addColumn('started_at', 'timestamptz', (c) => c.notNull())
        .addColumn('accepted_at', 'timestamptz')
        .addColumn('connected_at', 'timestamptz')
        .addColumn('ended_at', 'timestamptz', (c) => c.notNull())
        .addColumn('seconds', 'integer', (c) => c.notNull())
        .addColumn('end_reason', 'text', (c) => c.notNull())
        .addColumn('ended_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('calls_started').on('calls').columns(['started_at', 'counter']).execute();
    },
  },
  '015_staff_email': {
    async up(db: Kysely<unknown>) {
      // Staff may have an e-mail address (escalations reach supervisors by mail); a staff mail
      // in the outbox names its recipient account (the address is read when it is sent).
      await db.schema.alterTable('staff').addColumn('email', 'text').execute();
      await db.schema.alterTable('mail_outbox').addColumn('staff_id', 'bigint').execute();
    },
  },
  '017_uploads_on_replies': {
    async up(db: Kysely<unknown>) {
      // Issue 13, point 3: a citizen's reply (through the private link) may carry photos too.
      await db.schema.alterTable('request_photos').addColumn('note_id', 'bigint').execute();
    },
  },
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
