import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LANGS } from '../../../shared/i18n';
import { createRouter, MAX_ROUTE_TEXT, ROUTE_API, type RouteAnswer } from '../../../shared/routing';
import { loadRoutingWords } from '../../catalog/loadRoutingWords';
import type { AppContext } from '../context';

const querySchema = z.object({
  text: z
    .string({ error: 'text: give the citizen\'s words, once' })
    .trim()
    .min(1, 'text: empty; write what you want to report or arrange')
    .max(MAX_ROUTE_TEXT, `text: longer than ${MAX_ROUTE_TEXT} characters`),
  lang: z.enum(LANGS, { error: `lang: one of ${LANGS.join(', ')}` }).optional(),
});

const errors = (status: number, descriptions: string[]) => descriptions.map((description) => ({ code: status, description }));

/**
 * `GET /api/route?text=…&lang=id|en`: which service a citizen's own words belong to, best
 * first, from the shared router (the client runs the same one offline). Anyone may call it,
 * so it is rate-limited per address; the text is never logged.
 */
export async function routingRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const router = createRouter(ctx.catalog, await loadRoutingWords(ctx.config.scenesDir));
  await app.register(rateLimit, { global: false });
  app.get(
    ROUTE_API,
    {
      config: {
        rateLimit: {
          max: ctx.config.routeRateLimit,
          timeWindow: 60_000,
          errorResponseBuilder: (_req, context) =>
            Object.assign(new Error('rate limited'), { statusCode: 429, retryAfter: context.after }),
        },
      },
      errorHandler: (error: { statusCode?: number }, _request, reply) => {
        const status = error.statusCode === 429 ? 429 : 400;
        const description = status === 429 ? 'rate limit: too many routing questions from this client; try again later' : 'request: malformed';
        return reply.code(status).send(errors(status, [description]));
      },
    },
    async (request, reply) => {
      const parsed = querySchema.safeParse(request.query ?? {});
      if (!parsed.success) return reply.code(400).send(errors(400, [parsed.error.issues[0].message]));
      const answer: RouteAnswer = router.route(parsed.data.text, parsed.data.lang);
      void reply.header('cache-control', 'no-store');
      return answer;
    },
  );
}
