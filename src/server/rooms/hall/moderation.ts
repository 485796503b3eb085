import { DEFAULT_SANCTION_MINUTES, SERVER_EVENTS, type ClientMessage } from '../../../shared/messages';
import { audit } from '../../auth/audit';
import { dropEntry, showInitials } from './roster';
import type { HallClient, HallRoomLike } from './types';

/**
 * A supervisor mutes, unmutes or removes a citizen. The hall remembers a removal or a mute
 * (by the visitor's device, by their address only within a limit: net/sanctions.ts) for the
 * minutes the supervisor chose, in Redis when REDIS_URL is set, so rejoining, even through
 * another process, does not undo it. Every action is audited.
 */
export async function onModerate(room: HallRoomLike, client: HallClient, m: ClientMessage<'moderate'>): Promise<void> {
  const { sessionId, action } = m;
  const staff = client.auth?.staff;
  if (staff?.role !== 'supervisor') return room.refuse(client, 'moderate', 'not_supervisor');
  const visitor = room.state.visitors.get(sessionId);
  const target = room.clientBySession(sessionId);
  if (!visitor || visitor.role !== 'citizen') return room.refuse(client, 'moderate', 'unknown_visitor');
  const minutes = m.minutes ?? DEFAULT_SANCTION_MINUTES;
  const subject = target?.auth;
  const sanctions = room.ctx.hallGate.sanctions;
  if (action === 'remove') {
    if (subject) await sanctions.record(subject, 'remove', minutes);
    if (target) target.userData!.removed = true;
    target?.send(SERVER_EVENTS.moderated, { action });
    target?.leave(4001, 'removed by a supervisor');
  } else {
    if (subject && action === 'mute') await sanctions.record(subject, 'mute', minutes);
    else if (subject) await sanctions.lift(subject);
    visitor.muted = action === 'mute';
    target?.send(SERVER_EVENTS.moderated, { action });
  }
  await audit(room.ctx.db, staff.id, 'moderate', sessionId, { action, minutes: action === 'unmute' ? null : minutes });
}

/**
 * A supervisor empties a counter's queue of a flood: `repeated` drops every number held by an
 * address that holds more than one in this queue; `all` drops everyone waiting. Those dropped are told.
 */
export async function onClearQueue(room: HallRoomLike, client: HallClient, m: ClientMessage<'clearQueue'>): Promise<void> {
  const staff = client.auth?.staff;
  if (staff?.role !== 'supervisor') return room.refuse(client, 'clearQueue', 'not_supervisor');
  const counter = room.state.counters.get(m.counter);
  if (!counter) return room.refuse(client, 'clearQueue', 'unknown_counter');
  const perAddress = new Map<string, number>();
  for (const e of counter.queue) perAddress.set(e.address, (perAddress.get(e.address) ?? 0) + 1);
  let cleared = 0;
  for (let i = counter.queue.length - 1; i >= 0; i -= 1) {
    const entry = counter.queue[i];
    if (m.scope === 'repeated' && (perAddress.get(entry.address) ?? 0) < 2) continue;
    dropEntry(room, counter, i);
    cleared += 1;
    const citizen = room.clientBySession(entry.sessionId);
    if (citizen?.userData) {
      citizen.userData.counter = undefined;
      showInitials(room, citizen, false);
      citizen.send(SERVER_EVENTS.queueCleared, { counter: counter.code });
    }
  }
  client.send(SERVER_EVENTS.queueCleared, { counter: counter.code, cleared });
  await audit(room.ctx.db, staff.id, 'clear_queue', counter.code, { scope: m.scope, cleared });
}
