import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/server';

const CLIENT = join(ROOT, 'src/client');
const SRC = join(ROOT, 'src');
const EXTS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** Relative imports of a file (static, dynamic, type-only and re-exports), resolved to files. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const base = resolve(dirname(file), m[1]);
    const hit = EXTS.map((e) => base + e).find((p) => existsSync(p) && statSync(p).isFile());
    if (hit) found.push(hit);
  }
  return found;
}

describe('the client is grouped by feature', () => {
  it('no folder under src/client holds more than 20 files directly', () => {
    const crowded = walk(CLIENT)
      .map((f) => dirname(f))
      .reduce((m, d) => m.set(d, (m.get(d) ?? 0) + 1), new Map<string, number>());
    const over = [...crowded].filter(([, n]) => n > 20).map(([d, n]) => `${relative(ROOT, d)}: ${n}`);
    expect(over).toEqual([]);
  });

  it('has no catch-all folders', () => {
    const names = walk(CLIENT).map((f) => relative(CLIENT, dirname(f)).split('/')).flat();
    expect(names.filter((n) => ['ui', 'common', 'misc', 'utils'].includes(n))).toEqual([]);
  });

  it('has no import circles anywhere in src (type-only imports included)', () => {
    const files = walk(SRC).filter((f) => /\.tsx?$/.test(f));
    const graph = new Map(files.map((f) => [f, importsOf(f)]));
    const state = new Map<string, 1 | 2>();
    const stack: string[] = [];
    const cycles: string[] = [];
    const visit = (n: string) => {
      state.set(n, 1);
      stack.push(n);
      for (const d of graph.get(n) ?? []) {
        if (state.get(d) === 1) cycles.push([...stack.slice(stack.indexOf(d)), d].map((x) => relative(ROOT, x)).join(' -> '));
        else if (!state.get(d)) visit(d);
      }
      stack.pop();
      state.set(n, 2);
    };
    for (const f of files) if (!state.get(f)) visit(f);
    expect(cycles).toEqual([]);
  });
});
