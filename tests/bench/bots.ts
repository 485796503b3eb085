/**
 * A bench bot process (forked by botPool.ts): real colyseus.js clients walking in the hall, so
 * the bench process itself only runs the observer and the measurements. Bots count the bytes
 * they receive without decoding them (a full decode of 500 states 20 times a second would
 * measure this process, not the server).
 */
import { Client, type Room } from 'colyseus.js';
import { HALL_ROOM, MOVE_BYTES, MOVE_BYTE_LENGTH, MOVE_HZ, encodeMove } from '../../src/shared/messages';
import type { BotCommand, BotReport } from './botPool';

interface Bot {
  room: Room;
  x: number;
  z: number;
  bytes: number;
  sampled: boolean;
}

const bots: Bot[] = [];
const timers: ReturnType<typeof setInterval>[] = [];
/** One buffer for every move (colyseus.js copies it into its send buffer). */
const moveBytes = new Uint8Array(MOVE_BYTE_LENGTH);
const MOVE_JSON = process.env.BENCH_MOVE_JSON === '1';
const send = (report: BotReport) => process.send?.(report);
/** Milliseconds on the machine's clock, comparable across processes. */
const now = () => performance.timeOrigin + performance.now();

async function join(command: Extract<BotCommand, { type: 'join' }>): Promise<void> {
  for (let i = 0; i < command.count; i += 1) {
    const endpoint = command.endpoints[i % command.endpoints.length];
    const room = await new Client(endpoint).joinOrCreate(HALL_ROOM, { name: `${command.namePrefix}${i}` });
    const n = command.firstIndex + i;
    // Spread over the lobby in a grid of ten a row, or all from the entrance.
    const start = command.spread ? { x: -900 + (n % 10) * 200, z: -200 + Math.floor(n / 10) * 150 } : { x: 0, z: 1100 };
    const bot: Bot = { room, ...start, bytes: 0, sampled: n % command.sampleEvery === 0 };
    // The transport bound ws.onmessage at connect: replace it there, not in connection.events.
    (room.connection.transport as unknown as { ws: { onmessage: (e: { data: ArrayBuffer }) => void } }).ws.onmessage = (event) => {
      bot.bytes += event.data.byteLength;
    };
    bots.push(bot);
  }
  send({ type: 'joined', bots: bots.map((b) => ({ sessionId: b.room.sessionId, roomId: b.room.roomId, sampled: b.sampled })) });
}

function walk(seconds: number): void {
  for (const b of bots) b.bytes = 0;
  const started = now();
  const samples: [string, number, number, number][] = [];
  bots.forEach((bot) => {
    const delay = Math.random() * (1000 / MOVE_HZ);
    setTimeout(() => {
      timers.push(
        setInterval(() => {
          // A small random walk around the lobby, one step per tick.
          bot.x = Math.max(-1500, Math.min(1500, bot.x + Math.round((Math.random() - 0.5) * 40)));
          bot.z = Math.max(-300, Math.min(1200, bot.z + Math.round((Math.random() - 0.5) * 40)));
          if (bot.sampled) samples.push([bot.room.sessionId, bot.x, bot.z, now()]);
          // As the web client sends it (src/client/net/hallStore.ts): 7 bytes; BENCH_MOVE_JSON=1 sends the msgpack 'move' (for an A/B).
          if (MOVE_JSON) bot.room.send('move', { x: bot.x, z: bot.z, h: 0, a: 'walk' });
          else bot.room.sendBytes(MOVE_BYTES, encodeMove({ x: bot.x, z: bot.z, h: 0, a: 'walk' }, moveBytes));
        }, 1000 / MOVE_HZ),
      );
    }, delay);
  });
  setTimeout(() => {
    timers.forEach((t) => clearInterval(t));
    const elapsed = (now() - started) / 1000;
    send({ type: 'walked', samples, bytes: bots.reduce((s, b) => s + b.bytes, 0), elapsedSeconds: elapsed });
  }, seconds * 1000);
}

process.on('message', (command: BotCommand) => {
  if (command.type === 'join') {
    join(command).catch((error: unknown) => send({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
  } else if (command.type === 'walk') {
    walk(command.seconds);
  } else if (command.type === 'leave') {
    void Promise.all(bots.map((b) => (b.room.connection.isOpen ? b.room.leave().catch(() => undefined) : undefined))).then(() => process.exit(0));
  }
});
