import { matchMaker, Room, type AuthContext, type Client } from '@colyseus/core';
import type { z } from 'zod';
import { CALL_MESSAGES, HALL_ROOM, MOVE_BYTES, clientMessages, decodeMove, joinOptionsSchema, SERVER_EVENTS, type ClientMessageType } from '../../shared/messages';
import { ticketPrefixes } from '../../shared/tickets';
import type { AppContext } from '../http/context';
import { oneLine } from '../net/refusalLog';
import { onCallAccept, onCallConnected, onCallHangup, onCallSignal, onCallStart } from './hall/calls';
import { onAttach, onChat, onEndService } from './hall/conversation';
import { onOfferCase } from './hall/offerCase';
import { onClearQueue, onModerate } from './hall/moderation';
import { onMove } from './hall/movement';
import { authenticate, join, leave } from './hall/presence';
import { leaveQueue, onCallNext, onQueueTake } from './hall/queue';
import { recheckAllStaff, recheckStaff } from './hall/staffSessions';
import type { ActiveCall, AuthData, HallClient } from './hall/types';
import { CounterState } from './schema/CounterState';
import { HallState } from './schema/HallState';

/**
 * One hall instance: visitors walking, officers on duty at their counters, each counter's
 * queue, and 1:1 chats. Every message is validated; bad ones are dropped without harm.
 * The server's context comes from the subclass `bindHallRoom` makes, not from a global.
 *
 * Each concern lives in its own module under `hall/`:
 * - presence.ts      who joins (staff by session), who leaves, reconnection
 * - movement.ts      walking: throttle, speed limit, walls
 * - queue.ts         queue numbers and calling the next citizen
 * - roster.ts        who is where: the officer's counter, initials while queued, queue entries
 * - counters.ts      which counter is live and closing it
 * - conversation.ts  chat, ending a conversation, the transcript
 * - calls.ts         voice: WebRTC signalling between the officer and the citizen they called
 * - callRecords.ts   a finished call: the figures' row and the note on the case
 * - offerCase.ts     the officer hands the citizen a case filed for them (number, private link)
 * - moderation.ts    a supervisor mutes, removes (remembered) or clears a queue of abusers
 * - staffSessions.ts staff powers end with the session (logout, disabled, expiry, reconnect)
 */
export abstract class HallRoom extends Room<HallState> {
  abstract readonly ctx: AppContext;
  /** Which staff account holds each live counter (server-side only). */
  readonly officerStaff = new Map<string, string>();
  /** Officers' dropped connections still in their grace period (see presence.ts). */
  readonly awaitingReturn = new Map<string, { staffId: string; supersede(): void }>();
  /** Voice calls running, by counter (server-side only). */
  readonly calls = new Map<string, ActiveCall>();
  /** Visitors per instance; a spectator (a projector) takes a seat too, though it is not a visitor. */
  override maxClients = 500;
  override autoDispose = true;
  private stopWatching?: () => void;
  private prefixes?: Map<string, string>;

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
    this.handle('move', (client, m) => onMove(this, client, m));
    // The same move as 7 bytes (shared/messages.ts): what the web client sends, no msgpack or zod per move.
    this.onMessage(MOVE_BYTES, (client: HallClient, bytes: unknown) => {
      if (client.userData?.spectator) return;
      const m = bytes instanceof Uint8Array ? decodeMove(bytes) : undefined;
      if (m) onMove(this, client, m);
      else this.ctx.refusals.write(`hall ${MOVE_BYTES} from ${client.sessionId}: not a move`);
    });
    this.handle('queueTake', (client, m) => onQueueTake(this, client, m.counter));
    this.handle('queueLeave', (client) => leaveQueue(this, client));
    this.handle('chat', (client, m) => onChat(this, client, m.text));
    this.handle('attachTranscript', (client, m) => onAttach(this, client, m));
    this.handle('offerCase', (client, m) => onOfferCase(this, client, m));
    this.handle('callNext', (client) => onCallNext(this, client));
    this.handle('endService', (client) => onEndService(this, client, 'officer_ended'));
    this.handle('moderate', (client, m) => onModerate(this, client, m));
    this.handle('clearQueue', (client, m) => onClearQueue(this, client, m));
    this.handle('callStart', (client, m) => onCallStart(this, client, m));
    this.handle('callAccept', (client, m) => onCallAccept(this, client, m));
    this.handle('callSignal', (client, m) => onCallSignal(this, client, m));
    this.handle('callConnected', (client, m) => onCallConnected(this, client, m));
    this.handle('callHangup', (client, m) => onCallHangup(this, client, m));
    // A logout here ends staff powers at once; other ends (expiry, another process) within a period.
    this.stopWatching = this.ctx.sessions.onEnded((staffId) => void recheckAllStaff(this, staffId));
    this.clock.setInterval(() => void recheckAllStaff(this), this.ctx.config.staffRecheckSeconds * 1000);
    // Anything else is dropped, with one (rate-limited) line in the log.
    this.onMessage('*', (client, type) => this.ctx.refusals.write(`hall: unknown message type from ${client.sessionId}: ${oneLine(String(type)).slice(0, 40)}`));
  }

  override onAuth(_client: HallClient, options: unknown, context: AuthContext): Promise<AuthData> {
    return authenticate(this, options, context);
  }

  override onJoin(client: HallClient, options: z.infer<typeof joinOptionsSchema>, auth: AuthData): void {
    join(this, client, options, auth);
  }

  override onLeave(client: HallClient, consented: boolean): Promise<void> {
    return leave(this, client, consented);
  }

  override async onDispose(): Promise<void> {
    this.stopWatching?.();
    for (const call of this.calls.values()) clearTimeout(call.timer);
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
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        this.ctx.refusals.write(`hall ${type} from ${client.sessionId}: ${issue.path.join('.') || 'message'}: ${issue.message}`);
        // A call's controls wait on the answer: an invalid signalling message is refused aloud.
        if (CALL_MESSAGES.includes(type)) this.refuse(client, type, 'invalid');
        return;
      }
      Promise.resolve(handler(client, parsed.data as z.infer<(typeof clientMessages)[T]>)).catch((error: unknown) => {
        this.ctx.refusals.write(`hall ${type} failed: ${oneLine(error)}`);
      });
    });
  }

  recheckStaff(client: HallClient): Promise<void> {
    return recheckStaff(this, client);
  }

  /** This hall's ticket prefix for a counter (unique per agency). */
  ticketPrefix(code: string): string {
    this.prefixes ??= ticketPrefixes(this.ctx.catalog.agencies.map((a) => a.code));
    return this.prefixes.get(code) ?? code.slice(0, 3).toUpperCase();
  }

  clientBySession(sessionId: string): HallClient | undefined {
    return this.clients.getById(sessionId) as HallClient | undefined;
  }

  refuse(client: Client, type: string, reason: string): void {
    client.send(SERVER_EVENTS.refused, { type, reason });
  }
}

/** The hall room class for one server: its context is a field, not a global. */
export function bindHallRoom(ctx: AppContext): new () => HallRoom {
  return class BoundHallRoom extends HallRoom {
    readonly ctx = ctx;
  };
}
