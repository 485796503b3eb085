import { matchMaker, Room, ServerError, type AuthContext, type Client } from '@colyseus/core';
import type { z } from 'zod';
import { CHAT_PER_10S, HALL_ROOM, clientMessages, joinOptionsSchema, MAX_SPEED, MOVE_HZ, SERVER_EVENTS, type ChatLine, type ClientMessageType } from '../../shared/messages';
import { resolveMove, type Vec2 } from '../../shared/hall';
import { SESSION_COOKIE, type StaffProfile } from '../../shared/staff';
import { audit } from '../auth/audit';
import { profileOf, staffForToken } from '../auth/staffStore';
import { addNote } from '../db/requestStore';
import type { AppContext } from '../http/context';
import { CounterState } from './schema/CounterState';
import { HallState } from './schema/HallState';
import { QueueEntry } from './schema/QueueEntry';
import { Visitor } from './schema/Visitor';

interface UserData {
  lastMoveAt: number;
  chatTimes: number[];
  /** The counter the citizen queues at or is served by. */
  counter?: string;
  /** The conversation so far (and the last one, until it is attached or the citizen leaves). */
  transcript: ChatLine[];
  transcriptCounter?: string;
  /** Removed by a supervisor: no reconnection window. */
  removed?: boolean;
  /** A projector or big screen watching the hall: no avatar, not counted, every message refused. */
  spectator?: boolean;
}

interface AuthData {
  staff?: StaffProfile;
}

type HallClient = Client<UserData, AuthData>;

const CITIZEN_RECONNECT_SECONDS = 20;
const MAX_TRANSCRIPT = 300;

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

const COLORS = ['#e63946', '#2a9d8f', '#f4a261', '#457b9d', '#8e44ad', '#e76f51', '#1d3557', '#2ecc71'];

/**
 * One hall instance: visitors walking, officers on duty at their counters, each counter's
 * queue, and 1:1 chats. Every message is validated; bad ones are dropped without harm.
 * The server's context comes from the subclass `bindHallRoom` makes, not from a global.
 */
export abstract class HallRoom extends Room<HallState> {
  protected abstract readonly ctx: AppContext;
  /** Which staff account holds each live counter (server-side only). */
  private readonly officerStaff = new Map<string, string>();
  /** Visitors per instance; a spectator (a projector) takes a seat too, though it is not a visitor. */
  override maxClients = 500;
  override autoDispose = true;

  override async onCreate(options: { capacity?: number }): Promise<void> {
    this.setState(new HallState());
    this.maxClients = options.capacity ?? this.maxClients;
    const others = (await matchMaker.query({ name: HALL_ROOM })).filter((r) => r.roomId !== this.roomId);
    this.state.instance = Math.max(0, ...others.map((r) => Number(r.metadata?.instance) || 0)) + 1;
    await this.setMetadata({ instance: this.state.instance });
    this.setPatchRate(50);
    for (const agency of this.ctx.catalog.agencies) {
      const counter = new CounterState();
      counter.code = agency.code;
      this.state.counters.set(agency.code, counter);
    }
    this.handle('move', (client, m) => this.onMove(client, m));
    this.handle('queueTake', (client, m) => this.onQueueTake(client, m.counter));
    this.handle('queueLeave', (client) => this.leaveQueue(client));
    this.handle('chat', (client, m) => this.onChat(client, m.text));
    this.handle('attachTranscript', (client, m) => this.onAttach(client, m.service_request_id));
    this.handle('callNext', (client) => this.onCallNext(client));
    this.handle('endService', (client) => this.onEndService(client, 'officer_ended'));
    this.handle('moderate', (client, m) => this.onModerate(client, m.sessionId, m.action));
    // Anything else is dropped quietly.
    this.onMessage('*', () => undefined);
  }

  override async onDispose(): Promise<void> {
    await this.ctx.hallEvents.flush();
  }

