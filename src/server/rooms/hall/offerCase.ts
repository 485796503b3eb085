import { SERVER_EVENTS, type ClientMessage } from '../../../shared/messages';
import { privateLink } from '../../cases/privateLink';
import { officerCounter } from './roster';
import type { HallClient, HallRoomLike } from './types';

/** Cases one conversation may be handed (a bound on memory, not a rule citizens meet). */
const MAX_OFFERED = 10;

/**
 * The officer hands the citizen they are serving a case they filed on the citizen's behalf
 * during this conversation: the citizen (only them) gets the number and the private link in the
 * chat, and may attach the transcript to it with one tap. The officer must be on duty and
 * serving; the case must be filed by this officer (the staff route records `staff:<username>`),
 * at this counter's agency (or by the general counter), after the conversation began. The
 * private link is sent to the citizen's connection only, never to the officer, the state or a log.
 */
export async function onOfferCase(room: HallRoomLike, client: HallClient, m: ClientMessage<'offerCase'>): Promise<void> {
  const staff = client.auth?.staff;
  const counter = staff ? officerCounter(room, client) : undefined;
  if (!staff || !counter) return room.refuse(client, 'offerCase', 'not_on_duty');
  const citizen = counter.servingSessionId ? room.clientBySession(counter.servingSessionId) : undefined;
  const data = citizen?.userData;
  if (!citizen || !data || data.conversationSince === undefined || data.transcriptCounter !== counter.code) return room.refuse(client, 'offerCase', 'not_in_conversation');
  const row = await room.ctx.db
    .selectFrom('service_requests')
    .select(['service_request_id', 'agency_code', 'requested_at', 'api_client', 'followup_version'])
    .where('service_request_id', '=', m.service_request_id)
    .executeTakeFirst();
  const general = room.ctx.catalog.agencies.find((a) => a.code === counter.code)?.general;
  const ok =
    row !== undefined &&
    row.api_client === `staff:${staff.username}` &&
    (row.agency_code === counter.code || Boolean(general)) &&
    new Date(row.requested_at).getTime() >= data.conversationSince;
  // One answer for "no such case" and "not yours": the refusal does not tell which.
  if (!ok || !row) return room.refuse(client, 'offerCase', 'not_your_case');
  // The citizen may have left while the database answered.
  if (counter.servingSessionId !== citizen.sessionId) return room.refuse(client, 'offerCase', 'not_in_conversation');
  const offered = data.offeredCases ?? [];
  if (!offered.includes(row.service_request_id)) data.offeredCases = [...offered, row.service_request_id].slice(-MAX_OFFERED);
  citizen.send(SERVER_EVENTS.caseOffered, { counter: counter.code, service_request_id: row.service_request_id, private_link: privateLink(room.ctx, row) });
  client.send(SERVER_EVENTS.caseOffered, { counter: counter.code, service_request_id: row.service_request_id });
}
