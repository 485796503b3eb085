import { ServerError, type AuthContext } from '@colyseus/core';
import type { z } from 'zod';
import { toCityIso } from '../../../shared/datetime';
import { joinOptionsSchema } from '../../../shared/messages';
import { visitorName } from '../../../shared/names';
import { SESSION_COOKIE } from '../../../shared/staff';
import { profileOf, staffForToken } from '../../auth/staffStore';
import { addressKey } from '../../net/clientAddress';
import { Visitor } from '../schema/Visitor';
import { closeCounter } from './counters';
import { officerCounter } from './roster';
import { leaveQueue } from './queue';
import type { AuthData, HallClient, HallRoomLike } from './types';

const CITIZEN_RECONNECT_SECONDS = 20;
const COLORS = ['#e63946', '#2a9d8f', '#f4a261', '#457b9d', '#8e44ad', '#e76f51', '#1d3557', '#2ecc71'];

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) {
      try {
        return decodeURIComponent(v.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * Who is joining: staff by their session (token option, colyseus token or cookie), else a
 * citizen. A visitor a supervisor removed stays out for the chosen time; an address holds
 * only so many seats.
 */
export async function authenticate(room: HallRoomLike, options: unknown, context: AuthContext): Promise<AuthData> {
  const parsed = joinOptionsSchema.safeParse(options ?? {});
  if (!parsed.success) throw new ServerError(400, `join options: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`);
  // realtime.ts overwrites x-real-ip (Colyseus' context.ip) with the address it trusts.
  const auth: AuthData = { address: addressKey(String(context.ip ?? 'unknown')), device: parsed.data.device };
  const token = parsed.data.staffToken ?? context.token ?? cookieValue(context.headers?.cookie, SESSION_COOKIE);
  const staff = token ? await staffForToken(room.ctx.db, token) : null;
  // A stale cookie is no reason to keep a citizen out: they join as a citizen.
  if (staff) {
    auth.staff = profileOf(staff);
    auth.token = token;
  } else {
    // Remembered by device first, by address only within a limit (net/sanctions.ts).
    const sanction = await room.ctx.hallGate.sanctions.forJoin(auth);
    if (sanction?.action === 'remove') throw new ServerError(403, 'hall: removed by a supervisor; try again later');
    auth.muted = sanction?.action === 'mute';
  }
  if (!room.ctx.hallGate.takeSeat(auth.address)) throw new ServerError(429, 'hall: too many connections from this address');
  return auth;
}

/** A visitor walks in at the spawn point; an officer takes their counter when it is free. */
export function join(room: HallRoomLike, client: HallClient, options: z.infer<typeof joinOptionsSchema>, auth: AuthData): void {
  client.userData = { lastMoveAt: 0, chatTimes: [], transcript: [], fullName: '', queueTimes: [], callStarts: [], signalTimes: [], callNotes: [] };
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
  // Names are cleaned of invisible and direction-changing characters; a staff-like name is replaced.
  visitor.name = staff ? staff.display_name : visitorName(options?.name, `Warga ${n}`);
  client.userData.fullName = visitor.name;
  visitor.color = options?.color ?? COLORS[n % COLORS.length];
  visitor.role = staff ? staff.role : 'citizen';
  visitor.muted = !staff && auth?.muted === true;
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
      // A reload: the old connection's grace period ends now, so it can never release the
      // counter (or drop the queue) a minute later while the officer is back.
      const previous = counter.officerSessionId && counter.officerSessionId !== client.sessionId ? room.awaitingReturn.get(counter.officerSessionId) : undefined;
      if (previous?.staffId === staff.id) previous.supersede();
      room.officerStaff.set(staff.agency_code, staff.id);
      counter.officer = staff.display_name;
      counter.officerSessionId = client.sessionId;
      counter.officerAway = false;
      visitor.x = Math.round(spot.officerX * 100);
      visitor.z = Math.round(spot.officerZ * 100);
      visitor.h = Math.round(Math.atan2(spot.frontX, spot.frontZ) * 100);
      // Taken over mid-conversation: the chat now goes to this connection; the page sees from the
      // state (its session serving a ticket) that it is in a conversation.
    }
  }
  state.visitors.set(client.sessionId, visitor);
  // A visit is a person on a day, not a connection: rejoining or a second tab is not another visit.
  const who = auth.device ? `d:${auth.device}` : `a:${auth.address}`;
  if (!staff && ctx.hallGate.firstVisitToday(who, toCityIso(new Date()).slice(0, 10))) ctx.hallEvents.record('visit');
}

/** Ends a grace period at once (Colyseus' reconnection is a Deferred: rejecting it is its time running out). */
function endGrace(reconnection: { reject?: unknown }): void {
  if (typeof reconnection.reject === 'function') (reconnection.reject as (reason: unknown) => void).call(reconnection, new Error('superseded'));
}

/** A dropped connection may come back for a while; then its counter, queue place and avatar go. */
export async function leave(room: HallRoomLike, client: HallClient, consented: boolean): Promise<void> {
  const counter = officerCounter(room, client);
  if (!consented && !client.userData?.removed) {
    if (counter) counter.officerAway = true;
    const reconnection = room.allowReconnection(client, counter ? room.ctx.config.officerGraceSeconds : CITIZEN_RECONNECT_SECONDS);
    const staffId = client.auth?.staff?.id;
    if (counter && staffId) room.awaitingReturn.set(client.sessionId, { staffId, supersede: () => endGrace(reconnection) });
    try {
      const back = (await reconnection) as HallClient;
      // Only if the counter is still this connection's (not taken over meanwhile).
      if (counter && counter.officerSessionId === back.sessionId) counter.officerAway = false;
      // A reconnect skips onAuth: the staff session is checked again here.
      if (back.auth?.staff) await room.recheckStaff(back);
      return;
    } catch {
      // Did not come back in time, or a new connection of the same officer took over: clean up.
    } finally {
      room.awaitingReturn.delete(client.sessionId);
    }
  }
  const current = officerCounter(room, client);
  if (current) closeCounter(room, current, 'officer_left');
  leaveQueue(room, client);
  room.state.visitors.delete(client.sessionId);
  if (client.auth) room.ctx.hallGate.freeSeat(client.auth.address);
}
