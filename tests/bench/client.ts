import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../helpers/server';
import { record } from './figures';

const DIST = join(ROOT, 'dist/client');

function gzipKb(file: string): number {
  return Math.round((gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length / 1024) * 10) / 10;
}

/** The JS the shell loads before anything lazy: index.html's module script and its modulepreloads. */
export function bundleSizes(): { initial: { file: string; gzipKb: number }[]; lazy: { file: string; gzipKb: number }[] } {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const initialFiles = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const all = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  return {
    initial: initialFiles.map((file) => ({ file, gzipKb: gzipKb(file) })),
    lazy: all.filter((f) => !initialFiles.includes(f)).map((file) => ({ file, gzipKb: gzipKb(file) })).sort((a, b) => b.gzipKb - a.gzipKb),
  };
}

export async function benchClient(options: { sizes: boolean; world: boolean }): Promise<void> {
  if (options.sizes) {
    const sizes = bundleSizes();
    const initial = sizes.initial.reduce((sum, f) => sum + f.gzipKb, 0);
    console.log(`\n== Bundle sizes (gzip -9), dist/client ==`);
    console.log(`initial JS: ${initial.toFixed(1)} KB (budget 150 KB) in ${sizes.initial.length} file(s)`);
    record('client.initialJsGzipKB', initial);
    record('client.largestLazyJsGzipKB', sizes.lazy[0]?.gzipKb ?? 0);
    console.table(sizes.lazy.slice(0, 6));
  }
  if (options.world) {
    const { benchWorld } = await import('./world');
    await benchWorld();
  }
}
