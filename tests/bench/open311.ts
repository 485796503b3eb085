import autocannon from 'autocannon';
import { drainageComplaint, spawnServer, removeDir, tempDir } from '../helpers/server';
import { record } from './figures';
import { EMBEDDED, rssMB } from './process';

interface Figures {
  name: string;
  /** Its name in BENCH_JSON: open311.<key>.reqPerSec, .p50Ms, .p99Ms. */
  key: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

function figures(name: string, key: string, r: autocannon.Result): Figures {
  record(`open311.${key}.reqPerSec`, r.requests.average);
  record(`open311.${key}.p50Ms`, r.latency.p50);
  record(`open311.${key}.p99Ms`, r.latency.p99);
  record(`open311.${key}.errors`, r.errors + r.non2xx);
  return { name, key, requestsPerSecond: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

/**
 * Open311 throughput and latency on the embedded database (PGlite), the server in its own
 * process as `npm start` runs it (compiled): POST requests (form-encoded, as the spec says), GET one
 * request by id, and GET the requests list.
 */
export async function benchOpen311(seconds: number): Promise<Figures[]> {
  const dataDir = await tempDir('makaverse-bench-');
  const server = await spawnServer({ ...EMBEDDED, DATA_DIR: dataDir, LOG_LEVEL: 'warn', RATE_LIMIT_POST: '1000000000' }, { compiled: true });
  try {
    const key = (await (await fetch(`${server.url}/api/client-config`)).json()).api_key as string;
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(drainageComplaint(key))) for (const item of Array.isArray(v) ? v : [v]) form.append(k, item);
    const body = form.toString();
    const post = await run({
      url: `${server.url}/open311/v2/requests.json`,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      connections: 10,
      duration: seconds,
    });
    const posted = await (await fetch(`${server.url}/open311/v2/requests.json`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body })).json();
    const one = await run({ url: `${server.url}/open311/v2/requests/${posted[0].service_request_id}.json?extensions=true`, connections: 10, duration: seconds });
    const list = await run({ url: `${server.url}/open311/v2/requests.json?page_size=50`, connections: 10, duration: seconds });
    const services = await run({ url: `${server.url}/open311/v2/services.json`, connections: 10, duration: seconds });
    record('open311.serverRssMB', rssMB(server.child.pid!));
    return [
      figures('POST requests.json', 'post', post),
      figures('GET requests/{id}.json?extensions=true', 'getOne', one),
      figures('GET requests.json?page_size=50', 'list', list),
      figures('GET services.json', 'services', services),
    ];
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
    await removeDir(dataDir);
  }
}
