import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import { STAFF_API } from '../../shared/staff';
import type { ServerConfig } from '../config';

/**
 * The Content-Security-Policy every page passes: scripts, styles, workers and connections
 * only from this origin (the app works offline; nothing comes from a CDN). Images may be
 * data:/blob: (the favicon, QR codes, canvas snapshots); workers blob: (the 3D world's text
 * renderer starts its workers from blobs). No eval: zod runs jitless in the browser
 * (shared/zodSetup.ts) and msgpackr is built without eval (vite.config.ts). Checked in
 * Chromium on every page by tests/e2e/security.e2e.test.ts.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  // blob: for the text renderer's workers, which load their modules with importScripts(blob:…);
  // a blob URL can only be made by script already running on this origin.
  scriptSrc: ["'self'", 'blob:'],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  mediaSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/**
 * The CSP for this server: with MAP_TILES_URL (issue 13), images may also come from that one tile
 * origin; without it, nothing changes.
 */
export function cspDirectives(mapTilesUrl: string | undefined): typeof CSP_DIRECTIVES {
  if (!mapTilesUrl) return CSP_DIRECTIVES;
  const origin = new URL(mapTilesUrl.replace(/\{[a-z]\}/g, '0')).origin;
  return { ...CSP_DIRECTIVES, imgSrc: [...CSP_DIRECTIVES.imgSrc, origin] };
}

/** Security headers on every answer: CSP, no framing, no sniffing, no referrer to other sites. */
export async function securityHeaders(app: FastifyInstance, config?: Pick<ServerConfig, 'mapTilesUrl'>): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(config?.mapTilesUrl) },
    // The 3D world needs no cross-origin isolation; the defaults would only break QR/image loads.
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    // HSTS only makes sense over HTTPS, where the proxy in front (README) sets it.
    strictTransportSecurity: false,
  });
  // Voice (issue 14): the microphone for this origin's own pages only, never for a frame of another site.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('permissions-policy', 'microphone=(self)');
  });
}

/**
 * Whether a browser page at `origin` may use this server with the user's credentials: its
 * own origin (the Host it asked for), PUBLIC_URL, and ALLOWED_ORIGINS. No Origin header means
 * no browser page (a script, a test, a partner system): those carry their own credentials.
 */
export function isAllowedOrigin(headers: IncomingHttpHeaders, config: Pick<ServerConfig, 'publicUrl' | 'allowedOrigins'>): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  if (origin === 'null') return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.host === headers.host) return true;
  const allowed = [config.publicUrl, ...config.allowedOrigins].filter((o): o is string => Boolean(o)).map((o) => new URL(o).origin);
  return allowed.includes(url.origin);
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function refuse(reply: FastifyReply, status: number, description: string) {
  return reply.code(status).send([{ code: status, description }]);
}

/**
 * CSRF guard for the staff API: a state-changing request must come from this site's own pages
 * (Sec-Fetch-Site same-origin, an allowed Origin) and carry JSON, which a plain HTML form cannot send.
 * SameSite=Strict alone is not enough: another port on the same host is the same site.
 */
export function staffCsrfGuard(config: ServerConfig) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!UNSAFE.has(request.method) || !request.url.startsWith(`${STAFF_API}/`)) return;
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return refuse(reply, 403, `Sec-Fetch-Site: ${String(site).slice(0, 20)} requests may not change staff data`);
    if (!isAllowedOrigin(request.headers, config)) return refuse(reply, 403, 'Origin: not allowed to call the staff API');
    const type = request.headers['content-type'];
    const hasBody = type !== undefined || Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
    if (hasBody && !/^application\/json(;|$)/i.test(String(type ?? '').trim())) return refuse(reply, 415, 'Content-Type: the staff API accepts application/json only');
  };
}
