import { afterAll, describe, expect, it } from 'vitest';
import { postResultSchema } from '../../src/shared/open311';
import { drainageComplaint, postForm, removeDir, spawnServer, startServer, tempDir } from '../helpers/server';
import { startSmtp } from '../helpers/smtp';

describe('the mail outbox', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await removeDir(dir);
  });

  it('delivers each queued mail exactly once after kill -9 mid-send and a restart', { timeout: 240_000 }, async () => {
    const smtp = await startSmtp();
    const dataDir = await tempDir();
    dirs.push(dataDir);
    const env: Record<string, string> = {
      DATA_DIR: dataDir,
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'http://makaverse.test',
      MAIL_POLL_MS: '100',
      MAIL_LEASE_SECONDS: '2',
    };
    // The SMTP server takes the first message's data but never answers: the sender hangs mid-send.
    smtp.stall = true;
    const sending = new Promise<void>((resolve) => (smtp.onDataStart = resolve));
    const first = await spawnServer(env);
    const key = (await (await fetch(`${first.url}/api/client-config`)).json()).api_key as string;
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const response = await postForm(first.url, drainageComplaint(key, { email: `warga${i}@example.id`, first_name: 'Warga' }));
      expect(response.status).toBe(201);
      ids.push(postResultSchema.parse(await response.json())[0].service_request_id!);
    }
    await sending;
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL');
    await exited;
    expect(smtp.mails).toHaveLength(0);

    smtp.stall = false;
    smtp.onDataStart = undefined;
    const second = await spawnServer(env);
    try {
      await smtp.waitFor(3, undefined, 30_000);
      // Longer than a lease and many polls: nothing is sent again.
      await new Promise((r) => setTimeout(r, 3000));
      const subjects = smtp.mails.map((m) => m.subject ?? '');
      expect(subjects).toHaveLength(3);
      for (const id of ids) expect(subjects.filter((s) => s.includes(id))).toHaveLength(1);
    } finally {
      const closed = new Promise((resolve) => second.child.once('exit', resolve));
      second.child.kill('SIGTERM');
      await closed;
      await smtp.close();
    }
  });

  it('retries a temporary SMTP failure with backoff and sends once', { timeout: 120_000 }, async () => {
    const smtp = await startSmtp();
    smtp.rejectNext = 1;
    const s = await startServer({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'http://makaverse.test', MAIL_POLL_MS: '100' } });
    try {
      const response = await postForm(s.url, drainageComplaint(s.apiKey, { email: 'gita@example.id', first_name: 'Gita' }));
      const id = postResultSchema.parse(await response.json())[0].service_request_id!;
      await smtp.waitFor(1, (m) => (m.subject ?? '').includes(id));
      await new Promise((r) => setTimeout(r, 500));
      expect(smtp.mails.filter((m) => (m.subject ?? '').includes(id))).toHaveLength(1);
      const [row] = await s.server.ctx.db.selectFrom('mail_outbox').selectAll().where('service_request_id', '=', id).execute();
      expect(row).toMatchObject({ state: 'sent', attempts: 2 });
      expect(row.last_error).toBeNull();
      // The address never lands in the outbox table.
      expect(JSON.stringify(row)).not.toContain('gita@example.id');
    } finally {
      await s.cleanup();
      await smtp.close();
    }
  });
});
