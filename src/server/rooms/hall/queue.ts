import { SERVER_EVENTS } from '../../../shared/messages';
import { QueueEntry } from '../schema/QueueEntry';
import { dropEntry, officerCounter, showInitials } from './roster';
import { endConversation } from './conversation';
import type { HallClient, HallRoomLike } from './types';

/** Queue numbers one visitor may take in QUEUE_WINDOW_MS (leaving and re-taking is how a bot floods). */
const QUEUE_TAKES_PER_VISITOR = 5;
const QUEUE_WINDOW_MS = 10 * 60_000;

/** A citizen takes a number at a live counter, within the per-visitor and per-address limits. */
export function onQueueTake(room: HallRoomLike, client: HallClient, code: string): void {
  const counter = room.state.counters.get(code);
  const data = client.userData!;
  if (client.auth?.staff) return room.refuse(client, 'queueTake', 'staff_cannot_queue');
  if (!counter || !counter.officer) return room.refuse(client, 'queueTake', 'counter_not_live');
  if (data.counter) return room.refuse(client, 'queueTake', 'already_queued');
  const now = Date.now();
  data.queueTimes = data.queueTimes.filter((t) => now - t < QUEUE_WINDOW_MS);
  if (data.queueTimes.length >= QUEUE_TAKES_PER_VISITOR) return room.refuse(client, 'queueTake', 'too_many_numbers');
  if (!room.ctx.hallGate.takeQueue(client.auth!.address)) return room.refuse(client, 'queueTake', 'too_many_from_address');
  data.queueTimes.push(now);
  const entry = new QueueEntry();
  entry.ticket = `${room.ticketPrefix(code)}-${String(counter.nextNumber).padStart(3, '0')}`;
  entry.sessionId = client.sessionId;
  entry.since = now;
  entry.address = client.auth!.address;
  counter.nextNumber = (counter.nextNumber % 999) + 1;
  counter.queue.push(entry);
  data.counter = code;
  showInitials(room, client, true);
  room.ctx.hallEvents.record('queue_take', code);
}

/** Leaves the queue (or the conversation) the citizen is in. */
export function leaveQueue(room: HallRoomLike, client: HallClient): void {
  const data = client.userData;
  if (!data?.counter) return;
  const counter = room.state.counters.get(data.counter);
  if (counter) {
    const i = counter.queue.findIndex((e) => e.sessionId === client.sessionId);
    if (i >= 0) {
      dropEntry(room, counter, i);
      room.ctx.hallEvents.record('queue_abandoned', counter.code);
    }
    if (counter.servingSessionId === client.sessionId) endConversation(room, counter, 'citizen_left');
  }
  data.counter = undefined;
  showInitials(room, client, false);
}

/** The officer calls the next citizen still in the hall; the conversation starts. */
export function onCallNext(room: HallRoomLike, client: HallClient): void {
  const counter = officerCounter(room, client);
  if (!counter) return room.refuse(client, 'callNext', 'not_on_duty');
  if (counter.servingSessionId) endConversation(room, counter, 'next_called');
  if (counter.queue.length === 0) return room.refuse(client, 'callNext', 'queue_empty');
  const next = dropEntry(room, counter, 0)!;
  const citizen = room.clientBySession(next.sessionId);
  if (!citizen) return onCallNext(room, client);
  counter.serving = next.ticket;
  counter.servingSessionId = next.sessionId;
  const waited = Math.round((Date.now() - next.since) / 1000);
  room.ctx.hallEvents.record('queue_called', counter.code, waited);
  // A running average, so the estimated wait follows the day.
  counter.avgServiceSeconds = Math.max(60, Math.min(1800, Math.round(counter.avgServiceSeconds * 0.8 + Math.max(waited, 60) * 0.2)));
  citizen.userData!.transcript = [];
  // Notes of an earlier conversation's calls that found no case stay only in the figures.
  citizen.userData!.callNotes = [];
  citizen.userData!.transcriptCounter = counter.code;
  citizen.userData!.conversationSince = Date.now();
  citizen.userData!.offeredCases = [];
  const called = { counter: counter.code, ticket: next.ticket, officer: counter.officer };
  citizen.send(SERVER_EVENTS.called, called);
  client.send(SERVER_EVENTS.called, { ...called, citizen: citizen.userData!.fullName });
}
