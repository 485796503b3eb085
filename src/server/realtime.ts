import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { LocalDriver, LocalPresence, matchMaker, Server, type MatchMakerDriver, type Presence } from '@colyseus/core';
import { Encoder } from '@colyseus/schema';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { HALL_CAPACITY, HALL_ROOM, MAX_FRAME_BYTES } from '../shared/messages';
import type { AppContext } from './http/context';
import { bindHallRoom } from './rooms/HallRoom';
import { isAllowedOrigin } from './http/security';
import { addressKey, clientAddress, trustOf } from './net/clientAddress';
import { colyseusLogger } from './net/refusalLog';

export interface Realtime {
  close(): Promise<void>;
}

/**
 * Colyseus on the same HTTP server and port as the API (rooms under /rooms). In-memory by
 * default; with REDIS_URL several processes share presence and matchmaking.
 */
export async function startRealtime(server: HttpServer, ctx: AppContext): Promise<Realtime> {
  const redis = ctx.config.redisUrl ? redisOptions(ctx.config.redisUrl, ctx.config.databaseSchema ?? 'public') : undefined;
  // The Redis clients are loaded only when used: a single process starts faster without them.
  const presence: Presence = redis ? new (await import('@colyseus/redis-presence')).RedisPresence(redis) : new LocalPresence();
  // Moderation's memory lives in the same presence: with Redis, every process sees a removal.
  ctx.hallGate.sanctions.useStore(presence);
  const driver: MatchMakerDriver = redis ? new (await import('@colyseus/redis-driver')).RedisDriver(redis) : new LocalDriver();
  const trust = trustOf(ctx.config.trustProxy);
  // The rooms read the client's address from x-real-ip: it is always overwritten with the
  // address we trust, never what the client sent.
  const stampAddress = (req: IncomingMessage) => {
    req.headers['x-real-ip'] = clientAddress(req, trust);
    delete req.headers['x-forwarded-for'];
  };
  const gameServer = new Server({
    transport: new WebSocketTransport({
      server,
      pingInterval: 5000,
      pingMaxRetries: 3,
      // ws' default here is 4 KB; a browser's SDP offer can come close to that (issue 14).
      maxPayload: MAX_FRAME_BYTES,
      // Cross-site WebSocket hijacking: a page elsewhere may not open the hall with an officer's cookie.
      verifyClient: (info: { req: IncomingMessage }) => {
        if (!isAllowedOrigin(info.req.headers, ctx.config)) return false;
        stampAddress(info.req);
        return true;
      },
    }),
    presence,
    driver,
    publicAddress: ctx.config.publicAddress,
    gracefullyShutdown: false,
    logger: colyseusLogger(ctx.refusals),
    greet: false,
  });
  const capacity = ctx.config.hallCapacity ?? HALL_CAPACITY;
  // Each joining visitor gets the whole state, encoded into one shared buffer (8 KB by default,
  // ~80 bytes a visitor). Past it, @colyseus/schema warns on the console, allocates a new buffer
  // and encodes again on every join, never keeping the bigger one: size it for a full hall.
  Encoder.BUFFER_SIZE = Math.max(Encoder.BUFFER_SIZE, 64 * 1024 + capacity * 160);
  guardMatchmaking(gameServer, ctx, stampAddress);
  gameServer.define(HALL_ROOM, bindHallRoom(ctx), { capacity });
  await matchMaker.accept();
  return {
    close: async () => {
      // Leaves the HTTP server to fastify: only rooms, presence and the driver close here.
      await matchMaker.gracefullyShutdown().catch(() => undefined);
      presence.shutdown();
      driver.shutdown();
    },
  };
}

type MatchmakeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/**
 * Matchmaking (seat reservations over HTTP) answers only allowed origins, and each address
 * only so often: one process once reserved 600 seats in 15 s and filled the hall.
 */
function guardMatchmaking(gameServer: Server, ctx: AppContext, stampAddress: (req: IncomingMessage) => void): void {
  const target = gameServer as unknown as { handleMatchMakeRequest: MatchmakeHandler };
  const original = target.handleMatchMakeRequest.bind(gameServer);
  const refuse = (res: ServerResponse, status: number, description: string) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...(status === 429 ? { 'retry-after': '60' } : {}) });
    res.end(JSON.stringify([{ code: status, description }]));
  };
  target.handleMatchMakeRequest = (req, res) => {
    if (!isAllowedOrigin(req.headers, ctx.config)) return refuse(res, 403, 'Origin: not allowed to open the hall');
    stampAddress(req);
    if (req.method === 'POST' && !ctx.hallGate.allowJoin(addressKey(String(req.headers['x-real-ip'])))) {
      return refuse(res, 429, 'hall: too many joins from this address; try again in a minute');
    }
    return original(req, res);
  };
}

/**
 * ioredis options from REDIS_URL, with every key named for the deployment (its database
 * schema): processes of one city share rooms, queues and moderation; another deployment (or a
 * test server) on the same Redis sees none of them.
 */
export function redisOptions(url: string, deployment: string): { host: string; port: number; username?: string; password?: string; db: number; tls?: object; keyPrefix: string } {
  const u = new URL(url);
  return {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: Number(u.port || 6379),
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: Number(u.pathname.slice(1) || 0),
    tls: u.protocol === 'rediss:' ? {} : undefined,
    keyPrefix: `makaverse:${deployment}:`,
  };
}