  /** Registers a handler that only ever sees input its schema accepted. */
  private handle<T extends ClientMessageType>(type: T, handler: (client: HallClient, message: z.infer<(typeof clientMessages)[T]>) => void | Promise<void>): void {
    const schema = clientMessages[type];
    this.onMessage(type, (client: HallClient, raw: unknown) => {
      if (client.userData?.spectator) {
        // A spectator only watches; its moves are dropped quietly (a stray pointer), the rest refused.
        if (type !== 'move') this.refuse(client, type, 'spectator');
        return;
      }
      const parsed = schema.safeParse(raw ?? {});
      if (!parsed.success) return;
      Promise.resolve(handler(client, parsed.data as z.infer<(typeof clientMessages)[T]>)).catch((error: unknown) => {
        console.error(`hall room: ${type} failed`, error instanceof Error ? error.message : error);
      });
    });
  }

  override async onAuth(_client: HallClient, options: unknown, context: AuthContext): Promise<AuthData> {
    const parsed = joinOptionsSchema.safeParse(options ?? {});
    if (!parsed.success) throw new ServerError(400, `join options: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`);
    const token = parsed.data.staffToken ?? context.token ?? cookieValue(context.headers?.cookie, SESSION_COOKIE);
    if (!token) return {};
    const staff = await staffForToken(this.ctx.db, token);
    // A stale cookie is no reason to keep a citizen out: they join as a citizen.
    return staff ? { staff: profileOf(staff) } : {};
  }

  override onJoin(client: HallClient, options: z.infer<typeof joinOptionsSchema>, auth: AuthData): void {
    client.userData = { lastMoveAt: 0, chatTimes: [], transcript: [] };
    if (options?.spectator) {
      // Sees the state like everyone; is not in it, and not in the hall's figures. Even a
      // signed-in officer's projector does not take their counter.
      client.userData.spectator = true;
      return;
    }
    const visitor = new Visitor();
    const staff = auth?.staff;
    const n = this.state.visitors.size + 1;
    visitor.name = staff ? staff.display_name : (options?.name?.trim() || `Warga ${n}`);
    visitor.color = options?.color ?? COLORS[n % COLORS.length];
    visitor.role = staff ? staff.role : 'citizen';
    const spawn = this.ctx.hall.spawn;
    visitor.x = Math.round(spawn.x * 100);
    visitor.z = Math.round(spawn.z * 100);
    visitor.h = Math.round(((spawn.rotation * Math.PI) / 180) * 100) % 315;
    if (staff?.role === 'officer' && staff.agency_code) {
      const counter = this.state.counters.get(staff.agency_code);
      const spot = this.ctx.geometry.spots[staff.agency_code];
      // The same account may take its counter over from an older tab or a dropped connection.
      const free = !counter?.officer || this.officerStaff.get(staff.agency_code) === staff.id;
      if (counter && spot && free) {
        if (!counter.officer) this.ctx.hallEvents.record('counter_open', staff.agency_code);
        this.officerStaff.set(staff.agency_code, staff.id);
        counter.officer = staff.display_name;
        counter.officerSessionId = client.sessionId;
        counter.officerAway = false;
        visitor.x = Math.round(spot.officerX * 100);
        visitor.z = Math.round(spot.officerZ * 100);
        visitor.h = Math.round(Math.atan2(spot.frontX, spot.frontZ) * 100);
      }
    }
    this.state.visitors.set(client.sessionId, visitor);
    if (!staff) this.ctx.hallEvents.record('visit');
  }

  override async onLeave(client: HallClient, consented: boolean): Promise<void> {
    const counter = this.officerCounter(client);
    if (!consented && !client.userData?.removed) {
      if (counter) counter.officerAway = true;
      try {
        await this.allowReconnection(client, counter ? this.ctx.config.officerGraceSeconds : CITIZEN_RECONNECT_SECONDS);
        if (counter) counter.officerAway = false;
        return;
      } catch {
        // Did not come back in time: fall through and clean up.
      }
    }
    if (counter) this.closeCounter(counter, 'officer_left');
    this.leaveQueue(client);
    this.state.visitors.delete(client.sessionId);
  }

  private officerCounter(client: HallClient): CounterState | undefined {
    for (const counter of this.state.counters.values()) if (counter.officerSessionId === client.sessionId) return counter;
    return undefined;
  }

