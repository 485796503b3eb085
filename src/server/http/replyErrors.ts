import type { FastifyReply } from 'fastify';
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
