import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { addEntry } from './timeline';

/**
 * The overdue scan: every open case past its due date is escalated to the supervisors once.
 * The escalation row's primary key is the claim, so several processes scanning at the same
 * moment escalate each case exactly once; the scan reads the partial index on open cases'
 * due dates (service_requests_open_due), never the whole table.
 */
export async function escalateOverdue(db: Kysely<Database>, now = new Date(), limit = 500): Promise<string[]> {
  return db.transaction().execute(async (tx) => {
    const claimed = await sql<{ service_request_id: string }>`
      insert into case_escalations (service_request_id, agency_code, due_at, escalated_at)
      select sr.service_request_id, sr.agency_code, sr.expected_at, ${now}::timestamptz
      from service_requests sr
      where sr.status = 'open' and sr.expected_at < ${now}::timestamptz
        and not exists (select 1 from case_escalations e where e.service_request_id = sr.service_request_id)
      order by sr.expected_at
      limit ${limit}
      on conflict (service_request_id) do nothing
      returning service_request_id`.execute(tx);
    for (const { service_request_id: id } of claimed.rows) {
      await addEntry(tx, { id, kind: 'escalation', text: 'Melewati batas waktu: diteruskan ke supervisor.', author: 'system', now });
    }
    return claimed.rows.map((r) => r.service_request_id);
  });
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
