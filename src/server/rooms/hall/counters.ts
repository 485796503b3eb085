import { SERVER_EVENTS } from '../../../shared/messages';
import type { HallRoom } from '../HallRoom';
import type { CounterState } from '../schema/CounterState';
import { endConversation } from './conversation';
import type { HallClient } from './types';

/** The counter this connection staffs, if any. */
export function officerCounter(room: HallRoom, client: HallClient): CounterState | undefined {
  for (const counter of room.state.counters.values()) if (counter.officerSessionId === client.sessionId) return counter;
  return undefined;
}

/** The counter goes back to self-service; queued citizens are told and offered it. */
export function closeCounter(room: HallRoom, counter: CounterState, reason: string): void {
  if (counter.servingSessionId) endConversation(room, counter, reason);
  for (const entry of counter.queue) {
    const citizen = room.clientBySession(entry.sessionId);
    citizen?.send(SERVER_EVENTS.counterClosed, { counter: counter.code });
    if (citizen) citizen.userData!.counter = undefined;
  }
  for (let i = 0; i < counter.queue.length; i += 1) room.ctx.hallEvents.record('queue_abandoned', counter.code);
  counter.queue.clear();
  room.ctx.hallEvents.record('counter_close', counter.code);
  counter.officer = '';
  counter.officerSessionId = '';
  room.officerStaff.delete(counter.code);
  counter.officerAway = false;
}
