import { CHAT_PER_10S, SERVER_EVENTS, type ChatLine } from '../../../shared/messages';
import { addNote } from '../../db/requestStore';
import type { HallRoom } from '../HallRoom';
import type { CounterState } from '../schema/CounterState';
import { officerCounter } from './counters';
import type { HallClient } from './types';

const MAX_TRANSCRIPT = 300;

/** The officer ends the conversation they are in. */
export function onEndService(room: HallRoom, client: HallClient, reason: string): void {
  const counter = officerCounter(room, client);
  if (counter?.servingSessionId) endConversation(room, counter, reason);
}

export function endConversation(room: HallRoom, counter: CounterState, reason: string): void {
  const citizen = room.clientBySession(counter.servingSessionId);
  const officer = room.clientBySession(counter.officerSessionId);
  const ended = { counter: counter.code, ticket: counter.serving, reason };
  citizen?.send(SERVER_EVENTS.ended, ended);
  officer?.send(SERVER_EVENTS.ended, ended);
  if (citizen) citizen.userData!.counter = undefined;
  counter.serving = '';
  counter.servingSessionId = '';
}

/** A chat line between the citizen being served and the officer; rate-limited; kept for the transcript. */
export function onChat(room: HallRoom, client: HallClient, text: string): void {
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
  const line: ChatLine = { from: ownCounter ? 'officer' : 'citizen', name: visitor.name, text, at: new Date(now).toISOString() };
  const citizen = room.clientBySession(counter.servingSessionId);
  const officer = room.clientBySession(counter.officerSessionId);
  if (citizen && citizen.userData!.transcript.length === 0) room.ctx.hallEvents.record('chat', counter.code);
  if (citizen && citizen.userData!.transcript.length < MAX_TRANSCRIPT) citizen.userData!.transcript.push(line);
  citizen?.send(SERVER_EVENTS.chat, line);
  officer?.send(SERVER_EVENTS.chat, line);
}

/** With the citizen's consent, the conversation becomes a note on the case it produced. */
export async function onAttach(room: HallRoom, client: HallClient, id: string): Promise<void> {
  const data = client.userData!;
  if (data.transcript.length === 0 || !data.transcriptCounter) return room.refuse(client, 'attachTranscript', 'no_conversation');
  const row = await room.ctx.db.selectFrom('service_requests').select(['agency_code']).where('service_request_id', '=', id).executeTakeFirst();
  const agency = room.ctx.catalog.agencies.find((a) => a.code === data.transcriptCounter);
  if (!row || (row.agency_code !== data.transcriptCounter && !agency?.general)) return room.refuse(client, 'attachTranscript', 'unknown_case');
  const text = data.transcript.map((l) => `[${l.at.slice(11, 16)}Z] ${l.from === 'officer' ? 'Petugas' : 'Warga'} ${l.name}: ${l.text}`).join('\n');
  await addNote(room.ctx.db, id, 'transcript', `Percakapan di loket (disetujui warga):\n${text}`, 'citizen');
  data.transcript = [];
  client.send(SERVER_EVENTS.attached, { service_request_id: id });
}
