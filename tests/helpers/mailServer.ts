import { addStaff } from '../../src/server/auth/staffStore';
import { login } from './rooms';
import { startServer, type TestServer } from './server';
import { startSmtp, type TestSmtp } from './smtp';

export interface MailingServer {
  s: TestServer;
  smtp: TestSmtp;
  /** Session tokens of two officers: andi.pu (public works) and rina.dlh (environment). */
  pu: string;
  dlh: string;
}

/**
 * A server that sends its mail to a test SMTP server (polled every 100 ms) under `publicUrl`,
 * with a public-works and an environment officer signed in; `env` adds settings.
 */
export async function startMailingServer(options: { database: 'pglite' | 'postgres'; publicUrl: string; password: string; env?: Record<string, string> }): Promise<MailingServer> {
  const smtp = await startSmtp();
  const s = await startServer({ database: options.database, env: { SMTP_URL: smtp.url, PUBLIC_URL: options.publicUrl, MAIL_POLL_MS: '100', ...options.env } });
  await addStaff(s.server.ctx.db, { username: 'andi.pu', display_name: 'Andi', role: 'officer', agency_code: 'pu', password: options.password });
  await addStaff(s.server.ctx.db, { username: 'rina.dlh', display_name: 'Rina', role: 'officer', agency_code: 'dlh', password: options.password });
  const [pu, dlh] = await Promise.all([login(s.url, 'andi.pu', options.password), login(s.url, 'rina.dlh', options.password)]);
  return { s, smtp, pu, dlh };
}
