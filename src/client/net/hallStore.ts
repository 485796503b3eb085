import type { Room } from 'colyseus.js';
import { create } from 'zustand';
import { CALL_MESSAGES, HALL_ROOM, MOVE_BYTES, MOVE_BYTE_LENGTH, MOVE_HZ, SERVER_EVENTS, encodeMove, type ChatLine, type ClientMessage, type ClientMessageType, type JoinOptions } from '../../shared/messages';
import { clearRemoteVisitors, remoteVisitors } from './remoteVisitors';

export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'error';

/** What the UI shows of a counter's live state. */
export interface CounterLive {
  /** The officer on duty, '' when the counter is self-service. */
  officer: string;
  officerAway: boolean;
  /** The officer's connection, so a staff page can tell whether it holds the counter. */
  officerSessionId: string;
  /** Queue tickets in order, with whose they are and since when (server epoch ms). */
  queue: { ticket: string; sessionId: string; since: number }[];
  serving: string;
  /** Who is being served (the other side of the officer's voice call). */
  servingSessionId: string;
  avgServiceSeconds: number;
}

export interface Conversation {
  counter: string;
  ticket: string;
  officer: string;
  /** The citizen's display name (the officer's view). */
  citizen?: string;
  lines: ChatLine[];
  /** Why it ended; undefined while it runs. */
  ended?: string;
  /** A case the officer filed for the citizen in this conversation (the private link only on the citizen's side). */
  offered?: { id: string; privateLink?: string };
}

export interface HallNotice {
  id: number;
  kind: 'counterClosed' | 'moderated' | 'refused' | 'attached' | 'instance' | 'sessionEnded' | 'queueCleared';
  detail: Record<string, unknown>;
}

interface HallState {
  status: ConnectionStatus;
  error: string | null;
  instance: number;
  sessionId: string;
  /** The role the server gave this connection: citizen, officer or supervisor; 'spectator' for a projector. */
  role: string;
  counters: Record<string, CounterLive>;
  conversation: Conversation | null;
  notices: HallNotice[];
  connect(options: JoinOptions): Promise<void>;
  disconnect(): Promise<void>;
  send<T extends ClientMessageType>(type: T, message: ClientMessage<T>): void;
  /** Sends the player's position at most MOVE_HZ times a second (metres, radians). */
  sendMove(x: number, z: number, heading: number, moving: boolean): void;
  dismissNotice(id: number): void;
}

let room: Room | null = null;

/** The voice call's server events (and refusals of call messages), for voice/callStore.ts. */
export type CallEventListener = (type: string, message: any) => void;
const callListeners = new Set<CallEventListener>();
export function onCallEvent(listener: CallEventListener): () => void {
  callListeners.add(listener);
  return () => callListeners.delete(listener);
}
const CALL_EVENTS = [SERVER_EVENTS.callRinging, SERVER_EVENTS.callAccepted, SERVER_EVENTS.callSignal, SERVER_EVENTS.callEnded];
/** Bumped by every connect and disconnect: a join or reconnect that finishes after a newer call is left at once. */
let generation = 0;
let lastMoveAt = 0;
/** The move's 7 bytes, reused for every move (colyseus.js copies them into its send buffer). */
const moveBytes = new Uint8Array(MOVE_BYTE_LENGTH);
let noticeId = 0;
/** Whether the server seated this connection as a citizen (its own visitor entry said so). */
let seatedAsCitizen = false;

/** colyseus.js loads on first connect, so the shell's initial JS stays small. */
const colyseus = () => import('colyseus.js');

function endpoint(): string {
  return `${location.origin.replace(/^http/, 'ws')}/rooms`;
}

/** Quantises to whole centimetres / centiradians, as the room's schema stores them. */
const cm = (m: number) => Math.max(-32768, Math.min(32767, Math.round(m * 100)));

/**
 * The hall connection: colyseus.js → this store for structure (counters, queues, chat),
 * and → `remoteVisitors` for positions, which the world reads per frame.
 */
