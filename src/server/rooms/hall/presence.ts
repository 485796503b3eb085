import { ServerError, type AuthContext } from '@colyseus/core';
import type { z } from 'zod';
import { joinOptionsSchema } from '../../../shared/messages';
import { SESSION_COOKIE } from '../../../shared/staff';
import { profileOf, staffForToken } from '../../auth/staffStore';
import type { HallRoom } from '../HallRoom';
import { Visitor } from '../schema/Visitor';
import { closeCounter, officerCounter } from './counters';
import { leaveQueue } from './queue';
import type { AuthData, HallClient } from './types';

const CITIZEN_RECONNECT_SECONDS = 20;
const COLORS = ['#e63946', '#2a9d8f', '#f4a261', '#457b9d', '#8e44ad', '#e76f51', '#1d3557', '#2ecc71'];

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/** Who is joining: staff by their session (token option, colyseus token or cookie), else a citizen. */
export async function authenticate(room: HallRoom, options: unknown, context: AuthContext): Promise<AuthData> {
  const parsed = joinOptionsSchema.safeParse(options ?? {});
  if (!parsed.success) throw new ServerError(400, `join options: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`);
  const token = parsed.data.staffToken ?? context.token ?? cookieValue(context.headers?.cookie, SESSION_COOKIE);
  if (!token) return {};
  const staff = await staffForToken(room.ctx.db, token);
  // A stale cookie is no reason to keep a citizen out: they join as a citizen.
  return staff ? { staff: profileOf(staff) } : {};
}

/** A visitor walks in at the spawn point; an officer takes their counter when it is free. */
export function join(room: HallRoom, client: HallClient, options: z.infer<typeof joinOptionsSchema>, auth: AuthData): void {
  client.userData = { lastMoveAt: 0, chatTimes: [], transcript: [] };
  if (options?.spectator) {
    // Sees the state like everyone; is not in it, and not in the hall's figures. Even a
    // signed-in officer's projector does not take their counter.
    client.userData.spectator = true;
    return;
  }
  const { state, ctx } = room;
  const visitor = new Visitor();
  const staff = auth?.staff;
  const n = state.visitors.size + 1;
  visitor.name = staff ? staff.display_name : (options?.name?.trim() || `Warga ${n}`);
  visitor.color = options?.color ?? COLORS[n % COLORS.length];
  visitor.role = staff ? staff.role : 'citizen';
  const spawn = ctx.hall.spawn;
  visitor.x = Math.round(spawn.x * 100);
  visitor.z = Math.round(spawn.z * 100);
  visitor.h = Math.round(((spawn.rotation * Math.PI) / 180) * 100) % 315;
  if (staff?.role === 'officer' && staff.agency_code) {
    const counter = state.counters.get(staff.agency_code);
    const spot = ctx.geometry.spots[staff.agency_code];
    // The same account may take its counter over from an older tab or a dropped connection.
    const free = !counter?.officer || room.officerStaff.get(staff.agency_code) === staff.id;
    if (counter && spot && free) {
      if (!counter.officer) ctx.hallEvents.record('counter_open', staff.agency_code);
      room.officerStaff.set(staff.agency_code, staff.id);
      counter.officer = staff.display_name;
      counter.officerSessionId = client.sessionId;
      counter.officerAway = false;
      visitor.x = Math.round(spot.officerX * 100);
      visitor.z = Math.round(spot.officerZ * 100);
      visitor.h = Math.round(Math.atan2(spot.frontX, spot.frontZ) * 100);
    }
  }
  state.visitors.set(client.sessionId, visitor);
  if (!staff) ctx.hallEvents.record('visit');
}

/** A dropped connection may come back for a while; then its counter, queue place and avatar go. */
export async function leave(room: HallRoom, client: HallClient, consented: boolean): Promise<void> {
  const counter = officerCounter(room, client);
  if (!consented && !client.userData?.removed) {
    if (counter) counter.officerAway = true;
    try {
      await room.allowReconnection(client, counter ? room.ctx.config.officerGraceSeconds : CITIZEN_RECONNECT_SECONDS);
      if (counter) counter.officerAway = false;
      return;
    } catch {
      // Did not come back in time: fall through and clean up.
    }
  }
  if (counter) closeCounter(room, counter, 'officer_left');
  leaveQueue(room, client);
  room.state.visitors.delete(client.sessionId);
}
