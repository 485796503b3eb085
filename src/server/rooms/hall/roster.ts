import { initialsOf } from '../../../shared/names';
import type { CounterState } from '../schema/CounterState';
import type { QueueEntry } from '../schema/QueueEntry';
import type { HallClient, HallRoomLike } from './types';

/* Who is where in the hall: small lookups the other concern modules share (no imports back). */

/** The counter this connection staffs, if any. */
export function officerCounter(room: HallRoomLike, client: HallClient): CounterState | undefined {
  for (const counter of room.state.counters.values()) if (counter.officerSessionId === client.sessionId) return counter;
  return undefined;
}

/**
 * While a citizen queues or is served, everyone else sees only their initials: the hall
 * must not tell who waits at Disdukcapil or Dinsos. The serving officer gets the full name
 * in the `called` message.
 */
export function showInitials(room: HallRoomLike, client: HallClient, hidden: boolean): void {
  const visitor = room.state.visitors.get(client.sessionId);
  const data = client.userData;
  if (!visitor || !data || client.auth?.staff) return;
  visitor.name = hidden && !/^Warga \d+$/.test(data.fullName) ? initialsOf(data.fullName) : data.fullName;
}

/** Takes one entry off a counter's queue, giving its address its number back. */
export function dropEntry(room: HallRoomLike, counter: CounterState, index: number): QueueEntry | undefined {
  const [entry] = counter.queue.splice(index, 1);
  if (!entry) return undefined;
  const citizen = room.clientBySession(entry.sessionId);
  room.ctx.hallGate.freeQueue(citizen?.auth?.address ?? entry.address);
  return entry;
}
