import { describe, expect, it } from 'vitest';
import { createRouter } from '../../src/shared/routing';
import { createAnalyzer } from '../../src/shared/routing/analyze';
import { accuracy, labelledSet, wordsFromDisk } from '../helpers/routeLabelled';
import { catalogFromDisk } from './catalogFromDisk';

const words = wordsFromDisk();
const router = createRouter(catalogFromDisk(), words);

describe('the shared free-text router', () => {
  it('folds slang, reduplication, affixes, phrases and synonyms onto the same words', () => {
    const a = createAnalyzer(words);
    expect(a.words('jalanan bolong2')).toEqual(a.words('jalan berlubang'));
    expect(a.words('anak2 ngemis')).toEqual(a.words('anak pengemis'));
    expect(a.words('got mampet')).toEqual(a.words('selokan tersumbat'));
    expect(a.words('lampu jln')).toEqual(a.words('street light'));
    expect(a.words('pete-pete')).toEqual(a.words('angkot'));
    expect(a.words('dikeruk')).toEqual(a.words('pengerukan'));
    expect(a.words('diperbaiki')).toEqual(a.words('perbaikan'));
    expect(a.words('yg gak diangkut')).toEqual(a.words('tidak mengangkut'));
  });

  it('scores every text of the labelled set, held-out part included, well above the old keyword matcher', () => {
    const set = labelledSet();
    expect(set.length).toBeGreaterThanOrEqual(150);
    const all = accuracy(router, set);
    const heldOut = accuracy(router, set.filter((x) => x.heldOut));
    expect(all.top1).toBeGreaterThanOrEqual(0.85);
    expect(all.top3).toBeGreaterThanOrEqual(0.95);
    expect(heldOut.top1).toBeGreaterThanOrEqual(0.85);
  });

  it('labels only services the catalog has', () => {
    const catalog = catalogFromDisk();
    for (const item of labelledSet()) expect(catalog.services.has(item.service), item.service).toBe(true);
  });

  it('is unsure on words that name no service, with the general information desk first for a question', () => {
    expect(router.route('').unsure).toBe(true);
    expect(router.route('blablabla qwerty').suggestions[0].service_code).toBe('general-pengaduan');
    expect(router.route('bagaimana caranya?')).toMatchObject({ unsure: true, suggestions: [{ service_code: 'general-informasi' }] });
  });

  it('names the words it matched', () => {
    expect(router.matched('got depan rumah mampet', 'pu-drainase')).toEqual(['saluran', 'sumbat']);
  });
});
