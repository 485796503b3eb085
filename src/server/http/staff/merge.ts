import type { FastifyInstance } from 'fastify';
import { mergeSchema } from '../../../shared/nearby';
import { STAFF_API } from '../../../shared/staff';
import { audit } from '../../auth/audit';
import { CaseError } from '../../cases/caseActions';
import { mergeCases } from '../../cases/merge';
import { normalizeTrackingNumber } from '../../db/ids';
import type { AppContext } from '../context';
import { fail, parseBody } from '../replyErrors';
import { caseForAction, caseRole } from './caseLoop';
import { requireStaff } from './session';

/**
 * `POST /api/staff/cases/:id/merge {into, reason?}`: merges case :id (a duplicate) into `into`.
 * A supervisor, or an officer whose agency leads both cases; anything else is refused and audited.
 */
export async function staffMergeRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post<{ Params: { id: string } }>(`${STAFF_API}/cases/:id/merge`, { preHandler: requireStaff(ctx) }, async (request, reply) => {
    const body = parseBody(mergeSchema, request.body, reply);
    if (!body) return reply;
    const found = await caseForAction(ctx, request, reply, 'merge', ['supervisor', 'lead']);
    if (!found) return reply;
    const staff = request.staff!;
    const intoId = normalizeTrackingNumber(body.into);
    const into = await ctx.db.selectFrom('service_requests').select(['service_request_id', 'agency_code', 'address_id']).where('service_request_id', '=', intoId).executeTakeFirst();
    if (!into) return fail(reply, 404, 'into: no such case');
    const role = await caseRole(ctx, staff, into);
    if (role !== 'supervisor' && role !== 'lead') {
      await audit(ctx.db, staff.id, 'refused', found.row.service_request_id, { action: 'merge', into: intoId, role: role ?? 'none', agency: staff.agency_code });
      return fail(reply, 403, 'into: that case belongs to another agency');
    }
    try {
      const kept = await mergeCases(ctx.db, ctx.secrets.piiKey, found.row.service_request_id, intoId, { username: staff.username, staffId: staff.id }, body.reason || null);
      await audit(ctx.db, staff.id, 'merge', found.row.service_request_id, { into: intoId });
      ctx.mail.kick();
      return { ok: true, merged_into: intoId, people_affected: kept.people_affected };
    } catch (error) {
      if (error instanceof CaseError) return fail(reply, error.status, error.message);
      throw error;
    }
  });
}
