import { MAX_SPEED, MOVE_HZ, type ClientMessage } from '../../../shared/messages';
import { resolveMove, type Vec2 } from '../../../shared/hall';
import { officerCounter } from './roster';
import type { HallClient, HallRoomLike } from './types';

/** A walking visitor: throttled, speed-limited and kept out of walls; officers stay at their desk. */
export function onMove(room: HallRoomLike, client: HallClient, m: ClientMessage<'move'>): void {
  const visitor = room.state.visitors.get(client.sessionId);
  const data = client.userData;
  if (!visitor || !data || officerCounter(room, client)) return;
  const now = Date.now();
  const dt = (now - data.lastMoveAt) / 1000;
  // Throttle: at most MOVE_HZ moves a second (a little slack for timer jitter).
  if (dt < 0.8 / MOVE_HZ) return;
  data.lastMoveAt = now;
  const from: Vec2 = { x: visitor.x / 100, z: visitor.z / 100 };
  let to: Vec2 = { x: m.x / 100, z: m.z / 100 };
  // Speed limit: never further than MAX_SPEED allows since the last accepted move.
  const maxStep = MAX_SPEED * Math.min(dt, 1) + 0.25;
  const dx = to.x - from.x;
  const dz = to.z - from.z;
  const dist = Math.hypot(dx, dz);
  if (dist > maxStep) to = { x: from.x + (dx / dist) * maxStep, z: from.z + (dz / dist) * maxStep };
  const next = resolveMove(room.ctx.geometry, from, to);
  visitor.x = Math.round(next.x * 100);
  visitor.z = Math.round(next.z * 100);
  visitor.h = m.h;
  visitor.a = m.a;
}
