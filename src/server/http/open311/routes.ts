import rateLimit from '@fastify/rate-limit';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Format } from '../../../shared/open311';
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
  } else if (error.statusCode === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    status = 413;
    descriptions = ['body: too large'];
  } else if (error.statusCode === 429) {
    status = 429;
    descriptions = ['rate limit: too many submissions from this client; try again later'];
  } else if (error.statusCode === 415 || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    status = 415;
    descriptions = ['Content-Type: use application/x-www-form-urlencoded or application/json'];
  } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    status = error.statusCode;
    descriptions = [`request: ${error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.name === 'SyntaxError' ? 'body is not valid JSON' : 'malformed request'}`];
  } else {
    request.log.error({ err: error }, 'open311 handler failed');
    status = 500;
    descriptions = ['server: internal error; the request was not stored'];
  }
  const body = descriptions.map((description) => ({ code: status, description }));
  return sendOpen311(reply, request.open311Format ?? 'json', 'errors', body, status);
}

/** The GeoReport v2 API, mounted under OPEN311_PATH. */
export async function open311Routes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => errorHandler(notFound(`no such endpoint: ${request.method} ${request.url.split('?')[0].slice(0, 100)}`), request, reply));
  await app.register(rateLimit, { global: false });
  // The spec's bodies are form-encoded (or JSON here); anything else is 415, not a string to guess at.
  app.removeContentTypeParser('text/plain');

  app.get<{ Params: { file: string } }>('/:file', async (request, reply) => {
    const { name, format, lang } = prepare(request, request.params.file);
    if (name === 'discovery') return sendDiscovery(request, reply, format);
    if (name === 'services') return sendServices(ctx, reply, format, lang);
    if (name === 'requests') return sendRequests(ctx, request, reply, format, lang);
    if (name === 'servicerequestupdates') return sendUpdates(ctx, request, reply, format, lang);
    throw notFound(`no such endpoint: ${name.slice(0, 40)}`);
  });
  app.get<{ Params: { file: string } }>('/services/:file', async (request, reply) => {
    const { name, format, lang } = prepare(request, request.params.file);
    return sendDefinition(ctx, reply, name, format, lang);
  });
  app.get<{ Params: { file: string } }>('/requests/:file', async (request, reply) => {
    const { name, format, lang } = prepare(request, request.params.file);
    return sendRequest(ctx, request, reply, name, format, lang);
  });
  app.get<{ Params: { file: string } }>('/tokens/:file', async (request, reply) => {
    const { name, format } = prepare(request, request.params.file);
    return sendToken(ctx, reply, name, format);
  });
  app.post<{ Params: { file: string } }>(
    '/:file',
    {
      config: {
        rateLimit: {
          max: ctx.config.postRateLimit,
          timeWindow: 60_000,
          errorResponseBuilder: (_req, context) => Object.assign(new Error('rate limited'), { statusCode: 429, retryAfter: context.after }),
        },
      },
      // Formats first: the format must be known before a body error is answered.
      onRequest: async (request) => {
        formatOf(request, (request.params as { file: string }).file);
      },
    },
    async (request, reply) => {
      const { name, format } = formatOf(request, request.params.file);
      if (name !== 'requests') throw notFound(`no such endpoint: POST ${name.slice(0, 40)}`);
      const body = (request.body ?? {}) as Query;
      checkJurisdiction({ ...(request.query as Query), ...(typeof body.jurisdiction_id === 'string' ? { jurisdiction_id: body.jurisdiction_id } : {}) });
      const lang = langOf({ ...(request.query as Query), ...(typeof body.lang === 'string' ? { lang: body.lang } : {}) }, request.headers['accept-language']);
      if (request.body !== undefined && (typeof request.body !== 'object' || request.body === null)) throw badRequest('body: expected form fields or a JSON object');
      return postRequest(ctx, request, reply, format, lang);
    },
  );
}
