import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FIGURES_API, FIGURES_CSV, FIGURES_TIME_ZONE, HALL_COUNTER, type FiguresResponse } from '../../../shared/figures';
import type { StaffRow } from '../../auth/staffStore';
import type { AppContext } from '../context';
import { requireStaff } from '../staff/session';
import { computeFigures, type FiguresScope } from './compute';
import { figuresCsv } from './csv';
import { ParamError, parseFiguresQuery, type FiguresWindow } from './params';

/** Per-counter, per-hour figures for supervisors (every counter) and officers (their own), as JSON and CSV. */
export async function figuresRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const guard = { preHandler: requireStaff(ctx) };
  const codes = new Set(ctx.catalog.agencies.map((a) => a.code));
  const kecamatanList = [...new Map(ctx.places.kelurahan.map((k) => [k.kecamatan.code, { code: k.kecamatan.code, name: k.kecamatan.name }])).values()];

  /** The window and the counters this staff member may see in it; replies with the error itself otherwise. */
  function scopeFor(request: FastifyRequest, reply: FastifyReply): { window: FiguresWindow; scope: FiguresScope; visible: string[] } | undefined {
    const staff: StaffRow = request.staff!;
    let window: FiguresWindow;
    try {
      window = parseFiguresQuery(request.query, codes, new Date(), ctx.places.kecamatanCodes);
    } catch (error) {
      if (!(error instanceof ParamError)) throw error;
      void reply.code(400).send({ error: error.message });
      return undefined;
    }
    const visible = staff.role === 'supervisor' ? [...codes] : staff.agency_code ? [staff.agency_code] : [];
    if (window.counter !== null && staff.role !== 'supervisor' && window.counter !== staff.agency_code) {
      void reply.code(403).send({ error: `counter: officers see only their own agency (${staff.agency_code ?? 'none'})` });
      return undefined;
    }
    const whole: FiguresScope =
      window.counter === null
        ? { start: window.start, end: window.end, counters: visible, hall: staff.role === 'supervisor' }
        : window.counter === HALL_COUNTER
          ? { start: window.start, end: window.end, counters: [], hall: true }
          : { start: window.start, end: window.end, counters: [window.counter], hall: false };
    // Issue 13: by kecamatan, only placed cases count (the hall's visits have no place).
    const scope: FiguresScope = window.kecamatan ? { ...whole, hall: false, kecamatan: window.kecamatan } : whole;
    return { window, scope, visible };
  }

  app.get(FIGURES_API, guard, async (request, reply) => {
    const asked = scopeFor(request, reply);
    if (!asked) return reply;
    const figures = await computeFigures(ctx.db, asked.scope);
    const names = new Map(ctx.catalog.agencies.map((a) => [a.code, a.short_name]));
    const body: FiguresResponse = {
      from: asked.window.from,
      to: asked.window.to,
      time_zone: FIGURES_TIME_ZONE,
      counter: asked.window.counter,
      counters: asked.visible.map((code) => ({ code, name: names.get(code) ?? { id: code, en: code } })),
      kecamatan: asked.window.kecamatan,
      kecamatan_list: kecamatanList,
      ...figures,
    };
    void reply.header('cache-control', 'no-store');
    return body;
  });

  app.get(FIGURES_CSV, guard, async (request, reply) => {
    const asked = scopeFor(request, reply);
    if (!asked) return reply;
    const figures = await computeFigures(ctx.db, asked.scope);
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="makaverse-figures-${asked.window.from}-${asked.window.to}.csv"`)
      .type('text/csv; charset=utf-8')
      .send(figuresCsv(figures.rows));
  });
}
