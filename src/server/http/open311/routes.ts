import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Format } from '../../../shared/open311';
import { MAX_BODY_BYTES } from '../../../shared/constants';
import { MAX_PHOTO_BYTES, MAX_PHOTOS, MEDIA_FIELD } from '../../../shared/photos';
import type { AppContext } from '../context';
import { sendDiscovery } from './discovery';
import { badRequest, notFound, Open311Error } from './errors';
import { sendOpen311, splitFormat } from './format';
import { checkJurisdiction, langOf, type Query } from './query';
import { postRequest, sendRequest, sendRequests } from './requests';
import { sendDefinition, sendServices } from './services';
import { sendToken } from './tokens';
import { sendUpdates } from './updates';

declare module 'fastify' {
  interface FastifyRequest {
    /** The answer format the URL asked for; errors are written in it too. */
    open311Format?: Format;
  }
}

function formatOf(request: FastifyRequest, file: string): { name: string; format: Format } {
  const split = splitFormat(file);
  request.open311Format = split.format;
  return split;
}

function prepare(request: FastifyRequest, file: string) {
  const { name, format } = formatOf(request, file);
  const query = request.query as Query;
  checkJurisdiction(query);
  const lang = langOf(query, request.headers['accept-language']);
  return { name, format, lang };
}

/** Every error leaves as `[{code, description}]` (XML `<errors>`), never a stack or a 5xx for bad input. */
function errorHandler(error: FastifyError | Open311Error, request: FastifyRequest, reply: FastifyReply) {
  let status: number;
  let descriptions: string[];
  if (error instanceof Open311Error) {
    status = error.status;
    descriptions = error.descriptions;
  } else if (error.code === 'FST_FILES_LIMIT') {
    status = 413;
    descriptions = [`${MEDIA_FIELD}: at most ${MAX_PHOTOS} photos`];
  } else if (error.code === 'FST_REQ_FILE_TOO_LARGE') {
    status = 413;
    descriptions = [`${MEDIA_FIELD}: a photo is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB`];
  } else if (error.statusCode === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    status = 413;
    descriptions = ['body: too large'];
  } else if (error.statusCode === 429) {
    status = 429;
    descriptions = ['rate limit: too many submissions from this client; try again later'];
  } else if (error.statusCode === 415 || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    status = 415;
    descriptions = ['Content-Type: use application/x-www-form-urlencoded, multipart/form-data (with photos) or application/json'];
  } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    status = error.statusCode;
    descriptions = [`request: ${error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.name === 'SyntaxError' ? 'body is not valid JSON' : 'malformed request'}`];
  } else if (request.isMultipart?.()) {
    // busboy's own parse errors (a cut or garbled multipart body) carry no status.
    status = 400;
    descriptions = ['body: malformed multipart/form-data'];
  } else {
    request.log.error({ err: error }, 'open311 handler failed');
    status = 500;
    descriptions = ['server: internal error; the request was not stored'];
  }
  const body = descriptions.map((description) => ({ code: status, description }));
  return sendOpen311(reply, request.open311Format ?? 'json', 'errors', body, status);
}

const PARTNER = 'key:';
const READ_ONLY = 'GET, HEAD';

function methodNotAllowed(reply: FastifyReply, method: string, allow: string): Open311Error {
  reply.header('allow', allow);
  return new Open311Error(405, [`method: ${method} is not allowed here; use ${allow}`]);
}

/** The format a path asks for, or JSON when it names none we speak (for errors only). */
function formatOrJson(file: string): Format {
  try {
    return splitFormat(file).format;
  } catch {
    return 'json';
  }
}

/**
 * Whom a POST counts against: a partner system by its API key (it relays many citizens from
 * one address), anyone else — the web client, a wrong or missing key — by address.
 */
function postRateKey(ctx: AppContext, request: FastifyRequest): string {
  const body = request.body as Record<string, unknown> | undefined;
  const given = typeof body?.api_key === 'string' ? body.api_key : (request.query as Query).api_key;
  const name = typeof given === 'string' && given !== ctx.secrets.clientApiKey ? ctx.apiKeys.get(given) : undefined;
  return name && Object.hasOwn(ctx.config.apiKeyRateLimits, name) ? `${PARTNER}${name}` : `ip:${request.ip}`;
}

