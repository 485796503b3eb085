/**
 * The bench's figures under stable names, for `BENCH_JSON {…}`, the last line `npm run bench`
 * prints (names documented in the README). A bench adds a figure with one call:
 *
 *   import { record } from './figures';
 *   record('mail.send.p95Ms', 12.3);
 *
 * Names are dot-separated, lowerCamelCase parts, ending in the unit (`Ms`, `MB`, `KB`,
 * `PerSec`, `Ratio`, `Pct`) unless the figure is a count.
 */
const figures = new Map<string, number>();

const NAME = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9][A-Za-z0-9]*)+$/;

/** Records one figure (rounded to 3 decimals); a second call with the same name replaces it. */
export function record(name: string, value: number): void {
  if (!NAME.test(name)) throw new Error(`bench figure name "${name}": use dot-separated lowerCamelCase parts, e.g. rooms.500.p95Ms`);
  if (!Number.isFinite(value)) return;
  figures.set(name, Math.round(value * 1000) / 1000);
}

/** Records each numeric field of `values` as `<prefix>.<field>`. */
export function recordAll(prefix: string, values: Record<string, number>): void {
  for (const [name, value] of Object.entries(values)) record(`${prefix}.${name}`, value);
}

/** Every figure recorded so far, sorted by name. */
export function recordedFigures(): Record<string, number> {
  return Object.fromEntries([...figures.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/** The closing line: `BENCH_JSON {"name": value, …}`. */
export function benchJsonLine(): string {
  return `BENCH_JSON ${JSON.stringify(recordedFigures())}`;
}
