import { record } from './figures';
import { sql } from 'kysely';
import { escalateOverdue } from '../../src/server/cases/escalation';
import { postResultSchema } from '../../src/shared/open311';
import { drainageComplaint, postForm, startServer } from '../helpers/server';
import { startSmtp } from '../helpers/smtp';

/**
 * The case loop (issue 12): mails per second from the outbox to a local SMTP server, and the
 * overdue scan over 100,000 open cases with its plan (it must read the partial index
 * service_requests_open_due, not scan the table). BENCH_MAILS sets the number of mails
 * (default 500), BENCH_OPEN_CASES the open cases (default 100000).
 */
export async function benchCaseLoop(): Promise<void> {
  const mails = Number(process.env.BENCH_MAILS ?? 500);
  const openCases = Number(process.env.BENCH_OPEN_CASES ?? 100_000);
  const database = process.env.TEST_DATABASE_URL ? ('postgres' as const) : ('pglite' as const);
  const smtp = await startSmtp();
  const s = await startServer({ database, env: { SMTP_URL: smtp.url, PUBLIC_URL: 'http://makaverse.test', MAIL_POLL_MS: '600000', ESCALATION_INTERVAL_SECONDS: '86400' } });
  const db = s.server.ctx.db;
  try {
    // Mails: ten cases with an address, then `mails` queued events spread over them; the worker drains them.
    const ids: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const response = await postForm(s.url, drainageComplaint(s.apiKey, { email: `bench${i}@example.id`, first_name: 'Bench' }));
      ids.push(postResultSchema.parse(await response.json())[0].service_request_id!);
    }
    await smtp.waitFor(ids.length);
    const now = new Date();
    const rows = Array.from({ length: mails }, (_, i) => ({ event_key: `bench:${i}`, service_request_id: ids[i % ids.length], kind: 'created', not_before: now, created_at: now }));
    for (let i = 0; i < rows.length; i += 500) await db.insertInto('mail_outbox').values(rows.slice(i, i + 500)).execute();
    const started = performance.now();
    s.server.ctx.mail.kick();
    await smtp.waitFor(mails + ids.length, undefined, 600_000);
    const seconds = (performance.now() - started) / 1000;
    console.log(`\n== Case loop (${database}) ==`);
    console.log(`mails: ${mails} sent to a local SMTP server in ${seconds.toFixed(2)} s = ${(mails / seconds).toFixed(0)} mails/s`);
    record(`caseloop.${database}.mailsPerSec`, mails / seconds);

    // The overdue scan: `openCases` open cases, 100 of them past due.
    const t0 = performance.now();
    await sql`
      insert into service_requests (service_request_id, service_code, agency_code, stage, status, api_client, requested_at, updated_at, expected_at, description)
      select 'BENCH-' || g, 'pu-drainase', 'pu', 'received', 'open', 'bench', now(), now(),
        case when g <= 100 then now() - interval '1 day' else now() + (g % 30 + 1) * interval '1 day' end, 'bench'
      from generate_series(1, ${openCases}) g`.execute(db);
    await sql`analyze service_requests`.execute(db);
    console.log(`open cases: ${openCases} inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const plan = await sql<Record<string, string>>`
      explain select sr.service_request_id from service_requests sr
      where sr.status = 'open' and sr.expected_at < now()
        and not exists (select 1 from case_escalations e where e.service_request_id = sr.service_request_id)
      order by sr.expected_at limit 500`.execute(db);
    const lines = plan.rows.map((r) => Object.values(r)[0]);
    console.log(`overdue scan plan:\n  ${lines.join('\n  ')}`);
    const usesIndex = lines.some((l) => l.includes('service_requests_open_due'));
    console.log(`uses index service_requests_open_due: ${usesIndex ? 'yes' : 'NO'}`);
    const t1 = performance.now();
    const first = await escalateOverdue(db);
    const firstMs = performance.now() - t1;
    const t2 = performance.now();
    const second = await escalateOverdue(db);
    const secondMs = performance.now() - t2;
    record(`caseloop.${database}.overdueScanMs`, firstMs);
    record(`caseloop.${database}.overdueScanIdleMs`, secondMs);
    record(`caseloop.${database}.overdueScanUsesIndex`, usesIndex ? 1 : 0);
    console.log(`overdue scan: ${first.length} escalated in ${firstMs.toFixed(1)} ms; the next scan (nothing new) ${second.length} in ${secondMs.toFixed(1)} ms`);
    if (!usesIndex) process.exitCode = 1;
  } finally {
    await s.cleanup();
    await smtp.close();
  }
}