  /** The counter goes back to self-service; queued citizens are told and offered it. */
  private closeCounter(counter: CounterState, reason: string): void {
    if (counter.servingSessionId) this.endConversation(counter, reason);
    for (const entry of counter.queue) {
      const citizen = this.clientBySession(entry.sessionId);
      citizen?.send(SERVER_EVENTS.counterClosed, { counter: counter.code });
      if (citizen) citizen.userData!.counter = undefined;
    }
    for (let i = 0; i < counter.queue.length; i += 1) this.ctx.hallEvents.record('queue_abandoned', counter.code);
    counter.queue.clear();
    this.ctx.hallEvents.record('counter_close', counter.code);
    counter.officer = '';
    counter.officerSessionId = '';
    this.officerStaff.delete(counter.code);
    counter.officerAway = false;
  }

  private clientBySession(sessionId: string): HallClient | undefined {
    return this.clients.getById(sessionId) as HallClient | undefined;
  }

  private onMove(client: HallClient, m: { x: number; z: number; h: number; a: string }): void {
    const visitor = this.state.visitors.get(client.sessionId);
    const data = client.userData;
    if (!visitor || !data || this.officerCounter(client)) return;
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
    const next = resolveMove(this.ctx.geometry, from, to);
    visitor.x = Math.round(next.x * 100);
    visitor.z = Math.round(next.z * 100);
    visitor.h = m.h;
    visitor.a = m.a;
  }

  private onQueueTake(client: HallClient, code: string): void {
    const counter = this.state.counters.get(code);
    const data = client.userData!;
    if (client.auth?.staff) return this.refuse(client, 'queueTake', 'staff_cannot_queue');
    if (!counter || !counter.officer) return this.refuse(client, 'queueTake', 'counter_not_live');
    if (data.counter) return this.refuse(client, 'queueTake', 'already_queued');
    const entry = new QueueEntry();
    const prefix = code.replace(/[^a-z]/g, '').slice(0, 3).toUpperCase();
    entry.ticket = `${prefix}-${String(counter.nextNumber).padStart(3, '0')}`;
    entry.sessionId = client.sessionId;
    entry.since = Date.now();
    counter.nextNumber = (counter.nextNumber % 999) + 1;
    counter.queue.push(entry);
    data.counter = code;
    this.ctx.hallEvents.record('queue_take', code);
  }

  private leaveQueue(client: HallClient): void {
    const data = client.userData;
    if (!data?.counter) return;
    const counter = this.state.counters.get(data.counter);
    if (counter) {
      const i = counter.queue.findIndex((e) => e.sessionId === client.sessionId);
      if (i >= 0) {
        counter.queue.splice(i, 1);
        this.ctx.hallEvents.record('queue_abandoned', counter.code);
      }
      if (counter.servingSessionId === client.sessionId) this.endConversation(counter, 'citizen_left');
    }
    data.counter = undefined;
  }

  private onCallNext(client: HallClient): void {
    const counter = this.officerCounter(client);
    if (!counter) return this.refuse(client, 'callNext', 'not_on_duty');
    if (counter.servingSessionId) this.endConversation(counter, 'next_called');
    const next = counter.queue.shift();
    if (!next) return this.refuse(client, 'callNext', 'queue_empty');
    const citizen = this.clientBySession(next.sessionId);
    if (!citizen) return this.onCallNext(client);
    counter.serving = next.ticket;
    counter.servingSessionId = next.sessionId;
    const waited = Math.round((Date.now() - next.since) / 1000);
    this.ctx.hallEvents.record('queue_called', counter.code, waited);
    // A running average, so the estimated wait follows the day.
    counter.avgServiceSeconds = Math.max(60, Math.min(1800, Math.round(counter.avgServiceSeconds * 0.8 + Math.max(waited, 60) * 0.2)));
    citizen.userData!.transcript = [];
    citizen.userData!.transcriptCounter = counter.code;
    const called = { counter: counter.code, ticket: next.ticket, officer: counter.officer };
    citizen.send(SERVER_EVENTS.called, called);
    client.send(SERVER_EVENTS.called, { ...called, citizen: this.state.visitors.get(next.sessionId)?.name ?? '' });
  }

  private onEndService(client: HallClient, reason: string): void {
    const counter = this.officerCounter(client);
    if (counter?.servingSessionId) this.endConversation(counter, reason);
  }

