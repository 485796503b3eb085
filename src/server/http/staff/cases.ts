import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { STAFF_API, stageChangeSchema } from '../../../shared/staff';
import { canMove, isStage, STAGES, type Stage } from '../../../shared/stages';
import { describeFieldErrors, validateSubmission } from '../../../shared/submission';
import { maskNik } from '../../../shared/personal';
import { audit } from '../../auth/audit';
import { decryptPersonal } from '../../auth/pii';
import { changeStage, createRequest, notesFor } from '../../db/requestStore';
import type { AppContext } from '../context';
import { parseSubmission } from '../open311/parseSubmission';
import { presentRequest } from '../open311/present';
import { canSeeAgency, requireStaff } from './session';

const listQuery = z.object({
  stage: z.enum(STAGES).optional(),
  agency: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The agency's cases for the staff console: list by stage, read one (audited), move its stage, file on behalf. */
export async function staffCaseRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const guard = { preHandler: requireStaff(ctx) };

  app.get(`${STAFF_API}/cases`, guard, async (request, reply) => {
    const staff = request.staff!;
    const query = listQuery.safeParse(request.query);
    if (!query.success) return reply.code(400).send({ error: `${query.error.issues[0].path.join('.')}: ${query.error.issues[0].message}` });
    const agency = staff.role === 'supervisor' ? query.data.agency : staff.agency_code!;
    let q = ctx.db.selectFrom('service_requests').selectAll();
    if (agency) q = q.where('agency_code', '=', agency);
    if (query.data.stage) q = q.where('stage', '=', query.data.stage);
    const rows = await q.orderBy('requested_at', 'desc').limit(query.data.limit).execute();
    const notes = await notesFor(ctx.db, rows.map((r) => r.service_request_id));
    return { cases: rows.map((r) => ({ ...presentRequest(ctx.catalog, r, 'id', notes.get(r.service_request_id), true), agency_code: r.agency_code, has_personal_data: r.personal_data !== null })) };
  });

  app.get<{ Params: { id: string } }>(`${STAFF_API}/cases/:id`, guard, async (request, reply) => {
    const staff = request.staff!;
    const row = await ctx.db.selectFrom('service_requests').selectAll().where('service_request_id', '=', request.params.id).executeTakeFirst();
    if (!row || !canSeeAgency(staff, row.agency_code)) return reply.code(404).send({ error: 'no such case for your agency' });
    const notes = await notesFor(ctx.db, [row.service_request_id]);
    // Demo accounts share a password printed on a screen: they never see a complainant's personal data.
    const personal = row.personal_data && !staff.demo ? decryptPersonal(ctx.secrets.piiKey, row.personal_data) : null;
    if (personal) await audit(ctx.db, staff.id, 'view_personal', row.service_request_id, { fields: [...Object.keys(personal.contact).filter((k) => personal.contact[k as keyof typeof personal.contact]), ...Object.keys(personal.private_attributes)] });
    return {
      case: {
        ...presentRequest(ctx.catalog, row, 'id', notes.get(row.service_request_id), true, 'staff'),
        description: row.description,
        attributes: row.attributes,
        contact: personal?.contact ?? null,
        // The NIK is shown masked; the full number stays encrypted at rest.
        ...(staff.demo && row.personal_data ? { personal_hidden: 'demo_account' } : {}),
        private_attributes: personal ? Object.fromEntries(Object.entries(personal.private_attributes).map(([k, v]) => [k, maskNik(v)])) : {},
      },
    };
  });

  app.post<{ Params: { id: string } }>(`${STAFF_API}/cases/:id/stage`, guard, async (request, reply) => {
    const staff = request.staff!;
    const body = stageChangeSchema.safeParse(request.body);
    if (!body.success) return reply.code(400).send({ error: `${body.error.issues[0].path.join('.') || 'body'}: ${body.error.issues[0].message}` });
    const row = await ctx.db.selectFrom('service_requests').select(['stage', 'agency_code']).where('service_request_id', '=', request.params.id).executeTakeFirst();
    if (!row || !canSeeAgency(staff, row.agency_code)) return reply.code(404).send({ error: 'no such case for your agency' });
    const from = (isStage(row.stage) ? row.stage : 'received') as Stage;
    if (!canMove(from, body.data.stage)) return reply.code(409).send({ error: `stage: cannot move from ${from} to ${body.data.stage}` });
    await changeStage(ctx.db, request.params.id, body.data.stage, body.data.note || null, staff.username);
    await audit(ctx.db, staff.id, 'change_stage', request.params.id, { from, to: body.data.stage });
    return { ok: true, stage: body.data.stage };
  });

  app.post(`${STAFF_API}/requests`, guard, async (request, reply) => {
    const staff = request.staff!;
    let input;
    try {
      input = parseSubmission(request.body);
    } catch (error) {
      return reply.code(400).send({ error: (error as Error).message });
    }
    const entry = input.service_code ? ctx.catalog.services.get(input.service_code) : undefined;
    if (!entry || !canSeeAgency(staff, entry.agency.code)) return reply.code(404).send({ error: 'service_code: not a service of your agency' });
    const checked = validateSubmission(entry.service, input);
    if (!checked.ok) return reply.code(400).send({ errors: describeFieldErrors(checked.errors, 'id') });
    const { request: row } = await createRequest(ctx.db, {
      submission: checked.value,
      service: entry.service,
      agency: entry.agency,
      apiClient: `staff:${staff.username}`,
      piiKey: ctx.secrets.piiKey,
    });
    await audit(ctx.db, staff.id, 'file_on_behalf', row.service_request_id, { service_code: entry.service.code });
    return reply.code(201).send({ service_request_id: row.service_request_id });
  });
}
