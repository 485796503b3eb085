import { SERVER_EVENTS } from '../../../shared/messages';
import type { HallRoom } from '../HallRoom';
import { QueueEntry } from '../schema/QueueEntry';
import { officerCounter } from './counters';
import { endConversation } from './conversation';
import type { HallClient } from './types';

/** A citizen takes a number at a live counter. */
export function onQueueTake(room: HallRoom, client: HallClient, code: string): void {
  const counter = room.state.counters.get(code);
  const data = client.userData!;
  if (client.auth?.staff) return room.refuse(client, 'queueTake', 'staff_cannot_queue');
  if (!counter || !counter.officer) return room.refuse(client, 'queueTake', 'counter_not_live');
  if (data.counter) return room.refuse(client, 'queueTake', 'already_queued');
  const entry = new QueueEntry();
  const prefix = code.replace(/[^a-z]/g, '').slice(0, 3).toUpperCase();
  entry.ticket = `${prefix}-${String(counter.nextNumber).padStart(3, '0')}`;
  entry.sessionId = client.sessionId;
  entry.since = Date.now();
  counter.nextNumber = (counter.nextNumber % 999) + 1;
  counter.queue.push(entry);
  data.counter = code;
  room.ctx.hallEvents.record('queue_take', code);
}

/** Leaves the queue (or the conversation) the citizen is in. */
export function leaveQueue(room: HallRoom, client: HallClient): void {
  const data = client.userData;
  if (!data?.counter) return;
  const counter = room.state.counters.get(data.counter);
  if (counter) {
    const i = counter.queue.findIndex((e) => e.sessionId === client.sessionId);
    if (i >= 0) {
      counter.queue.splice(i, 1);
      room.ctx.hallEvents.record('queue_abandoned', counter.code);
    }
    if (counter.servingSessionId === client.sessionId) endConversation(room, counter, 'citizen_left');
  }
  data.counter = undefined;
}

/** The officer calls the next citizen still in the hall; the conversation starts. */
export function onCallNext(room: HallRoom, client: HallClient): void {
  const counter = officerCounter(room, client);
  if (!counter) return room.refuse(client, 'callNext', 'not_on_duty');
  if (counter.servingSessionId) endConversation(room, counter, 'next_called');
  const next = counter.queue.shift();
  if (!next) return room.refuse(client, 'callNext', 'queue_empty');
  const citizen = room.clientBySession(next.sessionId);
  if (!citizen) return onCallNext(room, client);
  counter.serving = next.ticket;
  counter.servingSessionId = next.sessionId;
  const waited = Math.round((Date.now() - next.since) / 1000);
  room.ctx.hallEvents.record('queue_called', counter.code, waited);
  // A running average, so the estimated wait follows the day.
  counter.avgServiceSeconds = Math.max(60, Math.min(1800, Math.round(counter.avgServiceSeconds * 0.8 + Math.max(waited, 60) * 0.2)));
  citizen.userData!.transcript = [];
  citizen.userData!.transcriptCounter = counter.code;
  const called = { counter: counter.code, ticket: next.ticket, officer: counter.officer };
  citizen.send(SERVER_EVENTS.called, called);
  client.send(SERVER_EVENTS.called, { ...called, citizen: room.state.visitors.get(next.sessionId)?.name ?? '' });
}
