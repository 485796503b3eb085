import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';

/** Answers an error in the Open311 shape `[{code, description}]`, like the rest of the public API. */
export function fail(reply: FastifyReply, status: number, description: string): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send([{ code: status, description }]);
}

/** Validates a body; on failure answers 400 naming the field and returns undefined. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown, reply: FastifyReply): T | undefined {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  void fail(reply, 400, `${issue.path.join('.') || 'body'}: ${issue.message}`);
  return undefined;
}

/**
 * Per-route options for @fastify/rate-limit (registered with `global: false`): at most `max`
 * calls per address per `timeWindow` ms; past it a 429 with Retry-After and `description`.
 */
export function rateLimitConfig(max: number, description: string, timeWindow = 60_000) {
  return { rateLimit: { max, timeWindow, errorResponseBuilder: () => Object.assign(new Error(description), { statusCode: 429 }) } };
}

/**
 * The same limit with the route's own error handler: a 429 keeps its description, anything
 * else thrown before the handler (a malformed query or body) is a 400 that echoes nothing.
 */
export function limitedRoute(max: number, description: string, timeWindow = 60_000) {
  return {
    config: rateLimitConfig(max, description, timeWindow),
    errorHandler: (error: { statusCode?: number; message: string }, _request: FastifyRequest, reply: FastifyReply) =>
      error.statusCode === 429 ? fail(reply, 429, error.message) : fail(reply, 400, 'request: malformed'),
  };
}
