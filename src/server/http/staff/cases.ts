import type { FastifyInstance } from 'fastify';
import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../../db/schema';
import { z } from 'zod';
import { AREA_SUPPORT_PREFIX, STAFF_API, stageChangeSchema } from '../../../shared/staff';
import { canMove, isStage, STAGES, type Stage } from '../../../shared/stages';
import { describeFieldErrors, validateSubmission } from '../../../shared/submission';
import { maskNik } from '../../../shared/personal';
import { audit } from '../../auth/audit';
import { decryptPersonal } from '../../auth/pii';
import { CASE_VIEWS } from '../../../shared/caseLoop';
import { moveStage } from '../../cases/caseActions';
import { presentTimeline, readTimeline } from '../../cases/timeline';
import { createRequest, notesFor } from '../../db/requestStore';
import { normalizeTrackingNumber } from '../../db/ids';
import { caseForAction, caseRole } from './caseLoop';
import type { AppContext } from '../context';
import { parseSubmission } from '../open311/parseSubmission';
import { presentRequest } from '../open311/present';
import { canSeeAgency, requireStaff } from './session';
import { privateLink } from '../../cases/privateLink';

const listQuery = z.object({
  stage: z.enum(STAGES).optional(),
  agency: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Issue 12: the console's views, a search (ticket number, text, place) and a keyset cursor. */
  view: z.enum(CASE_VIEWS).default('all'),
  /** Issue 13: one kecamatan's cases (its Kemendagri code). */
  kecamatan: z
    .string()
    .regex(/^\d{2}\.\d{2}\.\d{2}$/, 'a kecamatan code such as 73.71.14')
    .optional(),
  q: z.string().trim().max(200).optional(),
  cursor: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
});

const SNIPPET = 160;

/** The keyset cursor: the last row's filing time and id, so paging never skips or repeats. */
function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}
function decodeCursor(cursor: string): [Date, string] | null {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(at);
    return !Number.isNaN(date.getTime()) && /^\d{1,19}$/.test(id) ? [date, id] : null;
  } catch {
    return null;
  }
}

