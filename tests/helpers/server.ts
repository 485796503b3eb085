import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer, listen, type MakaverseServer } from '../../src/server/app';
import { configFromEnv, type ServerConfig } from '../../src/server/config';
import { seedPglite } from './pgliteTemplate';

export const ROOT = resolve(import.meta.dirname, '../..');

/** The databases every database test runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const DATABASES: ('pglite' | 'postgres')[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestServer {
  url: string;
  server: MakaverseServer;
  config: ServerConfig;
  apiKey: string;
  /** Stops the server; its data folder stays until cleanup() (a restart can reuse it). */
  close(): Promise<void>;
  cleanup(): Promise<void>;
}

export interface StartOptions {
  database?: 'pglite' | 'postgres';
  /** Reuse a data folder (and PostgreSQL schema) to restart on the same data. */
  dataDir?: string;
  schema?: string;
  env?: Record<string, string>;
  port?: number;
}

export async function tempDir(prefix = 'makaverse-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** A PostgreSQL schema name of its own for each test server. */
/** Removes a test's data folder; retries while a server that just stopped still finishes its writes. */
export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
}

export function newSchema(): string {
  return `t_${randomBytes(6).toString('hex')}`;
}

/** Starts the real server in this process on a random port with its own database. */
export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await tempDir());
  const postgres = options.database === 'postgres';
  const schema = postgres ? (options.schema ?? newSchema()) : undefined;
  const config = configFromEnv({
    PORT: String(options.port ?? 0),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SCENES_DIR: join(ROOT, 'scenes'),
    CLIENT_DIR: join(ROOT, 'dist/client'),
    LOG_LEVEL: 'silent',
    RATE_LIMIT_POST: '100000',
    ...(postgres ? { DATABASE_URL: process.env.TEST_DATABASE_URL, DATABASE_SCHEMA: schema } : {}),
    ...options.env,
  });
  // A copy of a migrated database instead of initdb and every migration per server.
  if (!postgres && !config.databaseUrl) await seedPglite(dataDir);
  const server = await createServer(config);
  const url = await listen(server);
  return {
    url,
    server,
    config,
    apiKey: server.ctx.secrets.clientApiKey,
    close: () => server.close(),
    cleanup: async () => {
      await server.close().catch(() => undefined);
      await removeDir(dataDir);
    },
  };
}

/**
 * A port for a server that must know its address before it starts (PUBLIC_URL, PUBLIC_ADDRESS, a
 * restart on the same port). Drawn at random below the kernel's ephemeral range
 * (/proc/sys/net/ipv4/ip_local_port_range, 32768–60999 by default): a port from listen(0) can be
 * handed straight on to another test worker's listen(0) server once the probe closes, and a child
 * told to use it then fails while its health check reaches the other server.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; ; attempt += 1) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await new Promise<boolean>((resolveFree) => {
      const probe = createNetServer();
      probe.once('error', () => resolveFree(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolveFree(true)));
    });
    if (free) return port;
    if (attempt > 100) throw new Error('no free port in 20000–31999');
  }
}

/** Waits until the health endpoint answers. */
export async function waitForHealth(url: string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`server at ${url} did not become healthy`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Runs the server as its own process, so it can be killed: compiled, from dist/server as
 * `npm start` runs it (built first when stale; the test run's globalSetup builds it once), or
 * with `compiled: false` from source through tsx (which transpiles the whole server at every
 * start: about 25 s of a loaded two-core machine's time against about 2 s).
 */
export async function spawnServer(env: Record<string, string>, options: { compiled?: boolean } = {}): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  // As startServer: a PGlite server starts from a copy of the migrated template database.
  if (env.DATA_DIR && !(env.DATABASE_URL ?? process.env.DATABASE_URL)) await seedPglite(env.DATA_DIR);
  let output = '';
  let args = ['--import', 'tsx', join(ROOT, 'src/server/main.ts')];
  if (options.compiled ?? true) {
    const { buildServerIfStale, serverEntry } = await import('../../scripts/build-server.mjs');
    await buildServerIfStale();
    args = [serverEntry];
  }
  // Port 0 unless the test needs a known one: the child says where it listens (main.ts's first line).
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exit = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`))));
  // An exit after a good start is the test's business (it kills the child): nobody waits on this then.
  exit.catch(() => undefined);
  const listening = new Promise<string>((resolveUrl) => {
    child.stdout?.on('data', (d) => {
      output += d;
      const [, scheme, port] = /is running: (https?):\/\/localhost:(\d+)\r?\n/.exec(output) ?? [];
      if (port) resolveUrl(`${scheme}://127.0.0.1:${port}`);
    });
    child.stderr?.on('data', (d) => (output += d));
  });
  let url: string;
  let timer: NodeJS.Timeout | undefined;
  const silent = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`server did not say where it listens within 120 s:\n${output}`)), 120_000);
  });
  try {
    url = await Promise.race([listening, exit, silent]);
    // Health from this child's own port: it listens, and no other server answers in its place.
    await Promise.race([waitForHealth(url), exit]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return { url, child, output: () => output };
}

/** Files a request through the public API as a form, the way the spec says. */
export async function postForm(url: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}): Promise<Response> {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) form.append(k, item);
  return fetch(`${url}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: form.toString(),
  });
}

/** A valid drainage complaint for the public-works counter. */
export function drainageComplaint(apiKey: string, extra: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    api_key: apiKey,
    service_code: 'pu-drainase',
    lat: '-5.1477',
    long: '119.4327',
    'attribute[severity]': 'parah',
    'attribute[problem][]': ['tersumbat_sampah', 'meluap'],
    description: 'Saluran di Jl. Veteran tersumbat sampah, air meluap ke rumah warga.',
    ...extra,
  };
}

/** A unique text of letters only, so public redaction of numbers never touches it. */
export function uniqueText(prefix: string): string {
  const letters = Array.from(randomBytes(10), (b) => String.fromCharCode(97 + (b % 26))).join('');
  return `${prefix} ${letters}`;
}