export const useHall = create<HallState>()((set, get) => {
  const notice = (kind: HallNotice['kind'], detail: Record<string, unknown>) =>
    set((s) => ({ notices: [...s.notices.slice(-4), { id: ++noticeId, kind, detail }] }));

  function bind(joined: Room, getStateCallbacks: (typeof import('colyseus.js'))['getStateCallbacks']): void {
    room = joined;
    const $ = getStateCallbacks(joined);
    const state = joined.state as any;
    const syncCounter = (code: string, c: any) =>
      set((s) => ({
        // This page's officer session serves a ticket it was not told about: it took the counter
        // over mid-conversation (a reload); the conversation resumes here.
        ...(c.officerSessionId === joined.sessionId && c.serving && s.conversation?.ticket !== c.serving
          ? { conversation: { counter: code, ticket: c.serving, officer: c.officer, lines: [] } }
          : {}),
        counters: {
          ...s.counters,
          [code]: {
            officer: c.officer,
            officerAway: c.officerAway,
            officerSessionId: c.officerSessionId,
            queue: [...c.queue].map((q: any) => ({ ticket: q.ticket, sessionId: q.sessionId, since: q.since })),
            serving: c.serving,
            servingSessionId: c.servingSessionId,
            avgServiceSeconds: c.avgServiceSeconds,
          },
        },
      }));
    $(state).counters.onAdd((counter: any, code: string) => {
      syncCounter(code, counter);
      $(counter).onChange(() => syncCounter(code, counter));
      $(counter).queue.onAdd(() => syncCounter(code, counter));
      $(counter).queue.onRemove(() => syncCounter(code, counter));
    });
    $(state).visitors.onAdd((v: any, id: string) => {
      if (id === joined.sessionId) {
        seatedAsCitizen = v.role === 'citizen';
        set({ role: v.role });
        return;
      }
      const entry = { name: v.name, color: v.color, role: v.role, x: v.x / 100, z: v.z / 100, h: v.h / 100, anim: v.a, muted: v.muted, at: performance.now() };
      remoteVisitors.byId.set(id, entry);
      remoteVisitors.version += 1;
      $(v).onChange(() => {
        entry.x = v.x / 100;
        entry.z = v.z / 100;
        entry.h = v.h / 100;
        entry.anim = v.a;
        entry.name = v.name;
        entry.muted = v.muted;
        entry.at = performance.now();
      });
    });
    $(state).visitors.onRemove((_v: any, id: string) => {
      if (remoteVisitors.byId.delete(id)) remoteVisitors.version += 1;
    });
    $(state).listen('instance', (instance: number) => {
      set({ instance });
      if (instance > 1) notice('instance', { instance });
    });

    joined.onMessage(SERVER_EVENTS.called, (m: { counter: string; ticket: string; officer: string; citizen?: string }) =>
      set({ conversation: { ...m, lines: [] } }),
    );
    joined.onMessage(SERVER_EVENTS.chat, (line: ChatLine) =>
      set((s) => (s.conversation ? { conversation: { ...s.conversation, lines: [...s.conversation.lines, line] } } : {})),
    );
    joined.onMessage(SERVER_EVENTS.ended, (m: { reason: string }) =>
      set((s) => (s.conversation ? { conversation: { ...s.conversation, ended: m.reason } } : {})),
    );
    joined.onMessage(SERVER_EVENTS.caseOffered, (m: { counter: string; service_request_id: string; private_link?: string }) =>
      set((s) =>
        s.conversation?.counter === m.counter ? { conversation: { ...s.conversation, offered: { id: m.service_request_id, privateLink: m.private_link } } } : {},
      ),
    );
    joined.onMessage(SERVER_EVENTS.counterClosed, (m: { counter: string }) => notice('counterClosed', m));
    joined.onMessage(SERVER_EVENTS.moderated, (m: { action: string }) => notice('moderated', m));
    joined.onMessage(SERVER_EVENTS.refused, (m: { type: string; reason: string }) => {
      if (CALL_MESSAGES.includes(m.type as ClientMessageType)) for (const l of callListeners) l(SERVER_EVENTS.refused, m);
      else notice('refused', m);
    });
    for (const type of CALL_EVENTS) joined.onMessage(type, (m: unknown) => callListeners.forEach((l) => l(type, m)));
    joined.onMessage(SERVER_EVENTS.sessionEnded, (m: { reason: string }) => notice('sessionEnded', m));
    // A citizen's number was dropped ({ counter }), or the supervisor's own clearing ({ counter, cleared }).
    joined.onMessage(SERVER_EVENTS.queueCleared, (m: { counter: string; cleared?: number }) => notice('queueCleared', m));
    joined.onMessage(SERVER_EVENTS.attached, (m: { service_request_id: string }) => notice('attached', m));
    joined.onLeave((code) => {
      room = null;
      for (const l of callListeners) l('left', { code });
      clearRemoteVisitors();
      // 4001: removed by a supervisor; 4003: the staff session ended; 1000/4000: we left. Anything else: the network dropped.
      if (code === 4001 || code === 4003 || code === 1000 || code === 4000) set({ status: 'idle', counters: {}, conversation: null });
      else void reconnect(joined.reconnectionToken);
    });
    set({ status: 'connected', error: null, sessionId: joined.sessionId });
  }

  // A closed tab (or a page left for another, not kept for Back) cannot take its seat again: a
  // citizen's or a projector's connection is given up at once, so the hall, the queues and the
  // projectors lose it now and not after the 20 s a dropped connection is kept for. An officer's
  // reload keeps the counter through its grace period (the new page takes it over): staff
  // connections (and any the server has not yet said is a citizen's) are left to drop.
  globalThis.addEventListener?.('pagehide', (event) => {
    if ((event as PageTransitionEvent).persisted || !room || !(seatedAsCitizen || get().role === 'spectator')) return;
    void get().disconnect();
  });

  async function reconnect(token: string): Promise<void> {
    const mine = generation;
    set({ status: 'reconnecting' });
    const { Client, getStateCallbacks } = await colyseus();
    const client = new Client(endpoint());
    for (let attempt = 0; attempt < 8; attempt += 1) {
      await new Promise((r) => setTimeout(r, Math.min(8000, 500 * 2 ** attempt)));
      if (mine !== generation) return;
      try {
        const joined = await client.reconnect(token);
        if (mine !== generation) {
          void joined.leave(true).catch(() => undefined);
          return;
        }
        bind(joined, getStateCallbacks);
        return;
      } catch {
        // try again
      }
    }
    if (mine === generation) set({ status: 'error', error: 'reconnect_failed' });
  }

  return {
    status: 'idle',
    error: null,
    instance: 1,
    sessionId: '',
    role: 'citizen',
    counters: {},
    conversation: null,
    notices: [],
    async connect(options) {
      if (room || get().status === 'connecting') return;
      const mine = ++generation;
      seatedAsCitizen = false;
      // A spectator has no avatar to learn its role from; it never sends a move.
      set({ status: 'connecting', error: null, role: options.spectator ? 'spectator' : 'citizen' });
      try {
        const { Client, getStateCallbacks } = await colyseus();
        const joined = await new Client(endpoint()).joinOrCreate(HALL_ROOM, options.spectator ? options : { ...options, device: deviceId() });
        if (mine !== generation) {
          // Disconnected (or connecting as someone else) while this join was under way.
          void joined.leave(true).catch(() => undefined);
          return;
        }
        bind(joined, getStateCallbacks);
      } catch (error) {
        if (mine === generation) set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
      }
    },
    async disconnect() {
      generation += 1;
      const current = room;
      room = null;
      clearRemoteVisitors();
      set({ status: 'idle', counters: {}, conversation: null, notices: [] });
      if (current?.connection.isOpen) await current.leave(true).catch(() => undefined);
    },
    send(type, message) {
      room?.send(type, message);
    },
    sendMove(x, z, heading, moving) {
      const now = performance.now();
      if (!room || now - lastMoveAt < 1000 / MOVE_HZ) return;
      lastMoveAt = now;
      const wrapped = heading - 2 * Math.PI * Math.floor((heading + Math.PI) / (2 * Math.PI));
      room.sendBytes(MOVE_BYTES, encodeMove({ x: cm(x), z: cm(z), h: Math.max(-314, Math.min(314, Math.round(wrapped * 100))), a: moving ? 'walk' : 'idle' }, moveBytes));
    },
    dismissNotice(id) {
      set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
    },
  };
});

/** A citizen's place in a counter's queue (1-based) and the estimated wait in minutes. */
export function queuePosition(counter: CounterLive | undefined, sessionId: string): { ticket: string; position: number; waitMinutes: number } | null {
  const i = counter?.queue.findIndex((q) => q.sessionId === sessionId) ?? -1;
  if (!counter || i < 0) return null;
  return { ticket: counter.queue[i].ticket, position: i + 1, waitMinutes: Math.max(1, Math.round(((i + 1) * counter.avgServiceSeconds) / 60)) };
}

const DEVICE_KEY = 'makaverse.device';

/**
 * A random id this browser keeps (a kiosk forgets it at every reset): the hall counts a visit
 * once per device a day, and a supervisor's removal or mute is remembered by it.
 */
function deviceId(): string | undefined {
  try {
    let id = localStorage.getItem(DEVICE_KEY);
    if (!id || !/^[A-Za-z0-9_-]{8,64}$/.test(id)) {
      const bytes = crypto.getRandomValues(new Uint8Array(12));
      id = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
      localStorage.setItem(DEVICE_KEY, id);
    }
    return id;
  } catch {
    return undefined;
  }
}
