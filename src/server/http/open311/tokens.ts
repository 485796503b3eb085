import type { FastifyReply } from 'fastify';
import type { Format } from '../../../shared/open311';
import { findRequestByToken } from '../../db/requestStore';
import type { AppContext } from '../context';
import { notFound } from './errors';
import { sendOpen311 } from './format';

/** GET tokens/{token}.{format}: the request id a batch submission got. */
export async function sendToken(ctx: AppContext, reply: FastifyReply, token: string, format: Format): Promise<FastifyReply> {
  const row = /^[0-9a-f-]{36}$/i.test(token) ? await findRequestByToken(ctx.db, token.toLowerCase()) : undefined;
  if (!row) throw notFound(`token: no submission with token "${token.slice(0, 40)}"`);
  return sendOpen311(reply, format, 'service_requests', [{ service_request_id: row.service_request_id, token }]);
}
