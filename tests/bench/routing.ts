import { record } from './figures';
import { performance } from 'node:perf_hooks';
import { createRouter } from '../../src/shared/routing';
import { accuracy, labelledSet, wordsFromDisk } from '../helpers/routeLabelled';
import { catalogFromDisk } from '../unit/catalogFromDisk';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Routing accuracy on the labelled set (all, the part the word lists were written against, the held-out part) and time per query. */
export function benchRouting(): Record<string, Record<string, string | number>> {
  const startBuild = performance.now();
  const router = createRouter(catalogFromDisk(), wordsFromDisk());
  const buildMs = performance.now() - startBuild;
  const set = labelledSet();
  const parts = { all: set, dev: set.filter((x) => !x.heldOut), heldOut: set.filter((x) => x.heldOut) };
  const rows: Record<string, Record<string, string | number>> = {};
  for (const [name, items] of Object.entries(parts)) {
    const a = accuracy(router, items);
    rows[name] = { texts: a.n, top1: pct(a.top1), top3: pct(a.top3) };
    record(`routing.${name}.top1Pct`, 100 * a.top1);
    record(`routing.${name}.top3Pct`, 100 * a.top3);
  }
  // Time per query: every text 20 times, after a warm-up round.
  for (const item of set) router.route(item.text, item.lang);
  const times: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const item of set) {
      const t0 = performance.now();
      router.route(item.text, item.lang);
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(3);
  record('routing.query.p50Ms', Number(at(0.5)));
  record('routing.query.p95Ms', Number(at(0.95)));
  record('routing.buildMs', buildMs);
  rows.time = { texts: times.length, top1: `p50 ${at(0.5)} ms`, top3: `p95 ${at(0.95)} ms` };
  rows.build = { texts: 0, top1: `${buildMs.toFixed(1)} ms to build`, top3: '' };
  return rows;
}
