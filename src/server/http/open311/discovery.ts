import type { FastifyReply } from 'fastify';
import { JURISDICTION_ID, OPEN311_PATH } from '../../../shared/constants';
import type { Discovery, Format } from '../../../shared/open311';
import type { AppContext } from '../context';
import { sendOpen311 } from './format';

const CHANGESET = '2026-11-22T00:00:00+08:00';

/** GET discovery.{format}: where this city's GeoReport v2 endpoint is (from PUBLIC_URL, never the Host header) and what it speaks. */
export function sendDiscovery(ctx: AppContext, reply: FastifyReply, format: Format): FastifyReply {
  const discovery: Discovery = {
    changeset: CHANGESET,
    contact: `Makaverse — Pemerintah Kota Makassar (${JURISDICTION_ID})`,
    key_service: 'API keys are issued by Dinas Komunikasi dan Informatika Kota Makassar.',
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${ctx.publicBaseUrl()}${OPEN311_PATH}`,
        changeset: CHANGESET,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
  return sendOpen311(reply, format, 'discovery', discovery);
}
