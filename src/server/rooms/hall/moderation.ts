import { SERVER_EVENTS, type ClientMessage } from '../../../shared/messages';
import { audit } from '../../auth/audit';
import type { HallRoom } from '../HallRoom';
import type { HallClient } from './types';

/** A supervisor mutes, unmutes or removes a citizen; every action is audited. */
export async function onModerate(room: HallRoom, client: HallClient, m: ClientMessage<'moderate'>): Promise<void> {
  const { sessionId, action } = m;
  const staff = client.auth?.staff;
  if (staff?.role !== 'supervisor') return room.refuse(client, 'moderate', 'not_supervisor');
  const visitor = room.state.visitors.get(sessionId);
  const target = room.clientBySession(sessionId);
  if (!visitor || visitor.role !== 'citizen') return room.refuse(client, 'moderate', 'unknown_visitor');
  if (action === 'remove') {
    if (target) target.userData!.removed = true;
    target?.send(SERVER_EVENTS.moderated, { action });
    target?.leave(4001, 'removed by a supervisor');
  } else {
    visitor.muted = action === 'mute';
    target?.send(SERVER_EVENTS.moderated, { action });
  }
  await audit(room.ctx.db, staff.id, 'moderate', sessionId, { action, name: visitor.name });
}