/** The GeoReport v2 API, mounted under OPEN311_PATH. */
export async function open311Routes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => errorHandler(notFound(`no such endpoint: ${request.method} ${request.url.split('?')[0].slice(0, 100)}`), request, reply));
  await app.register(rateLimit, { global: false });
  // The spec's bodies are form-encoded (or JSON here); anything else is 415, not a string to guess at.
  app.removeContentTypeParser('text/plain');
  // Photos come as `media` file parts of a multipart POST; fields arrive as in a form.
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: MAX_PHOTO_BYTES, files: MAX_PHOTOS, fields: 300, fieldSize: MAX_BODY_BYTES, parts: 300 + MAX_PHOTOS },
  });

  // Other methods on a path that exists: 405 with Allow, in the Open311 error shape.
  const others = ['PUT', 'DELETE', 'PATCH', 'OPTIONS'];
  const refuse = (allow: (file: string) => string) => async (request: FastifyRequest<{ Params: { file: string } }>, reply: FastifyReply) => {
    request.open311Format = formatOrJson(request.params.file);
    throw methodNotAllowed(reply, request.method, allow(request.params.file));
  };
  app.route({ method: others, url: '/:file', handler: refuse((file) => (file.startsWith('requests.') ? `${READ_ONLY}, POST` : READ_ONLY)) });
  for (const url of ['/services/:file', '/requests/:file', '/tokens/:file']) app.route({ method: ['POST', ...others], url, handler: refuse(() => READ_ONLY) });

  app.get<{ Params: { file: string } }>('/:file', async (request, reply) => {
    const { name, format, lang } = prepare(request, request.params.file);
    if (name === 'discovery') return sendDiscovery(ctx, reply, format);
    if (name === 'services') return sendServices(ctx, reply, format, lang);
    if (name === 'requests') return sendRequests(ctx, request, reply, format, lang);
    if (name === 'servicerequestupdates') return sendUpdates(ctx, request, reply, format, lang);
    throw notFound(`no such endpoint: ${name.slice(0, 40)}`);
  });
  app.get<{ Params: { file: string } }>('/services/:file', async (request, reply) => {
    const { name, format, lang } = prepare(request, request.params.file);
    if (name === '') throw badRequest('service_code: is required (services/{service_code}.json)');
    return sendDefinition(ctx, reply, name, format, lang);
  });
  app.get<{ Params: { file: string } }>('/requests/:file', async (request, reply) => {
    const { name, format, lang } = prepare(request, request.params.file);
    if (name === '') throw badRequest('service_request_id: is required (requests/{service_request_id}.json)');
    return sendRequest(ctx, request, reply, name, format, lang);
  });
  app.get<{ Params: { file: string } }>('/tokens/:file', async (request, reply) => {
    const { name, format } = prepare(request, request.params.file);
    if (name === '') throw badRequest('token: is required (tokens/{token}.json)');
    return sendToken(ctx, reply, name, format);
  });
  app.post<{ Params: { file: string } }>(
    '/:file',
    {
      config: {
        rateLimit: {
          // After the body is read: a partner's api_key is usually in the body.
          hook: 'preHandler',
          keyGenerator: (request) => postRateKey(ctx, request),
          max: (_request, key) => (key.startsWith(PARTNER) ? (ctx.config.apiKeyRateLimits[key.slice(PARTNER.length)] ?? ctx.config.postRateLimit) : ctx.config.postRateLimit),
          timeWindow: 60_000,
          errorResponseBuilder: (request, context) =>
            new Open311Error(429, [
              `rate limit: at most ${context.max} submissions a minute ${postRateKey(ctx, request).startsWith(PARTNER) ? 'with this API key' : 'from this address'}; try again in ${context.after}`,
            ]),
        },
      },
      // Formats first: the format must be known before a body error is answered.
      onRequest: async (request) => {
        formatOf(request, (request.params as { file: string }).file);
      },
    },
    async (request, reply) => {
      const { name, format } = formatOf(request, request.params.file);
      if (name === 'discovery' || name === 'services') throw methodNotAllowed(reply, request.method, READ_ONLY);
      if (name !== 'requests') throw notFound(`no such endpoint: POST ${name.slice(0, 40)}`);
      const body = (request.body ?? {}) as Query;
      checkJurisdiction({ ...(request.query as Query), ...(typeof body.jurisdiction_id === 'string' ? { jurisdiction_id: body.jurisdiction_id } : {}) });
      const lang = langOf({ ...(request.query as Query), ...(typeof body.lang === 'string' ? { lang: body.lang } : {}) }, request.headers['accept-language']);
      if (request.body !== undefined && (typeof request.body !== 'object' || request.body === null)) throw badRequest('body: expected form fields or a JSON object');
      return postRequest(ctx, request, reply, format, lang);
    },
  );
}
