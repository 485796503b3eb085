import { toCityIso } from '../../../shared/datetime';
import { CHAT_PER_10S, SERVER_EVENTS, type CallEndReason, type ChatLine, type ClientMessage, type TranscriptLine } from '../../../shared/messages';
import { isCaseSecret } from '../../auth/caseSecret';
import { addNote } from '../../db/requestStore';
import { oneLine } from '../../net/refusalLog';
import type { CounterState } from '../schema/CounterState';
import { attachCallNotes } from './callRecords';
import { endCall } from './calls';
import { officerCounter, showInitials } from './roster';
import type { HallClient, HallRoomLike } from './types';

const MAX_TRANSCRIPT = 300;
const CALL_END_BY_CONVERSATION: Record<string, CallEndReason> = {
  next_called: 'next_called',
  citizen_left: 'citizen_left',
  officer_left: 'officer_left',
  officer_ended: 'officer_ended',
};

/** The officer ends the conversation they are in. */
export function onEndService(room: HallRoomLike, client: HallClient, reason: string): void {
  const counter = officerCounter(room, client);
  if (counter?.servingSessionId) endConversation(room, counter, reason);
}

export function endConversation(room: HallRoomLike, counter: CounterState, reason: string): void {
  // A call lives only inside its conversation.
  endCall(room, counter.code, CALL_END_BY_CONVERSATION[reason] ?? 'conversation_ended', 'system');
  const citizen = room.clientBySession(counter.servingSessionId);
  const officer = room.clientBySession(counter.officerSessionId);
  const ended = { counter: counter.code, ticket: counter.serving, reason };
  citizen?.send(SERVER_EVENTS.ended, ended);
  officer?.send(SERVER_EVENTS.ended, ended);
  if (citizen) {
    citizen.userData!.counter = undefined;
    showInitials(room, citizen, false);
    // Earlier calls' notes go to the case filed since they ended, if there is one now.
    attachCallNotes(room, citizen).catch((error: unknown) => room.ctx.refusals.write(`hall call note failed: ${oneLine(error)}`));
  }
  counter.serving = '';
  counter.servingSessionId = '';
}

/** A chat line between the citizen being served and the officer; rate-limited; kept for the transcript. */
export function onChat(room: HallRoomLike, client: HallClient, text: string): void {
  const data = client.userData!;
  const visitor = room.state.visitors.get(client.sessionId);
  if (!visitor || visitor.muted) return room.refuse(client, 'chat', 'muted');
  const now = Date.now();
  data.chatTimes = data.chatTimes.filter((t) => now - t < 10_000);
  if (data.chatTimes.length >= CHAT_PER_10S) return room.refuse(client, 'chat', 'too_fast');
  data.chatTimes.push(now);
  const ownCounter = officerCounter(room, client);
  const counter = ownCounter ?? [...room.state.counters.values()].find((c) => c.servingSessionId === client.sessionId);
  if (!counter || !counter.servingSessionId) return room.refuse(client, 'chat', 'not_in_conversation');
  // The full name goes only to the two people talking; the state shows initials while served.
  const line: ChatLine = { from: ownCounter ? 'officer' : 'citizen', name: data.fullName || visitor.name, text, at: new Date(now).toISOString() };
  const citizen = room.clientBySession(counter.servingSessionId);
  const officer = room.clientBySession(counter.officerSessionId);
  if (citizen && citizen.userData!.transcript.length === 0) room.ctx.hallEvents.record('chat', counter.code);
  if (citizen && citizen.userData!.transcript.length < MAX_TRANSCRIPT) citizen.userData!.transcript.push(line);
  citizen?.send(SERVER_EVENTS.chat, line);
  officer?.send(SERVER_EVENTS.chat, line);
}

/** One transcript line as text for readers that show only the note's description: times in WITA, one line each. */
export function transcriptText(lines: TranscriptLine[]): string {
  return lines
    .map((l) => `[${toCityIso(new Date(l.at)).slice(11, 16)} WITA] ${l.from === 'officer' ? 'Petugas' : 'Warga'} ${l.name}: ${l.text.replace(/[\r\n\u2028\u2029\u0085]+/g, ' ⏎ ')}`)
    .join('\n');
}

/**
 * With the citizen's consent, the conversation becomes a note on the case it produced: a case
 * filed during this conversation from the citizen's own address or by the serving officer on
 * their behalf (and handed over with offerCase), or any case whose private
 * secret the citizen holds. A public tracking number alone is not enough (it was once used to
 * put one's conversation on a stranger's case).
 */
export async function onAttach(room: HallRoomLike, client: HallClient, m: ClientMessage<'attachTranscript'>): Promise<void> {
  const data = client.userData!;
  const id = m.service_request_id;
  if (data.transcript.length === 0 || !data.transcriptCounter) return room.refuse(client, 'attachTranscript', 'no_conversation');
  const { ctx } = room;
  const row = await ctx.db.selectFrom('service_requests').select(['agency_code', 'requested_at']).where('service_request_id', '=', id).executeTakeFirst();
  const agency = ctx.catalog.agencies.find((a) => a.code === data.transcriptCounter);
  if (!row || (row.agency_code !== data.transcriptCounter && !agency?.general)) return room.refuse(client, 'attachTranscript', 'unknown_case');
  const filedHere =
    (data.conversationSince !== undefined &&
      new Date(row.requested_at).getTime() >= data.conversationSince &&
      ctx.hallGate.filedFrom(id) === client.auth?.address) ||
    // The officer filed it for this citizen in this conversation and handed it over (offerCase).
    Boolean(data.offeredCases?.includes(id));
  if (!filedHere && !isCaseSecret(ctx.secrets.piiKey, id, m.secret)) return room.refuse(client, 'attachTranscript', 'not_your_case');
  const lines: TranscriptLine[] = data.transcript.map((l) => ({ from: l.from, name: l.name, at: l.at, text: l.text }));
  await addNote(ctx.db, id, 'transcript', `Percakapan di loket (disetujui warga):\n${transcriptText(lines)}`, 'citizen', new Date(), lines);
  data.transcript = [];
  // The conversation's calls go on the same case (an internal note each).
  await attachCallNotes(room, client, id);
  client.send(SERVER_EVENTS.attached, { service_request_id: id });
}
