import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { assignSchema, revokeLinkSchema, staffEntrySchema, supportSchema, transferSchema } from '../../../shared/caseLoop';
import { toCityIso } from '../../../shared/datetime';
import { AREA_SUPPORT_PREFIX, inArea, STAFF_API } from '../../../shared/staff';
import { audit } from '../../auth/audit';
import type { StaffRow } from '../../auth/staffStore';
import { followupHash, followupKey, followupSecret } from '../../cases/followupLink';
import { privateLink } from '../../cases/privateLink';
import { addEntry, enqueueMail } from '../../cases/timeline';
import type { RequestRow } from '../../db/requestStore';
import type { AppContext } from '../context';
import { fail, parseBody } from '../replyErrors';
import { requireStaff } from './session';

/**
 * How a staff member stands to a case: a supervisor (any case), the lead agency, a supporting
 * one, or (issue 13) the area officer of the case's kecamatan or kelurahan.
 */
export type CaseRole = 'supervisor' | 'lead' | 'support' | 'area';

export async function caseRole(ctx: AppContext, staff: StaffRow, row: Pick<RequestRow, 'service_request_id' | 'agency_code'> & { address_id?: string | null }): Promise<CaseRole | null> {
  if (staff.role === 'supervisor') return 'supervisor';
  if (staff.role === 'area' && inArea(staff.area_code, row.address_id)) return 'area';
  // An area officer asked to help (case_support 'area:<code>') supports a case outside the area too.
  const supportCode = staff.role === 'area' ? (staff.area_code ? `${AREA_SUPPORT_PREFIX}${staff.area_code}` : null) : staff.agency_code;
  if (!supportCode) return null;
  if (staff.role !== 'area' && staff.agency_code === row.agency_code) return 'lead';
  const support = await ctx.db
    .selectFrom('case_support')
    .select('agency_code')
    .where('service_request_id', '=', row.service_request_id)
    .where('agency_code', '=', supportCode)
    .executeTakeFirst();
  return support ? 'support' : null;
}

/**
 * Loads a case for an action and checks the staff member's standing. No case: 404. A case of
 * another agency: 403, written to the audit trail (an officer acting outside their agency).
 */
export async function caseForAction(
  ctx: AppContext,
  request: FastifyRequest<{ Params: { id: string } }>,
  reply: FastifyReply,
  action: string,
  allowed: readonly CaseRole[],
): Promise<{ row: RequestRow; role: CaseRole } | undefined> {
  const staff = request.staff!;
  const row = await ctx.db.selectFrom('service_requests').selectAll().where('service_request_id', '=', request.params.id).executeTakeFirst();
  if (!row) {
    void fail(reply, 404, 'case: no such case');
    return undefined;
  }
  const role = await caseRole(ctx, staff, row);
  if (!role || !allowed.includes(role)) {
    await audit(ctx.db, staff.id, 'refused', row.service_request_id, { action, role: role ?? 'none', agency: staff.agency_code });
    void fail(
      reply,
      403,
      role === 'support' || role === 'area'
        ? `${action}: only the lead agency or a supervisor may do this`
        : staff.role === 'area'
          ? `${action}: this case is outside your area`
          : `${action}: this case belongs to another agency`,
    );
    return undefined;
  }
  return { row, role };
}

