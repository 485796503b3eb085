import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { loginSchema, SESSION_COOKIE, SESSION_HOURS, STAFF_API } from '../../../shared/staff';
import { audit } from '../../auth/audit';
import { LoginThrottle } from '../../auth/loginThrottle';
import { checkLogin, createSession, endSession, profileOf, staffForToken } from '../../auth/staffStore';
import { addressKey } from '../../net/clientAddress';
import type { AppContext } from '../context';
import { requireStaff, sessionToken } from './session';

/** Audit actions supervisors are shown as security notices. */
export const NOTICE_ACTIONS = ['login_burst'] as const;

/**
 * Login (rate-limited per address, an IPv6 client by its /64, and per account with growing
 * delays), logout, who am I, and the supervisors' security notices.
 */
export async function staffAuthRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(rateLimit, { global: false });
  const throttle = new LoginThrottle();
  app.post(
    `${STAFF_API}/login`,
    { config: { rateLimit: { max: ctx.config.loginRateLimit, timeWindow: 60_000, keyGenerator: (request) => addressKey(request.ip) } } },
    async (request, reply) => {
      const body = loginSchema.safeParse(request.body);
      if (!body.success) return reply.code(400).send({ error: `${body.error.issues[0].path.join('.') || 'body'}: ${body.error.issues[0].message}` });
      const username = body.data.username.toLowerCase().slice(0, 64);
      /** The supervisors' notice (GET /api/staff/notices) and one log line, once per burst. */
      const reportBurst = async (burst: { failures: number; addresses: number } | null) => {
        if (!burst) return;
        await audit(ctx.db, null, 'login_burst', username, burst);
        request.log.warn(`login burst against staff account ${username}: ${burst.failures} attempts from ${burst.addresses} addresses`);
      };
      const locked = throttle.lockedFor(username);
      if (locked > 0) {
        await reportBurst(throttle.refused(username, addressKey(request.ip)));
        reply.header('retry-after', String(locked));
        return reply.code(429).send({ error: `too many failed logins for this account; try again in ${locked} s`, error_id: `Terlalu banyak percobaan masuk; coba lagi dalam ${locked} detik.` });
      }
      const staff = await checkLogin(ctx.db, username, body.data.password);
      if (!staff) {
        const address = addressKey(request.ip);
        const { lockSeconds, burst } = throttle.failed(username, address);
        await audit(ctx.db, null, 'login_failed', username, lockSeconds ? { locked_seconds: lockSeconds } : {});
        await reportBurst(burst);
        return reply.code(401).send({ error: 'wrong username or password', error_id: 'Nama pengguna atau kata sandi salah.' });
      }
      throttle.succeeded(username);
      const session = await createSession(ctx.db, staff.id);
      await audit(ctx.db, staff.id, 'login', staff.username);
      reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        // Behind a TLS proxy this is true only when TRUST_PROXY lets X-Forwarded-Proto through.
        secure: request.protocol === 'https',
        maxAge: SESSION_HOURS * 3600,
      });
      return { staff: profileOf(staff), expires: session.expires.toISOString() };
    },
  );
  // Idempotent: a kiosk reset logs out without knowing (HttpOnly cookie) whether a session exists.
  app.post(`${STAFF_API}/logout`, async (request, reply) => {
    const token = sessionToken(request);
    const staff = await staffForToken(ctx.db, token);
    if (token) await endSession(ctx.db, token);
    if (staff) {
      await audit(ctx.db, staff.id, 'logout', staff.username);
      // Open hall connections on this session lose their staff powers now, not at their next check.
      ctx.sessions.ended(String(staff.id));
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https' });
    return { ok: true };
  });
  app.get(`${STAFF_API}/me`, { preHandler: requireStaff(ctx) }, async (request) => ({ staff: profileOf(request.staff!) }));
  app.get(`${STAFF_API}/notices`, { preHandler: requireStaff(ctx) }, async (request, reply) => {
    if (request.staff!.role !== 'supervisor') return reply.code(403).send({ error: 'supervisors only' });
    const rows = await ctx.db
      .selectFrom('audit_log')
      .select(['at', 'action', 'target', 'detail'])
      .where('action', 'in', [...NOTICE_ACTIONS])
      .where('at', '>', new Date(Date.now() - 7 * 86_400_000))
      .orderBy('at', 'desc')
      .limit(100)
      .execute();
    return { notices: rows.map((r) => ({ at: new Date(r.at).toISOString(), kind: r.action, account: r.target, detail: r.detail })) };
  });
}
