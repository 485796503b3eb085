import type { FastifyReply } from 'fastify';
import type { Lang } from '../../../shared/i18n';
import type { Format } from '../../../shared/open311';
import type { AppContext } from '../context';
import { notFound } from './errors';
import { sendOpen311 } from './format';
import { presentDefinition, presentServices } from './present';

/** GET services.{format} */
export function sendServices(ctx: AppContext, reply: FastifyReply, format: Format, lang: Lang): FastifyReply {
  return sendOpen311(reply, format, 'services', presentServices(ctx.catalog, lang));
}

/** GET services/{service_code}.{format} */
export function sendDefinition(ctx: AppContext, reply: FastifyReply, code: string, format: Format, lang: Lang): FastifyReply {
  const definition = presentDefinition(ctx.catalog, code, lang);
  if (!definition) throw notFound(`service_code: unknown service "${code.slice(0, 64)}"`);
  return sendOpen311(reply, format, 'service_definition', definition);
}
