import { SERVER_EVENTS } from '../../../shared/messages';
import type { CounterState } from '../schema/CounterState';
import { endConversation } from './conversation';
import { dropEntry, officerCounter, showInitials } from './roster';
import type { HallClient, HallRoomLike } from './types';

/** The counter goes back to self-service; queued citizens are told and offered it. */
export function closeCounter(room: HallRoomLike, counter: CounterState, reason: string): void {
  if (counter.servingSessionId) endConversation(room, counter, reason);
  while (counter.queue.length > 0) {
    const entry = dropEntry(room, counter, 0)!;
    const citizen = room.clientBySession(entry.sessionId);
    citizen?.send(SERVER_EVENTS.counterClosed, { counter: counter.code });
    if (citizen) {
      citizen.userData!.counter = undefined;
      showInitials(room, citizen, false);
    }
    room.ctx.hallEvents.record('queue_abandoned', counter.code);
  }
  room.ctx.hallEvents.record('counter_close', counter.code);
  counter.officer = '';
  counter.officerSessionId = '';
  room.officerStaff.delete(counter.code);
  counter.officerAway = false;
}
