import { XMLBuilder } from 'fast-xml-parser';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { DEFAULT_REQUESTS_WINDOW_DAYS, MAX_REQUESTS_PER_QUERY } from '../../../shared/constants';
import { toCityIso } from '../../../shared/datetime';
import type { Lang } from '../../../shared/i18n';
import type { Format } from '../../../shared/open311';
import { redactPersonal } from '../../../shared/personal';
import { isStage, STAGE_INFO } from '../../../shared/stages';
import { entryText } from '../../cases/timeline';
import type { NoteRow } from '../../db/requestStore';
import type { AppContext } from '../context';
import { badRequest } from './errors';
import { sendOpen311 } from './format';
import { intParam, type Query } from './query';
import { dateParam } from './requests';

const DAY = 86_400_000;
const xml = new XMLBuilder({ format: false, suppressEmptyNode: false, processEntities: true });

/** One public timeline entry in FixMyStreet's service-request-updates shape. */
export interface RequestUpdate {
  update_id: string;
  service_request_id: string;
  /** The Open311 sub-status of the case's stage at that moment (fixed, in_progress, …). */
  status: string;
  updated_datetime: string;
  description: string;
  media_url: string;
}

/**
 * GET servicerequestupdates.{format}?start_date&end_date: the public entries of every
 * case's timeline in the window, oldest first (the extension FixMyStreet speaks). Internal
 * notes, transcripts and the citizen's own words never appear.
 */
export async function sendUpdates(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, format: Format, lang: Lang): Promise<FastifyReply> {
  const query = request.query as Query;
  let start = dateParam(query, 'start_date');
  let end = dateParam(query, 'end_date');
  if (start && end && start > end) throw badRequest('start_date: must not be after end_date');
  if (!start && !end) end = new Date();
  if (!start) start = new Date(end!.getTime() - DEFAULT_REQUESTS_WINDOW_DAYS * DAY);
  if (!end) end = new Date(start.getTime() + DEFAULT_REQUESTS_WINDOW_DAYS * DAY);
  const limit = intParam(query, 'page_size', 1, MAX_REQUESTS_PER_QUERY) ?? MAX_REQUESTS_PER_QUERY;
  const rows = await ctx.db
    .selectFrom('request_notes as n')
    .selectAll('n')
    .select(
      sql<string | null>`(select p.stage from request_notes p where p.service_request_id = n.service_request_id and p.stage is not null and p.id <= n.id order by p.id desc limit 1)`.as(
        'stage_then',
      ),
    )
    .where('n.visibility', '=', 'public')
    .where('n.created_at', '>=', start)
    .where('n.created_at', '<=', end)
    .orderBy('n.created_at')
    .orderBy('n.id')
    .limit(limit)
    .execute();
  const updates: RequestUpdate[] = rows.map((n) => {
    const stage = isStage(n.stage_then) ? n.stage_then : 'received';
    return {
      update_id: String(n.id),
      service_request_id: n.service_request_id,
      status: STAGE_INFO[stage].open311,
      updated_datetime: toCityIso(new Date(n.created_at)),
      description: redactPersonal(entryText(ctx.catalog, n as NoteRow, lang)),
      media_url: '',
    };
  });
  if (format === 'xml') {
    return reply
      .type('text/xml; charset=utf-8')
      .send(`<?xml version="1.0" encoding="utf-8"?>${xml.build({ service_request_updates: { request_update: updates } })}`);
  }
  return sendOpen311(reply, format, 'service_request_updates', updates);
}