/** The agency's cases for the staff console: list by stage, read one (audited), move its stage, file on behalf. */
export async function staffCaseRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const guard = { preHandler: requireStaff(ctx) };

  app.get(`${STAFF_API}/cases`, guard, async (request, reply) => {
    const staff = request.staff!;
    const query = listQuery.safeParse(request.query);
    if (!query.success) return reply.code(400).send({ error: `${query.error.issues[0].path.join('.')}: ${query.error.issues[0].message}` });
    const { view, q: search, limit } = query.data;
    const cursor = query.data.cursor ? decodeCursor(query.data.cursor) : null;
    if (query.data.cursor && !cursor) return reply.code(400).send({ error: 'cursor: not a cursor this server gave' });
    const kecamatan = query.data.kecamatan;
    if (kecamatan && !ctx.places.kecamatanCodes.has(kecamatan)) return reply.code(400).send({ error: `kecamatan: unknown kecamatan code "${kecamatan}"` });
    const now = new Date();
    let q = ctx.db.selectFrom('service_requests').selectAll();
    // Issue 13: supervisors (and anyone) may narrow to one kecamatan.
    if (kecamatan) q = q.where('address_id', 'like', `${kecamatan}.%`);
    if (staff.role === 'area') {
      // An area officer: every case in the area across agencies, and those the area was asked to help with.
      const area = staff.area_code ?? '';
      const supportCode = `${AREA_SUPPORT_PREFIX}${area}`;
      const asked = (eb: ExpressionBuilder<Database, 'service_requests'>) => eb('service_request_id', 'in', eb.selectFrom('case_support').select('service_request_id').where('agency_code', '=', supportCode));
      q = view === 'support' ? q.where(asked) : q.where((eb) => eb.or([eb('address_id', '=', area), eb('address_id', 'like', `${area}.%`), asked(eb)]));
      if (query.data.agency) q = q.where('agency_code', '=', query.data.agency);
    }
    const agency = staff.role === 'supervisor' ? query.data.agency : staff.role === 'officer' ? staff.agency_code! : undefined;
    if (staff.role === 'area') {
      // scoped above
    } else if (view === 'support') {
      if (!agency) return reply.code(400).send({ error: 'agency: the support view needs an agency' });
      q = q.where('service_request_id', 'in', (eb) => eb.selectFrom('case_support').select('service_request_id').where('agency_code', '=', agency));
    } else if (agency) {
      // An officer's list: the cases their agency leads and the ones it was asked to support.
      q = q.where((eb) =>
        eb.or([eb('agency_code', '=', agency), eb('service_request_id', 'in', eb.selectFrom('case_support').select('service_request_id').where('agency_code', '=', agency))]),
      );
    }
    if (query.data.stage) q = q.where('stage', '=', query.data.stage);
    if (view === 'mine') q = q.where('assigned_to', '=', staff.id);
    if (view === 'unhandled') q = q.where('stage', '=', 'received');
    if (view === 'overdue') q = q.where('status', '=', 'open').where('expected_at', '<', now);
    if (view === 'reopened') q = q.where('reopened', '=', true).where('status', '=', 'open');
    if (search) {
      const number = normalizeTrackingNumber(search);
      const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) =>
        eb.or([eb('service_request_id', '=', number), eb('description', 'ilike', like), eb('address_string', 'ilike', like), eb('service_request_id', 'ilike', like)]),
      );
    }
    if (cursor) q = q.where((eb) => eb(eb.refTuple('requested_at', 'id'), '<', eb.tuple(cursor[0], cursor[1])));
    const rows = await q.orderBy('requested_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const notes = await notesFor(ctx.db, page.map((r) => r.service_request_id));
    return {
      cases: page.map((r) => ({
        ...presentRequest(ctx.catalog, r, 'id', notes.get(r.service_request_id), true),
        agency_code: r.agency_code,
        has_personal_data: r.personal_data !== null,
        snippet: r.description ? (r.description.length > SNIPPET ? `${r.description.slice(0, SNIPPET - 1)}…` : r.description) : null,
        location: r.address_string ?? (r.lat !== null && r.long !== null ? `${r.lat.toFixed(5)}, ${r.long.toFixed(5)}` : null),
        reopened: r.reopened,
        overdue: r.status === 'open' && r.expected_at !== null && new Date(r.expected_at) < now,
        assigned_to: r.assigned_to,
      })),
      next_cursor: rows.length > limit && last ? encodeCursor(new Date(last.requested_at), String(last.id)) : null,
    };
  });

  app.get<{ Params: { id: string } }>(`${STAFF_API}/cases/:id`, guard, async (request, reply) => {
    const staff = request.staff!;
    const row = await ctx.db.selectFrom('service_requests').selectAll().where('service_request_id', '=', request.params.id).executeTakeFirst();
    const role = row ? await caseRole(ctx, staff, row) : null;
    if (row && !role) await audit(ctx.db, staff.id, 'refused', row.service_request_id, { action: 'view', role: 'none', agency: staff.agency_code, area: staff.area_code });
    if (!row || !role) return reply.code(404).send({ error: staff.role === 'area' ? 'no such case in your area' : 'no such case for your agency' });
    const notes = await notesFor(ctx.db, [row.service_request_id]);
    const timeline = await readTimeline(ctx.db, row.service_request_id);
    const support = await ctx.db.selectFrom('case_support').select('agency_code').where('service_request_id', '=', row.service_request_id).execute();
    const assigned = row.assigned_to ? await ctx.db.selectFrom('staff').select(['username', 'display_name']).where('id', '=', row.assigned_to).executeTakeFirst() : undefined;
    const agencyName = ctx.catalog.agencies.find((a) => a.code === row.agency_code)?.short_name.id ?? row.agency_code;
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
        // Issue 12: the whole timeline, how this staff member stands to the case, and what they may send.
        agency_code: row.agency_code,
        role,
        reopened: row.reopened,
        assigned_to: assigned ?? null,
        support_agencies: support.map((s) => s.agency_code),
        timeline: presentTimeline(ctx.catalog, timeline, 'staff', 'id', agencyName),
        templates: ctx.caseRules.templates(row.service_code),
      },
    };
  });

  app.post<{ Params: { id: string } }>(`${STAFF_API}/cases/:id/stage`, guard, async (request, reply) => {
    const staff = request.staff!;
    const body = stageChangeSchema.safeParse(request.body);
    if (!body.success) return reply.code(400).send({ error: `${body.error.issues[0].path.join('.') || 'body'}: ${body.error.issues[0].message}` });
    const found = await caseForAction(ctx, request, reply, 'stage', ['supervisor', 'lead']);
    if (!found) return reply;
    const from = (isStage(found.row.stage) ? found.row.stage : 'received') as Stage;
    if (!canMove(from, body.data.stage)) return reply.code(409).send({ error: `stage: cannot move from ${from} to ${body.data.stage}` });
    await moveStage(ctx, request.params.id, body.data.stage, body.data.note || null, { username: staff.username, staffId: staff.id });
    ctx.mail.kick();
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
      holidays: ctx.caseRules.holidays,
    });
    ctx.mail.kick();
    await audit(ctx.db, staff.id, 'file_on_behalf', row.service_request_id, { service_code: entry.service.code });
    return reply.code(201).send({ service_request_id: row.service_request_id, private_link: privateLink(ctx, row) });
  });
}
