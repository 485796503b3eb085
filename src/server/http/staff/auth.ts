import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { loginSchema, SESSION_COOKIE, SESSION_HOURS, STAFF_API } from '../../../shared/staff';
import { audit } from '../../auth/audit';
import { checkLogin, createSession, endSession, profileOf } from '../../auth/staffStore';
import type { AppContext } from '../context';
import { requireStaff, sessionToken } from './session';

/** Login (rate-limited per address), logout, and who am I. */
export async function staffAuthRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(rateLimit, { global: false });
  app.post(
    `${STAFF_API}/login`,
    { config: { rateLimit: { max: ctx.config.loginRateLimit, timeWindow: 60_000 } } },
    async (request, reply) => {
      const body = loginSchema.safeParse(request.body);
      if (!body.success) return reply.code(400).send({ error: `${body.error.issues[0].path.join('.') || 'body'}: ${body.error.issues[0].message}` });
      const staff = await checkLogin(ctx.db, body.data.username, body.data.password);
      if (!staff) {
        await audit(ctx.db, null, 'login_failed', body.data.username.slice(0, 64));
        return reply.code(401).send({ error: 'wrong username or password', error_id: 'Nama pengguna atau kata sandi salah.' });
      }
      const session = await createSession(ctx.db, staff.id);
      await audit(ctx.db, staff.id, 'login', staff.username);
      reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: request.protocol === 'https',
        maxAge: SESSION_HOURS * 3600,
      });
      return { staff: profileOf(staff), expires: session.expires.toISOString() };
    },
  );
  app.post(`${STAFF_API}/logout`, { preHandler: requireStaff(ctx) }, async (request, reply) => {
    const token = sessionToken(request);
    if (token) await endSession(ctx.db, token);
    await audit(ctx.db, request.staff!.id, 'logout', request.staff!.username);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });
  app.get(`${STAFF_API}/me`, { preHandler: requireStaff(ctx) }, async (request) => ({ staff: profileOf(request.staff!) }));
}
