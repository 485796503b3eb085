import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { CLIENT_CONFIG_PATH, HEALTH_PATH, JURISDICTION_ID, OPEN311_PATH } from '../../shared/constants';
import type { ClientConfig } from '../../shared/open311';
import type { AppContext } from './context';

const NOT_BUILT = `<!doctype html><html lang="id"><meta charset="utf-8"><title>Makaverse</title>
<h1>Makaverse</h1><p>Klien web belum dibangun. Jalankan <code>npm run build</code> atau <code>npm start</code>.</p>
<p lang="en">The web client is not built yet. Run <code>npm run build</code> or <code>npm start</code>.</p>
<p><a href="${OPEN311_PATH}/services.json">Open311 services</a></p></html>`;

/** The built web client (one origin with the API), its runtime configuration, and health. */
export async function clientRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(CLIENT_CONFIG_PATH, async (): Promise<ClientConfig> => ({
    open311_base: OPEN311_PATH,
    api_key: ctx.secrets.clientApiKey,
    jurisdiction_id: JURISDICTION_ID,
    kiosk: ctx.config.kiosk,
    kiosk_idle_seconds: ctx.config.kioskIdleSeconds,
    kiosk_staff_login: ctx.config.kioskStaffLogin,
    // Ticket QR codes link here: the one public base URL, never the Host header of this request.
    public_url: ctx.publicBaseUrl(),
    ice_servers: ctx.config.iceServers,
    map_tiles_url: ctx.config.mapTilesUrl ?? null,
  }));
  app.get(HEALTH_PATH, async () => {
    await ctx.db.selectFrom('services').select('service_code').limit(1).execute();
    return { ok: true, database: ctx.dbKind, services: ctx.catalog.services.size };
  });

  const built = existsSync(join(ctx.config.clientDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, { root: ctx.config.clientDir, wildcard: false, index: 'index.html' });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    if (request.method !== 'GET' || path.startsWith('/api/') || path.includes('.')) {
      return reply.code(404).send({ error: 'not found' });
    }
    // Deep links (/?track=…, /loket/pu) all open the app.
    return built ? reply.sendFile('index.html') : reply.type('text/html; charset=utf-8').send(NOT_BUILT);
  });
}
