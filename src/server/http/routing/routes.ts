import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LANGS } from '../../../shared/i18n';
import { createRouter, MAX_ROUTE_TEXT, ROUTE_API, type RouteAnswer } from '../../../shared/routing';
import { loadRoutingWords } from '../../catalog/loadRoutingWords';
import type { AppContext } from '../context';
import { fail, limitedRoute } from '../replyErrors';

const querySchema = z.object({
  text: z
    .string({ error: 'text: give the citizen\'s words, once' })
    .trim()
    .min(1, 'text: empty; write what you want to report or arrange')
    .max(MAX_ROUTE_TEXT, `text: longer than ${MAX_ROUTE_TEXT} characters`),
  lang: z.enum(LANGS, { error: `lang: one of ${LANGS.join(', ')}` }).optional(),
});

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
    limitedRoute(ctx.config.routeRateLimit, 'rate limit: too many routing questions from this client; try again later'),
    async (request, reply) => {
      const parsed = querySchema.safeParse(request.query ?? {});
      if (!parsed.success) return fail(reply, 400, parsed.error.issues[0].message);
      const answer: RouteAnswer = router.route(parsed.data.text, parsed.data.lang);
      void reply.header('cache-control', 'no-store');
      return answer;
    },
  );
}
