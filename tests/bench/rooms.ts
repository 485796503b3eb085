import pg from 'pg';
import { BotPool } from './botPool';
import { record } from './figures';
import { latencyFigures, Observer } from './observer';
import { cpuSeconds, EMBEDDED, MANY_FROM_ONE_ADDRESS, rssMB } from './process';
import { freePort, newSchema, removeDir, spawnServer, tempDir } from '../helpers/server';
import { waitFor } from '../helpers/rooms';

type Row = Record<string, number | string>;

/** Processes forked for the bots: they are most of the bench's CPU, so they are not in the bench process. */
const BOT_PROCESSES = Number(process.env.BENCH_BOT_PROCESSES ?? 2);
/** BotPool's default: every 10th bot reports its moves. */
const SAMPLE_EVERY = 10;

/**
 * Runs the bots of `pool` for `seconds` and measures move→seen at the observers, the servers'
 * CPU (percent of one core, summed over the processes) and the bytes each bot received per second.
 */
async function walkAndMeasure(pool: BotPool, observers: Observer[], serverPids: number[], seconds: number) {
  for (const o of observers) o.watch(pool.bots.filter((b) => b.sampled).map((b) => b.sessionId));
  const cpuStart = serverPids.map(cpuSeconds);
  const started = performance.now();
  const walked = await pool.walk(seconds);
  const elapsed = (performance.now() - started) / 1000;
  // Moves still in flight when the walk ended are seen a moment later.
  await new Promise((r) => setTimeout(r, 500));
  const cpu = serverPids.reduce((s, pid, i) => s + cpuSeconds(pid) - cpuStart[i], 0);
  const latency = latencyFigures(observers, walked.samples);
  // Moves the observers saw (each in its own instance; every SAMPLE_EVERY-th bot is sampled): CPU per move relayed hardly depends on how starved the bots were.
  const movesSeen = latency.samples * SAMPLE_EVERY;
  return { ...latency, serverCpuPct: (cpu / elapsed) * 100, serverCpuUsPerMove: movesSeen ? (cpu * 1e6) / movesSeen : NaN, bytesPerClientPerSec: walked.bytesPerClientPerSecond };
}

function row(label: string | number, f: Awaited<ReturnType<typeof walkAndMeasure>>, rss: number): Row {
  return {
    visitors: label,
    'move→seen p50 ms': Math.round(f.p50Ms),
    'move→seen p95 ms': Math.round(f.p95Ms),
    'samples seen/sent': `${f.samples}/${f.sent}`,
    'server CPU % of a core': Math.round(f.serverCpuPct),
    'server CPU µs/move': Math.round(f.serverCpuUsPerMove),
    'bytes/client/s': Math.round(f.bytesPerClientPerSec),
    'server RSS MB': Math.round(rss),
  };
}

function recordRoom(prefix: string, f: Awaited<ReturnType<typeof walkAndMeasure>>, rss: number): void {
  record(`${prefix}.p50Ms`, f.p50Ms);
  record(`${prefix}.p95Ms`, f.p95Ms);
  record(`${prefix}.serverCpuPct`, f.serverCpuPct);
  record(`${prefix}.serverCpuUsPerMove`, f.serverCpuUsPerMove);
  record(`${prefix}.bytesPerClientPerSec`, f.bytesPerClientPerSec);
  record(`${prefix}.serverRssMB`, rss);
}

/**
 * Bots walking at MOVE_HZ in one hall, on the compiled server as `npm start` runs it. The bots
 * are real colyseus.js clients in child processes; one observer here decodes everything and
 * measures move→seen: from a bot sending a position to the observer seeing it in the state.
 */
export async function benchRooms(sizes: number[], seconds: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (const size of sizes) {
    const dataDir = await tempDir('makaverse-rooms-');
    const server = await spawnServer({ ...EMBEDDED, ...MANY_FROM_ONE_ADDRESS, DATA_DIR: dataDir, LOG_LEVEL: 'warn', HALL_CAPACITY: String(size + 10) }, { compiled: true });
    const endpoint = `${server.url.replace(/^http/, 'ws')}/rooms`;
    const pool = new BotPool(BOT_PROCESSES);
    let observer: Observer | undefined;
    try {
      observer = await Observer.join(endpoint);
      await pool.join(size, { endpoints: [endpoint] });
      await waitFor('all bots visible', () => observer!.visitors === size + 1, 60_000);
      const f = await walkAndMeasure(pool, [observer], [server.child.pid!], seconds);
      const rss = rssMB(server.child.pid!);
      rows.push(row(size, f, rss));
      recordRoom(`rooms.${size}`, f, rss);
    } finally {
      await observer?.leave();
      await pool.close();
      server.child.kill('SIGKILL');
      await removeDir(dataDir);
    }
  }
  return rows;
}

/**
 * Two server processes sharing PostgreSQL and Redis, `visitors` bots (default 1,000) in two
 * hall instances of visitors/2 each, one observer in each instance. Bots ask either process
 * for a seat, as a load balancer in front of them would.
 */
export async function benchRoomsTwoProcesses(seconds: number, visitors = 1000): Promise<Row | undefined> {
  const databaseUrl = process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  if (!databaseUrl || !redisUrl) return undefined;
  const half = visitors / 2;
  const schema = newSchema();
  const dirs = [await tempDir('makaverse-rooms-a-'), await tempDir('makaverse-rooms-b-')];
  const ports = [await freePort(), await freePort()];
  const shared = { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema, REDIS_URL: redisUrl, PII_KEY: Buffer.alloc(32, 7).toString('base64'), CLIENT_API_KEY: 'bench-client-key-123456', LOG_LEVEL: 'warn', HALL_CAPACITY: String(half + 1), ...MANY_FROM_ONE_ADDRESS };
  const servers: Awaited<ReturnType<typeof spawnServer>>[] = [];
  const pool = new BotPool(BOT_PROCESSES);
  const observers: Observer[] = [];
  try {
    // One after the other: both would run the same migrations on the same schema.
    for (const i of [0, 1]) servers.push(await spawnServer({ ...shared, DATA_DIR: dirs[i], PORT: String(ports[i]), PUBLIC_ADDRESS: `127.0.0.1:${ports[i]}` }, { compiled: true }));
    const endpoints = servers.map((s) => `${s.url.replace(/^http/, 'ws')}/rooms`);
    // Observer, a full instance, then the second observer opens the second instance.
    observers.push(await Observer.join(endpoints[0]));
    await pool.join(half, { endpoints, namePrefix: 'a' });
    observers.push(await Observer.join(endpoints[1]));
    await pool.join(half, { endpoints, namePrefix: 'b' });
    await waitFor('both instances full', () => observers.every((o) => o.visitors === half + 1), 120_000);
    const f = await walkAndMeasure(pool, observers, servers.map((s) => s.child.pid!), seconds);
    const rss = Math.max(...servers.map((s) => rssMB(s.child.pid!)));
    recordRoom(`rooms.2proc.${visitors}`, f, rss);
    return { ...row(`${visitors} (2 processes, 2 instances)`, f, rss), instances: new Set(pool.bots.map((b) => b.roomId)).size };
  } finally {
    for (const o of observers) await o.leave();
    await pool.close();
    for (const s of servers) s.child.kill('SIGKILL');
    for (const d of dirs) await removeDir(d);
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`drop schema if exists "${schema}" cascade`);
    await admin.end();
  }
}
