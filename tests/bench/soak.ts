import { BotPool } from './botPool';
import { record } from './figures';
import { cpuSeconds, EMBEDDED, MANY_FROM_ONE_ADDRESS, rssMB } from './process';
import { drainageComplaint, postForm, removeDir, spawnServer, tempDir } from '../helpers/server';

/** Minutes the soak runs (BENCH_SOAK_MINUTES, default 10). */
const MINUTES = Number(process.env.BENCH_SOAK_MINUTES ?? 10);
const SAMPLE_SECONDS = 10;
/** Visitors walking all along, and those that come and go in waves (together 200 at the peak). */
const STEADY = 100;
const WAVE = 100;
const WAVE_SECONDS = 60;

/** Least-squares slope of y over x. */
function slope(points: [number, number][]): number {
  const n = points.length;
  if (n < 2) return NaN;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? NaN : num / den;
}

/**
 * The server process over a long run, as `npm start` runs it (compiled, PGlite): 100 bots
 * walking all along, 100 more joining and leaving in waves (every other wave drops its
 * connections without a goodbye, so the reconnection window runs out), and Open311 POSTs and
 * GETs, while its resident memory is sampled every 10 s. A leak (per-client maps not cleaned
 * on leave, rate-limit stores, caches) shows as growth over the second half.
 */
export async function benchSoak(minutes = MINUTES): Promise<Record<string, number | string>[]> {
  const dataDir = await tempDir('makaverse-soak-');
  const env = { ...EMBEDDED, ...MANY_FROM_ONE_ADDRESS, DATA_DIR: dataDir, LOG_LEVEL: 'warn', RATE_LIMIT_POST: '1000000000', RATE_LIMIT_ROUTE: '1000000000' };
  // As a server usually starts: on an existing database (the first start creates and migrates it).
  const first = await spawnServer(env, { compiled: true });
  await new Promise((resolve) => {
    first.child.once('exit', resolve);
    first.child.kill('SIGTERM');
  });
  const server = await spawnServer(env, { compiled: true });
  const pid = server.child.pid!;
  const endpoint = `${server.url.replace(/^http/, 'ws')}/rooms`;
  const key = (await (await fetch(`${server.url}/api/client-config`)).json()).api_key as string;
  const samples: { t: number; rss: number; visitors: number }[] = [];
  const rows: Record<string, number | string>[] = [];
  const counts = { posts2xx: 0, gets2xx: 0, errors: 0, joins: 0 };
  let visitorsNow = 0;
  const started = performance.now();
  const deadline = started + minutes * 60_000;
  const cpuStart = cpuSeconds(pid);
  const rssStart = rssMB(pid);
  const sampler = setInterval(() => {
    const t = (performance.now() - started) / 1000;
    samples.push({ t, rss: rssMB(pid), visitors: visitorsNow });
    if (samples.length % 6 === 0) rows.push({ minute: Math.round(t / 60), 'RSS MB': Math.round(samples.at(-1)!.rss), visitors: visitorsNow, 'POSTs 2xx': counts.posts2xx, 'GETs 2xx': counts.gets2xx, errors: counts.errors });
  }, SAMPLE_SECONDS * 1000);

  // Open311: a POST, then that request and the list, about twice a second.
  const open311 = (async () => {
    const ids: string[] = [];
    while (performance.now() < deadline) {
      try {
        const res = await postForm(server.url, drainageComplaint(key));
        if (res.ok) {
          counts.posts2xx += 1;
          const body = (await res.json()) as { service_request_id?: string; token?: string }[];
          const id = body[0]?.service_request_id;
          if (id) ids.push(id);
        } else {
          counts.errors += 1;
          await res.body?.cancel();
        }
        for (const url of [ids.length ? `${server.url}/open311/v2/requests/${ids[Math.floor(Math.random() * ids.length)]}.json?extensions=true` : undefined, `${server.url}/open311/v2/requests.json?page_size=50`]) {
          if (!url) continue;
          const got = await fetch(url);
          if (got.ok) counts.gets2xx += 1;
          else counts.errors += 1;
          await got.arrayBuffer();
        }
      } catch {
        counts.errors += 1;
      }
      await new Promise((r) => setTimeout(r, 400));
    }
  })();

  // Visitors: a steady hundred, and waves of a hundred that come for a minute and go.
  const steady = new BotPool(1);
  await steady.join(STEADY, { endpoints: [endpoint], namePrefix: 'steady', spread: true });
  counts.joins += STEADY;
  visitorsNow = STEADY;
  const walking = (async () => {
    while (performance.now() < deadline) await steady.walk(Math.min(30, Math.max(1, (deadline - performance.now()) / 1000)));
  })();
  let wave = 0;
  while (performance.now() + WAVE_SECONDS * 1000 < deadline) {
    const pool = new BotPool(1);
    try {
      await pool.join(WAVE, { endpoints: [endpoint], namePrefix: `wave${wave}-` });
      counts.joins += WAVE;
      visitorsNow = STEADY + WAVE;
      await pool.walk(WAVE_SECONDS - 10);
    } finally {
      // Every other wave drops without a goodbye (the room keeps their seats for the reconnection window).
      if (wave % 2 === 0) await pool.close();
      else pool.kill();
      visitorsNow = STEADY;
    }
    wave += 1;
    await new Promise((r) => setTimeout(r, 10_000));
  }
  await Promise.all([open311, walking]);
  clearInterval(sampler);
  // Let the last reconnection windows run out before the last sample.
  await steady.close();
  await new Promise((r) => setTimeout(r, 25_000));
  const cpuPct = ((cpuSeconds(pid) - cpuStart) / ((performance.now() - started) / 1000)) * 100;
  const rssEnd = rssMB(pid);
  server.child.kill('SIGKILL');
  await removeDir(dataDir);

  // The lowest sample of each minute (after collection, not mid-sawtooth) over the second half.
  const troughs = new Map<number, [number, number]>();
  for (const s of samples.filter((x) => x.t >= (minutes * 60) / 2)) {
    const m = Math.floor(s.t / 60);
    if (!troughs.has(m) || troughs.get(m)![1] > s.rss) troughs.set(m, [s.t / 3600, s.rss]);
  }
  const secondHalf = [...troughs.values()];
  const figures = {
    rssStartMB: rssStart,
    rssEndMB: rssEnd,
    rssMaxMB: Math.max(rssStart, rssEnd, ...samples.map((s) => s.rss)),
    rssGrowthMBPerHour2ndHalf: slope(secondHalf),
    posts2xx: counts.posts2xx,
    gets2xx: counts.gets2xx,
    errors: counts.errors,
    visitorJoins: counts.joins,
    serverCpuPct: cpuPct,
    minutes,
  };
  for (const [name, value] of Object.entries(figures)) record(`soak.${name}`, value);
  rows.push({ minute: 'end (all left)', 'RSS MB': Math.round(rssEnd), visitors: 0, 'POSTs 2xx': counts.posts2xx, 'GETs 2xx': counts.gets2xx, errors: counts.errors });
  return rows;
}
