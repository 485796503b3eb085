import type { FastifyReply, FastifyRequest } from 'fastify';
import { inArea, SESSION_COOKIE } from '../../../shared/staff';
import { staffForToken, type StaffRow } from '../../auth/staffStore';
import type { AppContext } from '../context';

declare module 'fastify' {
  interface FastifyRequest {
    staff?: StaffRow;
  }
}

/** The session token from the cookie, or `Authorization: Bearer` for scripts and bots. */
export function sessionToken(request: FastifyRequest): string | undefined {
  const cookie = request.cookies?.[SESSION_COOKIE];
  if (cookie) return cookie;
  const auth = request.headers.authorization;
  return auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
}

/** A preHandler that lets only logged-in staff through (401 otherwise). */
export function requireStaff(ctx: AppContext) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const staff = await staffForToken(ctx.db, sessionToken(request));
    if (!staff) return reply.code(401).send({ error: 'login required', error_id: 'Silakan masuk sebagai petugas.' });
    request.staff = staff;
  };
}

export function canSeeAgency(staff: StaffRow, agencyCode: string): boolean {
  return staff.role === 'supervisor' || (staff.role === 'officer' && staff.agency_code === agencyCode);
}

/** Issue 13: whether a staff member may see one case: its agency's (as above), or an area officer's area. */
export function canSeeCase(staff: StaffRow, row: { agency_code: string; address_id: string | null }): boolean {
  return canSeeAgency(staff, row.agency_code) || (staff.role === 'area' && inArea(staff.area_code, row.address_id));
}
