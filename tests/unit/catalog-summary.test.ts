import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agencySummarySchema, buildCatalog, SceneError } from '../../src/shared/catalog';
import { ROOT } from '../helpers/server';
import { catalogFromDisk } from './catalogFromDisk';

const DIST = join(ROOT, 'dist/client');

describe('the catalog the app starts with (summaries)', () => {
  const full = catalogFromDisk();
  const summary = buildCatalog(catalogFromDisk.raw(), agencySummarySchema);

  it('holds every agency and service of the scene files, without forms or notices', () => {
    expect(summary.agencies.map((a) => a.code)).toEqual(full.agencies.map((a) => a.code));
    expect([...summary.services.keys()]).toEqual([...full.services.keys()]);
    for (const [code, { service, agency }] of full.services) {
      const { attributes: _form, notice: _notice, ...rest } = service;
      expect(summary.services.get(code)?.service, code).toEqual(rest);
      expect(summary.services.get(code)?.agency.code).toBe(agency.code);
    }
  });

  it('still refuses a bad agency file by file and field', () => {
    const [file, data] = Object.entries(catalogFromDisk.raw())[0];
    const bad = { ...(data as object), color: 'merah' };
    expect(() => buildCatalog({ [file]: bad }, agencySummarySchema)).toThrow(SceneError);
    expect(() => buildCatalog({ [file]: bad }, agencySummarySchema)).toThrow(`${file}: color:`);
  });

  it('is all the first load carries: the forms come in a lazy chunk (built client)', () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const initial = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    const lazy = readdirSync(join(DIST, 'assets'))
      .map((f) => `assets/${f}`)
      .filter((f) => f.endsWith('.js') && !initial.includes(f));
    const text = (files: string[]) => files.map((f) => readFileSync(join(DIST, f), 'utf8')).join('\n');
    const [initialJs, lazyJs] = [text(initial), text(lazy)];
    // Every attribute's question, in both languages, is in a lazy chunk and in none of the first load's files.
    const questions = [...full.services.values()].flatMap(({ service }) => service.attributes.flatMap((a) => [a.description.id, a.description.en]));
    expect(questions.length).toBeGreaterThan(20);
    expect(questions.filter((q) => initialJs.includes(q))).toEqual([]);
    expect(questions.filter((q) => !lazyJs.includes(q))).toEqual([]);
    // The names the welcome page and the hall show are in the first load.
    expect(full.agencies.filter((a) => !initialJs.includes(a.name.id))).toEqual([]);
  });
});
