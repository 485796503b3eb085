import { spawn, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { BotPool } from './botPool';
import { record } from './figures';
import { cpuSeconds, EMBEDDED, MANY_FROM_ONE_ADDRESS, processTree, serverPid, rssMB } from './process';
import { drainageComplaint, freePort, removeDir, ROOT, tempDir } from '../helpers/server';

interface Started {
  child: ChildProcess;
  url: string;
  ms: number;
  /** CPU the whole npm → node tree used until the first answer: unlike `ms`, hardly changed by a busy machine. */
  cpuMs: number;
}

/** `npm start` in `root` (its own process group), timed from spawn to the first 200 on /api/health. */
async function npmStart(root: string, dataDir: string): Promise<Started> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: root,
    env: { ...process.env, ...EMBEDDED, ...MANY_FROM_ONE_ADDRESS, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', RATE_LIMIT_POST: '1000000000' },
    stdio: 'ignore',
    detached: true,
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  for (;;) {
    if (exited) throw new Error(`npm start in ${root} exited before answering`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const ms = performance.now() - started;
  const cpuMs = processTree(child.pid!).reduce((sum, pid) => sum + cpuSeconds(pid), 0) * 1000;
  return { child, url, ms, cpuMs };
}

async function stop(s: Started): Promise<void> {
  const exited = new Promise((r) => s.child.once('exit', r));
  process.kill(-s.child.pid!, 'SIGTERM');
  await exited;
}

/** Its resident memory once it settled: the largest process in the npm → node tree is the server. */
async function settledRss(s: Started): Promise<number> {
  await new Promise((r) => setTimeout(r, 2000));
  return rssMB(serverPid(s.child.pid!));
}

/**
 * The server process as `npm start` runs it (client already built): time to the first answer
 * on a new data folder (the embedded database is created) and on an existing one, resident
 * memory after start, and after `seconds` of Open311 POSTs plus `visitors` bots walking.
 * `root` is the checkout to start (a second checkout gives figures from before a change).
 */
export async function benchServer(seconds: number, options: { root?: string; visitors?: number; prefix?: string } = {}): Promise<Record<string, number>> {
  const root = options.root ?? ROOT;
  const prefix = options.prefix ?? 'server';
  const visitors = options.visitors ?? 200;
  const dataDir = await tempDir('makaverse-start-');
  try {
    // The first start compiles the server when stale; that is not the figure, so it is warmed here.
    const first = await npmStart(root, dataDir);
    await stop(first);
    await removeDir(dataDir);
    const fresh = await npmStart(root, dataDir);
    await stop(fresh);
    const again = await npmStart(root, dataDir);
    const figures: Record<string, number> = { firstStartMs: fresh.ms, firstStartCpuMs: fresh.cpuMs, startMs: again.ms, startCpuMs: again.cpuMs, rssMB: await settledRss(again) };
    try {
      const key = (await (await fetch(`${again.url}/api/client-config`)).json()).api_key as string;
      const form = new URLSearchParams();
      for (const [k, v] of Object.entries(drainageComplaint(key))) for (const item of Array.isArray(v) ? v : [v]) form.append(k, item);
      const posted = await new Promise<autocannon.Result>((resolve, reject) =>
        autocannon(
          { url: `${again.url}/open311/v2/requests.json`, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString(), connections: 4, duration: seconds },
          (error, result) => (error ? reject(error) : resolve(result)),
        ),
      );
      figures.loadPosts2xx = posted['2xx'];
      const pool = new BotPool(1);
      try {
        await pool.join(visitors, { endpoints: [`${again.url.replace(/^http/, 'ws')}/rooms`] });
        await pool.walk(seconds);
      } finally {
        await pool.close();
      }
      figures.rssAfterLoadMB = await settledRss(again);
    } finally {
      await stop(again);
    }
    for (const [name, value] of Object.entries(figures)) record(`${prefix}.${name}`, value);
    return figures;
  } finally {
    await removeDir(dataDir);
  }
}
