import { readFileSync } from 'node:fs';
import { Client, type Room } from 'colyseus.js';
import { HALL_ROOM, MOVE_HZ } from '../../src/shared/messages';
import { spawnServer, removeDir, tempDir } from '../helpers/server';
import { waitFor } from '../helpers/rooms';

interface Bot {
  room: Room;
  x: number;
  z: number;
  bytes: number;
}

/** CPU seconds (user + system) a process has used, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Bots walking at MOVE_HZ in one hall. Each bot is a real colyseus.js client; after joining,
 * bots only count the bytes they receive (a bench process cannot decode 500 full states 20
 * times a second on two cores); one observer decodes everything and measures move-to-seen:
 * from a bot sending a position to the observer seeing it in the state.
 */
export async function benchRooms(sizes: number[], seconds: number): Promise<Record<string, number | string>[]> {
  const rows: Record<string, number | string>[] = [];
  for (const size of sizes) {
    const dataDir = await tempDir('makaverse-rooms-');
    const server = await spawnServer({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', HALL_CAPACITY: String(size + 10) });
    const endpoint = `${server.url.replace(/^http/, 'ws')}/rooms`;
    const bots: Bot[] = [];
    try {
      const observer = await new Client(endpoint).joinOrCreate(HALL_ROOM, { name: 'observer' });
      for (let i = 0; i < size; i += 1) {
        const room = await new Client(endpoint).joinOrCreate(HALL_ROOM, { name: `bot${i}` });
        const bot: Bot = { room, x: 0, z: 1100, bytes: 0 };
        // The transport bound ws.onmessage at connect: replace it there, not in connection.events.
        (room.connection.transport as unknown as { ws: { onmessage: (e: { data: ArrayBuffer }) => void } }).ws.onmessage = (event) => {
          bot.bytes += event.data.byteLength;
        };
        bots.push(bot);
      }
      await waitFor('all bots visible', () => observer.state.visitors?.size === size + 1, 60_000);
      const pending = new Map<string, number>();
      const latencies: number[] = [];
      observer.onStateChange((state: any) => {
        const now = performance.now();
        for (const [id, sent] of pending) {
          const [sessionId, x, z] = id.split(':');
          const v = state.visitors.get(sessionId);
          if (v && v.x === Number(x) && v.z === Number(z)) {
            latencies.push(now - sent);
            pending.delete(id);
          }
        }
      });
      const cpuStart = cpuSeconds(server.child.pid!);
      const started = performance.now();
      for (const b of bots) b.bytes = 0;
      const timers = bots.map((bot, i) =>
        setTimeout(() => {
          const tick = setInterval(() => {
            // A small random walk around the lobby, one step per tick.
            bot.x = Math.max(-1500, Math.min(1500, bot.x + Math.round((Math.random() - 0.5) * 40)));
            bot.z = Math.max(-300, Math.min(1200, bot.z + Math.round((Math.random() - 0.5) * 40)));
            // Sample the latency on every 10th bot, to keep the observer's bookkeeping light.
            if (i % 10 === 0) pending.set(`${bot.room.sessionId}:${bot.x}:${bot.z}`, performance.now());
            bot.room.send('move', { x: bot.x, z: bot.z, h: 0, a: 'walk' });
          }, 1000 / MOVE_HZ);
          timers[i] = tick;
        }, Math.random() * (1000 / MOVE_HZ)),
      );
      await new Promise((r) => setTimeout(r, seconds * 1000));
      timers.forEach((t) => clearInterval(t));
      const elapsed = (performance.now() - started) / 1000;
      const cpu = cpuSeconds(server.child.pid!) - cpuStart;
      latencies.sort((a, b) => a - b);
      rows.push({
        visitors: size,
        'move→seen p50 ms': Math.round(percentile(latencies, 50)),
        'move→seen p95 ms': Math.round(percentile(latencies, 95)),
        samples: latencies.length,
        'server CPU % of a core': Math.round((cpu / elapsed) * 100),
        'bytes/client/s': Math.round(bots.reduce((s, b) => s + b.bytes, 0) / bots.length / elapsed),
      });
      await observer.leave();
    } finally {
      server.child.kill('SIGKILL');
      await removeDir(dataDir);
    }
  }
  return rows;
}
