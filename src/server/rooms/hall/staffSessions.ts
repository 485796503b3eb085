import { SERVER_EVENTS } from '../../../shared/messages';
import { staffForToken } from '../../auth/staffStore';
import { closeCounter } from './counters';
import { officerCounter } from './roster';
import type { HallClient, HallRoomLike } from './types';

/** Staff powers end with the session: the counter closes and the connection is let go. */
export function endStaffPowers(room: HallRoomLike, client: HallClient, reason: string): void {
  const counter = officerCounter(room, client);
  if (counter) closeCounter(room, counter, reason);
  if (client.auth) {
    client.auth.staff = undefined;
    client.auth.token = undefined;
  }
  // No reconnection window: the page signs in again if it still may.
  if (client.userData) client.userData.removed = true;
  client.send(SERVER_EVENTS.sessionEnded, { reason });
  client.leave(4003, 'staff session ended');
}

/** Checks one staff connection's session (logout, disabled account, 12-hour expiry). */
export async function recheckStaff(room: HallRoomLike, client: HallClient): Promise<void> {
  if (!client.auth?.staff) return;
  const row = client.auth.token ? await staffForToken(room.ctx.db, client.auth.token) : null;
  if (!row && client.auth?.staff) endStaffPowers(room, client, 'session_ended');
}

/** Re-checks every staff connection in the room (or only one staff member's). */
export async function recheckAllStaff(room: HallRoomLike, staffId?: string): Promise<void> {
  const staff = room.clients.filter((c) => {
    const auth = (c as HallClient).auth;
    return Boolean(auth?.staff && (staffId === undefined || auth.staff.id === staffId));
  }) as HallClient[];
  await Promise.all(staff.map((c) => recheckStaff(room, c)));
}
