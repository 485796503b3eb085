import type { Server as HttpServer } from 'node:http';
import { LocalDriver, LocalPresence, matchMaker, Server, type MatchMakerDriver, type Presence } from '@colyseus/core';
import { Encoder } from '@colyseus/schema';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { HALL_CAPACITY, HALL_ROOM } from '../shared/messages';
import type { AppContext } from './http/context';
import { bindHallRoom } from './rooms/HallRoom';

export interface Realtime {
  close(): Promise<void>;
}

/**
 * Colyseus on the same HTTP server and port as the API (rooms under /rooms). In-memory by
 * default; with REDIS_URL several processes share presence and matchmaking.
 */
export async function startRealtime(server: HttpServer, ctx: AppContext): Promise<Realtime> {
  const redis = ctx.config.redisUrl;
  // The Redis clients are loaded only when used: a single process starts faster without them.
  const presence: Presence = redis ? new (await import('@colyseus/redis-presence')).RedisPresence(redis) : new LocalPresence();
  const driver: MatchMakerDriver = redis ? new (await import('@colyseus/redis-driver')).RedisDriver(redis) : new LocalDriver();
  const gameServer = new Server({
    transport: new WebSocketTransport({ server, pingInterval: 5000, pingMaxRetries: 3 }),
    presence,
    driver,
    publicAddress: ctx.config.publicAddress,
    gracefullyShutdown: false,
    greet: false,
  });
  const capacity = ctx.config.hallCapacity ?? HALL_CAPACITY;
  // Each joining visitor gets the whole state, encoded into one shared buffer (8 KB by default,
  // ~80 bytes a visitor). Past it, @colyseus/schema warns on the console, allocates a new buffer
  // and encodes again on every join, never keeping the bigger one: size it for a full hall.
  Encoder.BUFFER_SIZE = Math.max(Encoder.BUFFER_SIZE, 64 * 1024 + capacity * 160);
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
