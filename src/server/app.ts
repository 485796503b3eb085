import { readFile } from 'node:fs/promises';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { MAX_BODY_BYTES, OPEN311_PATH } from '../shared/constants';
import { hallGeometry } from '../shared/hall';
import { loadCatalog } from './catalog/loadCatalog';
import { loadHall } from './catalog/loadHall';
import { loadPlaces } from './catalog/loadPlaces';
import type { ServerConfig } from './config';
import { openDatabase } from './db/database';
import { HallEventLog } from './db/hallEvents';
import { syncServices } from './db/requestStore';
import { clientRoutes } from './http/clientPages';
import type { AppContext } from './http/context';
import { open311Routes } from './http/open311/routes';
import { staffAuthRoutes } from './http/staff/auth';
import { staffCaseRoutes } from './http/staff/cases';
import { figuresRoutes } from './http/figures/routes';
import { routingRoutes } from './http/routing/routes';
import { photoRoutes } from './http/photos/routes';
import { nearbyRoutes } from './http/nearby/routes';
import { staffMergeRoutes } from './http/staff/merge';
import { startRealtime } from './realtime';
import { securityHeaders, staffCsrfGuard } from './http/security';
import { trustOf } from './net/clientAddress';
import { HallGate } from './net/hallGate';
import { SessionWatch } from './auth/sessionWatch';
import { RefusalLog } from './net/refusalLog';
import { syncDemoAccounts, type DemoAccount } from './auth/demo';
import { publicBaseUrl } from './publicBaseUrl';
import { loadSecrets } from './secrets';
import { loadCaseRules } from './catalog/loadCaseRules';
import { EscalationJob } from './cases/escalation';
import { MailWorker } from './mail/worker';
import { followupRoutes } from './http/followup/routes';
import { staffCaseLoopRoutes } from './http/staff/caseLoop';

export interface MakaverseServer {
  app: FastifyInstance;
  ctx: AppContext;
  /** Demo staff accounts (demo mode only). */
  demoAccounts: DemoAccount[];
  /** Every route (method and URL), for the hostile-input tests that must reach each one. */
  routes: { method: string; url: string }[];
  /** The URL it listens on, once listening. */
  url: string;
  close(): Promise<void>;
}

/**
 * Builds the whole server: scene catalog, database (migrated), secrets, and routes.
 * A broken scene file or configuration fails here, before anything listens.
 */
export async function createServer(config: ServerConfig): Promise<MakaverseServer> {
  const catalog = await loadCatalog(config.scenesDir);
  const hall = await loadHall(config.scenesDir, catalog);
  const places = await loadPlaces(config.scenesDir);
  const caseRules = await loadCaseRules(config.scenesDir, catalog);
  const secrets = await loadSecrets(config.dataDir, { piiKey: config.piiKey, clientApiKey: config.clientApiKey });
  const database = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, schema: config.databaseSchema });
  await syncServices(database.db, catalog);
  const demoAccounts = await syncDemoAccounts(database.db, catalog, config.demo, config.demoPassword);
  const apiKeys = new Map<string, string>([[secrets.clientApiKey, 'makaverse-web']]);
  for (const [name, key] of Object.entries(config.apiKeys)) apiKeys.set(key, name);
  const ctx: AppContext = {
    config,
    db: database.db,
    dbKind: database.kind,
    catalog,
    hall,
    geometry: hallGeometry(hall),
    secrets,
    apiKeys,
    hallEvents: new HallEventLog(database.db),
    // Read when asked: with PORT=0 the port is known only once the server listens.
    publicBaseUrl: () => publicBaseUrl(config, app.server.address()),
    places,
    caseRules,
    mail: undefined as unknown as MailWorker,
    escalation: new EscalationJob(database.db, config.escalationIntervalSeconds * 1000, (m) => console.error(m)),
    hallGate: new HallGate(config),
    sessions: new SessionWatch(),
    refusals: new RefusalLog(() => undefined),
  };
  ctx.mail = new MailWorker({
    db: database.db,
    config,
    catalog,
    piiKey: secrets.piiKey,
    base: () => ctx.publicBaseUrl(),
    log: (m) => console.error(m),
  });

  // Issue 14: browsers give the microphone only to a secure context; with a certificate the server speaks HTTPS itself.
  const https = config.tlsCert && config.tlsKey ? { cert: await readFile(config.tlsCert), key: await readFile(config.tlsKey) } : null;
  const app = Fastify({
    ...(https ? { https } : {}),
    bodyLimit: MAX_BODY_BYTES,
    // Behind a TLS proxy: request.ip and request.protocol (Secure cookies) come from the trusted proxy.
    trustProxy: trustOf(config.trustProxy),
    // A URL the router cannot even decode still gets the Open311 error shape.
    frameworkErrors: (error, _request, reply) => {
      const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
      void (reply as unknown as FastifyReply).code(status).type('application/json; charset=utf-8').send([{ code: status, description: 'request: malformed URL' }]);
    },
    logger: {
      level: config.logLevel,
      // Log the path only: query strings and bodies may carry keys or personal data.
      serializers: {
        req: (req) => ({ method: req.method, path: req.url.split('?')[0] }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
    },
  }) as unknown as FastifyInstance;
  ctx.refusals.setSink((line) => app.log.warn(line));
  const routes: { method: string; url: string }[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url });
  });
  await securityHeaders(app, config);
  // Before any body is parsed: a cross-site form never reaches a staff route.
  app.addHook('onRequest', staffCsrfGuard(config));
  await app.register(formbody);
  await app.register(cookie);
  await app.register(async (scope) => open311Routes(scope, ctx), { prefix: OPEN311_PATH });
  await app.register(async (scope) => {
    await staffAuthRoutes(scope, ctx);
    await staffCaseRoutes(scope, ctx);
    await figuresRoutes(scope, ctx);
    await staffCaseLoopRoutes(scope, ctx);
    await staffMergeRoutes(scope, ctx);
    await followupRoutes(scope, ctx);
  });
  await app.register(async (scope) => routingRoutes(scope, ctx));
  await app.register(async (scope) => photoRoutes(scope, ctx));
  await app.register(async (scope) => nearbyRoutes(scope, ctx));
  await app.register(async (scope) => clientRoutes(scope, ctx));
  const realtime = await startRealtime(app.server, ctx);
  app.server.once('listening', () => {
    ctx.mail.start();
    ctx.escalation.start();
  });

  const server: MakaverseServer = {
    app,
    ctx,
    demoAccounts,
    routes,
    url: '',
    close: async () => {
      await ctx.escalation.stop();
      await ctx.mail.stop();
      await realtime.close();
      // Rooms may still have events in their batch; they go in before the database closes.
      await ctx.hallEvents.flush();
      await app.close();
      await database.close();
    },
  };
  return server;
}

/** Starts listening; resolves with the URL (port 0 picks a free port). */
export async function listen(server: MakaverseServer): Promise<string> {
  await server.app.listen({ port: server.ctx.config.port, host: server.ctx.config.host });
  const address = server.app.server.address();
  const port = typeof address === 'object' && address ? address.port : server.ctx.config.port;
  server.url = `${server.ctx.config.tlsCert ? 'https' : 'http'}://127.0.0.1:${port}`;
  return server.url;
}