  private endConversation(counter: CounterState, reason: string): void {
    const citizen = this.clientBySession(counter.servingSessionId);
    const officer = this.clientBySession(counter.officerSessionId);
    const ended = { counter: counter.code, ticket: counter.serving, reason };
    citizen?.send(SERVER_EVENTS.ended, ended);
    officer?.send(SERVER_EVENTS.ended, ended);
    if (citizen) citizen.userData!.counter = undefined;
    counter.serving = '';
    counter.servingSessionId = '';
  }

  private onChat(client: HallClient, text: string): void {
    const data = client.userData!;
    const visitor = this.state.visitors.get(client.sessionId);
    if (!visitor || visitor.muted) return this.refuse(client, 'chat', 'muted');
    const now = Date.now();
    data.chatTimes = data.chatTimes.filter((t) => now - t < 10_000);
    if (data.chatTimes.length >= CHAT_PER_10S) return this.refuse(client, 'chat', 'too_fast');
    data.chatTimes.push(now);
    const officerCounter = this.officerCounter(client);
    const counter = officerCounter ?? [...this.state.counters.values()].find((c) => c.servingSessionId === client.sessionId);
    if (!counter || !counter.servingSessionId) return this.refuse(client, 'chat', 'not_in_conversation');
    const line: ChatLine = { from: officerCounter ? 'officer' : 'citizen', name: visitor.name, text, at: new Date(now).toISOString() };
    const citizen = this.clientBySession(counter.servingSessionId);
    const officer = this.clientBySession(counter.officerSessionId);
    if (citizen && citizen.userData!.transcript.length === 0) this.ctx.hallEvents.record('chat', counter.code);
    if (citizen && citizen.userData!.transcript.length < MAX_TRANSCRIPT) citizen.userData!.transcript.push(line);
    citizen?.send(SERVER_EVENTS.chat, line);
    officer?.send(SERVER_EVENTS.chat, line);
  }

  /** With the citizen's consent, the conversation becomes a note on the case it produced. */
  private async onAttach(client: HallClient, id: string): Promise<void> {
    const data = client.userData!;
    if (data.transcript.length === 0 || !data.transcriptCounter) return this.refuse(client, 'attachTranscript', 'no_conversation');
    const row = await this.ctx.db.selectFrom('service_requests').select(['agency_code']).where('service_request_id', '=', id).executeTakeFirst();
    const agency = this.ctx.catalog.agencies.find((a) => a.code === data.transcriptCounter);
    if (!row || (row.agency_code !== data.transcriptCounter && !agency?.general)) return this.refuse(client, 'attachTranscript', 'unknown_case');
    const text = data.transcript.map((l) => `[${l.at.slice(11, 16)}Z] ${l.from === 'officer' ? 'Petugas' : 'Warga'} ${l.name}: ${l.text}`).join('\n');
    await addNote(this.ctx.db, id, 'transcript', `Percakapan di loket (disetujui warga):\n${text}`, 'citizen');
    data.transcript = [];
    client.send(SERVER_EVENTS.attached, { service_request_id: id });
  }

  private async onModerate(client: HallClient, sessionId: string, action: 'mute' | 'unmute' | 'remove'): Promise<void> {
    const staff = client.auth?.staff;
    if (staff?.role !== 'supervisor') return this.refuse(client, 'moderate', 'not_supervisor');
    const visitor = this.state.visitors.get(sessionId);
    const target = this.clientBySession(sessionId);
    if (!visitor || visitor.role !== 'citizen') return this.refuse(client, 'moderate', 'unknown_visitor');
    if (action === 'remove') {
      if (target) target.userData!.removed = true;
      target?.send(SERVER_EVENTS.moderated, { action });
      target?.leave(4001, 'removed by a supervisor');
    } else {
      visitor.muted = action === 'mute';
      target?.send(SERVER_EVENTS.moderated, { action });
    }
    await audit(this.ctx.db, staff.id, 'moderate', sessionId, { action, name: visitor.name });
  }

  private refuse(client: HallClient, type: string, reason: string): void {
    client.send(SERVER_EVENTS.refused, { type, reason });
  }
}

/** The hall room class for one server: its context is a field, not a global. */
export function bindHallRoom(ctx: AppContext): new () => HallRoom {
  return class BoundHallRoom extends HallRoom {
    protected readonly ctx = ctx;
  };
}
