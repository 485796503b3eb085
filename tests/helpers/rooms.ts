import { Client, type Room } from 'colyseus.js';
import { HALL_ROOM, type JoinOptions } from '../../src/shared/messages';

/** Waits until `check` returns a truthy value (polling), or fails naming what it waited for. */
export async function waitFor<T>(what: string, check: () => T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Everything a joined test client receives, by message type. */
export interface JoinedHall {
  room: Room;
  client: Client;
  inbox: { type: string; message: any }[];
  next(type: string, timeoutMs?: number): Promise<any>;
}

/** Joins the hall with a real colyseus.js client, as the browser does (rooms under /rooms). */
export async function joinHall(url: string, options: JoinOptions = {}): Promise<JoinedHall> {
  const client = new Client(`${url.replace(/^http/, 'ws')}/rooms`);
  const room = await client.joinOrCreate(HALL_ROOM, options);
  // joinOrCreate resolves before the first state arrives: wait until we see ourselves.
  await waitFor('the first state', () => room.state?.visitors?.has?.(room.sessionId) && room.state.counters?.size > 0);
  return wrap(client, room);
}

export function wrap(client: Client, room: Room): JoinedHall {
  const inbox: { type: string; message: any }[] = [];
  room.onMessage('*', (type, message) => inbox.push({ type: String(type), message }));
  let read = 0;
  return {
    room,
    client,
    inbox,
    async next(type, timeoutMs = 10_000) {
      const found = await waitFor(`message "${type}"`, () => {
        const i = inbox.findIndex((m, idx) => idx >= read && m.type === type);
        return i >= 0 ? { i } : undefined;
      }, timeoutMs);
      read = found.i + 1;
      return inbox[found.i].message;
    },
  };
}

/** Logs a staff member in over HTTP and returns the session token from the cookie. */
export async function login(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get('set-cookie') ?? '';
  const token = /mkv_session=([^;]+)/.exec(cookie)?.[1];
  if (!token) throw new Error('no session cookie');
  return decodeURIComponent(token);
}

/**
 * Hall connections a test file opens, left after each test: `join` is joinHall that remembers
 * the connection, `track` remembers one made otherwise, `leaveAll` goes in an afterEach.
 */
export function hallConnections(): { join: typeof joinHall; track(joined: JoinedHall): void; leaveAll(): Promise<void> } {
  const open: JoinedHall[] = [];
  return {
    join: async (...args) => {
      const joined = await joinHall(...args);
      open.push(joined);
      return joined;
    },
    track: (joined) => void open.push(joined),
    // leave() on a connection that is already closed never resolves: only leave open ones.
    leaveAll: async () => {
      for (const j of open.splice(0)) if (j.room.connection.isOpen) await j.room.leave().catch(() => undefined);
    },
  };
}