/** Replies and notes, transfers, support requests, assignments, and the mail and escalation status. */
export async function staffCaseLoopRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const guard = { preHandler: requireStaff(ctx) };
  const agencyCodes = new Set(ctx.catalog.agencies.map((a) => a.code));

  app.post<{ Params: { id: string } }>(`${STAFF_API}/cases/:id/entries`, guard, async (request, reply) => {
    const body = parseBody(staffEntrySchema, request.body, reply);
    if (!body) return reply;
    const found = await caseForAction(ctx, request, reply, 'reply', ['supervisor', 'lead', 'support', 'area']);
    if (!found) return reply;
    if (body.public && found.row.status !== 'open') return fail(reply, 409, 'reply: the case is closed; reopen it (stage) before replying');
    const staff = request.staff!;
    const entry = await addEntry(ctx.db, { id: found.row.service_request_id, kind: body.public ? 'reply' : 'internal', text: body.text, author: staff.username, staffId: staff.id, detail: { agency: staff.agency_code } });
    ctx.mail.kick();
    return reply.code(201).send({ id: String(entry.id), kind: entry.type });
  });

  app.post<{ Params: { id: string } }>(`${STAFF_API}/cases/:id/transfer`, guard, async (request, reply) => {
    const body = parseBody(transferSchema, request.body, reply);
    if (!body) return reply;
    if (!agencyCodes.has(body.agency)) return fail(reply, 400, `agency: unknown agency "${body.agency.slice(0, 64)}"`);
    const found = await caseForAction(ctx, request, reply, 'transfer', ['supervisor', 'lead']);
    if (!found) return reply;
    const { row } = found;
    if (row.agency_code === body.agency) return fail(reply, 409, `agency: the case is already with ${body.agency}`);
    if (row.status !== 'open') return fail(reply, 409, 'transfer: the case is closed');
    const staff = request.staff!;
    await ctx.db.transaction().execute(async (tx) => {
      await tx.updateTable('service_requests').set({ agency_code: body.agency, assigned_to: null }).where('service_request_id', '=', row.service_request_id).execute();
      await tx.deleteFrom('case_support').where('service_request_id', '=', row.service_request_id).where('agency_code', '=', body.agency).execute();
      await addEntry(tx, { id: row.service_request_id, kind: 'transfer', text: body.reason, author: staff.username, staffId: staff.id, detail: { from: row.agency_code, to: body.agency } });
    });
    await audit(ctx.db, staff.id, 'transfer', row.service_request_id, { from: row.agency_code, to: body.agency });
    ctx.mail.kick();
    return { ok: true, agency_code: body.agency };
  });

  app.post<{ Params: { id: string } }>(`${STAFF_API}/cases/:id/support`, guard, async (request, reply) => {
    const body = parseBody(supportSchema, request.body, reply);
    if (!body) return reply;
    // Issue 13: `area:<kecamatan or kelurahan code>` asks that area's officers (camat, lurah) to help.
    const areaAsked = body.agency.startsWith(AREA_SUPPORT_PREFIX) ? body.agency.slice(AREA_SUPPORT_PREFIX.length) : null;
    if (areaAsked !== null ? !ctx.places.kecamatanCodes.has(areaAsked) && !ctx.places.byCode.has(areaAsked) : !agencyCodes.has(body.agency)) {
      return fail(reply, 400, `agency: unknown agency or area "${body.agency.slice(0, 64)}"`);
    }
    const found = await caseForAction(ctx, request, reply, 'support', ['supervisor', 'lead']);
    if (!found) return reply;
    const { row } = found;
    if (row.agency_code === body.agency) return fail(reply, 409, 'agency: that agency already leads the case');
    const staff = request.staff!;
    await ctx.db.transaction().execute(async (tx) => {
      await tx.insertInto('case_support').values({ service_request_id: row.service_request_id, agency_code: body.agency, created_at: new Date() }).onConflict((oc) => oc.doNothing()).execute();
      await addEntry(tx, { id: row.service_request_id, kind: 'support', text: body.reason, author: staff.username, staffId: staff.id, detail: { agency: body.agency } });
    });
    await audit(ctx.db, staff.id, 'support_request', row.service_request_id, { agency: body.agency });
    return { ok: true };
  });

  // A private link that leaked (shown around, forwarded): a new one replaces it; the old one
  // then answers 404 like an unknown link. Mails still queued carry the new one (the worker
  // derives the link when it sends); a citizen with an address is mailed it. The new link also
  // goes to the staff member, to hand over.
  app.post<{ Params: { id: string } }>(`${STAFF_API}/cases/:id/revoke-link`, guard, async (request, reply) => {
    const body = parseBody(revokeLinkSchema, request.body ?? {}, reply);
    if (!body) return reply;
    const found = await caseForAction(ctx, request, reply, 'revoke_link', ['supervisor', 'lead']);
    if (!found) return reply;
    const { row } = found;
    const version = row.followup_version + 1;
    const hash = followupHash(followupSecret(followupKey(ctx.secrets.piiKey), row.service_request_id, version));
    const updated = await ctx.db
      .updateTable('service_requests')
      .set({ followup_version: version, followup_hash: hash })
      .where('service_request_id', '=', row.service_request_id)
      .where('followup_version', '=', row.followup_version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return fail(reply, 409, 'revoke_link: the link changed meanwhile; try again');
    // A citizen who gave an address gets the new link by mail (the worker writes the current one).
    await enqueueMail(ctx.db, { id: row.service_request_id, kind: 'link_renewed', eventKey: `link_renewed:${row.service_request_id}:${version}` });
    ctx.mail.kick();
    await audit(ctx.db, request.staff!.id, 'revoke_link', row.service_request_id, { version, ...(body.reason ? { reason: body.reason } : {}) });
    void reply.header('cache-control', 'no-store');
    return { ok: true, private_link: privateLink(ctx, { service_request_id: row.service_request_id, followup_version: version }) };
  });

  app.post<{ Params: { id: string } }>(`${STAFF_API}/cases/:id/assign`, guard, async (request, reply) => {
    const body = parseBody(assignSchema, request.body, reply);
    if (!body) return reply;
    const found = await caseForAction(ctx, request, reply, 'assign', ['supervisor']);
    if (!found) return reply;
    const { row } = found;
    const officer = await ctx.db.selectFrom('staff').selectAll().where('username', '=', body.username.toLowerCase()).where('disabled', '=', false).executeTakeFirst();
    if (!officer || officer.role !== 'officer' || officer.agency_code !== row.agency_code) {
      return fail(reply, 400, `username: not an officer of ${row.agency_code}`);
    }
    const staff = request.staff!;
    await ctx.db.transaction().execute(async (tx) => {
      await tx.updateTable('service_requests').set({ assigned_to: officer.id }).where('service_request_id', '=', row.service_request_id).execute();
      await addEntry(tx, { id: row.service_request_id, kind: 'assign', text: officer.display_name, author: staff.username, staffId: staff.id, detail: { staff: officer.username } });
    });
    await audit(ctx.db, staff.id, 'assign', row.service_request_id, { officer: officer.username });
    return { ok: true, assigned_to: officer.username };
  });

  app.get<{ Querystring: { agency?: string } }>(`${STAFF_API}/officers`, guard, async (request, reply) => {
    const staff = request.staff!;
    // An area officer assigns nobody, so sees no officer list.
    if (staff.role === 'area') return { officers: [] };
    const agency = staff.role === 'supervisor' ? request.query.agency : staff.agency_code;
    if (agency !== undefined && agency !== null && !agencyCodes.has(agency)) return fail(reply, 400, 'agency: unknown agency');
    let q = ctx.db.selectFrom('staff').select(['username', 'display_name', 'agency_code']).where('role', '=', 'officer').where('disabled', '=', false);
    if (agency) q = q.where('agency_code', '=', agency);
    return { officers: await q.orderBy('display_name').execute() };
  });

  app.get(`${STAFF_API}/mail`, guard, async () => {
    const counts = await ctx.db.selectFrom('mail_outbox').select(['state', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('state').execute();
    const by = Object.fromEntries(counts.map((c) => [c.state, Number(c.n)]));
    return {
      configured: ctx.mail.configured,
      message: ctx.mail.configured ? null : { id: 'Surel belum dikonfigurasi (SMTP_URL): surel tetap antre.', en: 'Mail not configured (SMTP_URL): mails stay queued.' },
      queued: by.queued ?? 0,
      sent: by.sent ?? 0,
      failed: by.failed ?? 0,
    };
  });

  app.get(`${STAFF_API}/escalations`, guard, async (request) => {
    const staff = request.staff!;
    let q = ctx.db
      .selectFrom('case_escalations as e')
      .innerJoin('service_requests as sr', 'sr.service_request_id', 'e.service_request_id')
      .select(['e.service_request_id', 'sr.agency_code', 'sr.stage', 'sr.status', 'e.due_at', 'e.escalated_at']);
    if (staff.role !== 'supervisor') q = q.where('sr.agency_code', '=', staff.agency_code ?? '');
    const rows = await q.orderBy('e.escalated_at', 'desc').limit(200).execute();
    return {
      escalations: rows.map((r) => ({ ...r, due_at: toCityIso(new Date(r.due_at)), escalated_at: toCityIso(new Date(r.escalated_at)) })),
    };
  });
}
