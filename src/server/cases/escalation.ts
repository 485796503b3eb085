import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { addEntry } from './timeline';

/**
 * The overdue scan: every open case past its due date is escalated to the supervisors once
 * (a timeline entry, the console's list, and a mail to each supervisor with an address).
 * The escalation row's primary key is the claim, so several processes scanning at the same
 * moment escalate each case exactly once; the scan reads the partial index on open cases'
 * due dates (service_requests_open_due), never the whole table.
 */
export async function escalateOverdue(db: Kysely<Database>, now = new Date(), limit = 500): Promise<string[]> {
  return db.transaction().execute(async (tx) => {
    const claimed = await sql<{ service_request_id: string; agency_code: string }>`
      insert into case_escalations (service_request_id, agency_code, due_at, escalated_at)
      select sr.service_request_id, sr.agency_code, sr.expected_at, ${now}::timestamptz
      from service_requests sr
      where sr.status = 'open' and sr.expected_at < ${now}::timestamptz
        and not exists (select 1 from case_escalations e where e.service_request_id = sr.service_request_id)
      order by sr.expected_at
      limit ${limit}
      on conflict (service_request_id) do nothing
      returning service_request_id, agency_code`.execute(tx);
    for (const { service_request_id: id, agency_code: agency } of claimed.rows) {
      const entry = await addEntry(tx, { id, kind: 'escalation', text: 'Melewati batas waktu: diteruskan ke supervisor.', author: 'system', now });
      await mailSupervisors(tx, id, agency, entry.id, now);
    }
    return claimed.rows.map((r) => r.service_request_id);
  });
}

/**
 * Queues one escalation mail per supervisor of the case's agency (a supervisor of that agency,
 * or one overseeing every agency) who has an e-mail address. In the same transaction as the
 * claim, with a unique event key: once per case and supervisor, whatever the processes.
 */
async function mailSupervisors(tx: Kysely<Database>, id: string, agency: string, noteId: string, now: Date): Promise<void> {
  const supervisors = await tx
    .selectFrom('staff')
    .select('id')
    .where('role', '=', 'supervisor')
    .where('disabled', '=', false)
    .where('email', 'is not', null)
    .where((eb) => eb.or([eb('agency_code', 'is', null), eb('agency_code', '=', agency)]))
    .execute();
  for (const { id: staffId } of supervisors) {
    await tx
      .insertInto('mail_outbox')
      .values({ event_key: `escalation:${id}:${staffId}`, service_request_id: id, kind: 'escalation', note_id: noteId, staff_id: staffId, not_before: now, created_at: now })
      .onConflict((oc) => oc.column('event_key').doNothing())
      .execute();
  }
}

/** Runs the overdue scan on a timer; the state lives in the database, so a restart loses nothing. */
export class EscalationJob {
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly intervalMs: number,
    private readonly log: (message: string) => void,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    void this.tick();
  }

  async tick(): Promise<string[]> {
    if (this.running) return [];
    const run = escalateOverdue(this.db).catch((error: unknown) => {
      this.log(`overdue scan: ${(error as Error).message}`);
      return [] as string[];
    });
    this.running = run;
    try {
      return await run;
    } finally {
      this.running = null;
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
